package io.vigie.ui.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** The KPIs dashboard and its CSV files, called as the signed-in admin or department head. */
@Component
public class KpisClient {

    public record Point(LocalDate start, long people) {}

    public record Active(long inRange, List<Point> days, List<Point> weeks, List<Point> months) {}

    public record Activity(LocalDate day, long posts, long comments, long votes, long shares) {}

    public record Participation(String department, long people, long active, double rate) {}

    public record Ideas(long submitted, long selected) {}

    public record Questions(long asked, long answered, double answeredRate, Double medianHoursToFirstAnswer) {}

    public record Engagement(LocalDate day, long shares, long votes, long comments) {}

    public record Theme(String theme, long engagements) {}

    public record TrendEngagement(List<Engagement> days, List<Theme> themes) {}

    public record AdvocacyRow(String department, long shares, long clicks, long uniqueClicks) {}

    public record AdvocacyDay(LocalDate day, long shares, long clicks, long uniqueClicks) {}

    public record Contributor(String username, String name, String department, long points, long contributions) {}

    public record Dashboard(LocalDate from, LocalDate to, String department, Active active, List<Activity> activity,
                            List<Participation> participation, Ideas ideas, Questions questions, TrendEngagement trends,
                            List<AdvocacyRow> advocacy, List<AdvocacyDay> advocacyDays, List<Contributor> contributors,
                            long tookMillis) {}

    private final RestClient api;

    KpisClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public Dashboard dashboard(LocalDate from, LocalDate to, String department) {
        return api.get().uri(builder -> scoped(builder.path("/api/kpis"), from, to, department)).retrieve().body(Dashboard.class);
    }

    public byte[] csv(String chart, LocalDate from, LocalDate to, String department) {
        return api.get().uri(builder -> scoped(builder.path("/api/kpis/{chart}.csv"), from, to, department, chart))
                .retrieve().body(byte[].class);
    }

    private static URI scoped(UriBuilder builder, LocalDate from, LocalDate to, String department, Object... variables) {
        builder.queryParam("from", from).queryParam("to", to);
        if (department != null) {
            builder.queryParam("department", "{department}");
            Object[] all = java.util.Arrays.copyOf(variables, variables.length + 1);
            all[variables.length] = department;
            return builder.build(all);
        }
        return builder.build(variables);
    }
}
