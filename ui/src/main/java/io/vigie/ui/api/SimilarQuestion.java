package io.vigie.ui.api;

import java.util.UUID;

/** A question already asked that looks like the one being typed. */
public record SimilarQuestion(UUID id, String title, Post.SpaceRef space, int answers, boolean answered) {}
