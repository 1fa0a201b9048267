package io.vigie.search;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The files of {@code search-config/} (shipped inside the jar): component templates with the
 * analysis settings, and index templates, one per alias. Read once at start-up.
 */
@Component
public class SearchConfig {

    /** One JSON file, named after its file. */
    public record TemplateFile(String name, String json) {}

    /**
     * An index template; its {@code version} names the physical index behind the alias, so a
     * mapping change means a new version and a rebuild into a new index.
     */
    public record IndexTemplate(String name, int version, String json) {
        public String alias() {
            return name;
        }

        public String indexName() {
            return name + "-v" + version;
        }
    }

    private final List<TemplateFile> componentTemplates;
    private final List<IndexTemplate> indexTemplates;

    SearchConfig(JsonMapper json) {
        this.componentTemplates = read("component-templates").stream()
                .map(resource -> new TemplateFile(baseName(resource), content(resource)))
                .toList();
        this.indexTemplates = read("index-templates").stream()
                .map(resource -> {
                    String content = content(resource);
                    JsonNode version = json.readTree(content).get("version");
                    if (version == null || !version.isInt()) {
                        throw new IllegalStateException(resource.getFilename() + " needs an integer \"version\"");
                    }
                    return new IndexTemplate(baseName(resource), version.intValue(), content);
                })
                .toList();
    }

    public List<TemplateFile> componentTemplates() {
        return componentTemplates;
    }

    public List<IndexTemplate> indexTemplates() {
        return indexTemplates;
    }

    private static List<Resource> read(String folder) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:search-config/" + folder + "/*.json");
            return Arrays.stream(found).sorted(Comparator.comparing(Resource::getFilename)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list search-config/" + folder, e);
        }
    }

    private static String baseName(Resource resource) {
        return Objects.requireNonNull(resource.getFilename()).replaceFirst("\\.json$", "");
    }

    private static String content(Resource resource) {
        try {
            return resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
