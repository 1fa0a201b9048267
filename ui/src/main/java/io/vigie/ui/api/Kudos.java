package io.vigie.ui.api;

import java.util.List;

/** Kudos: who is thanked and for which company value, on a kudos post. */
public record Kudos(Post.AuthorRef to, String value, String valueLabel) {

    /** One of the company's values, offered when giving kudos. */
    public record Value(String id, String label, String description, boolean retired) {}

    /** A person's kudos received: counts per value, and the latest kudos posts. */
    public record Received(List<ValueCount> values, List<Post> latest) {}

    public record ValueCount(String value, String label, long count) {}
}
