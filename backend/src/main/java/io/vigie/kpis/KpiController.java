package io.vigie.kpis;

import io.vigie.people.Person;
import io.vigie.security.Roles;
import io.vigie.spaces.Members;
import io.vigie.web.ApiProblems;
import io.vigie.web.Csv;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * The KPIs dashboard: admins read the company's or any department's; a department head reads
 * their own department's (and gets 403 for anyone else's); everyone else gets 403. Each chart is
 * also a CSV file.
 */
@RestController
class KpiController {

    /** The charts that can be downloaded, each its CSV. */
    static final List<String> CHARTS = List.of("active", "activity", "participation", "ideas", "questions", "trends", "themes",
            "advocacy", "advocacy-days", "contributors");

    private final Kpis kpis;
    private final Members members;

    KpiController(Kpis kpis, Members members) {
        this.kpis = kpis;
        this.members = members;
    }

    @GetMapping("/api/kpis")
    Mono<Kpis.Dashboard> dashboard(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to, @RequestParam(required = false) String department) {
        return scope(token, from, to, department).flatMap(kpis::dashboard);
    }

    @GetMapping("/api/kpis/{chart}.csv")
    Mono<ResponseEntity<String>> csv(@AuthenticationPrincipal Jwt token, @PathVariable String chart,
                                     @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String department) {
        return scope(token, from, to, department)
                .filter(scope -> CHARTS.contains(chart))
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This chart")))
                .flatMap(scope -> kpis.dashboard(scope).map(dashboard -> Csv.attachment(csvOf(chart, dashboard),
                        "vigie-" + chart + "-" + scope.from() + "-" + scope.to() + ".csv")));
    }

    /** The range asked for (the last 30 days by default) and the department the caller may read. */
    private Mono<Kpis.Scope> scope(Jwt token, String from, String to, String department) {
        List<String> roles = Roles.realmRoles(token);
        boolean admin = roles.contains(Roles.ADMIN);
        if (!admin && !roles.contains(Roles.DEPARTMENT_HEAD)) {
            return Mono.error(ApiProblems.forbidden("The KPIs are for admins and department heads."));
        }
        LocalDate last = date("to", to, LocalDate.now(ZoneOffset.UTC));
        LocalDate first = date("from", from, last.minusDays(29));
        if (first.isAfter(last)) {
            return Mono.error(ApiProblems.invalid("from", "must not be after to"));
        }
        Kpis.Scope asked = new Kpis.Scope(first, last, department == null || department.isBlank() ? null : department.strip());
        if (Kpis.length(asked) > Kpis.MAX_DAYS) {
            return Mono.error(ApiProblems.invalid("from", "a range spans " + Kpis.MAX_DAYS + " days at most"));
        }
        if (admin) {
            return Mono.just(asked);
        }
        return members.signInPerson(token).flatMap((Person head) -> {
            if (head.department() == null) {
                return Mono.error(ApiProblems.forbidden("You head no department: your account has none."));
            }
            if (asked.department() != null && !asked.department().equals(head.department())) {
                return Mono.error(ApiProblems.forbidden("A department head reads their own department's KPIs only."));
            }
            return Mono.just(new Kpis.Scope(first, last, head.department()));
        });
    }

    private static LocalDate date(String field, String value, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblems.invalid(field, "must be a date like 2026-12-01");
        }
    }

    static String csvOf(String chart, Kpis.Dashboard d) {
        return switch (chart) {
            case "active" -> {
                StringBuilder csv = new StringBuilder("unit,start,active_people\r\n");
                d.active().days().forEach(p -> csv.append(Csv.row("day", p.start().toString(), p.people())));
                d.active().weeks().forEach(p -> csv.append(Csv.row("week", p.start().toString(), p.people())));
                d.active().months().forEach(p -> csv.append(Csv.row("month", p.start().toString(), p.people())));
                yield csv.append(Csv.row("range", d.from().toString(), d.active().inRange())).toString();
            }
            case "activity" -> rows("day,posts,comments,votes,shares", d.activity(),
                    a -> Csv.row(a.day().toString(), a.posts(), a.comments(), a.votes(), a.shares()));
            case "participation" -> rows("department,people,active_people,participation_percent", d.participation(),
                    p -> Csv.row(p.department(), p.people(), p.active(), p.rate()));
            case "ideas" -> "submitted,selected\r\n" + Csv.row(d.ideas().submitted(), d.ideas().selected());
            case "questions" -> "asked,answered,answered_percent,median_hours_to_first_answer\r\n"
                    + Csv.row(d.questions().asked(), d.questions().answered(), d.questions().answeredRate(),
                    d.questions().medianHoursToFirstAnswer());
            case "trends" -> rows("day,shares,votes,comments", d.trends().days(),
                    e -> Csv.row(e.day().toString(), e.shares(), e.votes(), e.comments()));
            case "themes" -> rows("theme,engagements", d.trends().themes(), t -> Csv.row(t.theme(), t.engagements()));
            case "advocacy" -> rows("department,shares,clicks,unique_clicks", d.advocacy(),
                    a -> Csv.row(a.department(), a.shares(), a.clicks(), a.uniqueClicks()));
            case "advocacy-days" -> rows("day,shares,clicks,unique_clicks", d.advocacyDays(),
                    a -> Csv.row(a.day().toString(), a.shares(), a.clicks(), a.uniqueClicks()));
            default -> rows("username,name,department,points,contributions", d.contributors(),
                    c -> Csv.row(c.username(), c.name(), c.department(), c.points(), c.contributions()));
        };
    }

    private static <T> String rows(String header, List<T> items, Function<T, String> row) {
        StringBuilder csv = new StringBuilder(header).append("\r\n");
        items.forEach(item -> csv.append(row.apply(item)));
        return csv.toString();
    }
}
