package io.vigie.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import java.time.Duration;

/**
 * Base of the API's integration tests: the real application on a random port, against the test
 * stack's PostgreSQL, Elasticsearch and Keycloak (started once per run by the stack's session
 * listener, which also sets the token clock skew to zero). One Spring context serves every test
 * class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.junit.jupiter.api.extension.ExtendWith(DiagnoseOnFailure.class)
public abstract class ApiTest {

    @LocalServerPort
    private int port;

    protected WebTestClient api;

    @BeforeEach
    void connect() {
        // A new connection for every request: a test run sends thousands, some refused before their
        // body is read, and a pooled connection in an odd state cost 20 s timeouts in CI.
        api = WebTestClient.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
                .baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    /** This API's address for a path taken as it is, already encoded (for requests a template would re-encode). */
    protected java.net.URI raw(String path) {
        return java.net.URI.create("http://localhost:" + port + path);
    }

    protected WebTestClient.ResponseSpec getAs(String token, String path) {
        return api.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    /** Calls as one of the demo people, with a real Keycloak token. */
    protected Caller as(String username) {
        return new Caller(api, Keycloak.accessToken(username));
    }

    /** Calls another API instance as one of the demo people. */
    protected Caller as(String username, WebTestClient instance) {
        return new Caller(instance, Keycloak.accessToken(username));
    }

    /** Calls with a given token (a fresh one, say, that must outlive a fault test). */
    protected Caller withToken(String token) {
        return new Caller(api, token);
    }

    protected record Caller(WebTestClient api, String token) {
        public WebTestClient.ResponseSpec get(String path, Object... variables) {
            return api.get().uri(path, variables).headers(h -> h.setBearerAuth(token)).exchange();
        }

        public WebTestClient.ResponseSpec post(String path, Object body, Object... variables) {
            return api.post().uri(path, variables).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
        }

        public WebTestClient.ResponseSpec postEmpty(String path, Object... variables) {
            return api.post().uri(path, variables).headers(h -> h.setBearerAuth(token)).exchange();
        }

        public WebTestClient.ResponseSpec put(String path, Object body, Object... variables) {
            return api.put().uri(path, variables).headers(h -> h.setBearerAuth(token)).bodyValue(body).exchange();
        }

        public WebTestClient.ResponseSpec delete(String path, Object... variables) {
            return api.delete().uri(path, variables).headers(h -> h.setBearerAuth(token)).exchange();
        }

        /** Signs in (GET /api/me), which also joins the person to their department's space. */
        public Caller signedIn() {
            get("/api/me").expectStatus().isOk();
            return this;
        }
    }
}
