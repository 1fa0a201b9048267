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

    public Skills skills(String username) {
        return api.get().uri("/api/people/{username}/skills", username).retrieve().body(Skills.class);
    }

    /** The signed-in person's skills, replaced as a whole. */
    public void declareSkills(java.util.List<String> skills) {
        api.put().uri("/api/me/skills").body(java.util.Map.of("skills", skills)).retrieve().toBodilessEntity();
    }

    public void endorse(String username, String skill, boolean endorse) {
        if (endorse) {
            api.put().uri("/api/people/{username}/skills/{skill}/endorsement", username, skill).retrieve().toBodilessEntity();
        } else {
            api.delete().uri("/api/people/{username}/skills/{skill}/endorsement", username, skill).retrieve().toBodilessEntity();
        }
    }

    /** Who knows about a skill, best first. */
    public java.util.List<Skills.Expert> experts(String skill) {
        return api.get().uri(builder -> builder.path("/api/experts").queryParam("skill", "{s}").build(skill))
                .retrieve().body(new org.springframework.core.ParameterizedTypeReference<>() {});
    }

    public void follow(String username, boolean follow) {
        if (follow) {
            api.put().uri("/api/people/{username}/follow", username).retrieve().toBodilessEntity();
        } else {
            api.delete().uri("/api/people/{username}/follow", username).retrieve().toBodilessEntity();
        }
    }
}
