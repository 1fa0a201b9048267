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
        assertThat(share.get("commentHtml")).asString().contains("<strong>read</strong>");
        assertThat(share.get("tags")).isEqualTo(List.of("energie", "climat"));

        // Through a short link that redirects (with tracking) to the same story: the same article.
        Map<?, ?> second = bruno.post("/api/spaces/{id}/shares", Map.of("url", base + "/short/" + story), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(second.get("id")).isEqualTo(first.get("id"));
        assertThat((List<?>) second.get("shares")).hasSize(2);

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
    void votesOnAnArticleAreOnePerPersonChangeableAndRemovable() {
        String story = UUID.randomUUID().toString().substring(0, 8);
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Votes " + story, "open");
        Object id = alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/" + story), space.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        bruno.put("/api/articles/{id}/vote", Map.of("value", 1), id).expectStatus().isOk();
        bruno.put("/api/articles/{id}/vote", Map.of("value", 1), id).expectStatus().isOk()
                .expectBody().jsonPath("$.upvotes").isEqualTo(1).jsonPath("$.myVote").isEqualTo(1);
        alice.put("/api/articles/{id}/vote", Map.of("value", -1), id).expectStatus().isOk()
                .expectBody().jsonPath("$.score").isEqualTo(0).jsonPath("$.myVote").isEqualTo(-1);
        bruno.delete("/api/articles/{id}/vote", id).expectStatus().isOk()
                .expectBody().jsonPath("$.upvotes").isEqualTo(0).jsonPath("$.downvotes").isEqualTo(1).jsonPath("$.myVote").isEqualTo(0);
        bruno.put("/api/articles/{id}/vote", Map.of("value", 2), id).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("value");

        Space hidden = Spaces.create(alice, "Hidden votes " + story, "private");
        Object secret = alice.post("/api/spaces/{id}/shares", Map.of("url", base + "/story/secret-" + story), hidden.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        bruno.put("/api/articles/{id}/vote", Map.of("value", 1), secret).expectStatus().isNotFound();
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
