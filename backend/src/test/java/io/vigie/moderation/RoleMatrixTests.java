package io.vigie.moderation;

import io.vigie.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every moderation and administration endpoint, called by an employee, a moderator and an admin:
 * the status each gets. 404 means "allowed, but the item does not exist" (a random id).
 */
class RoleMatrixTests extends ApiTest {

    /** One endpoint and the status for employee, moderator, admin. */
    private record Row(HttpMethod method, String path, Object body, int employee, int moderator, int admin) {}

    private static final String NOBODY = UUID.randomUUID().toString();

    private static final List<Row> MATRIX = List.of(
            new Row(HttpMethod.GET, "/api/moderation/queue", null, 403, 200, 200),
            new Row(HttpMethod.POST, "/api/moderation/post/" + NOBODY + "/hide", Map.of(), 403, 404, 404),
            new Row(HttpMethod.POST, "/api/moderation/comment/" + NOBODY + "/restore", Map.of(), 403, 404, 404),
            new Row(HttpMethod.GET, "/api/trends/review", null, 403, 200, 200),
            new Row(HttpMethod.PUT, "/api/trends/review/" + NOBODY, Map.of("approved", true), 403, 404, 404),
            new Row(HttpMethod.GET, "/api/trends/trusted-sites", null, 403, 200, 200),
            new Row(HttpMethod.DELETE, "/api/trends/trusted-sites/nowhere.example.org", null, 403, 404, 404),
            new Row(HttpMethod.GET, "/api/admin/audit", null, 403, 403, 200),
            new Row(HttpMethod.GET, "/api/admin/audit.csv", null, 403, 403, 200),
            new Row(HttpMethod.GET, "/api/admin/banned-words", null, 403, 403, 200),
            new Row(HttpMethod.DELETE, "/api/admin/banned-words/never-banned-" + NOBODY, null, 403, 403, 404),
            new Row(HttpMethod.GET, "/api/admin/status", null, 403, 403, 200),
            new Row(HttpMethod.GET, "/api/admin/settings", null, 403, 403, 200),
            new Row(HttpMethod.GET, "/api/admin/search/reindex", null, 403, 403, 200),
            // SSO administration (Keycloak through the service account): admins only.
            new Row(HttpMethod.GET, "/api/admin/people?size=1", null, 403, 403, 200),
            new Row(HttpMethod.GET, "/api/admin/people/" + NOBODY, null, 403, 403, 404),
            new Row(HttpMethod.POST, "/api/admin/people", Map.of(), 403, 403, 400),
            new Row(HttpMethod.PUT, "/api/admin/people/" + NOBODY + "/roles/moderator", Map.of(), 403, 403, 404),
            new Row(HttpMethod.DELETE, "/api/admin/people/" + NOBODY + "/roles/moderator", null, 403, 403, 404),
            new Row(HttpMethod.PUT, "/api/admin/people/" + NOBODY + "/department", Map.of("department", "Sales"), 403, 403, 404),
            new Row(HttpMethod.POST, "/api/admin/people/" + NOBODY + "/disable", Map.of(), 403, 403, 404),
            new Row(HttpMethod.POST, "/api/admin/people/" + NOBODY + "/enable", Map.of(), 403, 403, 404),
            new Row(HttpMethod.GET, "/api/admin/departments", null, 403, 403, 200),
            new Row(HttpMethod.POST, "/api/admin/departments", Map.of(), 403, 403, 400),
            new Row(HttpMethod.PUT, "/api/admin/departments/" + NOBODY, Map.of("name", "Renamed"), 403, 403, 404),
            new Row(HttpMethod.DELETE, "/api/admin/departments/" + NOBODY, null, 403, 403, 404));

    @Test
    void eachRoleGetsWhatTheMatrixSays() {
        Map<String, Caller> callers = Map.of("employee", as("alice.martin").signedIn(), "moderator", as("david.leroy").signedIn(),
                "admin", as("emma.dubois").signedIn());
        for (Row row : MATRIX) {
            check("employee", callers.get("employee"), row, row.employee());
            check("moderator", callers.get("moderator"), row, row.moderator());
            check("admin", callers.get("admin"), row, row.admin());
        }
    }

    private void check(String role, Caller caller, Row row, int expected) {
        var request = api.method(row.method()).uri(row.path()).headers(h -> h.setBearerAuth(caller.token()));
        var response = row.body() == null ? request.exchange() : request.bodyValue(row.body()).exchange();
        response.expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status)
                .as("%s %s as %s", row.method(), row.path(), role).isEqualTo(expected));
    }

    @Test
    void adminsSeeTheSettingsInForce() {
        as("emma.dubois").get("/api/admin/settings").expectStatus().isOk().expectBody()
                .jsonPath("$.moderation.autoHideReports").isEqualTo(3)
                .jsonPath("$.rateLimits.enabled").isEqualTo(false)   // the test profile turns them off
                .jsonPath("$.rateLimits.posts.capacity").isEqualTo(30)
                .jsonPath("$.trends.window").exists();
    }
}
