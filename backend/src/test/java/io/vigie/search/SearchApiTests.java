package io.vigie.search;

import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One search over posts, comments, spaces and people, against the real index. */
class SearchApiTests extends ApiTest {

    private String word;
    private Caller alice;
    private Caller bruno;
    private Space space;

    @BeforeEach
    void data() {
        word = randomWord();
        alice = as("alice.martin").signedIn();
        bruno = as("bruno.petit").signedIn();
        space = Spaces.create(alice, "Search lab " + word, "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
    }

    @Test
    void findsEveryTypeWithHighlightsFacetsAndFilters() {
        PostView post = post(alice, "Notes on " + word + " for the quarterly review #" + word);
        Map<?, ?> comment = alice.post("/api/posts/{id}/comments", Map.of("body", "A comment about " + word + " as well"), post.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        Map<String, Object> results = awaitResults(bruno, "/api/search?q=" + word, 3);
        List<Map<String, Object>> items = items(results);
        assertThat(items).extracting(item -> item.get("type")).contains("post", "comment", "space");
        Map<String, Object> postHit = items.stream().filter(i -> i.get("id").equals(post.id().toString())).findFirst().orElseThrow();
        assertThat((String) postHit.get("snippet")).contains("<mark>" + word + "</mark>");
        assertThat(postHit.get("url")).isEqualTo("/posts/" + post.id());
        Map<String, Object> commentHit = items.stream().filter(i -> i.get("id").equals(comment.get("id"))).findFirst().orElseThrow();
        assertThat(commentHit.get("url")).isEqualTo("/posts/" + post.id());

        Map<String, List<Map<String, Object>>> facets = facets(results);
        assertThat(facets.get("type")).extracting(f -> f.get("value")).contains("post", "comment", "space");
        assertThat(facets.get("space")).anySatisfy(f -> {
            assertThat(f.get("value")).isEqualTo(space.id().toString());
            assertThat(f.get("label")).isEqualTo(space.name());
        });
        assertThat(facets.get("tag")).extracting(f -> f.get("value")).contains(word);

        Map<String, Object> commentsOnly = get(bruno, "/api/search?q=" + word + "&type=comment");
        assertThat(items(commentsOnly)).extracting(i -> i.get("id")).containsExactly(comment.get("id"));
        assertThat(commentsOnly.get("total")).isEqualTo(1);
        // Facets are multi-select: with comments chosen, the type facet still counts the posts.
        assertThat(facets(commentsOnly).get("type")).extracting(f -> f.get("value")).contains("post", "comment");
        assertThat(items(get(bruno, "/api/search?q=" + word + "&tag=" + word))).extracting(i -> i.get("id")).containsExactly(post.id().toString());
        assertThat(items(get(bruno, "/api/search?q=" + word + "&author=alice.martin&type=post"))).hasSize(1);
        assertThat(items(get(bruno, "/api/search?q=" + word + "&author=bruno.petit"))).isEmpty();
        assertThat(items(get(bruno, "/api/search?q=" + word + "&from=2000-01-01&to=2000-12-31"))).isEmpty();
    }

    @Test
    void typosPhrasesOperatorsAndAccentsBehave() {
        String typo = word.substring(0, 3) + swap(word.charAt(3)) + word.substring(4);
        PostView exact = post(alice, "Réunion about " + word + " and budgets");
        PostView other = post(alice, "Un autre sujet: les énergies renouvelables, " + word + " en bref");
        awaitResults(bruno, "/api/search?q=" + word + "&type=post", 2);

        // A typo still finds the posts, and says what it understood.
        Map<String, Object> typoResults = get(bruno, "/api/search?q=" + typo + "&type=post");
        assertThat(items(typoResults)).extracting(i -> i.get("id")).contains(exact.id().toString(), other.id().toString());
        assertThat(typoResults.get("didYouMean")).isEqualTo(word);
        // Marked through the typo too (a first page whose words match only through typos comes again, so marked).
        assertThat(items(typoResults)).extracting(i -> (String) i.get("snippet")).allMatch(snippet -> snippet.contains("<mark>" + word + "</mark>"));
        // Accent-insensitive and stemmed: "reunion" finds "Réunion", "énergie" finds "énergies".
        assertThat(ids(search(bruno, "reunion " + word, "&type=post")).getFirst()).isEqualTo(exact.id().toString());
        assertThat(ids(search(bruno, "\"energie renouvelable\" +" + word, ""))).containsExactly(other.id().toString());
        // An exact phrase must appear; NOT excludes.
        assertThat(ids(search(bruno, "\"about " + word + "\"", ""))).containsExactly(exact.id().toString());
        assertThat(ids(search(bruno, word + " NOT budgets", "&type=post"))).containsExactly(other.id().toString());
    }

    @Test
    void cursorPagesNeitherSkipNorRepeatAndSortsWork() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(post(alice, "Page " + i + " of " + word).id().toString());
        }
        awaitResults(bruno, "/api/search?q=" + word + "&type=post", 7);
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> page = get(bruno, "/api/search?q=" + word + "&type=post&size=3" + (cursor == null ? "" : "&cursor=" + cursor));
            for (String id : ids(page)) {
                assertThat(seen.add(id)).as("repeated %s", id).isTrue();
            }
            cursor = (String) page.get("next");
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
        assertThat(ids(get(bruno, "/api/search?q=" + word + "&type=post&sort=newest")).getFirst()).isEqualTo(created.getLast());
        bruno.get("/api/search?q=x&sort=sideways").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("sort");
        bruno.get("/api/search?q=x&cursor=garbage").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        bruno.get("/api/search?q=x&from=yesterday").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        bruno.get("/api/search?q=x&type=elephant").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("type");
        api.get().uri("/api/search?q=x").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void suggestionsAndRelatedStayInsideWhatTheReaderMayRead() {
        Space secret = Spaces.create(alice, "Hidden " + word, "private");
        PostView open = post(alice, "Launch plan " + word + " rocket engines #" + word + "open");
        alice.post("/api/spaces/{id}/posts", Map.of("body", "Launch plan " + word + " rocket boosters #" + word + "secret"), secret.id())
                .expectStatus().isCreated();
        PostView similar = post(alice, "More about the rocket engines launch plan " + word);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(tags(alice, word)).contains(word + "open", word + "secret"));

        assertThat(tags(bruno, word)).contains(word + "open").doesNotContain(word + "secret");
        Map<?, ?> spaces = bruno.get("/api/search/suggest?q=hidden " + word).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) spaces.get("spaces")).isEmpty();
        Map<?, ?> people = bruno.get("/api/search/suggest?q=alic").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) people.get("people")).extracting(p -> p.get("id")).contains("alice.martin");

        // The similar post has no hashtag, so the wait above does not prove it is indexed yet.
        List<Map<String, Object>> related = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            related.clear();
            related.addAll(bruno.get("/api/search/related/{id}", open.id()).expectStatus().isOk()
                    .expectBody(List.class).returnResult().getResponseBody());
            assertThat(related).extracting(r -> r.get("id")).contains(similar.id().toString());
        });
        assertThat(related).extracting(r -> (String) r.get("snippet")).noneMatch(s -> s != null && s.contains("boosters"));
        Map<String, Object> secretSearch = search(bruno, "+boosters +" + word, "");
        assertThat(items(secretSearch)).isEmpty();
        assertThat(facets(secretSearch).get("space")).isEmpty();
        assertThat(secretSearch.get("total")).isEqualTo(0);
    }

    @Test
    void aMemberWhoLeavesAPrivateSpaceStopsFindingItsContentAtOnce() {
        Space secret = Spaces.create(alice, "Leaving " + word, "private");
        alice.post("/api/spaces/{id}/invitations", Map.of("username", "bruno.petit"), secret.id()).expectStatus().isNoContent();
        bruno.postEmpty("/api/spaces/{id}/invitations/accept", secret.id()).expectStatus().isNoContent();
        alice.post("/api/spaces/{id}/posts", Map.of("body", "Confidential " + word + " roadmap"), secret.id()).expectStatus().isCreated();
        awaitResults(bruno, "/api/search?q=confidential+" + word + "&type=post", 1);

        bruno.delete("/api/spaces/{id}/membership", secret.id()).expectStatus().isNoContent();

        Map<String, Object> after = search(bruno, "+confidential +" + word, "");
        assertThat(items(after)).isEmpty();
        assertThat(after.get("total")).isEqualTo(0);
        assertThat(facets(after).get("space")).isEmpty();
        assertThat((List<?>) bruno.get("/api/search/suggest?q={q}", "leaving " + word).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("spaces")).isEmpty();
    }

    private PostView post(Caller author, String body) {
        return author.post("/api/spaces/{id}/posts", Map.of("body", body), space.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
    }

    private static Map<String, Object> awaitResults(Caller reader, String path, int atLeast) {
        List<Map<String, Object>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Object> results = get(reader, path);
            assertThat(items(results)).hasSizeGreaterThanOrEqualTo(atLeast);
            found.clear();
            found.add(results);
        });
        return found.getFirst();
    }

    /** The query goes in as a URI variable, so quotes and + are encoded, not read as spaces. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> search(Caller reader, String q, String more) {
        return reader.get("/api/search?q={q}" + more, q).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> get(Caller reader, String path) {
        return reader.get(path).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> results) {
        return (List<Map<String, Object>>) results.get("items");
    }

    private static List<String> ids(Map<String, Object> results) {
        return items(results).stream().map(i -> (String) i.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Map<String, Object>>> facets(Map<String, Object> results) {
        return (Map<String, List<Map<String, Object>>>) results.get("facets");
    }

    @SuppressWarnings("unchecked")
    private static List<String> tags(Caller reader, String prefix) {
        Map<?, ?> suggestions = reader.get("/api/search/suggest?q=" + prefix).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<String>) suggestions.get("tags");
    }

    /** A made-up word no other test uses, so counts are exact. */
    private static String randomWord() {
        Random random = new Random();
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static char swap(char c) {
        return c == 'x' ? 'y' : 'x';
    }
}
