package io.vigie.ui.posts;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import io.vigie.ui.api.Kudos;
import io.vigie.ui.api.SearchResults;
import io.vigie.ui.api.SocialClient;
import org.springframework.web.client.RestClientException;

import java.util.List;

/** The kudos part of the composer: the colleague to thank (found as one types) and the company value. */
class KudosEditor extends HorizontalLayout {

    private final ComboBox<SearchResults.Ref> colleague = new ComboBox<>();
    private final Select<Kudos.Value> value = new Select<>();

    KudosEditor(SocialClient social) {
        addClassName("kudos-editor");
        setWrap(true);
        setAlignItems(Alignment.BASELINE);
        colleague.setId("composer-kudos-to");
        colleague.setLabel(getTranslation("kudos.to"));
        colleague.setPlaceholder(getTranslation("kudos.to-placeholder"));
        colleague.setItemLabelGenerator(SearchResults.Ref::name);
        // People as they are typed, from the same suggestions as the search box (username and name).
        colleague.setItems(query -> {
            String typed = query.getFilter().orElse("");
            // The suggestions are one short list: no paging to do, but the combo box expects the query read.
            query.getOffset();
            query.getLimit();
            if (typed.isBlank()) {
                return java.util.stream.Stream.empty();
            }
            try {
                return social.suggestPeople(typed).stream();
            } catch (RestClientException e) {
                return java.util.stream.Stream.empty();
            }
        });
        value.setId("composer-kudos-value");
        value.setLabel(getTranslation("kudos.value"));
        value.setItemLabelGenerator(Kudos.Value::label);
        List<Kudos.Value> values;
        try {
            values = social.companyValues();
        } catch (RestClientException e) {
            values = List.of();
        }
        value.setItems(values);
        add(colleague, value);
    }

    /** The colleague's username, or null when none is chosen. */
    String username() {
        return colleague.getValue() == null ? null : colleague.getValue().id();
    }

    String valueId() {
        return value.getValue() == null ? null : value.getValue().id();
    }

    void clear() {
        colleague.clear();
        value.clear();
    }
}
