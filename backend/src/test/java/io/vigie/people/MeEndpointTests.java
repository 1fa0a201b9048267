package io.vigie.people;

import io.vigie.support.ApiTest;
import io.vigie.support.Keycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;

import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;

class MeEndpointTests extends ApiTest {

    @Autowired
    DatabaseClient db;

    @Test
    void meDescribesTheCallerFromTheirToken() {
        getAs(Keycloak.accessToken("david.leroy"), "/api/me")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.username").isEqualTo("david.leroy")
                .jsonPath("$.displayName").isEqualTo("David Leroy")
                .jsonPath("$.email").isEqualTo("david.leroy@vigie.example")
                .jsonPath("$.department").isEqualTo("HR")
                .jsonPath("$.roles").value(roles -> assertThat(roles).asInstanceOf(InstanceOfAssertFactories.LIST).contains("employee", "moderator"))
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.createdAt").isNotEmpty();
    }

    @Test
    void firstCallCreatesExactlyOnePersonRowEvenUnderConcurrentCalls() {
        String username = Keycloak.createEmployee();
        String token = Keycloak.freshToken(username);

        // Eight first calls at once: the upsert must still leave a single row.
        Flux.range(0, 8)
                .flatMap(i -> api.get().uri("/api/me").headers(h -> h.setBearerAuth(token))
                        .exchange().returnResult(String.class).getResponseBody().then(), 8)
                .then().block(Duration.ofSeconds(30));

        Long rows = db.sql("SELECT count(*) FROM person WHERE username = :username").bind("username", username)
                .map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(5));
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void laterCallsKeepTheCreationDate() {
        String token = Keycloak.accessToken("chloe.bernard");
        String first = getAs(token, "/api/me").expectStatus().isOk()
                .expectBody(Person.class).returnResult().getResponseBody().createdAt().toString();
        Person second = getAs(token, "/api/me").expectStatus().isOk()
                .expectBody(Person.class).returnResult().getResponseBody();
        assertThat(second.createdAt().toString()).isEqualTo(first);
        assertThat(second.lastSeenAt()).isAfterOrEqualTo(second.createdAt());
    }
}
