package io.vigie.bench;

import io.vigie.content.UserText;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A company of 2,000 people with a fixed seed: 60 spaces (department, open and private), 100,000
 * posts, 300,000 comments, 20,000 articles shared 60,000 times, 1,000,000 votes, in French and
 * English, activity following power laws (a few spaces, posts and articles take most of it), and
 * ten articles bursting in the last hours.
 *
 * <p>It writes the rows the API's write path writes: Markdown rendered by the API's own
 * {@link UserText}, counters that match the votes and comments, and an outbox row for every
 * searchable row. The database's own triggers record the engagement of shares, as they do for the
 * API. Loading uses PostgreSQL's COPY.
 */
final class CompanyGenerator {

    static final int PEOPLE = 2_000;
    static final int SPACES = 60;
    static final int PRIVATE_SPACES = 18;
    static final int POSTS = 100_000;
    static final int COMMENTS = 300_000;
    static final int ARTICLES = 20_000;
    static final int SHARES = 60_000;
    static final int VOTES = 1_000_000;
    static final int BURSTS = 10;
    private static final long SEED = 20261201L;
    private static final int SITES = 40;
    private static final int TRUSTED_SITES = 8;

    private final Random random = new Random(SEED);
    private final Words words = new Words();
    private final UserText userText = new UserText();
    private final Instant now = Instant.now();
    private final Consumer<String> log;

    /** Everything the measurements need to know about what was generated. */
    record Company(List<Space> spaces, Map<String, UUID> demoPeople, List<String> tags, List<String> queryWords) {}

    record Space(UUID id, String kind, String department, int[] members) {}

    private record Post(UUID id, int space, long createdAt) {}

    CompanyGenerator(Consumer<String> log) {
        this.log = log;
    }

    /**
     * Writes the company; the demo people (already signed in once, so their rows and department
     * spaces exist) join it as members of several spaces each.
     */
    Company write(Connection db) throws SQLException, IOException {
        db.setAutoCommit(false);
        CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();

        // People: the six demo accounts plus 2,000 generated ones, spread over the same departments.
        Map<String, UUID> demo = new LinkedHashMap<>();
        Map<String, String> demoDepartments = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id, username, department FROM person WHERE username NOT LIKE 'bench-%' ORDER BY username")) {
            while (rows.next()) {
                demo.put(rows.getString("username"), rows.getObject("id", UUID.class));
                demoDepartments.put(rows.getString("username"), rows.getString("department"));
            }
        }
        List<String> departments = demoDepartments.values().stream().filter(d -> d != null).distinct().sorted().toList();
        List<UUID> people = new ArrayList<>(demo.values());
        List<String> personDepartment = new ArrayList<>(demoDepartments.values());
        StringBuilder rows = new StringBuilder();
        for (int n = 0; n < PEOPLE; n++) {
            UUID id = uuid();
            // Department sizes follow a power law too: the first department is the largest.
            String department = departments.get(skewed(departments.size(), 1.2));
            people.add(id);
            personDepartment.add(department);
            Words.Language language = words.pick(random);
            csv(rows, id, "bench-%04d".formatted(n), name(language, n), "bench-%04d@vigie.example".formatted(n), department,
                    "{employee}", timestamp(now.minus(Duration.ofDays(400))));
        }
        copy(copy, "person (id, username, display_name, email, department, roles, created_at)", rows);

        // Spaces: the department spaces exist (the demo sign-ins created them); add open and private ones.
        List<Space> spaces = new ArrayList<>();
        Map<String, UUID> departmentSpaces = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet found = statement.executeQuery("SELECT id, department FROM space WHERE kind = 'department' ORDER BY department")) {
            while (found.next()) {
                departmentSpaces.put(found.getString("department"), found.getObject("id", UUID.class));
            }
        }
        rows.setLength(0);
        StringBuilder memberships = new StringBuilder();
        for (Map.Entry<String, UUID> department : departmentSpaces.entrySet()) {
            List<Integer> members = new ArrayList<>();
            for (int p = demo.size(); p < people.size(); p++) {
                if (department.getKey().equals(personDepartment.get(p))) {
                    members.add(p);
                    csv(memberships, department.getValue(), people.get(p), "member", timestamp(now.minus(Duration.ofDays(300))));
                }
            }
            // The demo people are already members of their own department's space.
            for (int p = 0; p < demo.size(); p++) {
                if (department.getKey().equals(personDepartment.get(p))) {
                    members.add(p);
                }
            }
            spaces.add(new Space(department.getValue(), "department", department.getKey(), ints(members)));
        }
        // Whatever spaces the first sign-ins created count towards the 60.
        int existing;
        try (Statement statement = db.createStatement(); ResultSet found = statement.executeQuery("SELECT count(*) FROM space")) {
            found.next();
            existing = found.getInt(1);
        }
        int openSpaces = SPACES - PRIVATE_SPACES - existing;
        for (int s = 0; s < openSpaces + PRIVATE_SPACES; s++) {
            boolean open = s < openSpaces;
            UUID id = uuid();
            Words.Language language = words.pick(random);
            String name = capitalised(language.word(random)) + " " + language.word(random) + " " + (s + 1);
            // Open spaces: from 900 members down to about 20, by rank; private ones: 6 to 60.
            int size = open ? (int) Math.max(20, 900 / Math.pow(s + 1, 0.9)) : 6 + random.nextInt(55);
            Set<Integer> members = new HashSet<>();
            while (members.size() < size) {
                members.add(demo.size() + random.nextInt(PEOPLE));
            }
            // Alice and Bruno read a lot of spaces (the measured readers); the others a few.
            int index = 0;
            for (String username : demo.keySet()) {
                boolean joins = switch (username) {
                    case "alice.martin" -> open ? s < 12 : s - openSpaces < 3;
                    case "bruno.petit" -> open ? s < 16 : s - openSpaces >= 1 && s - openSpaces < 4;
                    default -> open ? random.nextInt(4) == 0 : random.nextInt(9) == 0;
                };
                if (joins) {
                    members.add(index);
                }
                index++;
            }
            int owner = members.iterator().next();
            csv(rows, id, "bench-space-" + (s + 1), name, language.sentence(random, 12), open ? "open" : "private",
                    people.get(owner), timestamp(now.minus(Duration.ofDays(200 + random.nextInt(100)))));
            for (int member : members) {
                csv(memberships, id, people.get(member), member == owner ? "owner" : "member", timestamp(now.minus(Duration.ofDays(199))));
            }
            spaces.add(new Space(id, open ? "open" : "private", null, members.stream().mapToInt(Integer::intValue).toArray()));
        }
        copy(copy, "space (id, slug, name, description, kind, created_by, created_at)", rows);
        copy(copy, "space_membership (space_id, person_id, role, joined_at)", memberships);
        log.accept("people and spaces: %,d people, %d spaces".formatted(people.size(), spaces.size()));

        // Spaces draw activity by size; a few busy ones carry most of it.
        double[] spaceWeights = new double[spaces.size()];
        for (int s = 0; s < spaces.size(); s++) {
            spaceWeights[s] = Math.pow(spaces.get(s).members().length, 0.8);
        }
        List<String> tags = new ArrayList<>();
        for (int t = 0; t < 80; t++) {
            String tag = (t % 2 == 0 ? words.french : words.english).ranked.get(10 + t * 3).replaceAll("[^\\p{L}\\p{N}]", "");
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }

        // Articles, on 40 sites; the first eight are trusted by the moderators.
        List<String> sites = new ArrayList<>();
        for (int s = 0; s < SITES; s++) {
            sites.add((s % 2 == 0 ? "news" : "blog") + (s + 1) + "." + (s % 3 == 0 ? "fr" : s % 3 == 1 ? "com" : "io"));
        }
        List<UUID> articles = new ArrayList<>();
        List<String> articleLanguage = new ArrayList<>();
        rows.setLength(0);
        for (int a = 0; a < ARTICLES; a++) {
            UUID id = uuid();
            Words.Language language = words.pick(random);
            String site = sites.get(skewed(SITES, 1.0));
            String title = capitalised(language.text(random, 5 + random.nextInt(6)));
            Instant published = now.minus(Duration.ofMinutes((long) (Math.pow(random.nextDouble(), 1.5) * 40 * 24 * 60)));
            csv(rows, id, "https://" + site + "/" + a + "-" + title.toLowerCase().replaceAll("[^\\p{L}\\p{N}]+", "-"), title,
                    language.sentence(random, 15 + random.nextInt(16)), site, timestamp(published), language.code,
                    language.text(random, 40 + random.nextInt(41)), timestamp(published),
                    array(List.of(language.word(random), language.word(random), language.word(random))), timestamp(published));
            articles.add(id);
            articleLanguage.add(language.code);
        }
        copy(copy, "article (id, url, title, description, site_name, published_at, language, excerpt, fetched_at, keywords, created_at)", rows);
        rows.setLength(0);
        for (int s = 0; s < TRUSTED_SITES; s++) {
            csv(rows, sites.get(s), demo.get("emma.dubois"), timestamp(now.minus(Duration.ofDays(60))));
        }
        copy(copy, "trusted_site (host, added_by, added_at)", rows);

        // Posts over 180 days, denser lately; shares over 30 days; ten bursting articles in the last six hours.
        List<Post> posts = new ArrayList<>(POSTS + SHARES + BURSTS * 12);
        int[] upvotes = new int[POSTS + SHARES + BURSTS * 12];
        int[] downvotes = new int[upvotes.length];
        int[] commentCounts = new int[upvotes.length];
        List<String[]> postRows = new ArrayList<>();
        for (int p = 0; p < POSTS; p++) {
            int space = weighted(spaceWeights);
            long createdAt = now.toEpochMilli() - (long) (Math.pow(random.nextDouble(), 1.6) * Duration.ofDays(180).toMillis());
            int author = member(spaces.get(space));
            Words.Language language = words.pick(random);
            StringBuilder body = new StringBuilder(language.sentence(random, 6 + random.nextInt(12)));
            for (int more = random.nextInt(3); more > 0; more--) {
                body.append(' ').append(language.sentence(random, 6 + random.nextInt(14)));
            }
            if (random.nextInt(10) < 4) {
                body.append(" #").append(tags.get(skewed(tags.size(), 1.0)));
                if (random.nextBoolean()) {
                    body.append(" #").append(tags.get(skewed(tags.size(), 1.0)));
                }
            }
            if (random.nextInt(20) == 0) {
                body.append("\n\n**").append(language.text(random, 3)).append("**");
            }
            posts.add(new Post(uuid(), space, createdAt));
            postRows.add(new String[] {body.toString(), people.get(author).toString(), null});
        }
        Set<String> shared = new HashSet<>();
        // A person shares an article once per space: a repeated draw is drawn again, so the counts are exact.
        for (int s = 0; s < SHARES + BURSTS * 12; s++) {
            boolean burst = s >= SHARES;
            int article = burst ? ARTICLES - 1 - (s - SHARES) / 12 : skewed(ARTICLES, 0.9);
            int space = burst ? spaces.indexOf(spaces.stream().filter(sp -> "open".equals(sp.kind())).findFirst().orElseThrow())
                    : weighted(spaceWeights);
            int author = member(spaces.get(space));
            if (!shared.add(article + ":" + space + ":" + author)) {
                s--;
                continue;
            }
            long createdAt = burst ? now.toEpochMilli() - random.nextInt((int) Duration.ofHours(5).toMillis())
                    : now.toEpochMilli() - (long) (Math.pow(random.nextDouble(), 1.3) * Duration.ofDays(30).toMillis());
            Words.Language language = "fr".equals(articleLanguage.get(article)) ? words.french : words.english;
            String comment = random.nextInt(3) == 0 ? "" : language.sentence(random, 4 + random.nextInt(14));
            String themes = " #" + tags.get(skewed(tags.size(), 1.0));
            posts.add(new Post(uuid(), space, createdAt));
            postRows.add(new String[] {(comment + themes).strip(), people.get(author).toString(), articles.get(article).toString()});
        }
        log.accept("posts drawn: %,d (%,d shares)".formatted(posts.size(), posts.size() - POSTS));

        // Comments: popular posts (a Zipf law over a shuffled order) gather most of them, soon after posting.
        int[] popularity = shuffled(posts.size());
        List<String[]> commentRows = new ArrayList<>(COMMENTS);
        List<Long> commentTimes = new ArrayList<>(COMMENTS);
        List<Integer> commentPost = new ArrayList<>(COMMENTS);
        List<UUID> commentIds = new ArrayList<>(COMMENTS);
        Map<Integer, UUID> lastCommentOf = new java.util.HashMap<>();
        for (int c = 0; c < COMMENTS; c++) {
            int post = popularity[skewed(posts.size(), 0.8)];
            Post target = posts.get(post);
            long at = Math.min(now.toEpochMilli() - 1000,
                    target.createdAt() + (long) (Math.pow(random.nextDouble(), 3) * Duration.ofDays(5).toMillis()));
            Words.Language language = words.pick(random);
            UUID id = uuid();
            UUID parent = random.nextInt(5) == 0 ? lastCommentOf.get(post) : null;
            commentRows.add(new String[] {id.toString(), target.id().toString(), parent == null ? null : parent.toString(),
                    people.get(member(spaces.get(target.space()))).toString(), language.sentence(random, 3 + random.nextInt(25))});
            commentTimes.add(at);
            commentPost.add(post);
            commentIds.add(id);
            lastCommentOf.put(post, id);
            commentCounts[post]++;
        }

        // Votes: a quarter on comments; a person votes once per item; 92 % up.
        int[] commentPopularity = shuffled(COMMENTS);
        Set<Long> voted = new HashSet<>(VOTES * 2);
        int[] commentUp = new int[COMMENTS];
        int[] commentDown = new int[COMMENTS];
        StringBuilder votes = new StringBuilder();
        List<StringBuilder> voteChunks = new ArrayList<>();
        int written = 0;
        while (written < VOTES) {
            boolean onComment = random.nextInt(4) == 0;
            int target = onComment ? commentPopularity[skewed(COMMENTS, 0.8)] : popularity[skewed(posts.size(), 0.8)];
            int space = onComment ? posts.get(commentPost.get(target)).space() : posts.get(target).space();
            int voter = member(spaces.get(space));
            if (!voted.add(((long) target << 13 | voter) << 1 | (onComment ? 1 : 0))) {
                continue;
            }
            long since = onComment ? commentTimes.get(target) : posts.get(target).createdAt();
            long at = Math.min(now.toEpochMilli() - 1000, since + (long) (Math.pow(random.nextDouble(), 4) * Duration.ofDays(10).toMillis()));
            int value = random.nextInt(100) < 92 ? 1 : -1;
            if (onComment) {
                if (value > 0) commentUp[target]++; else commentDown[target]++;
            } else {
                if (value > 0) upvotes[target]++; else downvotes[target]++;
            }
            csv(votes, onComment ? "comment" : "post", onComment ? commentIds.get(target) : posts.get(target).id(), people.get(voter),
                    value, timestamp(Instant.ofEpochMilli(at)));
            written++;
            if (written % 100_000 == 0) {
                voteChunks.add(votes);
                votes = new StringBuilder();
            }
        }
        // The bursts: each bursting share gets 10 to 20 up-votes from distinct people within the last six hours.
        for (int p = POSTS + SHARES; p < posts.size(); p++) {
            Post burst = posts.get(p);
            for (int v = 0; v < 10 + random.nextInt(11); v++) {
                int voter = member(spaces.get(burst.space()));
                if (voted.add(((long) p << 13 | voter) << 1)) {
                    upvotes[p]++;
                    long at = Math.min(now.toEpochMilli() - 1000, burst.createdAt() + random.nextInt((int) Duration.ofHours(1).toMillis()));
                    csv(votes, "post", burst.id(), people.get(voter), 1, timestamp(Instant.ofEpochMilli(at)));
                }
            }
        }
        voteChunks.add(votes);

        // Rows, rendered by the API's own renderer, with the counters the votes and comments give them.
        long render = System.nanoTime();
        for (int from = 0; from < posts.size(); from += 20_000) {
            rows.setLength(0);
            for (int p = from; p < Math.min(posts.size(), from + 20_000); p++) {
                Post post = posts.get(p);
                String[] row = postRows.get(p);
                UserText.Rendered rendered = userText.render(row[0], Set.of());
                csv(rows, post.id(), spaces.get(post.space()).id(), row[1], row[0], rendered.html(), array(rendered.hashtags()),
                        upvotes[p], downvotes[p], commentCounts[p], timestamp(Instant.ofEpochMilli(post.createdAt())), row[2]);
            }
            copy(copy, "post (id, space_id, author_id, body_markdown, body_html, hashtags, upvotes, downvotes, comment_count, created_at, article_id)", rows);
        }
        for (int from = 0; from < COMMENTS; from += 50_000) {
            rows.setLength(0);
            for (int c = from; c < Math.min(COMMENTS, from + 50_000); c++) {
                String[] row = commentRows.get(c);
                csv(rows, row[0], row[1], row[2], row[3], row[4], userText.render(row[4], Set.of()).html(),
                        commentUp[c], commentDown[c], timestamp(Instant.ofEpochMilli(commentTimes.get(c))));
            }
            copy(copy, "comment (id, post_id, parent_id, author_id, body_markdown, body_html, upvotes, downvotes, created_at)", rows);
        }
        log.accept("posts and comments written (%,d ms, rendering included)".formatted((System.nanoTime() - render) / 1_000_000));
        for (StringBuilder chunk : voteChunks) {
            copy(copy, "vote (target_type, target_id, person_id, value, voted_at)", chunk);
        }
        log.accept("votes written");
        try (Statement statement = db.createStatement()) {
            statement.execute("""
                    INSERT INTO outbox (entity_type, entity_id)
                    SELECT 'PERSON', id FROM person WHERE username LIKE 'bench-%'
                    UNION ALL SELECT 'SPACE', id FROM space WHERE slug LIKE 'bench-space-%'
                    UNION ALL SELECT 'POST', id FROM post
                    UNION ALL SELECT 'COMMENT', id FROM comment""");
        }
        db.commit();

        List<String> queryWords = new ArrayList<>();
        queryWords.addAll(words.french.ranked);
        queryWords.addAll(words.english.ranked);
        return new Company(spaces, demo, tags, queryWords);
    }

    // ------------------------------------------------------------------ draws

    /** An index in [0, n), the first ones far more often (Zipf with the given exponent). */
    private int skewed(int n, double exponent) {
        // Inverse transform of a continuous power law on [1, n+1): quick and close enough for activity.
        double u = random.nextDouble();
        double value;
        if (Math.abs(exponent - 1.0) < 1e-9) {
            value = Math.pow(n + 1, u);
        } else {
            double a = 1 - exponent;
            value = Math.pow(1 + u * (Math.pow(n + 1, a) - 1), 1 / a);
        }
        return Math.min(n - 1, (int) value - 1);
    }

    private int weighted(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double pick = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick <= 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private int member(Space space) {
        return space.members()[random.nextInt(space.members().length)];
    }

    private int[] shuffled(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private UUID uuid() {
        return new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L, random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L);
    }

    private String name(Words.Language language, int n) {
        List<String> first = "fr".equals(language.code)
                ? List.of("Camille", "Léa", "Hugo", "Louis", "Chloé", "Nathan", "Inès", "Jules", "Manon", "Lucas", "Sarah", "Yanis")
                : List.of("Olivia", "James", "Emily", "Noah", "Grace", "Liam", "Sophie", "Ethan", "Amelia", "Oscar", "Ruby", "Leo");
        List<String> last = List.of("Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Garcia", "Roux", "Fournier", "Girard", "Bonnet",
                "Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Walker", "Wright", "Khan");
        return first.get(random.nextInt(first.size())) + " " + last.get(random.nextInt(last.size())) + " " + n;
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------ COPY in CSV

    private static String timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"").toList()) + "}";
    }

    /** One CSV line; null is an unquoted empty field (NULL to COPY), everything else is quoted. */
    private static void csv(StringBuilder out, Object... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            if (fields[i] != null) {
                out.append('"').append(fields[i].toString().replace("\"", "\"\"")).append('"');
            }
        }
        out.append('\n');
    }

    private static void copy(CopyManager copy, String table, CharSequence rows) throws SQLException, IOException {
        copy.copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv)", new StringReader(rows.toString()));
    }
}
