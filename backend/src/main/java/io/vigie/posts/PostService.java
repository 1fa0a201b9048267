package io.vigie.posts;

import io.vigie.content.TextRendering;
import io.vigie.content.UserText;
import io.vigie.indexing.Outbox;
import io.vigie.live.LiveEvent;
import io.vigie.live.LiveEvents;
import io.vigie.moderation.AuditLog;
import io.vigie.moderation.BannedWords;
import io.vigie.notifications.Notifier;
import io.vigie.ideas.ChallengeDraft;
import io.vigie.ideas.ChallengeView;
import io.vigie.ideas.Challenges;
import io.vigie.ideas.IdeaDraft;
import io.vigie.ideas.IdeaView;
import io.vigie.ideas.Ideas;
import io.vigie.kudos.Kudos;
import io.vigie.kudos.KudosView;
import io.vigie.people.People;
import io.vigie.people.Person;
import io.vigie.polls.PollDraft;
import io.vigie.polls.PollView;
import io.vigie.polls.Polls;
import io.vigie.spaces.Reader;
import io.vigie.spaces.Space;
import io.vigie.spaces.SpaceService;
import io.vigie.votes.Votes;
import io.vigie.web.ApiProblems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;
import reactor.util.function.Tuples;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Writing posts: each change goes to PostgreSQL together with an outbox row, in one transaction,
 * so search and feeds catch up even if Elasticsearch is down when it happens.
 */
@Service
public class PostService {

    private final PostRepository posts;
    private final TextRendering bodies;
    private final SpaceService spaces;
    private final People people;
    private final Outbox outbox;
    private final LiveEvents live;
    private final Notifier notifier;
    private final Votes votes;
    private final TransactionalOperator transaction;
    private final AuditLog audit;
    private final BannedWords bannedWords;
    private final Polls polls;
    private final Kudos kudos;
    private final Ideas ideas;
    private final Challenges challenges;

    PostService(PostRepository posts, TextRendering bodies, SpaceService spaces, People people, Outbox outbox,
                LiveEvents live, Notifier notifier, Votes votes, TransactionalOperator transaction, AuditLog audit,
                BannedWords bannedWords, Polls polls, Kudos kudos, Ideas ideas, Challenges challenges) {
        this.ideas = ideas;
        this.challenges = challenges;
        this.polls = polls;
        this.kudos = kudos;
        this.audit = audit;
        this.bannedWords = bannedWords;
        this.posts = posts;
        this.bodies = bodies;
        this.spaces = spaces;
        this.people = people;
        this.outbox = outbox;
        this.live = live;
        this.notifier = notifier;
        this.votes = votes;
        this.transaction = transaction;
    }

    /** The longest title a question may have. */
    static final int MAX_TITLE_LENGTH = 200;

    Mono<PostView> create(Reader reader, UUID spaceId, PostRequests.Create request) {
        String markdown = request.body();
        PollDraft poll;
        IdeaDraft idea;
        ChallengeDraft challenge;
        String kind;
        try {
            kind = kindOf(request);
            poll = request.poll() == null ? null : request.poll().checked(OffsetDateTime.now());
            idea = kind.equals(Post.IDEA) ? Objects.requireNonNullElse(request.idea(), new IdeaDraft(null, null, null)).checked() : null;
            challenge = kind.equals(Post.CHALLENGE)
                    ? Objects.requireNonNullElse(request.challenge(), new ChallengeDraft(null, null, null, null)).checked(OffsetDateTime.now())
                    : null;
        } catch (ErrorResponseException invalid) {
            return Mono.error(invalid);
        }
        // What the post carries beside its text, written in its transaction (checked before it).
        Mono<Parts> parts = switch (kind) {
            case Post.QUESTION -> titled(kind, request).map(shape -> new Parts(shape, id -> Mono.empty()));
            case Post.IDEA -> titled(kind, request).flatMap(shape -> ideas.checkChallenge(reader, spaceId, idea.challengeId())
                    .then(Mono.fromSupplier(() -> new Parts(shape, id -> ideas.create(id, idea, reader.personId())))));
            case Post.CHALLENGE -> titled(kind, request).flatMap(shape -> reader.moderator() || reader.owns(spaceId)
                    ? challenges.jurors(spaceId, challenge.jury()).map(jurors -> new Parts(shape,
                            id -> challenges.create(id, challenge, jurors).then(notifier.jury(reader.personId(), jurors, id))))
                    : Mono.error(ApiProblems.forbidden("Only the space's owners and moderators open challenges.")));
            case Post.KUDOS -> kudos.recipient(reader.personId(), request.kudosTo(), request.value())
                    .map(recipient -> new Parts(PostShape.kudos(recipient.personId(), recipient.value()), id -> Mono.empty()));
            default -> Mono.just(new Parts(PostShape.ORDINARY, id -> poll == null ? Mono.empty() : polls.create(id, poll)));
        };
        return parts.flatMap(checked -> spaces.visibleSpace(reader, spaceId)
                .filter(space -> reader.mayPostIn(space.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Join this space to post in it.")))
                .zipWith(bodies.post("body", markdown))
                .flatMap(spaceAndBody -> bannedWords.firstIn(markdown)
                        .flatMap(banned -> {
                            UUID id = UUID.randomUUID();
                            Mono<Void> extras = Mono.defer(() -> checked.extras().apply(id));
                            if (banned.isPresent()) {
                                return hold(id, spaceAndBody.getT1().id(), reader, markdown, spaceAndBody.getT2(), banned.get(), extras,
                                        checked.shape());
                            }
                            return transaction.transactional(
                                            posts.insert(id, spaceAndBody.getT1().id(), reader.personId(), markdown, spaceAndBody.getT2(), null,
                                                            checked.shape())
                                                    .then(extras)
                                                    .then(changed(LiveEvent.CREATED, id))
                                                    .then(notifier.mentioned(reader.personId(), spaceAndBody.getT2().mentions(), id, null))
                                                    .then(checked.shape().kudosTo() == null ? Mono.empty()
                                                            : notifier.thanked(reader.personId(), checked.shape().kudosTo(), id)))
                                    .then(view(reader, id));
                        })));
    }

    /** The shape of a post with a title (a question, an idea, a challenge); 400 for a missing or long title. */
    private Mono<PostShape> titled(String kind, PostRequests.Create request) {
        return Mono.fromCallable(() -> PostShape.titled(kind, title(request)));
    }

    /** A new post's shape, and what to write beside it once its id is known. */
    private record Parts(PostShape shape, java.util.function.Function<UUID, Mono<Void>> extras) {}

    /**
     * A post with a banned word is stored hidden and reported by Vigie, in one transaction: it
     * waits in the moderators' queue, unpublished (no feed, no notification); the author is told.
     */
    private Mono<PostView> hold(UUID id, UUID spaceId, Reader reader, String markdown, UserText.Rendered body, String word,
                                Mono<Void> extras, PostShape shape) {
        return transaction.transactional(posts.insert(id, spaceId, reader.personId(), markdown, body, null, shape)
                        .then(extras)
                        .then(posts.hide(id))
                        .then(bannedWords.hold("post", id, reader.personId(), word)))
                .then(Mono.error(() -> ApiProblems.held("Your post waits for a moderator: it contains \"" + word
                        + "\", a word on the banned list.")));
    }

    /** The kind a request asks for, checked against what it carries. */
    private static String kindOf(PostRequests.Create request) {
        String kind = request.kind() == null ? "post" : request.kind();
        if (!List.of("post", Post.QUESTION, Post.KUDOS, Post.IDEA, Post.CHALLENGE).contains(kind)) {
            throw ApiProblems.invalid("kind", "must be post, question, kudos, idea or challenge");
        }
        if (!Post.TITLED.contains(kind) && request.title() != null && !request.title().isBlank()) {
            throw ApiProblems.invalid("title", "only a question, an idea or a challenge has a title");
        }
        if (!kind.equals("post") && request.poll() != null) {
            throw ApiProblems.invalid("poll", "only an ordinary post takes a poll");
        }
        if (!kind.equals(Post.KUDOS) && (request.kudosTo() != null || request.value() != null)) {
            throw ApiProblems.invalid("kudosTo", "only kudos name a colleague and a value");
        }
        if (!kind.equals(Post.IDEA) && request.idea() != null) {
            throw ApiProblems.invalid("idea", "only an idea has a problem and a benefit");
        }
        if (!kind.equals(Post.CHALLENGE) && request.challenge() != null) {
            throw ApiProblems.invalid("challenge", "only a challenge has a deadline, criteria and a jury");
        }
        return kind;
    }

    /** The title of a question, an idea or a challenge, checked. */
    private static String title(PostRequests.Create request) {
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            throw ApiProblems.invalid("title", "a" + (request.kind().equals(Post.IDEA) ? "n " : " ") + request.kind() + " needs a title");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw ApiProblems.invalid("title", "is " + title.length() + " characters long; the limit is " + MAX_TITLE_LENGTH);
        }
        return title;
    }

    /**
     * Accepts one answer of a question (a top-level comment of it), or none ({@code commentId}
     * null): the asker, or an owner of the space. The answer's author is told.
     */
    Mono<PostView> accept(Reader reader, UUID id, UUID commentId) {
        return visiblePost(reader, id)
                .filter(Post::question)
                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("post", "only a question has an accepted answer")))
                .filter(post -> post.authorId().equals(reader.personId()) || reader.owns(post.spaceId()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the asker or the space's owners can accept an answer.")))
                .flatMap(post -> commentId == null
                        ? transaction.transactional(posts.setAccepted(id, null).then(changed(LiveEvent.UPDATED, id)))
                        : posts.answerAuthor(id, commentId)
                                .switchIfEmpty(Mono.error(() -> ApiProblems.invalid("commentId", "is not an answer to this question")))
                                .flatMap(answerer -> transaction.transactional(posts.setAccepted(id, commentId)
                                        .then(changed(LiveEvent.UPDATED, id))
                                        .then(notifier.accepted(reader.personId(), answerer, id, commentId)))))
                .then(view(reader, id));
    }

    /**
     * Shares an article into a space: a post carrying the article, with the sharer's comment (which
     * may be empty) and their tags beside the comment's own hashtags. 409 when this person already
     * shares it there.
     */
    public Mono<PostView> share(Reader reader, UUID spaceId, UUID articleId, String markdown, List<String> tags) {
        Mono<UserText.Rendered> comment = markdown.isBlank()
                ? Mono.just(new UserText.Rendered("", List.of(), List.of()))
                : bodies.post("comment", markdown);
        return spaces.visibleSpace(reader, spaceId)
                .filter(space -> reader.mayPostIn(space.id()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Join the space to share into it.")))
                .zipWith(comment)
                .flatMap(spaceAndBody -> {
                    UUID id = UUID.randomUUID();
                    UserText.Rendered body = spaceAndBody.getT2();
                    List<String> allTags = Stream.concat(body.hashtags().stream(), tags.stream())
                            .distinct().toList();
                    UserText.Rendered tagged = new UserText.Rendered(body.html(), allTags, body.mentions());
                    return transaction.transactional(
                                    posts.insert(id, spaceId, reader.personId(), markdown, tagged, articleId)
                                            .filter(inserted -> inserted)
                                            .switchIfEmpty(Mono.error(() -> ApiProblems.conflict("You already shared this article in this space.")))
                                            .then(changed(LiveEvent.CREATED, id))
                                            .then(notifier.mentioned(reader.personId(), body.mentions(), id, null)))
                            .then(view(reader, id));
                });
    }

    /** The ids of an article's live shares that the reader may see, oldest first. */
    public Flux<UUID> visibleShares(Reader reader, UUID articleId) {
        return posts.visibleShares(articleId, reader.memberOf());
    }

    Mono<PostView> edit(Reader reader, UUID id, String markdown) {
        return visiblePost(reader, id)
                .filter(post -> post.authorId().equals(reader.personId()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the author can edit a post.")))
                .zipWith(bodies.post("body", markdown))
                .flatMap(postAndBody -> bannedWords.firstIn(markdown)
                        .flatMap(banned -> banned.isEmpty()
                                ? transaction.transactional(posts.updateBody(id, markdown, keepThemes(postAndBody.getT1(), postAndBody.getT2()))
                                        .then(changed(LiveEvent.UPDATED, id)))
                                // An edit that brings a banned word in takes the post off every read path until a moderator decides.
                                : transaction.transactional(posts.updateBody(id, markdown, keepThemes(postAndBody.getT1(), postAndBody.getT2()))
                                                .then(posts.hide(id))
                                                .then(outbox.commentsOfPostChanged(id))
                                                .then(changed(LiveEvent.DELETED, id))
                                                .then(bannedWords.hold("post", id, reader.personId(), banned.get())))
                                        .then(Mono.error(() -> ApiProblems.held("Your post waits for a moderator: it now contains \""
                                                + banned.get() + "\", a word on the banned list.")))))
                .then(view(reader, id));
    }

    /** A share's themes were chosen beside its comment: editing the comment adds hashtags, never drops those themes. */
    private static UserText.Rendered keepThemes(Post post, UserText.Rendered edited) {
        if (post.articleId() == null) {
            return edited;
        }
        List<String> themes = Stream.concat(edited.hashtags().stream(), post.hashtags().stream())
                .distinct().toList();
        return new UserText.Rendered(edited.html(), themes, edited.mentions());
    }

    /** Soft delete, by the author, an owner of the space or a moderator. */
    Mono<Void> delete(Reader reader, UUID id) {
        return visiblePost(reader, id)
                .filter(post -> post.authorId().equals(reader.personId()) || reader.owns(post.spaceId()) || reader.moderator())
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the author, the space's owners or a moderator can delete a post.")))
                .flatMap(post -> transaction.transactional(
                        posts.softDelete(id, reader.personId())
                                .then(outbox.commentsOfPostChanged(id))
                                .then(changed(LiveEvent.DELETED, id))
                                // A moderator deleting someone else's post outside their own spaces acts as a moderator.
                                .then(!post.authorId().equals(reader.personId()) && !reader.owns(post.spaceId())
                                        ? audit.record(reader.personId(), "delete", "post", id.toString(), "")
                                        : Mono.empty())));
    }

    /** Pinning keeps a post at the top of its space; owners only. */
    Mono<PostView> pin(Reader reader, UUID id, boolean pinned) {
        return visiblePost(reader, id)
                .filter(post -> reader.owns(post.spaceId()))
                .switchIfEmpty(Mono.error(() -> ApiProblems.forbidden("Only the space's owners can pin posts.")))
                .flatMap(post -> transaction.transactional(
                        posts.setPinned(id, pinned).then(changed(LiveEvent.UPDATED, id))))
                .then(view(reader, id));
    }

    /**
     * Sets or removes the reader's vote (value 0). Idempotent: the same vote twice changes nothing.
     * The post's row is locked first, so concurrent votes are counted one after the other.
     */
    Mono<PostRequests.VoteResult> vote(Reader reader, UUID id, int value) {
        if (value != 1 && value != -1 && value != 0) {
            return Mono.error(ApiProblems.invalid("value", "must be 1 or -1"));
        }
        return visiblePost(reader, id).then(transaction.transactional(
                posts.lock(id)
                        .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This post")))
                        .then(votes.set(Votes.Target.POST, id, reader.personId(), value))
                        .then(posts.recount(id, reader.personId()))
                        .flatMap(tally -> changed(LiveEvent.UPDATED, id)
                                .then(notifier.votes(id, tally.upvotes()))
                                .thenReturn(tally))))
                .map(tally -> new PostRequests.VoteResult(tally.upvotes(), tally.downvotes(),
                        tally.upvotes() - tally.downvotes(), tally.myVote()));
    }

    /**
     * A post Vigie writes on someone's behalf, in the caller's transaction: a challenge's sponsor
     * announcing its winners. The text is built from titles already checked; its id.
     */
    public Mono<UUID> announce(UUID authorId, UUID spaceId, String markdown) {
        UUID id = UUID.randomUUID();
        return bodies.post("body", markdown)
                .flatMap(body -> posts.insert(id, spaceId, authorId, markdown, body, null, PostShape.ORDINARY))
                .then(changed(LiveEvent.CREATED, id))
                .thenReturn(id);
    }

    /** In the writing transaction: reindex through the outbox, and tell live streams on every instance. */
    private Mono<Void> changed(String event, UUID id) {
        return outbox.changed(Outbox.EntityType.POST, id).then(live.postChanged(event, id));
    }

    /** The kudos among these posts (absent: not kudos). */
    public Mono<Map<UUID, KudosView>> kudosOf(Collection<UUID> postIds) {
        return kudos.forPosts(postIds);
    }

    /** The ideas and challenges among these posts, as this reader sees them (absent: neither). */
    public Mono<Tuple2<Map<UUID, IdeaView>, Map<UUID, ChallengeView>>> ideasOf(Reader reader, Collection<UUID> ideaIds,
                                                                             Collection<UUID> challengeIds) {
        return Mono.zip(ideas.forPosts(reader, ideaIds), challenges.forPosts(reader, challengeIds));
    }

    /** The polls among these posts, as this reader sees them (absent: no poll). */
    public Mono<Map<UUID, PollView>> pollsOf(UUID personId, Collection<UUID> postIds) {
        return polls.forPosts(personId, postIds);
    }

    /** The reader's own votes on these posts (1 or -1; absent for none). */
    public Mono<Map<UUID, Integer>> votesOf(UUID personId, Collection<UUID> postIds) {
        return posts.votesOf(personId, postIds);
    }

    /** A live post in a space the reader may see; 404 for anything else, so nothing leaks. */
    public Mono<Post> visiblePost(Reader reader, UUID id) {
        return visiblePostInSpace(reader, id).map(Tuple2::getT1);
    }

    /** The post with its space, both read once. */
    private Mono<Tuple2<Post, Space>> visiblePostInSpace(Reader reader, UUID id) {
        return posts.findById(id)
                .filter(post -> !post.deleted())
                .flatMap(post -> spaces.visibleSpace(reader, post.spaceId()).map(space -> Tuples.of(post, space)))
                .onErrorResume(ErrorResponseException.class, hidden -> Mono.empty())
                .switchIfEmpty(Mono.error(() -> ApiProblems.notFound("This post")));
    }

    public Mono<PostView> view(Reader reader, UUID id) {
        return visiblePostInSpace(reader, id).flatMap(postAndSpace -> Mono.zip(
                        people.byId(postAndSpace.getT1().authorId()),
                        posts.votesOf(reader.personId(), List.of(id)),
                        posts.articleCard(postAndSpace.getT1().articleId()).map(java.util.Optional::of)
                                .defaultIfEmpty(Optional.empty()),
                        polls.forPosts(reader.personId(), List.of(id)),
                        kudos.forPosts(List.of(id)),
                        ideas.forPosts(reader, List.of(id)),
                        challenges.forPosts(reader, List.of(id)))
                .map(parts -> toView(postAndSpace.getT1(), postAndSpace.getT2(), parts.getT1(),
                        parts.getT2().getOrDefault(id, 0), parts.getT3().orElse(null), parts.getT4().get(id))
                        .withKudos(parts.getT5().get(id))
                        .withIdeas(parts.getT6().get(id), parts.getT7().get(id))));
    }

    private static PostView toView(Post post, Space space, Person author, int myVote, PostView.ArticleCard article, PollView poll) {
        String title = Post.TITLED.contains(post.kind()) ? post.title() : article == null ? null : article.title();
        return new PostView(post.id(),
                new PostView.SpaceRef(space.id(), space.slug(), space.name()),
                new PostView.AuthorRef(author.id(), author.username(), author.displayName()),
                post.bodyHtml(), post.bodyMarkdown(), post.hashtags(), post.createdAt(), post.editedAt(),
                post.upvotes(), post.downvotes(), post.score(), post.commentCount(), post.pinned(), myVote, article, poll,
                post.kind(), title, post.acceptedCommentId(), null, null, null);
    }
}
