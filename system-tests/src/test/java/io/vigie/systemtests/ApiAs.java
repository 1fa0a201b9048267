package io.vigie.systemtests;

import io.vigie.stack.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Calls the packaged API as a demo person (dev-only password grant), to act beside a browser. */
final class ApiAs {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String token;
    private final String apiUrl;

    private ApiAs(String token, String apiUrl) {
        this.token = token;
        this.apiUrl = apiUrl;
    }

    static ApiAs person(String username) {
        String form = "grant_type=password&client_id=vigie-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(TestStack.settings().issuerUri() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return new ApiAs(JSON.readTree(response.body()).get("access_token").asString(), TestStack.settings().apiUrl());
    }

    /** The same person calling another API process (same Keycloak). */
    ApiAs at(String otherApiUrl) {
        return new ApiAs(token, otherApiUrl);
    }

    /** The raw answer, whatever its status: for tests that count failures instead of stopping at the first. */
    HttpResponse<String> attempt(HttpRequest.Builder request) {
        return send(request.build());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Authorization", "Bearer " + token);
    }

    JsonNode get(String path) {
        return JSON.readTree(send(request(path).GET().build()).body());
    }

    JsonNode post(String path, String json) {
        return call(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode put(String path, String json) {
        return call(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonNode delete(String path) {
        return call(request(path).DELETE());
    }

    /** The id of a space by its slug. */
    String spaceId(String slug) {
        for (JsonNode space : get("/api/spaces")) {
            if (slug.equals(space.get("slug").asString())) {
                return space.get("id").asString();
            }
        }
        throw new AssertionError("no space " + slug);
    }

    private JsonNode call(HttpRequest.Builder request) {
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError("the API answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
