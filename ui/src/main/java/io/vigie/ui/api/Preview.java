package io.vigie.ui.api;

import java.util.List;

/** A text rendered as it would be published (sanitised HTML), with its hashtags and mentions. */
public record Preview(String html, List<String> hashtags, List<String> mentions) {}
