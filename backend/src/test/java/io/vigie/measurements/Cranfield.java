package io.vigie.measurements;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cranfield 1400 collection (../shared/testdata/cranfield, see its SOURCE.md): documents with
 * a title and an abstract, 225 queries, graded judgments. Judgment query numbers are the queries'
 * positions in cran.qry (1..225), not their ".I" ids; codes -1 and 1 (most relevant) to 4.
 */
record Cranfield(List<Document> documents, List<Query> queries) {

    record Document(int id, String title, String text) {}

    /** A query and its judged documents, each with a gain: 4 for codes -1 and 1, 3 for 2, 2 for 3, 1 for 4. */
    record Query(int number, String text, Map<Integer, Integer> gains) {}

    static Cranfield load(Path folder) throws IOException {
        List<Document> documents = documents(Files.readString(folder.resolve("cran.all.1400")));
        List<String> queryTexts = queries(Files.readString(folder.resolve("cran.qry")).replace("\r", ""));
        List<Map<Integer, Integer>> gains = new ArrayList<>();
        queryTexts.forEach(q -> gains.add(new LinkedHashMap<>()));
        for (String line : Files.readAllLines(folder.resolve("cranqrel"))) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length < 3) {
                continue;
            }
            int query = Integer.parseInt(parts[0]);
            int code = Integer.parseInt(parts[2]);
            gains.get(query - 1).put(Integer.parseInt(parts[1]), switch (code) {
                case -1, 1 -> 4;
                case 2 -> 3;
                case 3 -> 2;
                default -> 1;
            });
        }
        List<Query> queries = new ArrayList<>();
        for (int i = 0; i < queryTexts.size(); i++) {
            queries.add(new Query(i + 1, queryTexts.get(i), Map.copyOf(gains.get(i))));
        }
        return new Cranfield(documents, queries);
    }

    /** SMART records: ".I n", then ".T", ".A", ".B", ".W" fields; once in ".W", marker lines are text. */
    private static List<Document> documents(String content) {
        List<Document> documents = new ArrayList<>();
        for (String record : content.split("(?m)^\\.I ")) {
            if (record.isBlank()) {
                continue;
            }
            String[] lines = record.split("\n");
            int id = Integer.parseInt(lines[0].strip());
            StringBuilder title = new StringBuilder();
            StringBuilder text = new StringBuilder();
            String field = "";
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                if (!field.equals(".W") && List.of(".T", ".A", ".B", ".W").contains(line.strip())) {
                    field = line.strip();
                } else if (field.equals(".W")) {
                    if (!line.strip().equals(".W")) {
                        text.append(line).append('\n');
                    }
                } else if (field.equals(".T")) {
                    title.append(line).append('\n');
                }
            }
            documents.add(new Document(id, clean(title.toString()), clean(text.toString())));
        }
        return documents;
    }

    private static List<String> queries(String content) {
        List<String> queries = new ArrayList<>();
        for (String record : content.split("(?m)^\\.I ")) {
            if (record.isBlank()) {
                continue;
            }
            int w = record.indexOf(".W\n");
            queries.add(clean(record.substring(w + 3)));
        }
        return queries;
    }

    private static String clean(String text) {
        return text.replaceAll("\\s+", " ").replace(" .", ".").strip();
    }
}
