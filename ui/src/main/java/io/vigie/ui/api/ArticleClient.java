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

    public Article article(UUID id) {
        return api.get().uri("/api/articles/{id}", id).retrieve().body(Article.class);
    }

    /** Articles like this one among those the signed-in person may see. */
    public List<Post.ArticleCard> related(UUID id) {
        Post.ArticleCard[] related = api.get().uri("/api/articles/{id}/related", id).retrieve().body(Post.ArticleCard[].class);
        return related == null ? List.of() : List.of(related);
    }
}
