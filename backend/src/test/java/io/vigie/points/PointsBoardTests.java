package io.vigie.points;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Leaderboards and standings read from one period's board: ranks, ties, departments per person, opt-outs. */
class PointsBoardTests {

    private static final UUID ANNA = UUID.randomUUID();
    private static final UUID BEN = UUID.randomUUID();
    private static final UUID CARL = UUID.randomUUID();
    private static final UUID DORA = UUID.randomUUID();
    private static final UUID EVE = UUID.randomUUID();

    private static final Points.Board BOARD = new Points.Board(List.of(
            new Points.Entry(ANNA, "anna", "Anna", "Sales", true, 30),
            new Points.Entry(BEN, "ben", "Ben", "Sales", true, 10),
            new Points.Entry(CARL, "carl", "Carl", "Legal", true, 30),
            new Points.Entry(DORA, "dora", "Dora", "Legal", false, 500),
            new Points.Entry(EVE, "eve", "Eve", "Sales", true, 0)));

    @Test
    void tiesShareARankAndWhoKeepsOutIsNotListed() {
        assertThat(Points.leaders(BOARD, null, 20)).extracting(Points.Leader::username, Points.Leader::rank)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("anna", 1), org.assertj.core.groups.Tuple.tuple("carl", 1),
                        org.assertj.core.groups.Tuple.tuple("ben", 3));
        assertThat(Points.leaders(BOARD, "Legal", 20)).extracting(Points.Leader::username).containsExactly("carl");
        assertThat(Points.leaders(BOARD, null, 1)).hasSize(1);
    }

    @Test
    void aSmallDepartmentLeadsOnPointsPerPersonCountingOnlyWhoTakesPart() {
        List<Points.DepartmentStanding> departments = Points.departments(BOARD);
        // Legal: Carl alone takes part (30 / 1); Sales: 40 over Anna, Ben and Eve (13.33).
        assertThat(departments).extracting(Points.DepartmentStanding::department).containsExactly("Legal", "Sales");
        assertThat(departments.getFirst().perPerson()).isEqualByComparingTo(new BigDecimal("30.00"));
        assertThat(departments.getFirst().people()).isEqualTo(1);
        assertThat(departments.get(1).perPerson()).isEqualByComparingTo(new BigDecimal("13.33"));
        assertThat(departments).extracting(Points.DepartmentStanding::rank).containsExactly(1, 2);
    }

    @Test
    void achievementsCountThePeriodAndDateEachBadgeWhenItsThresholdWasMet() {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
        Points.Achievements mine = Points.achievementsOf(List.of(
                new Points.Contribution("post", now.minusDays(40), 2),
                new Points.Contribution("accepted_answer", now.minusDays(35), 10),
                new Points.Contribution("post", now.minusDays(3), 2)), now.minusDays(30));
        assertThat(mine.points()).isEqualTo(14);
        assertThat(mine.pointsSince()).isEqualTo(2);
        assertThat(mine.contributions()).containsEntry("post", 2L).containsEntry("accepted_answer", 1L);
        assertThat(mine.badges()).extracting(Points.Earned::id).containsExactly("first-post", "solver");
        assertThat(mine.badges().getFirst().earnedAt()).isEqualTo(now.minusDays(40));
    }

    @Test
    void aStandingSaysThePointsAndTheRankUnlessOneKeepsOutOrHasNone() {
        assertThat(Points.standing(BOARD, BEN)).isEqualTo(new Points.Standing(10, 3));
        assertThat(Points.standing(BOARD, CARL)).isEqualTo(new Points.Standing(30, 1));
        assertThat(Points.standing(BOARD, DORA)).isEqualTo(new Points.Standing(500, null));
        assertThat(Points.standing(BOARD, EVE)).isEqualTo(new Points.Standing(0, null));
        assertThat(Points.standing(BOARD, UUID.randomUUID())).isEqualTo(new Points.Standing(0, null));
    }
}
