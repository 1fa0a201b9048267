package io.vigie.experts;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert directory: declared skills, endorsements, subjects inferred from hashtags (never from
 * a space the reader cannot see), and people found by skill, best first.
 */
class ExpertsTests extends ApiTest {

    @Test
    void declaredEndorsedAndActiveSkillsRankTheExperts() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String skill = "Kube" + run;
        String hidden = "secret" + run;
        Space open = Spaces.create(chloe, "Skills " + run, "open");
        Space closed = Spaces.create(chloe, "Skills private " + run, "private");
        bruno.postEmpty("/api/spaces/{id}/join", open.id()).expectStatus().isNoContent();

        chloe.put("/api/me/skills", Map.of("skills", List.of(skill, "Data science", "data-science"))).expectStatus().isNoContent();
        for (int i = 0; i < 2; i++) {
            chloe.post("/api/spaces/{id}/posts", Map.of("body", "Cluster notes " + i + " #" + skill), open.id()).expectStatus().isCreated();
        }
        chloe.post("/api/spaces/{id}/posts", Map.of("body", "Hush #" + hidden), closed.id()).expectStatus().isCreated();
        bruno.post("/api/spaces/{id}/posts", Map.of("body", "I tried it once #" + skill), open.id()).expectStatus().isCreated();

        alice.put("/api/people/chloe.bernard/skills/{skill}/endorsement", Map.of(), skill).expectStatus().isNoContent();
        alice.put("/api/people/chloe.bernard/skills/{skill}/endorsement", Map.of(), skill).expectStatus().isNoContent();
        Map<?, ?> inbox = chloe.get("/api/notifications").expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) inbox.get("items")).as("told once, with the skill as she wrote it")
                .filteredOn(n -> "endorsement".equals(n.get("kind")) && skill.equals(n.get("detail"))).hasSize(1);
        alice.put("/api/people/chloe.bernard/skills/{skill}/endorsement", Map.of(), "cobol" + run).expectStatus().isNotFound();
        chloe.put("/api/people/chloe.bernard/skills/{skill}/endorsement", Map.of(), skill).expectStatus().isBadRequest();

        Map<?, ?> seenByAlice = alice.get("/api/people/chloe.bernard/skills").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        List<Map<String, Object>> declared = (List<Map<String, Object>>) seenByAlice.get("declared");
        assertThat(declared).extracting(d -> d.get("label")).containsExactlyInAnyOrder(skill, "Data science");
        assertThat(declared.getFirst().get("label")).as("endorsed first").isEqualTo(skill);
        assertThat(declared.getFirst().get("endorsements")).isEqualTo(1);
        assertThat(declared.getFirst().get("endorsedByMe")).isEqualTo(true);
        List<Map<String, Object>> active = (List<Map<String, Object>>) seenByAlice.get("activeOn");
        assertThat(active).extracting(a -> a.get("tag")).contains(skill.toLowerCase()).doesNotContain(hidden);

        // The search box finds her by a declared skill, among people.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<?, ?> found = bruno.get("/api/search?type=person&q={q}", skill).expectStatus().isOk().expectBody(Map.class)
                    .returnResult().getResponseBody();
            assertThat((List<Map<String, Object>>) found.get("items")).extracting(item -> item.get("id"))
                    .contains(io.vigie.support.Keycloak.userId("chloe.bernard"));
        });

        List<Map> experts = bruno.get("/api/experts?skill={s}", skill).expectStatus().isOk().expectBodyList(Map.class)
                .returnResult().getResponseBody();
        assertThat(experts).extracting(e -> e.get("username")).containsExactly("chloe.bernard", "bruno.petit");
        assertThat(experts.getFirst().get("posts")).isEqualTo(2);
        assertThat(bruno.get("/api/experts?skill={s}", hidden).expectStatus().isOk().expectBodyList(Map.class).returnResult()
                .getResponseBody()).as("a private space's subject shows no one").isEmpty();
        assertThat(chloe.get("/api/experts?skill={s}", hidden).expectStatus().isOk().expectBodyList(Map.class).returnResult()
                .getResponseBody()).extracting(e -> e.get("username")).containsExactly("chloe.bernard");

        // Taking a skill off the profile takes its endorsements along.
        chloe.put("/api/me/skills", Map.of("skills", List.of("Data science"))).expectStatus().isNoContent();
        Map<?, ?> after = alice.get("/api/people/chloe.bernard/skills").expectStatus().isOk().expectBody(Map.class)
                .returnResult().getResponseBody();
        assertThat((List<Map<String, Object>>) after.get("declared")).extracting(d -> d.get("label")).containsExactly("Data science");
        chloe.put("/api/me/skills", Map.of("skills", List.of("x".repeat(41)))).expectStatus().isBadRequest();
    }
}
