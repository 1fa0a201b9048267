package io.vigie.ui.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Advocacy items, shares with tracked links, and their figures, called as the signed-in person. */
@Component
public class AdvocacyClient {

    public record Item(UUID id, String title, String targetUrl, String site, UUID articleId, UUID postId, Map<String, String> texts,
                       List<String> departments, OffsetDateTime expiresAt, OffsetDateTime createdAt, String createdBy, boolean live,
                       boolean expired, long sharers, long clicks, List<String> myNetworks, long myClicks, long myUniqueClicks) {}

    public record Share(String network, String code, String link, String shareUrl) {}

    public record Counts(long shares, long clicks, long uniqueClicks) {}

    public record Group(String key, String name, String department, long shares, long clicks, long uniqueClicks) {}

    public record Day(LocalDate day, long shares, long clicks, long uniqueClicks) {}

    public record Stats(UUID itemId, Counts total, List<Group> departments, List<Group> people, List<Day> days) {}

    /** What a moderator fills in; exactly one of {@code articleId} and {@code postId}. */
    public record Draft(UUID articleId, UUID postId, String title, String targetUrl, Map<String, String> texts,
                        List<String> departments, OffsetDateTime expiresAt) {}

    private final RestClient api;

    AdvocacyClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public List<Item> feed(boolean everything) {
        return api.get().uri("/api/advocacy?all={all}", everything).retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public Item create(Draft draft) {
        return api.post().uri("/api/advocacy").body(draft).retrieve().body(Item.class);
    }

    public void withdraw(UUID id) {
        api.delete().uri("/api/advocacy/{id}", id).retrieve().toBodilessEntity();
    }

    public Share share(UUID id, String network) {
        Map<String, String> body = new HashMap<>();
        body.put("network", network);
        return api.post().uri("/api/advocacy/{id}/shares", id).body(body).retrieve().body(Share.class);
    }

    public Stats stats(UUID id) {
        return api.get().uri("/api/advocacy/{id}/stats", id).retrieve().body(Stats.class);
    }
}
