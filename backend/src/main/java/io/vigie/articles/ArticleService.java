package io.vigie.articles;

import io.vigie.content.Hashtags;
import io.vigie.content.TextRendering;
import io.vigie.links.Canonical;
import io.vigie.links.PagePreview;
import io.vigie.links.SafeFetcher;
import io.vigie.links.WebAddress;
import io.vigie.spaces.Reader;
import io.vigie.spaces.SpaceService;
import io.vigie.votes.Votes;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.UUID;

/**
 * Sharing an article into a space: the link is fetched safely (which also follows its redirects
 * to the real address), canonicalised, stored once per canonical URL, and the share recorded.
 */
@Service
class ArticleService {

    static final int MAX_TAGS = 10;
    static final int MAX_TAG_LENGTH = 50;

    private final ArticleRepository articles;
    private final SpaceService spaces;
    private final SafeFetcher fetcher;
    private final TextRendering rendering;
    private final TransactionalOperator transaction;
    private final Votes votes;

    ArticleService(ArticleRepository articles, SpaceService spaces, SafeFetcher fetcher, TextRendering rendering,
                   TransactionalOperator transaction, Votes votes) {
        this.votes = votes;
        this.articles = articles;
        this.spaces = spaces;
        this.fetcher = fetcher;
        this.rendering = rendering;
        this.transaction = transaction;
    }

    Mono<ArticleViews.Article> share(Reader reader, UUID spaceId, String url, String comment, List<String> tags) {
        List<String> normalised = tags(tags);
        String markdown = comment == null ? "" : comment.strip();
        return spaces.visibleSpace(reader, spaceId)
                .filter(space -> reader.mayPostIn(space.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Join the space to share into it.")))
                .then(markdown.isEmpty() ? Mono.just("") : rendering.comment("comment", markdown).map(r -> r.html()))
                .zipWith(preview(url))
                .flatMap(both -> {
                    PagePreview preview = both.getT2();
                    String canonical = Canonical.of(preview.canonical() != null ? preview.canonical() : preview.url()).href();
                    return transaction.transactional(articles.upsert(canonical, preview)
                            .flatMap(articleId -> articles.share(articleId, spaceId, reader.personId(), markdown, both.getT1(), normalised)
                                    .switchIfEmpty(Mono.error(() -> ApiProblems.conflict("You already shared this article in this space.")))
                                    .thenReturn(articleId)));
                })
                .flatMap(articleId -> article(reader, articleId));
    }

    /** An article with the shares the reader may see; 404 when they may see none. */
    Mono<ArticleViews.Article> article(Reader reader, UUID id) {
        return Mono.zip(articles.article(id), articles.visibleShares(id, reader.memberOf()).collectList(),
                        articles.myVote(id, reader.personId()))
                .filter(all -> !all.getT2().isEmpty())
                .map(all -> all.getT1().with(all.getT3(), all.getT2()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This article")));
    }

    /** Sets (1, -1) or removes (0) the reader's vote on an article they may see; the row is locked so votes count one by one. */
    Mono<ArticleViews.Article> vote(Reader reader, UUID id, int value) {
        return article(reader, id)
                .flatMap(visible -> transaction.transactional(votes.lock(Votes.Target.ARTICLE, id)
                        .then(votes.set(Votes.Target.ARTICLE, id, reader.personId(), value))
                        .then(votes.recount(Votes.Target.ARTICLE, id))))
                .then(article(reader, id));
    }

    Flux<ArticleViews.Share> sharesIn(Reader reader, UUID spaceId, int limit) {
        return spaces.visibleSpace(reader, spaceId).thenMany(articles.sharesIn(spaceId, Math.clamp(limit, 1, 100)));
    }

    /** The page, fetched off the event loop; a refused or unreadable link is a field error. */
    private Mono<PagePreview> preview(String url) {
        return Mono.fromCallable(() -> PagePreview.of(fetcher.fetch(url)))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(WebAddress.Refused.class, refused -> ApiProblems.invalid("url", refused.getMessage()));
    }

    private static List<String> tags(List<String> tags) {
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
