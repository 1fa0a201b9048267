package io.vigie.ui.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.Map;

/** What the admin console shows of the API itself: its services' health and the settings in force. */
@Component
public class SettingsClient {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {};

    private final RestClient api;

    SettingsClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public Map<String, Object> status() {
        return api.get().uri("/api/admin/status").retrieve().body(OBJECT);
    }

    public Map<String, Object> settings() {
        return api.get().uri("/api/admin/settings").retrieve().body(OBJECT);
    }
}
