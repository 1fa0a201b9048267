package io.vigie.ratelimit;

import io.vigie.spaces.Space;
import io.vigie.support.ApiTest;
import io.vigie.support.Spaces;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-person write limits, tight here (3 posts an hour): the fourth post waits, nothing else does. */
// Its own application context (other limits): closed after the class, so its background jobs (indexer, poller)
// do not outlive it beside the shared context.
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(properties = {"vigie.rate-limits.enabled=true", "vigie.rate-limits.posts.capacity=3",
        "vigie.rate-limits.posts.period=1h"})
class RateLimitTests extends ApiTest {

    @Test
    void theFourthPostInAnHourGets429WithRetryAfterWhileReadsAndOtherPeopleGoOn() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Caller farid = as("farid.haddad").signedIn();
        Caller bruno = as("bruno.petit").signedIn();
        Space space = Spaces.create(farid, "Limits " + run, "open");
        bruno.postEmpty("/api/spaces/{id}/join", space.id()).expectStatus().isNoContent();
        for (int i = 0; i < 3; i++) {
            farid.post("/api/spaces/{id}/posts", Map.of("body", "Post " + i), space.id()).expectStatus().isCreated();
        }
        String retryAfter = farid.post("/api/spaces/{id}/posts", Map.of("body", "One too many"), space.id())
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).startsWith("Too many posts"))
                .returnResult().getResponseHeaders().getFirst("Retry-After");
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);

        farid.get("/api/spaces/{id}/posts", space.id()).expectStatus().isOk();
        bruno.post("/api/spaces/{id}/posts", Map.of("body", "My first"), space.id()).expectStatus().isCreated();
    }
}
