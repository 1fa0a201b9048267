package io.vigie.ui.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Calls the API's inspiration library as the signed-in person. */
@Component
public class LibraryClient {

    /** A collection as the person sees it ({@code items}: those they may read). */
    public record Summary(UUID id, String title, String description, long items, OffsetDateTime updatedAt) {}

    public record Collection(UUID id, String title, String description, long items, OffsetDateTime updatedAt, List<Entry> entries) {}

    public record Entry(Post post, String note, OffsetDateTime addedAt) {}

    private final RestClient api;

    LibraryClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public List<Summary> collections(String query) {
        return api.get().uri(builder -> builder.path("/api/library").queryParam("q", "{q}").build(query == null ? "" : query))
                .retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public Collection collection(UUID id) {
        return api.get().uri("/api/library/{id}", id).retrieve().body(Collection.class);
    }

    public Summary create(String title, String description) {
        return api.post().uri("/api/library").body(Map.of("title", title, "description", description)).retrieve().body(Summary.class);
    }

    public void add(UUID collectionId, UUID postId, String note) {
        api.post().uri("/api/library/{id}/items", collectionId).body(Map.of("postId", postId, "note", note))
                .retrieve().toBodilessEntity();
    }

    public void remove(UUID collectionId, UUID postId) {
        api.delete().uri("/api/library/{id}/items/{post}", collectionId, postId).retrieve().toBodilessEntity();
    }
}
