package io.vigie.links;

import io.vigie.web.ApiProblems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Instant;

/**
 * {@code POST /api/links/preview}: what a link will look like once shared (the share dialog's
 * live preview), fetched safely and stored nowhere. A refused or unreadable link is a 400 with
 * the reason on the {@code url} field.
 */
@RestController
class LinkPreviewController {

    record Request(@NotBlank @Size(max = 2048) String url) {}

    /** A preview; {@code url} is the canonical URL the article would be stored under. */
    record Preview(String url, String title, String description, String image, String siteName, Instant publishedAt,
                   String language, String excerpt) {

        static Preview of(PagePreview page) {
            WebAddress canonical = Canonical.of(page.canonical() != null ? page.canonical() : page.url());
            return new Preview(canonical.href(), page.title(), page.description(), page.image(), page.siteName(),
                    page.publishedAt(), page.language(), page.excerpt());
        }
    }

    private final SafeFetcher fetcher;

    LinkPreviewController(SafeFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @PostMapping("/api/links/preview")
    Mono<Preview> preview(@Valid @RequestBody Request request) {
        // The fetch blocks (network, up to the timeouts): never on the event loop.
        return Mono.fromCallable(() -> Preview.of(PagePreview.of(fetcher.fetch(request.url()))))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(WebAddress.Refused.class, refused -> ApiProblems.invalid("url", refused.getMessage()));
    }
}
