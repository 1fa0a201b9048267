package io.vigie.ui.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Spaces, posts, votes and feeds, called as the signed-in person. */
@Component
public class SocialClient {

    private final RestClient api;

    SocialClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public List<SpaceSummary> spaces() {
        return api.get().uri("/api/spaces").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public FeedPage homeFeed(String order, String cursor) {
        return api.get().uri(builder -> withCursor(builder.path("/api/feed").queryParam("order", order), cursor).build())
                .retrieve().body(FeedPage.class);
    }

    public FeedPage spaceFeed(UUID spaceId, String order, String cursor) {
        return api.get().uri(builder -> withCursor(builder.path("/api/spaces/{id}/posts").queryParam("order", order), cursor)
                        .build(spaceId))
                .retrieve().body(FeedPage.class);
    }

    public Post post(UUID spaceId, String markdown) {
        return api.post().uri("/api/spaces/{id}/posts", spaceId).body(Map.of("body", markdown)).retrieve().body(Post.class);
    }

    public VoteResult vote(UUID postId, int value) {
        return value == 0
                ? api.delete().uri("/api/posts/{id}/vote", postId).retrieve().body(VoteResult.class)
                : api.put().uri("/api/posts/{id}/vote", postId).body(Map.of("value", value)).retrieve().body(VoteResult.class);
    }

    public void createSpace(String name, String kind, String description) {
        api.post().uri("/api/spaces").body(Map.of("name", name, "kind", kind, "description", description))
                .retrieve().toBodilessEntity();
    }

    public List<Comment> comments(UUID postId) {
        return api.get().uri("/api/posts/{id}/comments", postId).retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public Comment comment(UUID postId, UUID parentId, String markdown) {
        Map<String, Object> body = parentId == null ? Map.of("body", markdown) : Map.of("body", markdown, "parentId", parentId);
        return api.post().uri("/api/posts/{id}/comments", postId).body(body).retrieve().body(Comment.class);
    }

    public Notifications notifications() {
        return api.get().uri("/api/notifications").retrieve().body(Notifications.class);
    }

    public void markNotificationsRead() {
        api.post().uri("/api/notifications/read").retrieve().toBodilessEntity();
    }

    public void join(UUID spaceId) {
        api.post().uri("/api/spaces/{id}/join", spaceId).retrieve().toBodilessEntity();
    }

    public void follow(UUID spaceId) {
        api.post().uri("/api/spaces/{id}/follow", spaceId).retrieve().toBodilessEntity();
    }

    public void leave(UUID spaceId) {
        api.delete().uri("/api/spaces/{id}/membership", spaceId).retrieve().toBodilessEntity();
    }

    private static UriBuilder withCursor(UriBuilder builder, String cursor) {
        return cursor == null ? builder : builder.queryParam("cursor", cursor);
    }
}
