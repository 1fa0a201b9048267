package io.vigie.ui.api;

import java.util.List;

/** One page of a feed; {@code next} is the cursor of the following page, or null. */
public record FeedPage(List<Post> items, String next) {}
