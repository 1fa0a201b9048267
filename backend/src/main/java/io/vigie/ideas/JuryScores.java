package io.vigie.ideas;

import java.util.List;

/** The jury's scores as one juror or the sponsor may see them. */
public record JuryScores(List<ChallengeView.Criterion> criteria, List<Challenges.Score> scores) {}
