package io.vigie.security;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Engagements;
import io.vigie.support.Keycloak;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * The authorisation matrix, generated from the API's own route list: every route must have a rule
 * here, so a new endpoint without one fails this test. Then, for every route: no token → 401; a
 * valid token without the employee role → 403; moderator and admin routes refuse the roles below
 * them (403) and let theirs through; and every route that names something in a private space
 * (the space, a post, a comment, an article shared only there) answers an outsider with no 2xx,
 * while the member reads it.
 */
class RouteMatrixTests extends ApiTest {

    /** Who may call a route, before any per-item rule (membership, ownership) applies. */
    enum Access { PUBLIC, EMPLOYEE, MODERATOR, ADMIN }

    private static final Map<String, Access> RULES = Map.ofEntries(
            entry("GET /feeds/digest/{feedToken}.atom", Access.PUBLIC),   // a personal token in the address instead
            entry("GET /go/{code}", Access.PUBLIC),                       // clicked outside the company; redirects to its item only
            entry("GET /api/advocacy", Access.EMPLOYEE),
            entry("POST /api/advocacy", Access.MODERATOR),
            entry("DELETE /api/advocacy/{id}", Access.MODERATOR),
            entry("POST /api/advocacy/{id}/shares", Access.EMPLOYEE),
            entry("GET /api/advocacy/{id}/stats", Access.EMPLOYEE),
            // Admins, and department heads for their own department (KpisTests): refused to employees and moderators.
            entry("GET /api/kpis", Access.ADMIN),
            entry("GET /api/kpis/{chart}.csv", Access.ADMIN),
            entry("GET /api/me", Access.EMPLOYEE),
            entry("GET /api/me/invitations", Access.EMPLOYEE),
            entry("GET /api/feed", Access.EMPLOYEE),
            entry("GET /api/stream", Access.EMPLOYEE),
            entry("GET /api/notifications", Access.EMPLOYEE),
            entry("POST /api/notifications/read", Access.EMPLOYEE),
            entry("POST /api/notifications/{id}/read", Access.EMPLOYEE),
            entry("GET /api/people/{username}", Access.EMPLOYEE),
            entry("GET /api/people/{username}/posts", Access.EMPLOYEE),
            entry("PUT /api/people/{username}/follow", Access.EMPLOYEE),
            entry("DELETE /api/people/{username}/follow", Access.EMPLOYEE),
            entry("GET /api/tags/{tag}/posts", Access.EMPLOYEE),
            entry("GET /api/search", Access.EMPLOYEE),
            entry("GET /api/search/suggest", Access.EMPLOYEE),
            entry("GET /api/search/related/{id}", Access.EMPLOYEE),
            entry("GET /api/spaces", Access.EMPLOYEE),
            entry("POST /api/spaces", Access.EMPLOYEE),
            entry("GET /api/spaces/{id}", Access.EMPLOYEE),
            entry("PUT /api/spaces/{id}", Access.EMPLOYEE),
            entry("POST /api/spaces/{id}/join", Access.EMPLOYEE),
            entry("POST /api/spaces/{id}/follow", Access.EMPLOYEE),
            entry("DELETE /api/spaces/{id}/membership", Access.EMPLOYEE),
            entry("GET /api/spaces/{id}/members", Access.EMPLOYEE),
            entry("PUT /api/spaces/{id}/members/{personId}", Access.EMPLOYEE),
            entry("DELETE /api/spaces/{id}/members/{personId}", Access.EMPLOYEE),
            entry("POST /api/spaces/{id}/invitations", Access.EMPLOYEE),
            entry("POST /api/spaces/{id}/invitations/accept", Access.EMPLOYEE),
            entry("DELETE /api/spaces/{id}/invitations/mine", Access.EMPLOYEE),
            entry("GET /api/spaces/{id}/requests", Access.EMPLOYEE),
            entry("POST /api/spaces/{id}/requests", Access.EMPLOYEE),
            entry("POST /api/spaces/{id}/requests/{personId}/approve", Access.EMPLOYEE),
            entry("DELETE /api/spaces/{id}/requests/{personId}", Access.EMPLOYEE),
            entry("GET /api/spaces/{id}/posts", Access.EMPLOYEE),
            entry("POST /api/spaces/{spaceId}/posts", Access.EMPLOYEE),
            entry("GET /api/spaces/{spaceId}/shares", Access.EMPLOYEE),
            entry("POST /api/spaces/{spaceId}/shares", Access.EMPLOYEE),
            entry("GET /api/spaces/{spaceId}/sources", Access.EMPLOYEE),
            entry("POST /api/spaces/{spaceId}/sources", Access.EMPLOYEE),
            entry("GET /api/spaces/{spaceId}/inbox", Access.EMPLOYEE),
            entry("GET /api/spaces/{id}/digest", Access.EMPLOYEE),
            entry("POST /api/spaces/{id}/digest/feed", Access.EMPLOYEE),
            entry("DELETE /api/spaces/{id}/digest/feed", Access.EMPLOYEE),
            entry("PUT /api/spaces/{id}/trend-settings", Access.EMPLOYEE),
            entry("DELETE /api/sources/{id}", Access.EMPLOYEE),
            entry("POST /api/sources/{id}/poll", Access.EMPLOYEE),
            entry("POST /api/inbox/{itemId}/promote", Access.EMPLOYEE),
            entry("POST /api/inbox/{itemId}/dismiss", Access.EMPLOYEE),
            entry("GET /api/posts/{id}", Access.EMPLOYEE),
            entry("PUT /api/posts/{id}", Access.EMPLOYEE),
            entry("DELETE /api/posts/{id}", Access.EMPLOYEE),
            entry("PUT /api/posts/{id}/pin", Access.EMPLOYEE),
            entry("PUT /api/posts/{id}/vote", Access.EMPLOYEE),
            entry("DELETE /api/posts/{id}/vote", Access.EMPLOYEE),
            entry("PUT /api/posts/{id}/accepted-answer", Access.EMPLOYEE),
            entry("DELETE /api/posts/{id}/accepted-answer", Access.EMPLOYEE),
            entry("GET /api/questions", Access.EMPLOYEE),
            entry("GET /api/questions/similar", Access.EMPLOYEE),
            entry("PUT /api/posts/{id}/poll/ballot", Access.EMPLOYEE),
            entry("DELETE /api/posts/{id}/poll/ballot", Access.EMPLOYEE),
            entry("POST /api/posts/{id}/poll/close", Access.EMPLOYEE),
            entry("GET /api/posts/{id}/poll/voters", Access.EMPLOYEE),
            entry("GET /api/posts/{postId}/comments", Access.EMPLOYEE),
            entry("POST /api/posts/{postId}/comments", Access.EMPLOYEE),
            entry("PUT /api/comments/{id}", Access.EMPLOYEE),
            entry("DELETE /api/comments/{id}", Access.EMPLOYEE),
            entry("PUT /api/comments/{id}/vote", Access.EMPLOYEE),
            entry("DELETE /api/comments/{id}/vote", Access.EMPLOYEE),
            entry("POST /api/preview", Access.EMPLOYEE),
            entry("POST /api/links/preview", Access.EMPLOYEE),
            entry("GET /api/articles/{id}", Access.EMPLOYEE),
            entry("GET /api/articles/{id}/related", Access.EMPLOYEE),
            entry("POST /api/reports", Access.EMPLOYEE),
            entry("GET /api/trends", Access.EMPLOYEE),
            entry("GET /api/trends/topics", Access.EMPLOYEE),
            entry("GET /api/trends/topics/{topic}", Access.EMPLOYEE),
            entry("GET /api/moderation/queue", Access.MODERATOR),
            entry("POST /api/moderation/{type}/{id}/{action}", Access.MODERATOR),
            entry("GET /api/trends/review", Access.MODERATOR),
            entry("PUT /api/trends/review/{articleId}", Access.MODERATOR),
            entry("GET /api/trends/trusted-sites", Access.MODERATOR),
            entry("POST /api/trends/trusted-sites", Access.MODERATOR),
            entry("DELETE /api/trends/trusted-sites/{host}", Access.MODERATOR),
            entry("GET /api/admin/audit", Access.ADMIN),
            entry("GET /api/admin/company-values", Access.ADMIN),
            entry("PUT /api/admin/company-values", Access.ADMIN),
            entry("GET /api/company-values", Access.EMPLOYEE),
            entry("GET /api/people/{username}/kudos", Access.EMPLOYEE),
            entry("GET /api/people/{username}/skills", Access.EMPLOYEE),
            entry("PUT /api/me/skills", Access.EMPLOYEE),
            entry("PUT /api/people/{username}/skills/{skill}/endorsement", Access.EMPLOYEE),
            entry("DELETE /api/people/{username}/skills/{skill}/endorsement", Access.EMPLOYEE),
            entry("GET /api/experts", Access.EMPLOYEE),
            entry("GET /api/ideas", Access.EMPLOYEE),
            entry("GET /api/ideas/{id}/history", Access.EMPLOYEE),
            // Reviewing is checked by the service (moderators, the space's owners, the challenge's sponsor).
            entry("PUT /api/ideas/{id}/status", Access.EMPLOYEE),
            entry("PUT /api/ideas/{id}/follow", Access.EMPLOYEE),
            entry("DELETE /api/ideas/{id}/follow", Access.EMPLOYEE),
            entry("GET /api/challenges", Access.EMPLOYEE),
            entry("GET /api/challenges/{id}", Access.EMPLOYEE),
            // Jury and sponsor only: checked by the service, against the challenge.
            entry("GET /api/challenges/{id}/scores", Access.EMPLOYEE),
            entry("PUT /api/challenges/{id}/scores/{ideaId}", Access.EMPLOYEE),
            entry("POST /api/challenges/{id}/close", Access.EMPLOYEE),
            entry("GET /api/leaderboards", Access.EMPLOYEE),
            entry("GET /api/people/{username}/achievements", Access.EMPLOYEE),
            entry("GET /api/me/leaderboard", Access.EMPLOYEE),
            entry("PUT /api/me/leaderboard", Access.EMPLOYEE),
            entry("GET /api/admin/points", Access.ADMIN),
            entry("PUT /api/admin/points", Access.ADMIN),
            entry("GET /api/library", Access.EMPLOYEE),
            entry("GET /api/library/{id}", Access.EMPLOYEE),
            // Curating is checked by the controller (moderators and admins), not by the security filter.
            entry("POST /api/library", Access.MODERATOR),
            entry("PUT /api/library/{id}", Access.MODERATOR),
            entry("DELETE /api/library/{id}", Access.MODERATOR),
            entry("POST /api/library/{id}/items", Access.MODERATOR),
            entry("DELETE /api/library/{id}/items/{postId}", Access.MODERATOR),
            entry("GET /api/admin/audit.csv", Access.ADMIN),
            entry("GET /api/admin/banned-words", Access.ADMIN),
            entry("POST /api/admin/banned-words", Access.ADMIN),
            entry("DELETE /api/admin/banned-words/{word}", Access.ADMIN),
            entry("GET /api/admin/status", Access.ADMIN),
            entry("GET /api/admin/settings", Access.ADMIN),
            entry("GET /api/admin/search/reindex", Access.ADMIN),
            entry("POST /api/admin/search/reindex", Access.ADMIN),
            entry("POST /api/admin/search/check", Access.ADMIN),
            entry("GET /api/admin/people", Access.ADMIN),
            entry("POST /api/admin/people", Access.ADMIN),
            entry("GET /api/admin/people/{id}", Access.ADMIN),
            entry("PUT /api/admin/people/{id}/roles/{role}", Access.ADMIN),
            entry("DELETE /api/admin/people/{id}/roles/{role}", Access.ADMIN),
            entry("PUT /api/admin/people/{id}/department", Access.ADMIN),
            entry("POST /api/admin/people/{id}/disable", Access.ADMIN),
            entry("POST /api/admin/people/{id}/enable", Access.ADMIN),
            entry("GET /api/admin/departments", Access.ADMIN),
            entry("POST /api/admin/departments", Access.ADMIN),
            entry("PUT /api/admin/departments/{id}", Access.ADMIN),
            entry("DELETE /api/admin/departments/{id}", Access.ADMIN));

    /** Routes whose allowed call would change the system for everyone (a rebuild): checked for refusals only. */
    private static final Set<String> NOT_CALLED_BY_THEIR_ROLE = Set.of("POST /api/admin/search/reindex", "GET /api/stream");

    /**
     * Calls that answer an outsider exactly as they answer for a space that does not exist, and
     * touch only the caller's own rows: asking to join (202), declining an invitation one does not
     * have and revoking a digest address one does not have (204). The test checks that sameness.
     */
    private static final Set<String> OUTSIDER_MAY_SUCCEED = Set.of("POST /api/spaces/{id}/requests",
            "DELETE /api/spaces/{id}/invitations/mine", "DELETE /api/spaces/{id}/digest/feed");

    /** A body that passes most validations, so an outsider's refusal comes from the rules, not from a missing field. */
    private static final Map<String, Object> PLAUSIBLE_BODY = Map.ofEntries(
            entry("body", "An outsider writes"), entry("choices", List.of(0)), entry("name", "Outsider"), entry("kind", "open"), entry("reason", "test"),
            entry("url", "https://example.org/a"), entry("value", 1), entry("role", "member"), entry("username", "bruno.petit"),
            entry("halfLifeHours", 12), entry("comment", "x"), entry("approved", true));

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void routesAreKnown() {
        assertThat(routes()).isNotEmpty();
    }

    @Test
    void everyRouteHasARuleAndEveryRuleARoute() {
        Set<String> routes = routes();
        assertThat(new TreeSet<>(routes)).as("routes without a rule: add them to RULES").isSubsetOf(RULES.keySet());
        assertThat(new TreeSet<>(RULES.keySet())).as("rules for routes that no longer exist").isSubsetOf(routes);
    }

    @Test
    void everyRouteRefusesWhoItShould() {
        String noRole = Keycloak.freshToken(Keycloak.createPersonWithoutRoles());
        Map<Access, Caller> callers = Map.of(Access.EMPLOYEE, as("alice.martin").signedIn(), Access.MODERATOR, as("david.leroy").signedIn(),
                Access.ADMIN, as("emma.dubois").signedIn());
        assertSoftly(soft -> routes().stream().sorted().forEach(route -> {
            Access access = RULES.get(route);
            String path = fill(route, Map.of());
            soft.assertThat(call(route, path, null, Map.of())).as(route + " without a token")
                    .isEqualTo(access == Access.PUBLIC ? 404 : 401);
            if (access == Access.PUBLIC) {
                return;
            }
            soft.assertThat(call(route, path, noRole, Map.of())).as(route + " with a token but no employee role").isEqualTo(403);
            for (Access below : List.of(Access.EMPLOYEE, Access.MODERATOR)) {
                if (below.ordinal() < access.ordinal()) {
                    soft.assertThat(call(route, path, callers.get(below).token(), Map.of())).as(route + " as " + below).isEqualTo(403);
                }
            }
            if (!NOT_CALLED_BY_THEIR_ROLE.contains(route)) {
                soft.assertThat(call(route, path, callers.get(access).token(), Map.of())).as(route + " as " + access)
                        .isNotIn(401, 403);
            }
        }));
    }

    @Test
    void everyRouteThatNamesSomethingPrivateAnswersAnOutsiderWithNoSuccess() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        String run = UUID.randomUUID().toString().substring(0, 8);
        Space hidden = Spaces.create(alice, "Matrix " + run, "private");
        String post = (String) alice.post("/api/spaces/{id}/posts", Map.of("body", "Private plans " + run,
                        "poll", Map.of("options", List.of("Yes", "No"))), hidden.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        alice.put("/api/posts/{id}/poll/ballot", Map.of("choices", List.of(0)), post).expectStatus().isOk();
        String comment = (String) alice.post("/api/posts/{id}/comments", Map.of("body", "Private reply " + run), post)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        UUID aliceId = UUID.fromString(Keycloak.userId("alice.martin"));
        Engagements seed = new Engagements(db);
        UUID article = seed.article("https://private.example.org/" + run, "Private article " + run, List.of());
        seed.share(hidden.id(), article, aliceId, Duration.ofMinutes(5), List.of());
        String challenge = (String) alice.post("/api/spaces/{id}/posts", Map.of("body", "Private challenge " + run, "kind", "challenge",
                        "title", "Private challenge " + run, "challenge", Map.of("deadline", java.time.OffsetDateTime.now().plusDays(1).toString(),
                                "criteria", List.of(Map.of("label", "Impact")), "jury", List.of("alice.martin"))), hidden.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        String idea = (String) alice.post("/api/spaces/{id}/posts", Map.of("body", "Private idea " + run, "kind", "idea",
                        "title", "Private idea " + run, "idea", Map.of("problem", "p", "benefit", "b", "challengeId", challenge)), hidden.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
        Map<String, String> ids = Map.of("space", hidden.id().toString(), "post", post, "comment", comment,
                "article", article.toString(), "person", aliceId.toString(), "idea", idea, "challenge", challenge);

        // Related items read the search index: wait until the private post is in it.
        org.awaitility.Awaitility.await().untilAsserted(() -> alice.get("/api/search/related/{id}", post).expectStatus().isOk());

        List<String> checked = new ArrayList<>();
        assertSoftly(soft -> routes().stream().sorted()
                .filter(route -> RULES.get(route) == Access.EMPLOYEE && namesPrivateContent(route))
                .forEach(route -> {
                    String path = fill(route, ids);
                    checked.add(route);
                    int outsider = call(route, path, bruno.token(), PLAUSIBLE_BODY);
                    if (OUTSIDER_MAY_SUCCEED.contains(route)) {
                        int unknown = call(route, fill(route, Map.of()), bruno.token(), PLAUSIBLE_BODY);
                        soft.assertThat(outsider).as(route + ": an outsider learns nothing a random id would not tell").isEqualTo(unknown);
                    } else {
                        soft.assertThat(outsider / 100).as(route + " as an outsider (" + outsider + ")").isNotEqualTo(2);
                    }
                    if (route.startsWith("GET ")) {
                        soft.assertThat(call(route, path, alice.token(), Map.of()) / 100).as(route + " as the member").isEqualTo(2);
                    }
                }));
        assertThat(checked).hasSizeGreaterThan(35);
    }

    /** A route whose path names a space, post, comment, article, idea or challenge: it could reach private content. */
    private static boolean namesPrivateContent(String route) {
        return route.matches(".* /api/(spaces|posts|comments|articles|ideas|challenges)/\\{\\w+}.*") || route.startsWith("GET /api/search/related/");
    }

    /** The route's path with its variables set: ids from the fixture where they name one, harmless values elsewhere. */
    private static String fill(String route, Map<String, String> ids) {
        String path = route.substring(route.indexOf(' ') + 1);
        String prefix = path.replaceAll("/\\{.*", "");
        Matcher matcher = VARIABLE.matcher(path);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String kind = switch (name) {
                case "spaceId" -> "space";
                case "postId" -> "post";
                case "ideaId" -> "idea";
                case "personId" -> "person";
                case "id" -> prefix.endsWith("/spaces") ? "space" : prefix.endsWith("/posts") || prefix.endsWith("/related") ? "post"
                        : prefix.endsWith("/comments") ? "comment" : prefix.endsWith("/articles") ? "article"
                        : prefix.endsWith("/ideas") ? "idea" : prefix.endsWith("/challenges") ? "challenge" : "other";
                default -> "other";
            };
            String value = ids.getOrDefault(kind, switch (name) {
                case "type" -> "post";
                case "action" -> "hide";
                case "role" -> "moderator";
                case "username" -> "nobody-" + UUID.randomUUID();
                case "word", "host", "tag", "topic" -> "nothing-here";
                case "feedToken" -> UUID.randomUUID().toString().replace("-", "");
                default -> UUID.randomUUID().toString();
            });
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    private int call(String route, String path, String token, Map<String, Object> body) {
        HttpMethod method = HttpMethod.valueOf(route.substring(0, route.indexOf(' ')));
        WebTestClient.RequestBodySpec request = api.method(method).uri(path);
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token));
        }
        WebTestClient.ResponseSpec response = method == HttpMethod.GET || method == HttpMethod.DELETE
                ? request.exchange()
                : request.bodyValue(body).exchange();
        return response.returnResult(Void.class).getStatus().value();
    }

    private Set<String> routes() {
        Set<String> routes = new java.util.HashSet<>();
        mapping.getHandlerMethods().forEach((info, method) -> info.getPatternsCondition().getPatterns().forEach(pattern ->
                info.getMethodsCondition().getMethods().forEach(verb -> routes.add(verb.name() + " " + pattern.getPatternString()))));
        return routes;
    }
}
