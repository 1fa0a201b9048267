package io.vigie.systemtests;

import io.vigie.stack.StackSettings;
import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * XSS payloads where people type plain text, rendered by Chromium: space names, display names and
 * article titles, on the pages that show them (the space directory, a space's feed with article
 * cards and authors, search results, which are the one place names come back as highlighted HTML).
 * No dialog opens, and no element, event handler or script URL appears in what the page built.
 * A spread of the corpus (one payload in 60, about 110) keeps those pages light. Every payload
 * goes through Chromium as Markdown in posts and comments, and every payload is checked against
 * the API's HTML in {@code XssCorpusTests}.
 */
class XssInTheBrowserTests extends BrowserTest {

    /** What must not appear in the page's content: elements that run or load code, and handlers. */
    private static final String FIND_ACTIVE_CONTENT = """
            const bad = [];
            for (const root of document.querySelectorAll(arguments[0])) {
              for (const e of root.querySelectorAll('*')) {
                const tag = e.tagName.toLowerCase();
                if (['script', 'iframe', 'frame', 'object', 'embed', 'base', 'form', 'meta', 'link', 'style', 'svg', 'math'].includes(tag)) {
                  bad.push('<' + tag + '>');
                }
                for (const a of e.attributes) {
                  const name = a.name.toLowerCase();
                  if (name.startsWith('on') || name === 'style' && /expression|url\\(/i.test(a.value)
                      || ['href', 'src', 'action', 'formaction', 'xlink:href'].includes(name) && /^\\s*(javascript|vbscript|data):/i.test(a.value)) {
                    bad.push(tag + '@' + name + '=' + a.value);
                  }
                }
              }
            }
            return bad;""";

    @Test
    void payloadsTypedAsNamesAndTitlesRenderAsText() throws Exception {
        String run = "xq" + UUID.randomUUID().toString().substring(0, 6);
        List<String> lines = Files.readAllLines(TestStack.settings().home()
                .resolve(Path.of("backend", "src", "test", "resources", "testdata", "xss", "xss-payload-list.txt")), StandardCharsets.UTF_8);
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < lines.size(); i += 60) {
            payloads.add(lines.get(i).length() > 300 ? lines.get(i).substring(0, 300) : lines.get(i));
        }
        String shareSpace = ApiAs.person("alice.martin").post("/api/spaces", "{\"name\":\"Shares " + run + "\",\"kind\":\"open\"}")
                .get("id").asString();
        try (Connection db = DriverManager.getConnection(TestStack.settings().jdbcUrl(StackSettings.DB_NAME), StackSettings.DB_USER,
                StackSettings.DB_PASSWORD)) {
            db.setAutoCommit(false);
            for (int i = 0; i < payloads.size(); i++) {
                String name = run + " " + payloads.get(i);
                execute(db, """
                        WITH s AS (INSERT INTO space (id, slug, name, kind) VALUES (gen_random_uuid(), ?, ?, 'open') RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id) SELECT 'SPACE', id FROM s""", run + "-" + i, name);
                execute(db, """
                        WITH p AS (INSERT INTO person (id, username, display_name) VALUES (gen_random_uuid(), ?, ?) RETURNING id),
                             a AS (INSERT INTO article (id, url, title) VALUES (gen_random_uuid(), ?, ?) RETURNING id),
                             s AS (INSERT INTO post (id, space_id, author_id, body_markdown, body_html, article_id)
                                   SELECT gen_random_uuid(), CAST(? AS uuid), p.id, 'Shared by ' || ?, '<p>Shared</p>', a.id FROM p, a
                                   RETURNING id)
                        INSERT INTO outbox (entity_type, entity_id)
                        SELECT 'PERSON', id FROM p UNION ALL SELECT 'POST', id FROM s""",
                        run + ".person" + i, name, "https://xss.example.org/" + run + "/" + i, name, shareSpace, run);
            }
            db.commit();
        }

        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-trends")));
        check("/spaces", "#space-list", run);
        check("/spaces/" + shareSpace, ".vigie-post", run);
        for (String type : List.of("space", "person", "post")) {
            check("/search?q=" + run + "&type=" + type, "#search-results", run);
        }
    }

    /**
     * Every payload of the corpus, whole, as Markdown in a post or a comment (a few dozen payloads
     * each, within the length limits), each post's page opened with its discussion: what the API's
     * sanitiser let through is what Chromium builds, and nothing in it runs.
     */
    @Test
    void everyPayloadAsAPostOrACommentRendersAsText() throws Exception {
        String run = "xb" + UUID.randomUUID().toString().substring(0, 6);
        List<String> payloads = Files.readAllLines(TestStack.settings().home()
                .resolve(Path.of("backend", "src", "test", "resources", "testdata", "xss", "xss-payload-list.txt")), StandardCharsets.UTF_8)
                .stream().filter(line -> !line.isBlank()).toList();
        ApiAs alice = ApiAs.person("alice.martin");
        String space = alice.post("/api/spaces", "{\"name\":\"Payloads " + run + "\",\"kind\":\"open\"}").get("id").asString();

        List<String> posts = new ArrayList<>();
        int published = 0;
        List<List<String>> batches = batches(payloads, 3_500);
        for (int i = 0; i < batches.size(); i++) {
            boolean asComment = i % 2 == 1;
            String path = asComment ? "/api/posts/" + posts.getLast() + "/comments" : "/api/spaces/" + space + "/posts";
            List<String> ids = publish(alice, path, run, batches.get(i));
            published += batches.get(i).size();
            if (!asComment) {
                posts.addAll(ids);
            }
        }
        assertThat(published).as("every payload went out").isEqualTo(payloads.size());

        signIn("alice.martin");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-trends")));
        for (String post : posts) {
            check("/posts/" + post, ".vigie-post", run);
        }
    }

    /** Payloads in order, as many per batch as fit in {@code limit} characters (a longer one alone, cut). */
    private static List<List<String>> batches(List<String> payloads, int limit) {
        List<List<String>> batches = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String payload : payloads) {
            String cut = payload.length() > limit ? payload.substring(0, limit) : payload;
            if (!current.isEmpty() && length + cut.length() + 2 > limit) {
                batches.add(current);
                current = new ArrayList<>();
                length = 0;
            }
            current.add(cut);
            length += cut.length() + 2;
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }

    /**
     * Publishes the payloads, one per paragraph, after the run's marker; a batch refused for its
     * hashtags or mentions (the limits count them) goes out in two halves. Returns the ids created.
     */
    private static List<String> publish(ApiAs person, String path, String run, List<String> batch) {
        String body = run + "\n\n" + String.join("\n\n", batch);
        java.net.http.HttpResponse<String> answer = person.attempt(person.request(path)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(java.util.Map.of("body", body)))));
        if (answer.statusCode() == 400 && batch.size() > 1) {
            List<String> ids = new ArrayList<>(publish(person, path, run, batch.subList(0, batch.size() / 2)));
            ids.addAll(publish(person, path, run, batch.subList(batch.size() / 2, batch.size())));
            return ids;
        }
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(201);
        return List.of(tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body()).get("id").asString());
    }

    /** Opens the page, waits for the payload names to show, and inspects what was built from them. */
    private void check(String path, String content, String run) {
        browser.get(TestStack.settings().uiUrl() + path);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), run));
        Browser.awaitVaadinIdle(browser);
        assertThatThrownBy(() -> browser.switchTo().alert()).as("a dialog opened on " + path).isInstanceOf(NoAlertPresentException.class);
        JavascriptExecutor js = (JavascriptExecutor) browser;
        Object shown = js.executeScript("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent).join(' ')", content);
        assertThat((String) shown).as("the payload names are inside " + content + " on " + path).contains(run);
        assertThat(activeContent(content)).as("active content on " + path).isEmpty();
        // Guard the guard: the same check finds a handler planted in the same place.
        js.executeScript("const p = document.createElement('span'); p.setAttribute('onclick', 'x()'); p.id = 'planted';"
                + " document.querySelector(arguments[0]).appendChild(p);", content);
        assertThat(activeContent(content)).as("the check itself, on " + path).containsExactly("span@onclick=x()");
    }

    @SuppressWarnings("unchecked")
    private List<String> activeContent(String content) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(FIND_ACTIVE_CONTENT, content);
    }

    private static void execute(Connection db, String sql, String... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setString(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }
}
