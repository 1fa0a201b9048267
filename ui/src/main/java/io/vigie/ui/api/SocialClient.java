package io.vigie.ui.api;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Spaces, posts, votes and feeds, called as the signed-in person. */
@Component
public class SocialClient {

    /** 202 on a write: stored, but held for a moderator (a banned word); the composer shows why, like an error. */
    private static final java.util.function.Predicate<org.springframework.http.HttpStatusCode> HELD = status -> status.value() == 202;


    private final RestClient api;

    SocialClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public List<SpaceSummary> spaces() {
        return api.get().uri("/api/spaces").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public FeedPage homeFeed(String order, String cursor) {
        return api.get().uri(builder -> withCursor(builder.path("/api/feed").queryParam("order", order), cursor).build())
                .retrieve().body(FeedPage.class);
    }

    public FeedPage spaceFeed(UUID spaceId, String order, String cursor) {
        return api.get().uri(builder -> withCursor(builder.path("/api/spaces/{id}/posts").queryParam("order", order), cursor)
                        .build(spaceId))
                .retrieve().body(FeedPage.class);
    }

    public Post post(UUID spaceId, String markdown) {
        return post(spaceId, markdown, null);
    }

    /** A post carrying a poll (null: none); its text is the question. */
    public Post post(UUID spaceId, String markdown, Poll.Draft poll) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("body", markdown));
        if (poll != null) {
            body.put("poll", poll);
        }
        return api.post().uri("/api/spaces/{id}/posts", spaceId).body(body).retrieve()
                .onStatus(HELD, ApiErrors::throwHeld).body(Post.class);
    }

    /** Asks a question: a title, and the details in Markdown. */
    public Post ask(UUID spaceId, String title, String markdown) {
        return api.post().uri("/api/spaces/{id}/posts", spaceId)
                .body(Map.of("body", markdown, "kind", "question", "title", title)).retrieve()
                .onStatus(HELD, ApiErrors::throwHeld).body(Post.class);
    }

    /** Thanks a colleague (by username) with a company value, in a space, with a message. */
    public Post giveKudos(UUID spaceId, String username, String value, String markdown) {
        return api.post().uri("/api/spaces/{id}/posts", spaceId)
                .body(Map.of("body", markdown, "kind", "kudos", "kudosTo", username, "value", value)).retrieve()
                .onStatus(HELD, ApiErrors::throwHeld).body(Post.class);
    }

    /** People whose name starts like this (the search box's suggestions): username and name. */
    public List<SearchResults.Ref> suggestPeople(String prefix) {
        SearchResults.Suggestions found = api.get()
                .uri(builder -> builder.path("/api/search/suggest").queryParam("q", "{q}").build(Map.of("q", prefix)))
                .retrieve().body(SearchResults.Suggestions.class);
        return found == null ? List.of() : found.people();
    }

    /** The company's values offered for kudos, in order. */
    public List<Kudos.Value> companyValues() {
        return api.get().uri("/api/company-values").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    /** Admins: every value, retired ones too. */
    public List<Kudos.Value> allCompanyValues() {
        return api.get().uri("/api/admin/company-values").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    /** Admins: the values offered, in this order; the others are retired. */
    public List<Kudos.Value> replaceCompanyValues(List<Kudos.Value> values) {
        return api.put().uri("/api/admin/company-values").body(Map.of("values", values)).retrieve()
                .body(new ParameterizedTypeReference<>() {});
    }

    /** The kudos a person received that the signed-in person may see. */
    public Kudos.Received kudosReceived(String username) {
        return api.get().uri("/api/people/{username}/kudos", username).retrieve().body(Kudos.Received.class);
    }

    /** Questions already asked that look like this title, best first. */
    public List<SimilarQuestion> similarQuestions(String title) {
        return api.get().uri(builder -> builder.path("/api/questions/similar").queryParam("q", "{q}").build(title))
                .retrieve().body(new ParameterizedTypeReference<>() {});
    }

    /** Questions of one space (null: every space the person may see), unanswered only or all, newest first. */
    public FeedPage questions(UUID spaceId, boolean unansweredOnly, String cursor) {
        return api.get().uri(builder -> {
                    UriBuilder b = builder.path("/api/questions").queryParam("unanswered", unansweredOnly);
                    if (spaceId != null) {
                        b.queryParam("space", spaceId);
                    }
                    return withCursor(b, cursor).build();
                })
                .retrieve().body(FeedPage.class);
    }

    /** Accepts an answer of a question (null: takes the acceptance back). */
    public Post acceptAnswer(UUID questionId, UUID commentId) {
        return commentId == null
                ? api.delete().uri("/api/posts/{id}/accepted-answer", questionId).retrieve().body(Post.class)
                : api.put().uri("/api/posts/{id}/accepted-answer", questionId).body(Map.of("commentId", commentId))
                        .retrieve().body(Post.class);
    }

    /** Casts or changes the person's ballot (no choices: withdraws it); the poll comes back with its results. */
    public Poll ballot(UUID postId, List<Integer> choices) {
        return choices.isEmpty()
                ? api.delete().uri("/api/posts/{id}/poll/ballot", postId).retrieve().body(Poll.class)
                : api.put().uri("/api/posts/{id}/poll/ballot", postId).body(Map.of("choices", choices)).retrieve().body(Poll.class);
    }

    public Poll closePoll(UUID postId) {
        return api.post().uri("/api/posts/{id}/poll/close", postId).retrieve().body(Poll.class);
    }

    public Poll.Voters pollVoters(UUID postId) {
        return api.get().uri("/api/posts/{id}/poll/voters", postId).retrieve().body(Poll.Voters.class);
    }

    public VoteResult vote(UUID postId, int value) {
        return value == 0
                ? api.delete().uri("/api/posts/{id}/vote", postId).retrieve().body(VoteResult.class)
                : api.put().uri("/api/posts/{id}/vote", postId).body(Map.of("value", value)).retrieve().body(VoteResult.class);
    }

    public void createSpace(String name, String kind, String description) {
        api.post().uri("/api/spaces").body(Map.of("name", name, "kind", kind, "description", description))
                .retrieve().toBodilessEntity();
    }

    public List<Comment> comments(UUID postId) {
        return api.get().uri("/api/posts/{id}/comments", postId).retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public Comment comment(UUID postId, UUID parentId, String markdown) {
        Map<String, Object> body = parentId == null ? Map.of("body", markdown) : Map.of("body", markdown, "parentId", parentId);
        return api.post().uri("/api/posts/{id}/comments", postId).body(body).retrieve()
                .onStatus(HELD, ApiErrors::throwHeld).body(Comment.class);
    }

    public Comment editComment(UUID id, String markdown) {
        return api.put().uri("/api/comments/{id}", id).body(Map.of("body", markdown)).retrieve()
                .onStatus(HELD, ApiErrors::throwHeld).body(Comment.class);
    }

    public void deleteComment(UUID id) {
        api.delete().uri("/api/comments/{id}", id).retrieve().toBodilessEntity();
    }

    /** Votes on a comment (1, -1, or 0 to take the vote back). */
    public VoteResult voteComment(UUID id, int value) {
        Comment changed = value == 0
                ? api.delete().uri("/api/comments/{id}/vote", id).retrieve().body(Comment.class)
                : api.put().uri("/api/comments/{id}/vote", id).body(Map.of("value", value)).retrieve().body(Comment.class);
        return new VoteResult(changed.upvotes(), changed.downvotes(), changed.score(), changed.myVote());
    }

    public Notifications notifications() {
        return api.get().uri("/api/notifications").retrieve().body(Notifications.class);
    }

    public void markNotificationRead(UUID id) {
        api.post().uri("/api/notifications/{id}/read", id).retrieve().toBodilessEntity();
    }

    public void markNotificationsRead() {
        api.post().uri("/api/notifications/read").retrieve().toBodilessEntity();
    }

    public void join(UUID spaceId) {
        api.post().uri("/api/spaces/{id}/join", spaceId).retrieve().toBodilessEntity();
    }

    public void follow(UUID spaceId) {
        api.post().uri("/api/spaces/{id}/follow", spaceId).retrieve().toBodilessEntity();
    }

    public void leave(UUID spaceId) {
        api.delete().uri("/api/spaces/{id}/membership", spaceId).retrieve().toBodilessEntity();
    }

    public FeedPage personFeed(String username, String cursor) {
        return api.get().uri(builder -> withCursor(builder.path("/api/people/{username}/posts"), cursor).build(username))
                .retrieve().body(FeedPage.class);
    }

    public FeedPage tagFeed(String tag, String order, String cursor) {
        return api.get().uri(builder -> withCursor(builder.path("/api/tags/{tag}/posts").queryParam("order", order), cursor)
                        .build(tag))
                .retrieve().body(FeedPage.class);
    }

    public Post post(UUID id) {
        return api.get().uri("/api/posts/{id}", id).retrieve().body(Post.class);
    }

    public Post edit(UUID id, String markdown) {
        return api.put().uri("/api/posts/{id}", id).body(Map.of("body", markdown)).retrieve()
                .onStatus(HELD, ApiErrors::throwHeld).body(Post.class);
    }

    public void delete(UUID id) {
        api.delete().uri("/api/posts/{id}", id).retrieve().toBodilessEntity();
    }

    public Post pin(UUID id, boolean pinned) {
        return api.put().uri("/api/posts/{id}/pin", id).body(Map.of("pinned", pinned)).retrieve().body(Post.class);
    }

    public Preview preview(String markdown) {
        return api.post().uri("/api/preview").body(Map.of("body", markdown)).retrieve().body(Preview.class);
    }

    public SpaceSummary space(UUID id) {
        return api.get().uri("/api/spaces/{id}", id).retrieve().body(SpaceSummary.class);
    }

    /** Replaces the space's details; a null colour removes it. */
    public void updateSpace(UUID id, String name, String description, String kind, String color) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", name, "description", description, "kind", kind));
        body.put("color", color);
        api.put().uri("/api/spaces/{id}", id).body(body).retrieve().toBodilessEntity();
    }

    public List<Member> members(UUID spaceId) {
        return api.get().uri("/api/spaces/{id}/members", spaceId).retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public void setRole(UUID spaceId, UUID personId, String role) {
        api.put().uri("/api/spaces/{id}/members/{person}", spaceId, personId).body(Map.of("role", role))
                .retrieve().toBodilessEntity();
    }

    public void removeMember(UUID spaceId, UUID personId) {
        api.delete().uri("/api/spaces/{id}/members/{person}", spaceId, personId).retrieve().toBodilessEntity();
    }

    public void invite(UUID spaceId, String username) {
        api.post().uri("/api/spaces/{id}/invitations", spaceId).body(Map.of("username", username)).retrieve().toBodilessEntity();
    }

    public List<Invitation> myInvitations() {
        return api.get().uri("/api/me/invitations").retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public void acceptInvitation(UUID spaceId) {
        api.post().uri("/api/spaces/{id}/invitations/accept", spaceId).retrieve().toBodilessEntity();
    }

    public void declineInvitation(UUID spaceId) {
        api.delete().uri("/api/spaces/{id}/invitations/mine", spaceId).retrieve().toBodilessEntity();
    }

    public void askToJoin(UUID spaceId, String message) {
        api.post().uri("/api/spaces/{id}/requests", spaceId).body(Map.of("message", message)).retrieve().toBodilessEntity();
    }

    public List<JoinRequest> requests(UUID spaceId) {
        return api.get().uri("/api/spaces/{id}/requests", spaceId).retrieve().body(new ParameterizedTypeReference<>() {});
    }

    public void approve(UUID spaceId, UUID personId) {
        api.post().uri("/api/spaces/{id}/requests/{person}/approve", spaceId, personId).retrieve().toBodilessEntity();
    }

    public void reject(UUID spaceId, UUID personId) {
        api.delete().uri("/api/spaces/{id}/requests/{person}", spaceId, personId).retrieve().toBodilessEntity();
    }

    private static UriBuilder withCursor(UriBuilder builder, String cursor) {
        return cursor == null ? builder : builder.queryParam("cursor", cursor);
    }

    /** Reports a post or comment to the moderators, with a reason. */
    public void report(String type, UUID id, String reason) {
        api.post().uri("/api/reports").body(java.util.Map.of("type", type, "id", id, "reason", reason)).retrieve().toBodilessEntity();
    }
}
