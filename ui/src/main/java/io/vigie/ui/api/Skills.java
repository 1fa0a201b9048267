package io.vigie.ui.api;

import java.util.List;

/** A person's skills as the signed-in person sees them: declared (with endorsements) and the subjects they write about. */
public record Skills(List<Declared> declared, List<Activity> activeOn) {

    public record Declared(String skill, String label, long endorsements, boolean endorsedByMe) {}

    public record Activity(String tag, long posts) {}

    /** Someone who knows about a skill, and why. */
    public record Expert(String username, String name, String department, boolean declared, long endorsements, long posts,
                         double score) {}
}
