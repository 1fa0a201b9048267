package io.vigie.ui.articles;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.Article;
import io.vigie.ui.api.ArticleClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.posts.VoteWidget;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.UUID;

/** A shared article: its preview, a link out, and who shared it where (only the spaces the reader may read). */
@Route(value = "articles/:articleId", layout = MainLayout.class)
@PermitAll
public class ArticleView extends VerticalLayout implements BeforeEnterObserver {

    private final ArticleClient articles;

    public ArticleView(ArticleClient articles) {
        this.articles = articles;
        addClassName("vigie-home");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            Article article = articles.article(UUID.fromString(event.getRouteParameters().get("articleId").orElse("")));
            Pages.title(this, article.title() == null ? article.url() : article.title());
            Div card = card(article.title(), article.siteName(), article.description(), article.image(), article.url());
            card.setId("article");
            if (article.publishedAt() != null) {
                card.add(new Paragraph(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale())
                        .format(article.publishedAt().atOffset(ZoneOffset.UTC))));
            }
            VoteWidget votes = new VoteWidget(article.score(), article.myVote(), value -> articles.vote(article.id(), value));
            votes.setId("article-votes");
            card.add(votes);
            add(card, new H3(getTranslation("article.shares", article.shares().size())));
            article.shares().forEach(share -> add(share(share)));
        } catch (IllegalArgumentException | HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("article.not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    /** A preview card; every text goes in as text (Vaadin escapes it), the link opens apart with no referrer. */
    static Div card(String title, String siteName, String description, String image, String url) {
        Div card = new Div();
        card.addClassName("vigie-card");
        card.addClassName("article-card");
        if (image != null && image.startsWith("https://")) {
            Image cover = new Image(image, "");
            cover.addClassName("article-image");
            card.add(cover);
        }
        H2 heading = new H2(title == null ? url : title);
        heading.addClassName("article-title");
        card.add(heading);
        if (siteName != null) {
            Span site = new Span(siteName);
            site.addClassName("article-site");
            card.add(site);
        }
        if (description != null) {
            card.add(new Paragraph(description));
        }
        Anchor link = new Anchor(url, url, AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer nofollow");
        link.addClassName("article-url");
        card.add(new Paragraph(link));
        return card;
    }

    private Div share(Article.Share share) {
        Div box = new Div();
        box.addClassName("vigie-post");
        box.addClassName("article-share");
        Anchor space = new Anchor("spaces/" + share.space().id(), share.space().name());
        HorizontalLayout header = new HorizontalLayout(new Span(share.person().name()), new Span(getTranslation("post.in")), space);
        header.addClassName("post-header");
        box.add(header);
        if (share.commentHtml() != null && !share.commentHtml().isBlank()) {
            // Sanitised by the API with the same allow-list as posts; one root element for Html.
            box.add(new Html("<div class=\"post-body\">" + share.commentHtml() + "</div>"));
        }
        if (!share.tags().isEmpty()) {
            HorizontalLayout tags = new HorizontalLayout();
            share.tags().forEach(tag -> tags.add(new Anchor("tags/" + tag, "#" + tag)));
            box.add(tags);
        }
        return box;
    }
}
