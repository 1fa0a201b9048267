package io.vigie.feeds;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Engagements;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Random private spaces, random memberships among twelve people (the demo six and six new Keycloak
 * accounts), random follows between people, random posts sharing one hashtag, and an open space
 * that turns private after its posts are written; then every read path, for every person, is
 * checked against the rule: a post is seen exactly when its space is open or the reader belongs
 * to it (or wrote it). Each space also gets a shared article engaged with by its members: its
 * trends, themes and digest reach its readers only, with counts from inside the space. The seed is
 * printed, so a failure can be replayed.
 */
class RandomizedLeakTests extends ApiTest {

    private static final List<String> DEMO_PEOPLE = List.of("alice.martin", "bruno.petit", "chloe.bernard", "david.leroy",
            "emma.dubois", "farid.haddad");

    private record Placed(UUID post, UUID space, String author, UUID comment) {}

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Autowired
    DatabaseClient db;

    @Test
    void noReadPathShowsAPrivatePostToANonMember() {
        long seed = Long.getLong("vigie.leak.seed", System.nanoTime());
        System.out.println("randomized leak test seed: " + seed + " (replay with -Dvigie.leak.seed=" + seed + ")");
        Random random = new Random(seed);
        String tag = "leak" + Long.toHexString(seed & 0xffffffL) + UUID.randomUUID().toString().substring(0, 4);
        List<String> people = new ArrayList<>(DEMO_PEOPLE);
        for (int i = 0; i < 6; i++) {
            people.add(Keycloak.createEmployee());
        }
        Map<String, Caller> callers = new HashMap<>();
        people.forEach(name -> callers.put(name, as(name).signedIn()));
        // Following people widens home feeds, never what one may read.
        for (String follower : people) {
            for (int i = 0; i < 3; i++) {
                String followed = people.get(random.nextInt(people.size()));
                if (!followed.equals(follower)) {
                    callers.get(follower).put("/api/people/" + followed + "/follow", Map.of()).expectStatus().isNoContent();
                }
            }
        }

        // Spaces: four private ones with random members, one open one everybody joins.
        Map<UUID, Set<String>> members = new HashMap<>();
        List<Space> privateSpaces = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String owner = people.get(random.nextInt(people.size()));
            Space space = Spaces.create(callers.get(owner), "Leak " + i + " " + UUID.randomUUID(), "private");
            Set<String> inside = new HashSet<>(Set.of(owner));
            for (String person : people) {
                if (!person.equals(owner) && random.nextInt(3) == 0) {
                    callers.get(owner).post("/api/spaces/{id}/invitations", Map.of("username", person), space.id())
                            .expectStatus().isNoContent();
                    callers.get(person).postEmpty("/api/spaces/{id}/invitations/accept", space.id()).expectStatus().isNoContent();
                    inside.add(person);
                }
            }
            members.put(space.id(), inside);
            privateSpaces.add(space);
        }
        Space open = Spaces.create(callers.get("emma.dubois"), "Leak open " + UUID.randomUUID(), "open");
        for (String person : people) {
            callers.get(person).postEmpty("/api/spaces/{id}/join", open.id()).expectStatus().isNoContent();
        }

        // A space that is open while its posts are written, then turns private.
        String turner = people.get(random.nextInt(people.size()));
        Space turning = Spaces.create(callers.get(turner), "Leak turning " + UUID.randomUUID(), "open");
        Set<String> turningMembers = new HashSet<>(Set.of(turner));
        for (String person : people) {
            if (random.nextInt(3) == 0) {
                callers.get(person).postEmpty("/api/spaces/{id}/join", turning.id()).expectStatus().isNoContent();
                turningMembers.add(person);
            } else if (random.nextInt(2) == 0) {
                callers.get(person).postEmpty("/api/spaces/{id}/follow", turning.id()).expectStatus().isNoContent();
            }
        }
        members.put(turning.id(), turningMembers);

        // Posts: 24, random author among each space's members, all with the same hashtag.
        List<Placed> posts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            List<String> writers = List.copyOf(turningMembers);
            String author = writers.get(random.nextInt(writers.size()));
            PostView post = callers.get(author).post("/api/spaces/{id}/posts", Map.of("body", "Turning " + i + " #" + tag + " #" + spaceTag(tag, turning.id())), turning.id())
                    .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
            posts.add(new Placed(post.id(), turning.id(), author, comment(callers.get(author), post.id(), tag)));
        }
        callers.get(turner).put("/api/spaces/{id}", Map.of("name", turning.name(), "kind", "private"), turning.id())
                .expectStatus().isOk();
        privateSpaces.add(turning);
        for (int i = 0; i < 24; i++) {
            boolean inOpen = random.nextInt(4) == 0;
            Space space = inOpen ? open : privateSpaces.get(random.nextInt(privateSpaces.size()));
            List<String> writers = inOpen ? people : List.copyOf(members.get(space.id()));
            String author = writers.get(random.nextInt(writers.size()));
            PostView post = callers.get(author).post("/api/spaces/{id}/posts", Map.of("body", "Post " + i + " #" + tag + " #" + spaceTag(tag, space.id())), space.id())
                    .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
            posts.add(new Placed(post.id(), space.id(), author, comment(callers.get(author), post.id(), tag)));
        }
        // Everything indexed: the index holds every post (an unfiltered count, for the test's eyes only).
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(posts) == posts.size() * 2L);
        long inTurning = posts.stream().filter(p -> p.space().equals(turning.id())).count();
        // Its posts, their comments and the space itself.
        await().atMost(Duration.ofSeconds(30)).until(() -> indexedAsPrivate(turning) == inTurning * 2 + 1);

        // Trends: in every space, an article shared by one member and up-voted by the others, with the space's tag.
        Engagements engagements = new Engagements(db);
        List<Space> everySpace = new ArrayList<>(privateSpaces);
        everySpace.add(open);
        Map<UUID, Integer> engaged = new HashMap<>();
        for (Space space : everySpace) {
            List<String> inside = space == open ? people : List.copyOf(members.get(space.id()));
            UUID article = engagements.article("https://leak.example.org/" + tag + "/" + space.id(), "Leak article " + space.id(), List.of());
            UUID share = engagements.share(space.id(), article, personId(inside.getFirst()), Duration.ofHours(2), List.of(spaceTag(tag, space.id())));
            inside.stream().skip(1).forEach(person -> engagements.upvote(share, personId(person), Duration.ofHours(1)));
            engaged.put(space.id(), inside.size());
        }
        long acts = engaged.values().stream().mapToLong(Integer::longValue).sum();
        await().atMost(Duration.ofSeconds(30)).until(() -> indexedEngagements(tag) == acts);

        for (String reader : people) {
            Caller caller = callers.get(reader);
            // Trends: a space's board, themes and digest for its readers only; counts inside the space; a private
            // space's theme never shows company-wide.
            for (Space space : everySpace) {
                boolean may = space == open || members.get(space.id()).contains(reader);
                caller.get("/api/trends/topics?space={id}", space.id()).expectStatus().isEqualTo(may ? 200 : 404);
                caller.get("/api/spaces/{id}/digest", space.id()).expectStatus().isEqualTo(may ? 200 : 404);
                WebTestClient.ResponseSpec top = caller.get("/api/trends?tab=top&space={id}", space.id());
                top.expectStatus().isEqualTo(may ? 200 : 404);
                if (may) {
                    top.expectBody().jsonPath("$[0].article.title").isEqualTo("Leak article " + space.id())
                            .jsonPath("$[0].reason.people").isEqualTo(engaged.get(space.id()));
                }
                caller.get("/api/trends/topics/{t}", spaceTag(tag, space.id())).expectStatus().isOk().expectBody()
                        .jsonPath("$.articles.length()").isEqualTo(space == open ? 1 : 0);
            }
            Set<UUID> allowed = new HashSet<>();
            Set<UUID> forbidden = new HashSet<>();
            posts.forEach(p -> (readable(p, reader, members, open) ? allowed : forbidden).add(p.post()));

            // Every feed: nothing forbidden, and the tag feed shows exactly what is allowed.
            List<UUID> seen = new ArrayList<>();
            seen.addAll(feed(caller, "/api/tags/" + tag + "/posts?size=100"));
            assertThat(seen).as("tag feed of %s", reader).containsExactlyInAnyOrderElementsOf(allowed);
            seen.addAll(feed(caller, "/api/feed?order=latest&size=100"));
            seen.addAll(feed(caller, "/api/feed?order=relevant&size=100"));
            for (String author : people) {
                seen.addAll(feed(caller, "/api/people/" + author + "/posts?size=100"));
            }
            assertThat(seen).as("feeds of %s", reader).noneMatch(forbidden::contains);

            // Every direct path: 404 for what may not be read, 200 for the rest.
            for (Placed post : posts) {
                boolean may = allowed.contains(post.post());
                caller.get("/api/posts/{id}", post.post()).expectStatus().isEqualTo(may ? 200 : 404);
                caller.get("/api/posts/{id}/comments", post.post()).expectStatus().isEqualTo(may ? 200 : 404);
            }
            // Search: results, totals, facets, suggestions and related items hold only what is allowed.
            Map<String, Object> found = search(caller, tag, "&type=post&size=50");
            assertThat(ids(found)).as("search of %s", reader).containsExactlyInAnyOrderElementsOf(allowed);
            assertThat(((Number) found.get("total")).intValue()).as("search total of %s", reader).isEqualTo(allowed.size());
            assertThat(facet(found, "type")).as("type facet of %s", reader)
                    .containsEntry("post", (long) allowed.size());
            Set<String> readableSpaces = new HashSet<>();
            posts.stream().filter(p -> allowed.contains(p.post())).forEach(p -> readableSpaces.add(p.space().toString()));
            assertThat(facet(found, "space").keySet()).as("space facet of %s", reader).isSubsetOf(readableSpaces);
            Set<UUID> allowedComments = new HashSet<>();
            posts.stream().filter(p -> allowed.contains(p.post())).forEach(p -> allowedComments.add(p.comment()));
            assertThat(ids(search(caller, tag, "&type=comment&size=50"))).as("comment search of %s", reader)
                    .containsExactlyInAnyOrderElementsOf(allowedComments);
            // A facet counts beyond its own filter (multi-select): still only what the reader may read.
            assertThat(facet(found, "type")).as("type facet of %s", reader)
                    .containsEntry("comment", (long) allowedComments.size());
            Set<String> expectedTags = new HashSet<>(Set.of(tag));
            readableSpaces.forEach(space -> expectedTags.add(spaceTag(tag, UUID.fromString(space))));
            assertThat(suggestedTags(caller, tag)).as("tag suggestions of %s", reader).containsExactlyInAnyOrderElementsOf(expectedTags);
            Placed sample = posts.stream().filter(p -> allowed.contains(p.post())).findFirst().orElseThrow();
            assertThat(related(caller, sample.post())).as("related items of %s", reader).noneMatch(forbidden::contains);

            for (Space space : privateSpaces) {
                boolean member = members.get(space.id()).contains(reader);
                caller.get("/api/spaces/{id}", space.id()).expectStatus().isEqualTo(member ? 200 : 404);
                caller.get("/api/spaces/{id}/posts", space.id()).expectStatus().isEqualTo(member ? 200 : 404);
                caller.get("/api/spaces/{id}/members", space.id()).expectStatus().isEqualTo(member ? 200 : 404);
            }
        }
    }

    /** A hashtag of one space's posts (so suggestions can tell spaces apart). */
    private static String spaceTag(String tag, UUID space) {
        return tag + "x" + space.toString().substring(0, 6);
    }

    private static UUID comment(Caller author, UUID post, String tag) {
        Map<?, ?> comment = author.post("/api/posts/{id}/comments", Map.of("body", "About " + tag), post)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) comment.get("id"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> search(Caller reader, String q, String more) {
        return reader.get("/api/search?q={q}" + more, q).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(Map<String, Object> results) {
        return ((List<Map<String, Object>>) results.get("items")).stream().map(i -> UUID.fromString((String) i.get("id"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Long> facet(Map<String, Object> results, String name) {
        Map<String, Long> counts = new HashMap<>();
        ((Map<String, List<Map<String, Object>>>) results.get("facets")).get(name)
                .forEach(f -> counts.put((String) f.get("value"), ((Number) f.get("count")).longValue()));
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static List<String> suggestedTags(Caller reader, String prefix) {
        Map<?, ?> suggestions = reader.get("/api/search/suggest?q={q}", prefix).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<String>) suggestions.get("tags");
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> related(Caller reader, UUID post) {
        List<Map<String, Object>> items = reader.get("/api/search/related/{id}?size=20", post).expectStatus().isOk()
                .expectBody(List.class).returnResult().getResponseBody();
        return items.stream().map(i -> UUID.fromString((String) i.get("id"))).toList();
    }

    private long indexed(List<Placed> posts) throws Exception {
        List<String> ids = new ArrayList<>();
        posts.forEach(p -> {
            ids.add(p.post().toString());
            ids.add(p.comment().toString());
        });
        return elasticsearch.count(c -> c.index("vigie-content").query(q -> q.ids(i -> i.values(ids)))).get().count();
    }

    /** Engagement documents of this run's articles (an unfiltered count, for the test's eyes only). */
    private long indexedEngagements(String tag) throws Exception {
        return elasticsearch.count(c -> c.index("vigie-content").query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("type").value("engagement")))
                .filter(f -> f.prefix(p -> p.field("tags").value(tag)))))).get().count();
    }

    private UUID personId(String username) {
        return db.sql("SELECT id FROM person WHERE username = :username").bind("username", username)
                .map(row -> row.get("id", UUID.class)).one().block();
    }

    private long indexedAsPrivate(Space space) throws Exception {
        return elasticsearch.count(c -> c.index("vigie-content").query(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("space_id").value(space.id().toString())))
                .filter(f -> f.term(t -> t.field("space_visibility").value("private")))))).get().count();
    }

    private static boolean readable(Placed post, String reader, Map<UUID, Set<String>> members, Space open) {
        return post.space().equals(open.id()) || members.get(post.space()).contains(reader) || post.author().equals(reader);
    }

    private static List<UUID> feed(Caller reader, String path) {
        return reader.get(path).expectStatus().isOk().expectBody(FeedPage.class).returnResult().getResponseBody()
                .items().stream().map(PostView::id).toList();
    }
}
