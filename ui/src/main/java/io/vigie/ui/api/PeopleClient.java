package io.vigie.ui.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Calls the API's people endpoints as the signed-in person. */
@Component
public class PeopleClient {

    private final RestClient api;

    PeopleClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public Me me() {
        return api.get().uri("/api/me").retrieve().body(Me.class);
    }

    public Profile profile(String username) {
        return api.get().uri("/api/people/{username}", username).retrieve().body(Profile.class);
    }

    public void follow(String username, boolean follow) {
        if (follow) {
            api.put().uri("/api/people/{username}/follow", username).retrieve().toBodilessEntity();
        } else {
            api.delete().uri("/api/people/{username}/follow", username).retrieve().toBodilessEntity();
        }
    }
}
