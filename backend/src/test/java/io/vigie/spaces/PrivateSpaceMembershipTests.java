package io.vigie.spaces;

import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Getting into a private space: by invitation, or by a request an owner approves. */
class PrivateSpaceMembershipTests extends ApiTest {

    @Test
    void anInvitedPersonAcceptsAndBecomesAMember() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(alice, "Launch " + UUID.randomUUID(), "private");

        bruno.get("/api/spaces/{id}", space.id()).expectStatus().isNotFound();
        bruno.postEmpty("/api/spaces/{id}/invitations/accept", space.id()).expectStatus().isNotFound();
        alice.post("/api/spaces/{id}/invitations", Map.of("username", "bruno.petit"), space.id()).expectStatus().isNoContent();
        alice.post("/api/spaces/{id}/invitations", Map.of("username", "nobody.here"), space.id()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("username");
        bruno.post("/api/spaces/{id}/invitations", Map.of("username", "chloe.bernard"), space.id()).expectStatus().isNotFound();

        bruno.get("/api/me/invitations").expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.spaceId == '%s')].spaceName".formatted(space.id())).isEqualTo(space.name());
        bruno.postEmpty("/api/spaces/{id}/invitations/accept", space.id()).expectStatus().isNoContent();

        bruno.get("/api/spaces/{id}", space.id()).expectStatus().isOk().expectBody().jsonPath("$.myRole").isEqualTo("member");
        assertThat(memberNames(alice, space.id())).containsExactly("alice.martin", "bruno.petit");
        bruno.post("/api/spaces/{id}/posts", Map.of("body", "Glad to be here"), space.id()).expectStatus().isCreated();
        alice.post("/api/spaces/{id}/invitations", Map.of("username", "bruno.petit"), space.id()).expectStatus().isEqualTo(409);
    }

    @Test
    void aRequestRevealsNothingAndAnOwnerApprovesIt() {
        Caller alice = as("alice.martin").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Space space = Spaces.create(alice, "Research " + UUID.randomUUID(), "private");

        // The same answer for a real private space and for nothing at all.
        chloe.post("/api/spaces/{id}/requests", Map.of("message", "Can I join?"), space.id()).expectStatus().isAccepted();
        chloe.post("/api/spaces/{id}/requests", Map.of("message", "Can I join?"), UUID.randomUUID()).expectStatus().isAccepted();
        chloe.get("/api/spaces/{id}/requests", space.id()).expectStatus().isNotFound();

        List<Map<String, Object>> requests = alice.get("/api/spaces/{id}/requests", space.id()).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).returnResult().getResponseBody();
        assertThat(requests).extracting(r -> r.get("username")).containsExactly("chloe.bernard");
        UUID chloeId = UUID.fromString((String) requests.getFirst().get("personId"));

        alice.postEmpty("/api/spaces/{id}/requests/{person}/approve", space.id(), chloeId).expectStatus().isNoContent();
        chloe.get("/api/spaces/{id}", space.id()).expectStatus().isOk();

        // Members cannot manage; owners can, but never remove the last owner.
        UUID aliceId = UUID.fromString((String) alice.get("/api/me").expectBody(Map.class).returnResult().getResponseBody().get("id"));
        chloe.delete("/api/spaces/{id}/members/{person}", space.id(), aliceId).expectStatus().isForbidden();
        alice.put("/api/spaces/{id}/members/{person}", Map.of("role", "member"), space.id(), aliceId).expectStatus().isEqualTo(409);
        alice.put("/api/spaces/{id}/members/{person}", Map.of("role", "king"), space.id(), chloeId).expectStatus().isBadRequest();

        alice.delete("/api/spaces/{id}/members/{person}", space.id(), chloeId).expectStatus().isNoContent();
        chloe.get("/api/spaces/{id}", space.id()).expectStatus().isNotFound();
    }

    private static List<String> memberNames(Caller reader, UUID space) {
        List<Map<String, Object>> members = reader.get("/api/spaces/{id}/members", space).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {}).returnResult().getResponseBody();
        return members.stream().map(m -> (String) m.get("username")).toList();
    }
}
