package io.vigie.kudos;

import io.vigie.posts.PostView;

/** What a kudos post says beyond its text: who is thanked, and for which value. */
public record KudosView(PostView.AuthorRef to, String value, String valueLabel) {}
