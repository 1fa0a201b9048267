package io.vigie.feeds;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
 * Random private spaces, random memberships among the demo people, random posts sharing one
 * hashtag; then every read path, for every person, is checked against the rule: a post is seen
 * exactly when its space is open or the reader belongs to it. The seed is printed, so a failure
 * can be replayed.
 */
class RandomizedLeakTests extends ApiTest {

    private static final List<String> PEOPLE = List.of("alice.martin", "bruno.petit", "chloe.bernard", "david.leroy",
            "emma.dubois", "farid.haddad");

    private record Placed(UUID post, UUID space, String author) {}

    @Autowired
    ElasticsearchAsyncClient elasticsearch;

    @Test
    void noReadPathShowsAPrivatePostToANonMember() {
        long seed = Long.getLong("vigie.leak.seed", System.nanoTime());
        System.out.println("randomized leak test seed: " + seed + " (replay with -Dvigie.leak.seed=" + seed + ")");
        Random random = new Random(seed);
        String tag = "leak" + Long.toHexString(seed & 0xffffffL) + UUID.randomUUID().toString().substring(0, 4);
        Map<String, Caller> callers = new HashMap<>();
        PEOPLE.forEach(name -> callers.put(name, as(name).signedIn()));

        // Spaces: four private ones with random members, one open one everybody joins.
        Map<UUID, Set<String>> members = new HashMap<>();
        List<Space> privateSpaces = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String owner = PEOPLE.get(random.nextInt(PEOPLE.size()));
            Space space = Spaces.create(callers.get(owner), "Leak " + i + " " + UUID.randomUUID(), "private");
            Set<String> inside = new HashSet<>(Set.of(owner));
            for (String person : PEOPLE) {
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
        for (String person : PEOPLE) {
            callers.get(person).postEmpty("/api/spaces/{id}/join", open.id()).expectStatus().isNoContent();
        }

        // Posts: 24, random author among each space's members, all with the same hashtag.
        List<Placed> posts = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            boolean inOpen = random.nextInt(4) == 0;
            Space space = inOpen ? open : privateSpaces.get(random.nextInt(privateSpaces.size()));
            List<String> writers = inOpen ? PEOPLE : List.copyOf(members.get(space.id()));
            String author = writers.get(random.nextInt(writers.size()));
            PostView post = callers.get(author).post("/api/spaces/{id}/posts", Map.of("body", "Post " + i + " #" + tag), space.id())
                    .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
            posts.add(new Placed(post.id(), space.id(), author));
        }
        // Everything indexed: the index holds every post (an unfiltered count, for the test's eyes only).
        await().atMost(Duration.ofSeconds(30)).until(() -> indexed(posts) == posts.size());

        for (String reader : PEOPLE) {
            Caller caller = callers.get(reader);
            Set<UUID> allowed = new HashSet<>();
            Set<UUID> forbidden = new HashSet<>();
            posts.forEach(p -> (readable(p, reader, members, open) ? allowed : forbidden).add(p.post()));

            // Every feed: nothing forbidden, and the tag feed shows exactly what is allowed.
            List<UUID> seen = new ArrayList<>();
            seen.addAll(feed(caller, "/api/tags/" + tag + "/posts?size=100"));
            assertThat(seen).as("tag feed of %s", reader).containsExactlyInAnyOrderElementsOf(allowed);
            seen.addAll(feed(caller, "/api/feed?order=latest&size=100"));
            seen.addAll(feed(caller, "/api/feed?order=relevant&size=100"));
            for (String author : PEOPLE) {
                seen.addAll(feed(caller, "/api/people/" + author + "/posts?size=100"));
            }
            assertThat(seen).as("feeds of %s", reader).noneMatch(forbidden::contains);

            // Every direct path: 404 for what may not be read, 200 for the rest.
            for (Placed post : posts) {
                boolean may = allowed.contains(post.post());
                caller.get("/api/posts/{id}", post.post()).expectStatus().isEqualTo(may ? 200 : 404);
                caller.get("/api/posts/{id}/comments", post.post()).expectStatus().isEqualTo(may ? 200 : 404);
            }
            for (Space space : privateSpaces) {
                boolean member = members.get(space.id()).contains(reader);
                caller.get("/api/spaces/{id}", space.id()).expectStatus().isEqualTo(member ? 200 : 404);
                caller.get("/api/spaces/{id}/posts", space.id()).expectStatus().isEqualTo(member ? 200 : 404);
                caller.get("/api/spaces/{id}/members", space.id()).expectStatus().isEqualTo(member ? 200 : 404);
            }
        }
    }

    private long indexed(List<Placed> posts) throws Exception {
        return elasticsearch.count(c -> c.index("vigie-content").query(q -> q.ids(ids -> ids.values(
                posts.stream().map(p -> p.post().toString()).toList())))).get().count();
    }

    private static boolean readable(Placed post, String reader, Map<UUID, Set<String>> members, Space open) {
        return post.space().equals(open.id()) || members.get(post.space()).contains(reader) || post.author().equals(reader);
    }

    private static List<UUID> feed(Caller reader, String path) {
        return reader.get(path).expectStatus().isOk().expectBody(FeedPage.class).returnResult().getResponseBody()
                .items().stream().map(PostView::id).toList();
    }
}
