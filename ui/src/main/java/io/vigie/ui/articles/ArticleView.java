package io.vigie.ui.articles;

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
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.layout.MainLayout;
import io.vigie.ui.layout.Pages;
import io.vigie.ui.posts.PostCard;
import io.vigie.ui.posts.Viewer;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.UUID;

/**
 * A shared article: its preview and themes, a link out, then each share the reader may see (who
 * shared it where, with their comment, votes and discussion), and related articles.
 */
@Route(value = "articles/:articleId", layout = MainLayout.class)
@PermitAll
public class ArticleView extends VerticalLayout implements BeforeEnterObserver {

    private final ArticleClient articles;
    private final SocialClient social;
    private final PeopleClient people;

    public ArticleView(ArticleClient articles, SocialClient social, PeopleClient people) {
        this.articles = articles;
        this.social = social;
        this.people = people;
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
            if (!article.keywords().isEmpty()) {
                HorizontalLayout themes = new HorizontalLayout();
                themes.addClassName("article-themes");
                themes.setWrap(true);
                article.keywords().forEach(keyword -> themes.add(new Anchor("trends/topics/" + keyword, "#" + keyword)));
                card.add(themes);
            }
            Span counts = new Span(getTranslation("article.counts", article.shareCount(), article.upvotes(), article.commentCount()));
            counts.setId("article-counts");
            card.add(counts);
            Viewer viewer = Viewer.load(people, social);
            if (viewer.moderator() || viewer.me().roles().contains("admin")) {
                Anchor promote = new Anchor("advocacy?article=" + article.id(), getTranslation("article.promote"));
                promote.setId("article-promote");
                card.add(new Paragraph(promote));
            }
            add(card, new H3(getTranslation("article.shares", article.shares().size())));
            for (Post share : article.shares()) {
                PostCard shareCard = new PostCard(social, viewer, share, deleted -> getUI().ifPresent(ui -> ui.getPage().reload()));
                shareCard.addClassName("article-share");
                add(shareCard);
            }
            related(article.id());
        } catch (IllegalArgumentException | HttpClientErrorException.NotFound e) {
            add(Pages.notFound(getTranslation("article.not-found")));
        } catch (RestClientException e) {
            add(Pages.unavailable());
        }
    }

    private void related(UUID id) {
        List<Post.ArticleCard> related;
        try {
            related = articles.related(id);
        } catch (RestClientException e) {
            return; // the article itself is shown; related ones are a bonus
        }
        if (related.isEmpty()) {
            return;
        }
        Div list = new Div();
        list.setId("related-articles");
        list.add(new H3(getTranslation("article.related")));
        related.forEach(other -> {
            Anchor link = new Anchor("articles/" + other.id(), other.title() == null ? other.url() : other.title());
            link.addClassName("related-article");
            list.add(new Paragraph(link));
        });
        add(list);
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
}
