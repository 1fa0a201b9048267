package io.vigie.articles;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.LocalSite;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sharing links into spaces: one article per canonical URL, many shares, seen through readable spaces only. */
class SharingArticlesTests extends ApiTest {

    private LocalSite site;
    private String base;

    /** Every path is a story; /short/x redirects (with tracking) to /story/x. */
    @BeforeEach
    void serve() {
        site = LocalSite.start().handle("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/short/")) {
                exchange.getResponseHeaders().add("Location", "/story/" + path.substring(7) + "?utm_campaign=newsletter");
                exchange.sendResponseHeaders(301, -1);
                exchange.close();
                return;
            }
            LocalSite.send(exchange, 200, "text/html; charset=utf-8", "<html><head><title>Story " + path
                    + "</title><meta property=\"og:site_name\" content=\"Local News\"></head><body><article>Text of " + path
                    + "</article></body></html>");
        });
        base = site.url("");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aSecondShareOfTheSameArticleAddsAShareNotAnArticle() {
        String story = UUID.randomUUID().toString().substring(0, 8);
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Watch " + story, "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();

        Map<?, ?> first = alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/" + story + "?utm_source=x&fbclid=y#top",
                        "comment", "Worth a **read**", "tags", List.of("Énergie", "climat")), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("url")).isEqualTo(base + "/story/" + story);
        assertThat(first.get("title")).isEqualTo("Story /story/" + story);
        assertThat(first.get("siteName")).isEqualTo("Local News");
        Map<?, ?> share = (Map<?, ?>) ((List<?>) first.get("shares")).getFirst();
        assertThat(share.get("html")).asString().contains("<strong>read</strong>");
        assertThat(share.get("hashtags")).isEqualTo(List.of("energie", "climat"));
        assertThat(((Map<?, ?>) share.get("article")).get("title")).isEqualTo("Story /story/" + story);
        assertThat(first.get("keywords")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("story");
        // Editing the comment keeps the themes chosen beside it, and adds the new hashtags.
        Map<?, ?> edited = alice.put("/api/posts/{id}", Map.of("body", "Worth a read, see #solaire"), share.get("id"))
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) edited.get("hashtags")).stream().map(String::valueOf).toList()).containsExactlyInAnyOrder("solaire", "energie", "climat");

        // Through a short link that redirects (with tracking) to the same story: the same article.
        Map<?, ?> second = bruno.post("/api/spaces/{id}/shares", Map.of("url", base + "/short/" + story), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat((List<?>) second.get("shares")).hasSize(2);
        assertThat(second.get("shareCount")).isEqualTo(2);

        alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/" + story), space.id())
                .expectStatus().isEqualTo(409);
        assertThat(bruno.get("/api/spaces/{id}/shares", space.id()).expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody()).hasSize(2);
    }

    @Test
    void anArticleSharedOnlyInAPrivateSpaceIsInvisibleToOutsiders() {
        String story = UUID.randomUUID().toString().substring(0, 8);
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space hidden = Spaces.create(alice, "Hidden watch " + story, "private");
        Map<?, ?> article = alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/" + story), hidden.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        alice.get("/api/articles/{id}", article.get("id")).expectStatus().isOk();
        bruno.get("/api/articles/{id}", article.get("id")).expectStatus().isNotFound();
        bruno.get("/api/spaces/{id}/shares", hidden.id()).expectStatus().isNotFound();
        bruno.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/" + story), hidden.id()).expectStatus().isNotFound();
    }

    @Test
    void aShareIsAPostVotedDiscussedAndFoundLikeAnyOtherWhileCountsStayInsideWhatOneMaySee() {
        String story = UUID.randomUUID().toString().substring(0, 8);
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Votes " + story, "open");
        Space hidden = Spaces.create(alice, "Hidden votes " + story, "private");
        Map<?, ?> article = alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/" + story), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Object shareId = ((Map<?, ?>) ((List<?>) article.get("shares")).getFirst()).get("id");
        Map<?, ?> inPrivate = alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/" + story, "comment", "for us only"),
                        hidden.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Object privateShareId = ((List<?>) inPrivate.get("shares")).stream().map(s -> (Map<?, ?>) s)
                .filter(s -> ((Map<?, ?>) s.get("space")).get("id").equals(hidden.id().toString())).findFirst().orElseThrow().get("id");

        bruno.put("/api/posts/{id}/vote", Map.of("value", 1), shareId).expectStatus().isOk();
        alice.put("/api/posts/{id}/vote", Map.of("value", 1), privateShareId).expectStatus().isOk();
        alice.post("/api/posts/{id}/comments", Map.of("body", "Private thoughts"), privateShareId).expectStatus().isCreated();
        bruno.post("/api/posts/{id}/comments", Map.of("body", "Public thoughts"), shareId).expectStatus().isCreated();

        // Alice sees both shares and counts both; Bruno sees the open one only, and its counts.
        alice.get("/api/articles/{id}", article.get("id")).expectStatus().isOk().expectBody()
                .jsonPath("$.shareCount").isEqualTo(2).jsonPath("$.upvotes").isEqualTo(2).jsonPath("$.commentCount").isEqualTo(2);
        bruno.get("/api/articles/{id}", article.get("id")).expectStatus().isOk().expectBody()
                .jsonPath("$.shareCount").isEqualTo(1).jsonPath("$.upvotes").isEqualTo(1).jsonPath("$.commentCount").isEqualTo(1)
                .jsonPath("$.shares[0].myVote").isEqualTo(1);
        bruno.put("/api/posts/{id}/vote", Map.of("value", 1), privateShareId).expectStatus().isNotFound();

        // The share is in its space's feed, with its article, and search finds it by the article's words.
        org.awaitility.Awaitility.await().untilAsserted(() -> bruno.get("/api/spaces/{id}/posts", space.id()).expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].article.title").isEqualTo("Story /story/" + story));
        org.awaitility.Awaitility.await().untilAsserted(() -> assertThat(bruno.get("/api/search?q={q}&type=post", story)
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).hasSize(1));
    }

    @Test
    void relatedArticlesComeFromReadableSharesOnly() {
        String story = UUID.randomUUID().toString().substring(0, 8);
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space open = Spaces.create(alice, "Related " + story, "open");
        Space hidden = Spaces.create(alice, "Hidden related " + story, "private");
        Map<?, ?> first = alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/glacier-" + story + "-one"), open.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/glacier-" + story + "-two"), open.id()).expectStatus().isCreated();
        alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/glacier-" + story + "-secret"), hidden.id())
                .expectStatus().isCreated();

        // Titles share "Story /story/glacier-<story>": the other open one is related; the private one only for Alice.
        await().untilAsserted(() -> assertThat(titles(alice.get("/api/articles/{id}/related", first.get("id"))))
                .contains("Story /story/glacier-" + story + "-two", "Story /story/glacier-" + story + "-secret")
                .doesNotContain("Story /story/glacier-" + story + "-one"));
        assertThat(titles(bruno.get("/api/articles/{id}/related", first.get("id"))))
                .contains("Story /story/glacier-" + story + "-two").doesNotContain("Story /story/glacier-" + story + "-secret");
    }

    private static List<Object> titles(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return response.expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(card -> card.get("title")).map(Object.class::cast).toList();
    }

    @Test
    void badSharesGetClearErrors() {
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Errors " + UUID.randomUUID(), "open");
        alice.post("/api/spaces/{id}/shares", Map.of("url", "http://169.254.169.254/latest/meta-data/"), space.id())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("url");
        alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/x", "tags", List.of("no spaces allowed")), space.id())
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("tags");
        alice.post("/api/spaces/{id}/shares", Map.of("url", ""), space.id()).expectStatus().isBadRequest();
        as("bruno.petit").signedIn().post("/api/spaces/{id}/shares", Map.of("url", base + "/story/y"), space.id())
                .expectStatus().isForbidden();
    }
}
