package io.vigie.ui.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A space's watch sources and inbox, as the signed-in person. */
@Component
public class WatchClient {

    private final RestClient api;

    WatchClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public List<Watch.Source> sources(UUID space) {
        Watch.Source[] sources = api.get().uri("/api/spaces/{id}/sources", space).retrieve().body(Watch.Source[].class);
        return sources == null ? List.of() : List.of(sources);
    }

    public Watch.Source add(UUID space, String url) {
        return api.post().uri("/api/spaces/{id}/sources", space).body(Map.of("url", url)).retrieve().body(Watch.Source.class);
    }

    public void remove(UUID source) {
        api.delete().uri("/api/sources/{id}", source).retrieve().toBodilessEntity();
    }

    public Watch.Source pollNow(UUID source) {
        return api.post().uri("/api/sources/{id}/poll", source).retrieve().body(Watch.Source.class);
    }

    public List<Watch.Item> inbox(UUID space, String status) {
        Watch.Item[] items = api.get().uri("/api/spaces/{id}/inbox?status={status}", space, status).retrieve().body(Watch.Item[].class);
        return items == null ? List.of() : List.of(items);
    }

    public Watch.Item promote(UUID item, String comment, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("comment", comment);
        body.put("tags", tags);
        return api.post().uri("/api/inbox/{id}/promote", item).body(body).retrieve().body(Watch.Item.class);
    }

    public Watch.Item dismiss(UUID item) {
        return api.post().uri("/api/inbox/{id}/dismiss", item).retrieve().body(Watch.Item.class);
    }
}
