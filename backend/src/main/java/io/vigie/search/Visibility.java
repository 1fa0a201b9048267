package io.vigie.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.vigie.spaces.Reader;

import java.util.List;

/**
 * The visibility rule as an Elasticsearch filter, for every query, aggregation and suggestion:
 * content of open and department spaces, of the private spaces the reader belongs to, and their
 * own.
 */
public final class Visibility {

    private Visibility() {}

    /** Content the reader may see: the rule, without the engagement records that only trends read. */
    public static Query filter(Reader reader) {
        Query scope = scope(reader);
        return Query.of(q -> q.bool(b -> b.filter(scope).mustNot(n -> n.term(t -> t.field("type").value("engagement")))));
    }

    /** The rule alone, for queries that choose their document type themselves (trends). */
    public static Query scope(Reader reader) {
        List<FieldValue> memberSpaces = reader.memberOf().stream().map(id -> FieldValue.of(id.toString())).toList();
        return Query.of(q -> q.bool(b -> {
            b.should(s -> s.terms(t -> t.field("space_visibility")
                    .terms(v -> v.value(List.of(FieldValue.of("open"), FieldValue.of("department"))))));
            if (!memberSpaces.isEmpty()) {
                b.should(s -> s.terms(t -> t.field("space_id").terms(v -> v.value(memberSpaces))));
            }
            b.should(s -> s.term(t -> t.field("author_id").value(reader.personId().toString())));
            return b.minimumShouldMatch("1");
        }));
    }
}
