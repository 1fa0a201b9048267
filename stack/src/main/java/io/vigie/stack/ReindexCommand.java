package io.vigie.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code ./vigie reindex}: asks the running API to rebuild the search index from PostgreSQL (no
 * downtime: the alias moves when the copy is complete) and draws its progress. Signs in as an
 * admin through Keycloak's dev-only {@code vigie-cli} client: {@code VIGIE_ADMIN_USER} and
 * {@code VIGIE_ADMIN_PASSWORD} (the demo admin by default), {@code VIGIE_API_URL} and
 * {@code VIGIE_KEYCLOAK_URL} (the run command's ports by default).
 */
public final class ReindexCommand {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int BAR = 30;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String apiUrl;
    private final String keycloakUrl;

    public ReindexCommand(String apiUrl, String keycloakUrl) {
        this.apiUrl = apiUrl;
        this.keycloakUrl = keycloakUrl;
    }

    public static void main(String[] args) throws Exception {
        ReindexCommand command = new ReindexCommand(env("VIGIE_API_URL", "http://localhost:8081"),
                env("VIGIE_KEYCLOAK_URL", "http://localhost:8180"));
        boolean done = command.run(env("VIGIE_ADMIN_USER", "emma.dubois"), env("VIGIE_ADMIN_PASSWORD", "demo"), System.out);
        System.exit(done ? 0 : 1);
    }

    /** Starts (or joins) a rebuild and follows it to the end; true when it finished. */
    public boolean run(String username, String password, PrintStream out) throws IOException, InterruptedException {
        String token = token(username, password);
        HttpResponse<String> started = http.send(request("/api/admin/search/reindex", token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() == 409) {
            out.println("A rebuild is already running; following it.");
        } else if (started.statusCode() != 202) {
            out.println("The API refused the rebuild (" + started.statusCode() + "): " + started.body());
            return false;
        }
        while (true) {
            HttpResponse<String> polled = http.send(request("/api/admin/search/reindex", token).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode status = JSON.readTree(polled.body());
            String state = status.path("state").asString("");
            out.print("\r" + progressLine(status.path("done").asLong(), status.path("total").asLong(),
                    status.path("documentsPerSecond").asDouble()));
            out.flush();
            if (!"running".equals(state)) {
                out.println();
                if ("done".equals(state)) {
                    out.println("Done: " + status.path("target").asString("") + " now serves searches (was "
                            + status.path("source").asString("") + ").");
                    return true;
                }
                out.println("The rebuild " + state + ": " + status.path("error").asString(""));
                return false;
            }
            Thread.sleep(250); // a console polling the API four times a second; nothing to wait on but time
        }
    }

    /** "[#########-----------]  45%  12,345 / 27,000 documents  5,120/s" */
    static String progressLine(long done, long total, double perSecond) {
        double fraction = total <= 0 ? (done > 0 ? 1 : 0) : Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * BAR);
        return String.format(Locale.ROOT, "[%s%s] %3d%%  %,d / %,d documents  %,.0f/s",
                "#".repeat(filled), "-".repeat(BAR - filled), Math.round(fraction * 100), done, total, perSecond);
    }

    private String token(String username, String password) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=vigie-cli&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/vigie/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("Keycloak refused to sign in " + username + " (" + response.statusCode() + ")");
        }
        return JSON.readTree(response.body()).path("access_token").asString();
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create(apiUrl + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
