package io.vigie.posts;

import java.util.UUID;

/**
 * What kind of post a row is beyond its text: an ordinary post; a question, an idea or a challenge
 * with its title; or kudos naming the colleague thanked and the company value.
 */
record PostShape(String kind, String title, UUID kudosTo, String kudosValue) {

    static final PostShape ORDINARY = new PostShape("post", null, null, null);

    /** A question, an idea or a challenge. */
    static PostShape titled(String kind, String title) {
        return new PostShape(kind, title, null, null);
    }

    static PostShape kudos(UUID to, String value) {
        return new PostShape(Post.KUDOS, null, to, value);
    }
}
