package io.vigie.ui.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Trends, digests and their moderation, as the signed-in person. */
@Component
public class TrendsClient {

    private final RestClient api;

    TrendsClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    /** Rising, top or new; company-wide when {@code space} is null. */
    public List<Trends.ArticleTrend> trends(String tab, UUID space, String period) {
        Trends.ArticleTrend[] trends = api.get().uri(builder -> scoped(builder.path("/api/trends").queryParam("tab", tab)
                        .queryParam("period", period), space)).retrieve().body(Trends.ArticleTrend[].class);
        return trends == null ? List.of() : List.of(trends);
    }

    public Trends.Topics topics(UUID space) {
        return api.get().uri(builder -> scoped(builder.path("/api/trends/topics"), space)).retrieve().body(Trends.Topics.class);
    }

    public Trends.Topic topic(String topic, UUID space) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("topic", topic);
        return api.get().uri(builder -> {
            UriBuilder uri = builder.path("/api/trends/topics/{topic}");
            if (space != null) {
                uri.queryParam("space", space);
            }
            return uri.build(variables);
        }).retrieve().body(Trends.Topic.class);
    }

    public List<Trends.Candidate> reviewQueue() {
        Trends.Candidate[] queue = api.get().uri("/api/trends/review").retrieve().body(Trends.Candidate[].class);
        return queue == null ? List.of() : List.of(queue);
    }

    public void decide(UUID articleId, boolean approved) {
        api.put().uri("/api/trends/review/{id}", articleId).body(Map.of("approved", approved)).retrieve().toBodilessEntity();
    }

    public List<String> trustedSites() {
        String[] sites = api.get().uri("/api/trends/trusted-sites").retrieve().body(String[].class);
        return sites == null ? List.of() : List.of(sites);
    }

    public void trust(String host) {
        api.post().uri("/api/trends/trusted-sites").body(Map.of("host", host)).retrieve().toBodilessEntity();
    }

    public void distrust(String host) {
        api.delete().uri("/api/trends/trusted-sites/{host}", host).retrieve().toBodilessEntity();
    }

    public Trends.Digest digest(UUID space, int weeksAgo) {
        return api.get().uri("/api/spaces/{id}/digest?weeksAgo={weeks}", space, weeksAgo).retrieve().body(Trends.Digest.class);
    }

    /** The signed-in person's Atom address path for a space's digest (on the API). */
    public String digestFeedPath(UUID space) {
        Map<?, ?> answer = api.post().uri("/api/spaces/{id}/digest/feed", space).retrieve().body(Map.class);
        return answer == null ? null : (String) answer.get("path");
    }

    public void setHalfLife(UUID space, Integer hours) {
        Map<String, Object> body = new HashMap<>();
        body.put("halfLifeHours", hours);
        api.put().uri("/api/spaces/{id}/trend-settings", space).body(body).retrieve().toBodilessEntity();
    }

    private static java.net.URI scoped(UriBuilder builder, UUID space) {
        if (space != null) {
            builder.queryParam("space", space);
        }
        return builder.build();
    }
}
