package io.vigie.support;

import io.vigie.spaces.Space;
import org.springframework.core.ParameterizedTypeReference;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Finding and creating spaces through the API, for tests. */
public final class Spaces {

    private Spaces() {}

    /** The id of a space the caller can see, by its slug. */
    public static UUID id(ApiTest.Caller caller, String slug) {
        List<Map<String, Object>> spaces = caller.get("/api/spaces").expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult().getResponseBody();
        return spaces.stream().filter(s -> slug.equals(s.get("slug"))).findFirst()
                .map(s -> UUID.fromString((String) s.get("id")))
                .orElseThrow(() -> new AssertionError("no space " + slug + " in " + spaces));
    }

    public static Space create(ApiTest.Caller owner, String name, String kind) {
        return owner.post("/api/spaces", Map.of("name", name, "kind", kind)).expectStatus().isCreated()
                .expectBody(Space.class).returnResult().getResponseBody();
    }
}
