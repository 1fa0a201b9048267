package io.vigie.directory;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import reactor.test.StepVerifier;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak down or silent: the admin screens get a clear 503 problem, quickly, and nothing waits
 * forever. (Only the admin endpoints talk to Keycloak's Admin API: the rest of Vigie checks
 * tokens against cached keys.) No stack needed: a closed port and a port that never answers.
 */
class KeycloakUnavailableTests {

    @Test
    void aClosedPortIsA503ThatSaysWhat() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        KeycloakDirectory directory = directory("http://127.0.0.1:" + port + "/realms/vigie", Duration.ofSeconds(5));
        StepVerifier.create(directory.accounts("alice", 0, 20))
                .expectErrorSatisfies(error -> {
                    ErrorResponseException problem = (ErrorResponseException) error;
                    assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(problem.getBody().getDetail()).contains("Keycloak", "cannot be reached", "the rest of Vigie keeps working");
                })
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aKeycloakThatNeverAnswersIsA503AfterTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            KeycloakDirectory directory = directory("http://127.0.0.1:" + silent.getLocalPort() + "/realms/vigie", Duration.ofMillis(500));
            StepVerifier.create(directory.groups())
                    .expectErrorSatisfies(error -> {
                        ErrorResponseException problem = (ErrorResponseException) error;
                        assertThat(problem.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(problem.getBody().getDetail()).contains("did not answer in time");
                    })
                    .verify(Duration.ofSeconds(10));
        }
    }

    private static KeycloakDirectory directory(String issuer, Duration timeout) {
        return new KeycloakDirectory(new DirectoryProperties("vigie-admin", "secret", timeout), issuer);
    }
}
