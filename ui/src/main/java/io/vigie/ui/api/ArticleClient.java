package io.vigie.ui.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Link previews, shares and articles, as the signed-in person. */
@Component
public class ArticleClient {

    private final RestClient api;

    ArticleClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public Article.Preview preview(String url) {
        return api.post().uri("/api/links/preview").body(Map.of("url", url)).retrieve().body(Article.Preview.class);
    }

    public Article share(UUID spaceId, String url, String comment, List<String> tags) {
        Map<String, Object> body = new HashMap<>();
        body.put("url", url);
        body.put("comment", comment);
        body.put("tags", tags);
        return api.post().uri("/api/spaces/{id}/shares", spaceId).body(body).retrieve().body(Article.class);
    }

    /** Votes on an article (1, -1, or 0 to take the vote back). */
    public VoteResult vote(UUID id, int value) {
        Article changed = value == 0
                ? api.delete().uri("/api/articles/{id}/vote", id).retrieve().body(Article.class)
                : api.put().uri("/api/articles/{id}/vote", id).body(Map.of("value", value)).retrieve().body(Article.class);
        return new VoteResult(changed.upvotes(), changed.downvotes(), changed.score(), changed.myVote());
    }

    public Article article(UUID id) {
        return api.get().uri("/api/articles/{id}", id).retrieve().body(Article.class);
    }
}
