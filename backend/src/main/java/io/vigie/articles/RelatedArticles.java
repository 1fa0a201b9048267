package io.vigie.articles;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.vigie.posts.PostView;
import io.vigie.search.ShardFailures;
import io.vigie.search.Visibility;
import io.vigie.spaces.Reader;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Articles like one article, among the shares a reader may see: more_like_this on the article's
 * own words (title, description, themes) over shared posts, each other article once.
 */
@Component
class RelatedArticles {

    private static final String CONTENT = "vigie-content";
    private static final int SIZE = 5;

    private final ElasticsearchAsyncClient elasticsearch;
    private final ArticleRepository articles;

    RelatedArticles(ElasticsearchAsyncClient elasticsearch, ArticleRepository articles) {
        this.elasticsearch = elasticsearch;
        this.articles = articles;
    }

    /** For an article the reader may see (the caller checked). */
    Mono<List<PostView.ArticleCard>> of(Reader reader, ArticleViews.Article article) {
        String like = String.join(" ", nonNull(article.title()), nonNull(article.description()), String.join(" ", article.keywords())).strip();
        if (like.isEmpty()) {
            return Mono.just(List.of());
        }
        return Mono.fromFuture(() -> elasticsearch.search(s -> s.index(CONTENT).size(SIZE * 4)
                        .source(src -> src.filter(f -> f.includes("article_id")))
                        .query(q -> q.bool(b -> b
                                .must(m -> m.moreLikeThis(mlt -> mlt.fields("title", "body", "tags").like(l -> l.text(like))
                                        .minTermFreq(1).minDocFreq(1).maxQueryTerms(25).minimumShouldMatch("20%")))
                                .filter(Visibility.filter(reader))
                                .filter(f -> f.exists(e -> e.field("article_id")))
                                .mustNot(n -> n.term(t -> t.field("article_id").value(article.id().toString()))))), Map.class))
                .flatMap(ShardFailures::check)
                .as(ShardFailures::retried)
                .flatMap(response -> {
                    Set<UUID> ids = new LinkedHashSet<>();
                    for (Hit<Map> hit : response.hits().hits()) {
                        if (hit.source() != null && hit.source().get("article_id") instanceof String id && ids.size() < SIZE) {
                            ids.add(UUID.fromString(id));
                        }
                    }
                    return articles.articles(ids).collectMap(ArticleViews.Article::id)
                            .map(cards -> ids.stream().filter(cards::containsKey).map(cards::get)
                                    .map(a -> new PostView.ArticleCard(a.id(), a.url(), a.title(), a.description(), a.image(), a.siteName()))
                                    .toList());
                });
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
