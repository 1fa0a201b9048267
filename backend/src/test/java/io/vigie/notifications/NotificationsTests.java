package io.vigie.notifications;

import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationsTests extends ApiTest {

    @Test
    void mentionsCommentsRepliesAndInvitationsNotifyOnlyThoseWhoMayRead() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        UUID marketing = Spaces.id(alice, "marketing");
        Space hidden = Spaces.create(alice, "Quiet " + UUID.randomUUID(), "private");

        PostView secret = post(alice, hidden.id(), "Only for us, not @bruno.petit");
        PostView open = post(alice, marketing, "Hey @bruno.petit, have a look");

        List<NotificationController.Notification> brunos = inbox(bruno).items();
        assertThat(brunos).noneMatch(n -> secret.id().equals(n.postId()));
        assertThat(brunos).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("mention");
            assertThat(n.postId()).isEqualTo(open.id());
            assertThat(n.actorName()).isEqualTo("Alice Martin");
            assertThat(n.read()).isFalse();
        });

        Map<?, ?> comment = bruno.post("/api/posts/{id}/comments", Map.of("body", "Looks good"), open.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        alice.post("/api/posts/{id}/comments", Map.of("body", "Thanks", "parentId", comment.get("id")), open.id())
                .expectStatus().isCreated();
        assertThat(inbox(alice).items()).anyMatch(n -> n.kind().equals("comment") && open.id().equals(n.postId()));
        assertThat(inbox(bruno).items()).anyMatch(n -> n.kind().equals("reply") && open.id().equals(n.postId()));

        alice.post("/api/spaces/{id}/invitations", Map.of("username", "chloe.bernard"), hidden.id()).expectStatus().isNoContent();
        assertThat(inbox(chloe).items()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo("invitation");
            assertThat(n.spaceId()).isEqualTo(hidden.id());
            assertThat(n.detail()).isEqualTo(hidden.name());
        });

        assertThat(inbox(bruno).unread()).isPositive();
        bruno.postEmpty("/api/notifications/read").expectStatus().isNoContent();
        assertThat(inbox(bruno).unread()).isZero();
        assertThat(inbox(bruno).items()).allMatch(NotificationController.Notification::read);
    }

    private static PostView post(Caller author, UUID space, String body) {
        return author.post("/api/spaces/{id}/posts", Map.of("body", body), space).expectStatus().isCreated()
                .expectBody(PostView.class).returnResult().getResponseBody();
    }

    private static NotificationController.Inbox inbox(Caller person) {
        return person.get("/api/notifications").expectStatus().isOk()
                .expectBody(NotificationController.Inbox.class).returnResult().getResponseBody();
    }
}
