package io.vigie.directory;

import io.vigie.stack.RealmUpgrade;
import io.vigie.stack.TestStack;
import io.vigie.support.ApiTest;
import io.vigie.support.Keycloak;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A machine whose realm predates the admin service account (Keycloak imports the realm file only
 * once) gets it at the next start, without losing anything; until then the admin screens say
 * Keycloak refused Vigie rather than fail obscurely.
 */
class RealmUpgradeTests extends ApiTest {

    @Test
    void aRealmWithoutTheServiceAccountGetsItAndTheConsoleWorksAgain() {
        Caller emma = as("emma.dubois").signedIn();
        emma.get("/api/admin/people?size=1").expectStatus().isOk();   // a token is cached now
        Path realmFile = TestStack.settings().home().resolve("keycloak-realm").resolve("vigie-realm.json");
        assertThat(new RealmUpgrade(TestStack.settings()).apply(realmFile)).as("nothing to add to a fresh realm").isFalse();

        assertThat(Keycloak.adminDelete("/clients/" + Keycloak.clientUuid("vigie-admin"))).isEqualTo(204);
        try {
            emma.get("/api/admin/people?size=1").expectStatus().isEqualTo(502)
                    .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("vigie-admin"));
            emma.get("/api/feed").expectStatus().isOk();   // the rest of Vigie does not notice
        } finally {
            assertThat(new RealmUpgrade(TestStack.settings()).apply(realmFile)).isTrue();
        }
        emma.get("/api/admin/people?q={q}", "alice").expectStatus().isOk()
                .expectBody().jsonPath("$.people[0].username").isEqualTo("alice.martin");
        emma.put("/api/admin/people/{id}/roles/{role}", java.util.Map.of(), Keycloak.userId("emma.dubois"), "employee").expectStatus().isOk();
    }
}
