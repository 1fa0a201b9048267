package io.vigie.posts;

import java.util.List;

/** A post body after Markdown rendering: safe HTML, and what it tags and mentions. */
record RenderedBody(String html, List<String> hashtags, List<String> mentions) {}
