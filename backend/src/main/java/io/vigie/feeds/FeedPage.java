package io.vigie.feeds;

import io.vigie.posts.PostView;

import java.util.List;

/** One page of a feed; {@code next} is null on the last page. */
public record FeedPage(List<PostView> items, String next) {}
