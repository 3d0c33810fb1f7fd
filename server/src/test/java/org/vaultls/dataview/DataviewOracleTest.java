package org.vaultls.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The differential test: every query of the corpus is parsed by vault-ls and by Dataview 0.5.68 itself
 * (src/test/dataview-oracle, installed by {@code npm ci} there; .ci/run does it). Trees must be equal;
 * for a syntax error, the line and column must be. Skipped, saying why, when node or the npm package is
 * missing.
 */
class DataviewOracleTest {
    private static final Path ORACLE = Path.of("src/test/dataview-oracle");
    private static final Path CORPUS = Path.of("src/test/resources/dataview/corpus.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyCorpusQueryParsesAsDataviewParsesIt() throws Exception {
        assumeTrue(Files.isRegularFile(ORACLE.resolve("node_modules/obsidian-dataview/lib/index.js")),
                "SKIPPED: the Dataview oracle is not installed: run `npm ci` in server/src/test/dataview-oracle");
        List<String> queries = corpus();
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        JsonNode oracle = runOracle();
        assertEquals(queries.size(), oracle.size(), "the oracle answered every query");
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < queries.size(); i++) {
            String q = queries.get(i);
            JsonNode theirs = oracle.get(i);
            Dql.ParseResult ours = DqlParser.parse(q, now);
            String problem = compare(theirs, ours);
            if (problem != null) {
                failures.add("#" + i + " " + JSON.writeValueAsString(q) + ": " + problem);
            }
        }
        int passed = queries.size() - failures.size();
        System.out.println("DataviewOracleTest: " + passed + " passed, " + failures.size() + " failed");
        failures.forEach(f -> System.out.println("  " + f));
        assertTrue(failures.isEmpty(), passed + " passed, " + failures.size() + " failed:\n"
                + String.join("\n", failures));
    }

    private static String compare(JsonNode theirs, Dql.ParseResult ours) throws IOException {
        if (theirs.get("ok").asBoolean()) {
            if (ours.query().isEmpty()) {
                return "Dataview parses it, we report " + DqlJson.of(ours.error().orElseThrow());
            }
            JsonNode mine = JSON.readTree(DqlJson.of(ours.query().get()));
            JsonNode expected = theirs.get("value");
            return mine.equals(expected) ? null : "trees differ:\n    dataview " + expected + "\n    vault-ls " + mine;
        }
        if (ours.query().isPresent()) {
            return "Dataview fails at " + theirs.get("line") + ":" + theirs.get("column") + ", we parse "
                    + DqlJson.of(ours.query().get());
        }
        Dql.Error e = ours.error().orElseThrow();
        if (e.line() != theirs.get("line").asInt() || e.column() != theirs.get("column").asInt()) {
            return "error at " + e.line() + ":" + e.column() + ", Dataview's at " + theirs.get("line") + ":"
                    + theirs.get("column") + " " + theirs.get("expected");
        }
        return null;
    }

    static List<String> corpus() throws IOException {
        return List.of(Files.readString(CORPUS, StandardCharsets.UTF_8).split("\\r?\\n====\\r?\\n", -1));
    }

    private static JsonNode runOracle() throws Exception {
        ProcessBuilder pb;
        try {
            pb = new ProcessBuilder("node", "parse.js", CORPUS.toAbsolutePath().toString())
                    .directory(ORACLE.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("TZ", "UTC");
            Process p = pb.start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the oracle finished");
            assertEquals(0, p.exitValue(), "the oracle's exit code");
            return JSON.readTree(out);
        } catch (IOException e) {
            assumeTrue(false, "SKIPPED: node is not on PATH (" + e.getMessage() + ")");
            throw e;
        }
    }
}
