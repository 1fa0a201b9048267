package io.vigie.ui.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.router.RouterLink;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.home.HomeView;
import io.vigie.ui.search.SearchView;
import io.vigie.ui.spaces.SpacesView;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The frame around every page: the product name, who is signed in, and the sign-out button. */
@PermitAll
public class MainLayout extends AppLayout {

    private final NotificationBell bell;

    public MainLayout(AuthenticationContext authentication, SocialClient social, io.vigie.ui.api.PeopleClient people) {
        H1 title = new H1(getTranslation("app.name"));
        title.addClassName("vigie-brand");

        Span who = new Span(authentication.getAuthenticatedUser(OidcUser.class)
                .map(user -> user.getFullName() != null ? user.getFullName() : user.getPreferredUsername())
                .orElse(""));
        who.setId("signed-in-user");

        Button signOut = new Button(getTranslation("action.sign-out"), VaadinIcon.SIGN_OUT.create(),
                click -> authentication.logout());
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        bell = new NotificationBell(social);
        RouterLink home = new RouterLink(getTranslation("nav.home"), HomeView.class);
        home.setId("nav-home");
        RouterLink spaces = new RouterLink(getTranslation("nav.spaces"), SpacesView.class);
        spaces.setId("nav-spaces");
        RouterLink trends = new RouterLink(getTranslation("nav.trends"), io.vigie.ui.trends.TrendsView.class);
        trends.setId("nav-trends");
        RouterLink questions = new RouterLink(getTranslation("nav.questions"), io.vigie.ui.questions.QuestionsView.class);
        questions.setId("nav-questions");
        questions.addClassName("nav-wide");
        RouterLink experts = new RouterLink(getTranslation("nav.experts"), io.vigie.ui.experts.ExpertsView.class);
        experts.setId("nav-experts");
        experts.addClassName("nav-wide");
        RouterLink library = new RouterLink(getTranslation("nav.library"), io.vigie.ui.library.LibraryView.class);
        library.setId("nav-library");
        library.addClassName("nav-wide");
        RouterLink ideas = new RouterLink(getTranslation("nav.ideas"), io.vigie.ui.ideas.IdeasView.class);
        ideas.setId("nav-ideas");
        ideas.addClassName("nav-wide");
        RouterLink advocacy = new RouterLink(getTranslation("nav.advocacy"), io.vigie.ui.advocacy.AdvocacyView.class);
        advocacy.setId("nav-advocacy");
        advocacy.addClassName("nav-wide");
        HorizontalLayout nav = new HorizontalLayout(home, spaces, questions, ideas, experts, library, trends, advocacy);
        staffLinks(people).forEach(nav::add);
        nav.addClassName("vigie-nav");

        // The search box is on every page; Enter opens the search page. On a phone, an icon instead.
        TextField search = new TextField();
        search.setId("header-search");
        search.setPlaceholder(getTranslation("search.placeholder"));
        search.setAriaLabel(getTranslation("search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setMaxLength(500);
        search.addKeyPressListener(Key.ENTER, press -> {
            getUI().ifPresent(ui -> ui.navigate(SearchView.class, QueryParameters.of("q", search.getValue())));
            search.clear();
        });
        RouterLink searchIcon = new RouterLink(SearchView.class);
        searchIcon.add(VaadinIcon.SEARCH.create());
        searchIcon.setId("header-search-icon");
        searchIcon.getElement().setAttribute("aria-label", getTranslation("search.placeholder"));

        HorizontalLayout header = new HorizontalLayout(title, nav, search, searchIcon, bell, who, signOut);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(nav);
        header.addClassName("vigie-header");
        addToNavbar(header);
        // No navigation yet: keep the drawer closed rather than show an empty column.
        setDrawerOpened(false);
    }

    /** Moderation for moderators, KPIs for admins and department heads, the audit log for admins (the API decides anyway: 403 for everyone else). */
    private java.util.List<RouterLink> staffLinks(io.vigie.ui.api.PeopleClient people) {
        java.util.List<String> roles;
        try {
            roles = people.me().roles();
        } catch (org.springframework.web.client.RestClientException e) {
            return java.util.List.of(); // the pages say the API is unavailable themselves
        }
        java.util.List<RouterLink> links = new java.util.ArrayList<>();
        if (roles != null && roles.contains("moderator")) {
            RouterLink moderation = new RouterLink(getTranslation("nav.moderation"), io.vigie.ui.moderation.ModerationView.class);
            moderation.setId("nav-moderation");
            moderation.addClassName("nav-staff");
            links.add(moderation);
        }
        if (roles != null && (roles.contains("admin") || roles.contains("department-head"))) {
            RouterLink kpis = new RouterLink(getTranslation("nav.kpis"), io.vigie.ui.kpis.KpisView.class);
            kpis.setId("nav-kpis");
            kpis.addClassName("nav-staff");
            links.add(kpis);
        }
        if (roles != null && roles.contains("admin")) {
            RouterLink admin = new RouterLink(getTranslation("nav.admin"), io.vigie.ui.admin.PeopleAdminView.class);
            admin.setId("nav-admin");
            admin.addClassName("nav-staff");
            links.add(admin);
            RouterLink audit = new RouterLink(getTranslation("nav.audit"), io.vigie.ui.moderation.AuditView.class);
            audit.setId("nav-audit");
            audit.addClassName("nav-staff");
            links.add(audit);
        }
        return links;
    }

    public NotificationBell bell() {
        return bell;
    }
}
