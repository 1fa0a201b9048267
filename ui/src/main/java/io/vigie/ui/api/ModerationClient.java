package io.vigie.ui.api;

import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The moderation queue and acts, and the audit log, as the signed-in moderator or admin. */
@Component
public class ModerationClient {

    private final RestClient api;

    ModerationClient(RestClient apiRestClient) {
        this.api = apiRestClient;
    }

    public List<Moderation.QueueItem> queue() {
        Moderation.QueueItem[] items = api.get().uri("/api/moderation/queue").retrieve().body(Moderation.QueueItem[].class);
        return items == null ? List.of() : List.of(items);
    }

    public void act(String type, UUID id, String action, String reason, Integer days) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        body.put("days", days);
        api.post().uri("/api/moderation/{type}/{id}/{action}", type, id, action).body(body).retrieve().toBodilessEntity();
    }

    public List<String> bannedWords() {
        String[] words = api.get().uri("/api/admin/banned-words").retrieve().body(String[].class);
        return words == null ? List.of() : List.of(words);
    }

    public void ban(String word) {
        api.post().uri("/api/admin/banned-words").body(Map.of("word", word)).retrieve().toBodilessEntity();
    }

    public void unban(String word) {
        api.delete().uri("/api/admin/banned-words/{word}", word).retrieve().toBodilessEntity();
    }

    /** Audit entries matching the filters (blank: any). */
    public List<Moderation.AuditEntry> audit(String actor, String action, String text) {
        Moderation.AuditEntry[] entries = api.get().uri(builder -> filtered(builder.path("/api/admin/audit"), actor, action, text))
                .retrieve().body(Moderation.AuditEntry[].class);
        return entries == null ? List.of() : List.of(entries);
    }

    public byte[] auditCsv(String actor, String action, String text) {
        return api.get().uri(builder -> filtered(builder.path("/api/admin/audit.csv"), actor, action, text)).retrieve().body(byte[].class);
    }

    private static java.net.URI filtered(UriBuilder builder, String actor, String action, String text) {
        Map<String, Object> variables = new HashMap<>();
        put(builder, variables, "actor", actor);
        put(builder, variables, "action", action);
        put(builder, variables, "q", text);
        return builder.build(variables);
    }

    /** User text as a URI variable, so "+" and "%" survive. */
    private static void put(UriBuilder builder, Map<String, Object> variables, String name, String value) {
        if (value != null && !value.isBlank()) {
            builder.queryParam(name, "{" + name + "}");
            variables.put(name, value.strip());
        }
    }
}
