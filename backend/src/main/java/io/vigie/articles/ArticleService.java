package io.vigie.articles;

import io.vigie.content.Hashtags;
import io.vigie.links.Canonical;
import io.vigie.links.PagePreview;
import io.vigie.links.SafeFetcher;
import io.vigie.links.WebAddress;
import io.vigie.posts.PostService;
import io.vigie.posts.PostView;
import io.vigie.spaces.Reader;
import io.vigie.spaces.SpaceService;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.UUID;

/**
 * Sharing an article into a space: the link is fetched safely (which also follows its redirects
 * to the real address), canonicalised, stored once per canonical URL, and shared as a post that
 * carries it, so it is voted, discussed, searched and kept private exactly like a post.
 */
@Service
public class ArticleService {

    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 50;

    private final ArticleRepository articles;
    private final SpaceService spaces;
    private final PostService posts;
    private final SafeFetcher fetcher;

    ArticleService(ArticleRepository articles, SpaceService spaces, PostService posts, SafeFetcher fetcher) {
        this.articles = articles;
        this.spaces = spaces;
        this.posts = posts;
        this.fetcher = fetcher;
    }

    /** Shares a link: the article (created on its first share) with the shares the reader now sees. */
    public Mono<ArticleViews.Article> share(Reader reader, UUID spaceId, String url, String comment, List<String> tags) {
        List<String> normalised = tags(tags);
        String markdown = comment == null ? "" : comment.strip();
        return spaces.visibleSpace(reader, spaceId)
                .filter(space -> reader.mayPostIn(space.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Join the space to share into it.")))
                .then(preview(url))
                .flatMap(this::store)
                .flatMap(articleId -> posts.share(reader, spaceId, articleId, markdown, normalised).thenReturn(articleId))
                .flatMap(articleId -> article(reader, articleId));
    }

    /** Stores the article of a fetched page (once per canonical address) and answers its id. */
    Mono<UUID> store(PagePreview preview) {
        String canonical = Canonical.of(preview.canonical() != null ? preview.canonical() : preview.url()).href();
        return articles.upsert(canonical, preview);
    }

    /** An article with the shares the reader may see; 404 when they may see none. */
    public Mono<ArticleViews.Article> article(Reader reader, UUID id) {
        return articles.article(id)
                .zipWith(posts.visibleShares(reader, id).concatMap(share -> posts.view(reader, share)).collectList())
                .filter(both -> !both.getT2().isEmpty())
                .map(both -> both.getT1().with(both.getT2()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This article")));
    }

    Flux<PostView> sharesIn(Reader reader, UUID spaceId, int limit) {
        return spaces.visibleSpace(reader, spaceId)
                .thenMany(articles.sharesIn(spaceId, Math.clamp(limit, 1, 100)))
                .concatMap(id -> posts.view(reader, id));
    }

    /** The page, fetched off the event loop; a refused or unreadable link is a field error. */
    Mono<PagePreview> preview(String url) {
        return Mono.fromCallable(() -> PagePreview.of(fetcher.fetch(url)))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(WebAddress.Refused.class, refused -> ApiProblems.invalid("url", refused.getMessage()));
    }

    static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        List<String> normalised = tags.stream().filter(t -> t != null && !t.isBlank()).map(Hashtags::normalise).distinct().toList();
        if (normalised.size() > MAX_TAGS) {
            throw ApiProblems.invalid("tags", "at most " + MAX_TAGS + " tags");
        }
        if (normalised.stream().anyMatch(t -> t.length() > MAX_TAG_LENGTH || !t.matches("[\\p{L}\\p{N}_-]+"))) {
            throw ApiProblems.invalid("tags", "tags are words of letters, digits, - and _, at most " + MAX_TAG_LENGTH + " characters");
        }
        return normalised;
    }
}
