package io.vigie.esnode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A minimal JSON-over-HTTP client for talking to a test node, as any client would. */
public final class NodeHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public NodeHttp(URI base) {
        this.base = base;
    }

    public record Response(int status, JsonNode body) {
    }

    public JsonNode get(String path) {
        return ok("GET", path, null);
    }

    public JsonNode put(String path, String json) {
        return ok("PUT", path, json);
    }

    public JsonNode post(String path, String json) {
        return ok("POST", path, json);
    }

    public static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    public static String toJson(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Fails the test with the node's error body unless the status is 2xx. */
    public JsonNode ok(String method, String path, String json) {
        Response response = send(method, path, json);
        if (response.status() / 100 != 2) {
            throw new AssertionError(method + " " + path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    public Response send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, BodyPublishers.noBody());
        } else {
            request.method(method, BodyPublishers.ofString(json)).header("Content-Type", "application/json");
        }
        try {
            var response = client.send(request.build(), BodyHandlers.ofString());
            String body = response.body();
            return new Response(response.statusCode(), body == null || body.isBlank() ? null : parse(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
