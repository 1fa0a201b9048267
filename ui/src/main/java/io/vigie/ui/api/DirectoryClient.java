package io.vigie.ui.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin console's people and departments (Keycloak behind the API), as the signed-in admin. */
@Component
public class DirectoryClient {

    public record Person(String id, String username, String name, String email, boolean enabled, List<String> roles,
                         String department, Instant lastSignIn, Instant createdAt) {}

    public record PeoplePage(long total, int page, int size, List<Person> people) {}

    public record Department(String id, String name, int members, UUID spaceId, String spaceSlug) {}

    public record Created(Person person, String temporaryPassword) {}

    private final RestClient api;

    DirectoryClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public PeoplePage people(String text, int page, int size) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("q", text == null ? "" : text.strip());
        variables.put("page", page);
        variables.put("size", size);
        return api.get().uri("/api/admin/people?q={q}&page={page}&size={size}", variables).retrieve().body(PeoplePage.class);
    }

    public Created create(String username, String firstName, String lastName, String email, String department) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("email", email);
        body.put("department", department);
        return api.post().uri("/api/admin/people").body(body).retrieve().body(Created.class);
    }

    public Person grant(String id, String role) {
        return api.put().uri("/api/admin/people/{id}/roles/{role}", id, role).body(Map.of()).retrieve().body(Person.class);
    }

    public Person revoke(String id, String role) {
        return api.delete().uri("/api/admin/people/{id}/roles/{role}", id, role).retrieve().body(Person.class);
    }

    public Person move(String id, String department, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("department", department);
        body.put("reason", reason);
        return api.put().uri("/api/admin/people/{id}/department", id).body(body).retrieve().body(Person.class);
    }

    public Person setEnabled(String id, boolean enabled, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        return api.post().uri("/api/admin/people/{id}/{action}", id, enabled ? "enable" : "disable").body(body).retrieve().body(Person.class);
    }

    public List<Department> departments() {
        Department[] departments = api.get().uri("/api/admin/departments").retrieve().body(Department[].class);
        return departments == null ? List.of() : List.of(departments);
    }

    public Department createDepartment(String name) {
        return api.post().uri("/api/admin/departments").body(Map.of("name", name)).retrieve().body(Department.class);
    }

    public Department renameDepartment(String id, String name) {
        return api.put().uri("/api/admin/departments/{id}", id).body(Map.of("name", name)).retrieve().body(Department.class);
    }

    public void removeDepartment(String id) {
        api.delete().uri("/api/admin/departments/{id}", id).retrieve().toBodilessEntity();
    }
}
