package io.vigie.comments;

import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CommentsApiTests extends ApiTest {

    @Test
    void peopleCommentAndReplyOneLevelDeepAndThePostCountsThem() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Thoughts on the new logo?"), marketing)
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();

        CommentView first = comment(bruno, post.id(), "I like the **colours**, @alice.martin", null);
        assertThat(first.html()).contains("<strong>colours</strong>").contains("class=\"mention\"");
        CommentView reply = comment(alice, post.id(), "Thanks!", first.id());
        CommentView replyToReply = comment(bruno, post.id(), "You're welcome", reply.id());
        assertThat(replyToReply.parentId()).isEqualTo(first.id());

        List<CommentView> thread = thread(bruno, post.id());
        assertThat(thread).hasSize(1);
        assertThat(thread.getFirst().replies()).extracting(CommentView::id).containsExactly(reply.id(), replyToReply.id());
        alice.get("/api/posts/{id}", post.id()).expectStatus().isOk().expectBody().jsonPath("$.commentCount").isEqualTo(3);

        bruno.put("/api/comments/{id}/vote", Map.of("value", 1), reply.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.score").isEqualTo(1).jsonPath("$.myVote").isEqualTo(1);

        alice.delete("/api/comments/{id}", first.id()).expectStatus().isForbidden();
        bruno.delete("/api/comments/{id}", first.id()).expectStatus().isNoContent();
        List<CommentView> after = thread(alice, post.id());
        assertThat(after.getFirst().deleted()).isTrue();
        assertThat(after.getFirst().html()).isNull();
        assertThat(after.getFirst().replies()).hasSize(2);
        alice.get("/api/posts/{id}", post.id()).expectStatus().isOk().expectBody().jsonPath("$.commentCount").isEqualTo(2);
    }

    @Test
    void badCommentsAreRefusedWithFieldErrors() {
        Caller alice = as("alice.martin").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Comment me"), marketing)
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();

        alice.post("/api/posts/{id}/comments", Map.of("body", ""), post.id()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
        alice.post("/api/posts/{id}/comments", Map.of("body", "y".repeat(5_001)), post.id()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("5,000"));
        alice.post("/api/posts/{id}/comments", Map.of("body", "hi", "parentId", UUID.randomUUID().toString()), post.id())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("parentId");
        alice.post("/api/posts/{id}/comments", Map.of("body", "hi"), UUID.randomUUID()).expectStatus().isNotFound();
        assertThat(thread(alice, post.id())).isEmpty();
    }

    @Test
    void anOutsiderCannotReadOrWriteCommentsOfAPrivateSpace() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space hidden = Spaces.create(alice, "Board " + UUID.randomUUID(), "private");
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Confidential"), hidden.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
        CommentView comment = comment(alice, post.id(), "Also confidential", null);

        bruno.get("/api/posts/{id}/comments", post.id()).expectStatus().isNotFound();
        bruno.post("/api/posts/{id}/comments", Map.of("body", "peek"), post.id()).expectStatus().isNotFound();
        bruno.put("/api/comments/{id}/vote", Map.of("value", 1), comment.id()).expectStatus().isNotFound();
        bruno.delete("/api/comments/{id}", comment.id()).expectStatus().isNotFound();
    }

    private static CommentView comment(Caller author, UUID post, String body, UUID parent) {
        Map<String, Object> request = new HashMap<>();
        request.put("body", body);
        if (parent != null) {
            request.put("parentId", parent.toString());
        }
        return author.post("/api/posts/{id}/comments", request, post).expectStatus().isCreated()
                .expectBody(CommentView.class).returnResult().getResponseBody();
    }

    private static List<CommentView> thread(Caller reader, UUID post) {
        return reader.get("/api/posts/{id}/comments", post).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CommentView>>() {}).returnResult().getResponseBody();
    }
}
