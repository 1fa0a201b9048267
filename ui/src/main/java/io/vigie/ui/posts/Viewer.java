package io.vigie.ui.posts;

import io.vigie.ui.api.Me;
import io.vigie.ui.api.PeopleClient;
import io.vigie.ui.api.Post;
import io.vigie.ui.api.SocialClient;
import io.vigie.ui.api.SpaceSummary;

import java.util.Comparator;
import java.util.List;

/**
 * Who is looking at a page, and so which actions a post card offers them. The API decides in the
 * end (it checks every write); this only hides buttons that would be refused.
 */
public record Viewer(Me me, List<SpaceSummary> spaces) {

    /** Two calls: the person, and the spaces they can see with their role in each. */
    public static Viewer load(PeopleClient people, SocialClient social) {
        return new Viewer(people.me(), social.spaces());
    }

    public boolean moderator() {
        return me.roles().contains("moderator");
    }

    public boolean owns(Post.SpaceRef space) {
        return spaces.stream().anyMatch(s -> s.id().equals(space.id()) && "owner".equals(s.myRole()));
    }

    public boolean wrote(Post post) {
        return me.id().equals(post.author().id());
    }

    public boolean mayEdit(Post post) {
        return wrote(post);
    }

    public boolean mayDelete(Post post) {
        return wrote(post) || owns(post.space()) || moderator();
    }

    public boolean mayPin(Post post) {
        return owns(post.space());
    }

    /** The spaces this person may post in, their department's first (where most of their posts go). */
    public List<SpaceSummary> postable() {
        return spaces.stream().filter(SpaceSummary::canPost)
                .sorted(Comparator.comparing((SpaceSummary space) -> !"department".equals(space.kind())))
                .toList();
    }
}
