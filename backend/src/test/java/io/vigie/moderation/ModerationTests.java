package io.vigie.moderation;

import io.vigie.posts.PostView;
import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Reports and moderation against the real stack: the threshold hides an item on every read path,
 * moderators restore, hide, lock, warn and suspend, only moderators see the queue, and every act
 * lands in the audit log, which nothing can change.
 */
class ModerationTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @AfterEach
    void liftSuspensions() {
        db.sql("UPDATE person SET suspended_until = NULL WHERE suspended_until IS NOT NULL").fetch().rowsUpdated().block();
    }

    @Test
    void threeReportsHideAPostEverywhereUntilAModeratorRestoresIt() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller chloe = as("chloe.bernard").signedIn();
        Caller farid = as("farid.haddad").signedIn();
        Caller david = as("david.leroy").signedIn();   // moderator
        Caller emma = as("emma.dubois").signedIn();    // admin
        Space space = Spaces.create(alice, "Reports " + run, "open");
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Cheap watches spam" + run), space.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
        await().untilAsserted(() -> assertThat(hits(bruno, "spam" + run)).isEqualTo(1));

        report(bruno, post.id(), "Spam").expectStatus().isAccepted();
        report(bruno, post.id(), "Still spam").expectStatus().isEqualTo(409);
        report(chloe, post.id(), "Advertising").expectStatus().isAccepted();
        bruno.get("/api/posts/{id}", post.id()).expectStatus().isOk();
        report(farid, post.id(), "Scam").expectStatus().isAccepted();

        // The third distinct reporter hides it: direct reads, search and feeds lose it.
        bruno.get("/api/posts/{id}", post.id()).expectStatus().isNotFound();
        await().untilAsserted(() -> assertThat(hits(bruno, "spam" + run)).isZero());
        assertThat(bruno.get("/api/spaces/{id}/posts", space.id()).expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain(post.id().toString());

        // Only moderators see the queue, with the reasons and reporters.
        alice.get("/api/moderation/queue").expectStatus().isForbidden();
        david.get("/api/moderation/queue").expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + post.id() + "')].reports").isEqualTo(List.of(3))
                .jsonPath("$[?(@.id == '" + post.id() + "')].hidden").isEqualTo(List.of(true))
                .jsonPath("$[?(@.id == '" + post.id() + "')].reasons[0]").isEqualTo(List.of("Spam"));
        bruno.post("/api/moderation/post/{id}/restore", Map.of(), post.id()).expectStatus().isForbidden();

        david.post("/api/moderation/post/{id}/restore", Map.of("reason", "Not spam: a team joke"), post.id()).expectStatus().isNoContent();
        bruno.get("/api/posts/{id}", post.id()).expectStatus().isOk();
        await().untilAsserted(() -> assertThat(hits(bruno, "spam" + run)).isEqualTo(1));
        assertThat(david.get("/api/moderation/queue").expectBody(String.class).returnResult().getResponseBody())
                .doesNotContain(post.id().toString());

        // The audit log has both acts; admins read it, moderators do not.
        david.get("/api/admin/audit").expectStatus().isForbidden();
        emma.get("/api/admin/audit?q={q}", post.id()).expectStatus().isOk().expectBody()
                .jsonPath("$[0].action").isEqualTo("restore")
                .jsonPath("$[0].actorName").isEqualTo("David Leroy")
                .jsonPath("$[0].reason").isEqualTo("Not spam: a team joke")
                .jsonPath("$[1].action").isEqualTo("auto-hide")
                .jsonPath("$[1].actorName").isEqualTo("Vigie");
    }

    @Test
    void moderatorsHideCommentsLockDiscussionsWarnAndSuspendAuthors() {
        Caller alice = as("alice.martin").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Caller david = as("david.leroy").signedIn();
        Space space = Spaces.create(alice, "Moderated " + run, "open");
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Heated topic " + run), space.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
        Object comment = bruno.post("/api/posts/{id}/comments", Map.of("body", "Rude words " + run), post.id())
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");

        david.post("/api/moderation/comment/{id}/hide", Map.of("reason", "Rude"), comment).expectStatus().isNoContent();
        alice.get("/api/posts/{id}/comments", post.id()).expectStatus().isOk().expectBody(String.class)
                .value(thread -> assertThat(thread).doesNotContain("Rude words"));

        david.post("/api/moderation/post/{id}/lock", Map.of("reason", "Cooling down"), post.id()).expectStatus().isNoContent();
        bruno.post("/api/posts/{id}/comments", Map.of("body", "One more"), post.id()).expectStatus().isEqualTo(409);
        david.post("/api/moderation/post/{id}/unlock", Map.of(), post.id()).expectStatus().isNoContent();
        bruno.post("/api/posts/{id}/comments", Map.of("body", "One more"), post.id()).expectStatus().isCreated();

        david.post("/api/moderation/post/{id}/warn", Map.of(), post.id()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        david.post("/api/moderation/post/{id}/warn", Map.of("reason", "Keep it civil " + run), post.id()).expectStatus().isNoContent();
        assertThat(alice.get("/api/notifications").expectBody(String.class).returnResult().getResponseBody())
                .contains("warning").contains("Keep it civil " + run);

        david.post("/api/moderation/post/{id}/suspend", Map.of("reason", "Repeated", "days", 0), post.id()).expectStatus().isBadRequest();
        david.post("/api/moderation/post/{id}/teleport", Map.of(), post.id()).expectStatus().isBadRequest();
        david.post("/api/moderation/poll/{id}/hide", Map.of(), post.id()).expectStatus().isBadRequest();
        david.post("/api/moderation/post/{id}/suspend", Map.of("reason", "Repeated", "days", 2), post.id()).expectStatus().isNoContent();
        // Suspended: reads work, writes are refused with the reason.
        alice.get("/api/feed").expectStatus().isOk();
        alice.post("/api/spaces/{id}/posts", Map.of("body", "Can I write?"), space.id()).expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("suspended"));
    }

    @Test
    void theAuditLogIsAppendOnlyAndExportsAsCsvThatASpreadsheetCannotRun() {
        Caller emma = as("emma.dubois").signedIn();
        Caller alice = as("alice.martin").signedIn();
        Space space = Spaces.create(alice, "Audit " + run, "open");
        PostView post = alice.post("/api/spaces/{id}/posts", Map.of("body", "Audit me " + run), space.id())
                .expectStatus().isCreated().expectBody(PostView.class).returnResult().getResponseBody();
        emma.post("/api/moderation/post/{id}/hide", Map.of("reason", "=HYPERLINK(\"x\") \"quoted\" " + run), post.id()).expectStatus().isNoContent();

        String csv = emma.get("/api/admin/audit.csv?q={q}", post.id()).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv").expectBody(String.class).returnResult().getResponseBody();
        assertThat(csv).startsWith("at,actor,action,target_type,target_id,reason\r\n")
                .contains("\"Emma Dubois\",\"hide\",\"post\",\"" + post.id() + "\",\"'=HYPERLINK(\"\"x\"\") \"\"quoted\"\" " + run + "\"");
        emma.get("/api/admin/audit?from={from}", "yesterday").expectStatus().isBadRequest();

        assertThatThrownBy(() -> db.sql("UPDATE audit_log SET reason = 'rewritten' WHERE target_id = :id").bind("id", post.id().toString())
                .fetch().rowsUpdated().block()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> db.sql("DELETE FROM audit_log WHERE target_id = :id").bind("id", post.id().toString())
                .fetch().rowsUpdated().block()).hasMessageContaining("append-only");
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec report(Caller caller, UUID post, String reason) {
        return caller.post("/api/reports", Map.of("type", "post", "id", post, "reason", reason));
    }

    private static int hits(Caller caller, String q) {
        return ((List<?>) caller.get("/api/search?q={q}&type=post", q).expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody().get("items")).size();
    }
}
