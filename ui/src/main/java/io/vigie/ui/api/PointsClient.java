package io.vigie.ui.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Points, badges and leaderboards, called as the signed-in person. */
@Component
public class PointsClient {

    public record Leader(int rank, String username, String name, String department, long points) {}

    public record DepartmentStanding(int rank, String department, long people, long points, BigDecimal perPerson) {}

    /** The reader's own points in the period, and rank (null when they keep out of leaderboards or have none). */
    public record Standing(long points, Integer rank) {}

    public record Leaderboards(String period, String department, List<Leader> people, List<DepartmentStanding> departments,
                               Standing me) {}

    public record Earned(String id, OffsetDateTime earnedAt) {}

    /** A profile's points and badges; {@code visible} false when its person keeps them to themselves. */
    public record Achievements(boolean visible, Long points, Long pointsThisMonth, Map<String, Long> contributions,
                               List<Earned> badges) {}

    public record Rule(String kind, Integer points) {}

    private record OptOut(Boolean optOut) {}

    private final RestClient api;

    PointsClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public Leaderboards leaderboards(String period, String department) {
        return api.get().uri(builder -> {
            builder.path("/api/leaderboards").queryParam("period", period);
            if (department != null) {
                builder.queryParam("department", "{department}");
                return builder.build(department);
            }
            return builder.build();
        }).retrieve().body(Leaderboards.class);
    }

    public Achievements achievements(String username) {
        return api.get().uri("/api/people/{username}/achievements", username).retrieve().body(Achievements.class);
    }

    public boolean optedOut() {
        OptOut choice = api.get().uri("/api/me/leaderboard").retrieve().body(OptOut.class);
        return choice != null && Boolean.TRUE.equals(choice.optOut());
    }

    public void optOut(boolean optOut) {
        api.put().uri("/api/me/leaderboard").body(new OptOut(optOut)).retrieve().toBodilessEntity();
    }

    public List<Rule> rules() {
        return api.get().uri("/api/admin/points").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public List<Rule> setRules(List<Rule> rules) {
        return api.put().uri("/api/admin/points").body(Map.of("rules", rules)).retrieve().body(new ParameterizedTypeReference<>() {});
    }
}
