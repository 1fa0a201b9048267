package io.vigie.ui.api;

import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the API's problem details into a sentence a person can act on. */
public final class ApiErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiErrors() {}

    /** The first field error or the problem's detail; {@code fallback} when there is neither. */
    public static String message(RestClientException error, String fallback) {
        if (!(error instanceof RestClientResponseException response)) {
            return fallback;
        }
        try {
            JsonNode problem = JSON.readTree(response.getResponseBodyAsString());
            JsonNode errors = problem.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                JsonNode first = errors.get(0);
                return first.path("field").asString("") + " " + first.path("message").asString("");
            }
            String detail = problem.path("detail").asString("");
            return detail.isBlank() ? fallback : detail;
        } catch (RuntimeException notJson) {
            return fallback;
        }
    }

    /** A write the API held for review (202): raised as a response exception, so {@link #message} gives its detail. */
    static void throwHeld(org.springframework.http.HttpRequest request, org.springframework.http.client.ClientHttpResponse response)
            throws java.io.IOException {
        throw new RestClientResponseException("held for review", response.getStatusCode(), response.getStatusText(),
                response.getHeaders(), response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
