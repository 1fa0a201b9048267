package io.vigie.ui.search;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.vigie.ui.api.ApiErrors;
import io.vigie.ui.api.SearchClient;
import io.vigie.ui.api.SearchResults;
import io.vigie.ui.layout.MainLayout;
import jakarta.annotation.security.PermitAll;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.HtmlUtils;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search page: one box with suggestions while typing, results by type with the matched words
 * marked, facets to narrow them, an order, and more results as one scrolls. {@code /search?q=...}
 * is what the header's box opens.
 */
@Route(value = "search", layout = MainLayout.class)
@PageTitle("Vigie · Search")
@PermitAll
public class SearchView extends VerticalLayout implements BeforeEnterObserver {

    static final List<String> FACETS = List.of("type", "space", "author", "department", "tag");

    private final SearchClient search;
    private final TextField box = new TextField();
    private final Div suggestions = new Div();
    private final Select<String> sort = new Select<>();
    private final Div facets = new Div();
    private final Span total = new Span();
    private final Div didYouMean = new Div();
    private final Div results = new Div();
    private final Button more = new Button();
    private final Div sentinel = new Div();
    private final Map<String, Set<String>> selected = new LinkedHashMap<>();
    private String next;

    public SearchView(SearchClient search) {
        this.search = search;
        addClassName("vigie-home");
        addClassName("vigie-search");

        box.setId("search-box");
        box.setPlaceholder(getTranslation("search.placeholder"));
        box.setAriaLabel(getTranslation("search.placeholder"));
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setClearButtonVisible(true);
        box.setWidthFull();
        box.setMaxLength(500);
        box.setValueChangeMode(ValueChangeMode.LAZY);
        box.setValueChangeTimeout(250);
        box.addValueChangeListener(change -> { if (change.isFromClient()) { suggest(change.getValue()); } });
        box.addKeyPressListener(Key.ENTER, press -> runFresh());

        suggestions.setId("search-suggestions");
        suggestions.addClassName("search-suggestions");
        suggestions.setVisible(false);

        sort.setId("search-sort");
        sort.setLabel(getTranslation("search.sort"));
        sort.setItems("relevance", "newest", "top");
        sort.setItemLabelGenerator(value -> getTranslation("search.sort." + value));
        sort.setValue("relevance");
        sort.addValueChangeListener(change -> { if (change.isFromClient()) { runFresh(); } });

        facets.setId("search-facets");
        facets.addClassName("search-facets");
        total.setId("search-total");
        didYouMean.setId("did-you-mean");
        results.setId("search-results");
        results.setWidthFull();
        more.setId("search-more");
        more.setText(getTranslation("feed.more"));
        more.addClickListener(click -> loadMore());
        sentinel.addClassName("search-sentinel");

        HorizontalLayout header = new HorizontalLayout(total, sort);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.expand(total);
        VerticalLayout list = new VerticalLayout(header, didYouMean, results, more, sentinel);
        list.setPadding(false);
        list.addClassName("search-list");
        Div body = new Div(facets, list);
        body.addClassName("search-body");
        add(box, suggestions, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> q = event.getLocation().getQueryParameters().getParameters().getOrDefault("q", List.of());
        box.setValue(q.isEmpty() ? "" : q.getFirst());
        selected.clear();
        runFresh();
    }

    /** Results come as the sentinel at the bottom scrolls into view. */
    @Override
    protected void onAttach(AttachEvent attach) {
        sentinel.getElement().executeJs("""
                const view = $1;
                new IntersectionObserver(entries => {
                  if (entries.some(entry => entry.isIntersecting) && view.$server) { view.$server.loadMore(); }
                }).observe($0);""", sentinel.getElement(), getElement());
    }

    @ClientCallable
    void loadMore() {
        if (next != null) {
            run(next);
        }
    }

    private void runFresh() {
        suggestions.setVisible(false);
        results.removeAll();
        next = null;
        run(null);
    }

    private void run(String cursor) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        selected.forEach((facet, values) -> { if (!values.isEmpty()) { filters.put(facet, List.copyOf(values)); } });
        SearchResults page;
        try {
            page = search.search(new SearchClient.Request(box.getValue(), filters, sort.getValue(), cursor));
        } catch (RestClientException e) {
            results.add(new Paragraph(ApiErrors.message(e, getTranslation("home.api-unavailable"))));
            next = null;
            more.setVisible(false);
            return;
        }
        if (cursor == null) {
            total.setText(getTranslation("search.total", page.total() == null ? 0 : page.total()));
            showFacets(page.facets());
            showDidYouMean(page.didYouMean());
            if (page.items().isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("search.none"));
                none.setId("search-none");
                results.add(none);
            }
        }
        page.items().forEach(item -> results.add(card(item)));
        next = page.next();
        more.setVisible(next != null);
    }

    private void suggest(String prefix) {
        suggestions.removeAll();
        if (prefix == null || prefix.strip().length() < 2) {
            suggestions.setVisible(false);
            return;
        }
        try {
            SearchResults.Suggestions found = search.suggest(prefix.strip());
            found.people().forEach(person -> suggestions.add(suggestion(VaadinIcon.USER, person.name(), "people/" + person.id())));
            found.spaces().forEach(space -> suggestions.add(suggestion(VaadinIcon.GROUP, space.name(), "spaces/" + space.id())));
            found.tags().forEach(tag -> suggestions.add(suggestion(VaadinIcon.HASH, tag, "tags/" + tag)));
            suggestions.setVisible(suggestions.getComponentCount() > 0);
        } catch (RestClientException e) {
            suggestions.setVisible(false);
        }
    }

    private Anchor suggestion(VaadinIcon icon, String text, String href) {
        Anchor link = new Anchor(href, text);
        link.addComponentAsFirst(icon.create());
        link.addClassName("search-suggestion");
        return link;
    }

    private void showFacets(Map<String, List<SearchResults.Facet>> found) {
        facets.removeAll();
        if (found == null) {
            return;
        }
        for (String name : FACETS) {
            List<SearchResults.Facet> values = found.getOrDefault(name, List.of());
            if (values.isEmpty()) {
                continue;
            }
            CheckboxGroup<SearchResults.Facet> group = new CheckboxGroup<>(getTranslation("search.facet." + name));
            group.setId("facet-" + name);
            group.addClassName("search-facet");
            group.setItems(values);
            group.setItemLabelGenerator(facet -> label(name, facet) + " (" + facet.count() + ")");
            Set<String> chosen = selected.computeIfAbsent(name, key -> new LinkedHashSet<>());
            group.setValue(values.stream().filter(facet -> chosen.contains(facet.value())).collect(java.util.stream.Collectors.toSet()));
            group.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    chosen.clear();
                    change.getValue().forEach(facet -> chosen.add(facet.value()));
                    runFresh();
                }
            });
            facets.add(group);
        }
    }

    private String label(String facet, SearchResults.Facet value) {
        return "type".equals(facet) ? getTranslation("search.type." + value.value()) : value.label();
    }

    private void showDidYouMean(String suggestion) {
        didYouMean.removeAll();
        if (suggestion == null) {
            return;
        }
        Anchor link = new Anchor("search?" + QueryParameters.of("q", suggestion).getQueryString(), suggestion);
        link.setId("did-you-mean-link");
        didYouMean.add(new Span(getTranslation("search.did-you-mean")), link);
    }

    private Div card(SearchResults.Item item) {
        Div card = new Div();
        card.addClassName("vigie-post");
        card.addClassName("search-result");
        card.getElement().setAttribute("data-type", item.type());
        card.getElement().setAttribute("data-id", item.id().toString());
        Span type = new Span(getTranslation("search.type." + item.type()));
        type.addClassName("result-type");
        HorizontalLayout header = new HorizontalLayout(type);
        header.addClassName("post-header");
        header.setWrap(true);
        if (item.author() != null) {
            Anchor author = new Anchor("people/" + item.author().id(), item.author().name());
            author.addClassName("post-author");
            header.add(author);
        }
        if (item.space() != null) {
            Anchor space = new Anchor("spaces/" + item.space().id(), item.space().name());
            space.addClassName("post-space");
            header.add(new Span(getTranslation("post.in")), space);
        }
        if (item.createdAt() != null) {
            header.add(new Span(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                    .format(item.createdAt().toLocalDate())));
        }
        card.add(header);
        // The API escaped the text; only <mark> tags remain. Html needs one root element.
        String path = HtmlUtils.htmlEscape(item.url().startsWith("/") ? item.url().substring(1) : item.url());
        if (item.title() != null) {
            card.add(new Html("<a class=\"result-title\" href=\"" + path + "\">" + item.title() + "</a>"));
        }
        if (item.snippet() != null) {
            card.add(new Html("<a class=\"result-snippet\" href=\"" + path + "\">" + item.snippet() + "</a>"));
        }
        return card;
    }
}
