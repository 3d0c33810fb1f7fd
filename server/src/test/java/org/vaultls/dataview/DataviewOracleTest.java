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
    private static final java.util.regex.Pattern BLOCK = java.util.regex.Pattern.compile("(?ms)^```dataview[ \t]*\n(.*?)^```");

    @Test
    void everyCorpusQueryParsesAsDataviewParsesIt() throws Exception {
        agree("corpus", corpus(), CORPUS);
    }

    /** The dataview blocks of the shared vaults and seed notes beside the project (skipped when absent). */
    @Test
    void everySharedVaultBlockParsesAsDataviewParsesIt(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path shared = null;
        for (Path dir = Path.of("..").toAbsolutePath().normalize(); dir != null && shared == null;
                dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("shared/vaults")) || Files.isDirectory(dir.resolve("shared/seeds"))) {
                shared = dir.resolve("shared");
            }
        }
        assumeTrue(shared != null, "SKIPPED: no shared/vaults or shared/seeds beside the project");
        List<String> blocks = new ArrayList<>();
        for (String sub : List.of("vaults", "seeds")) {
            Path root = shared.resolve(sub);
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> notes;
            try (var files = Files.walk(root)) {
                notes = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
            }
            for (Path f : notes) {
                String text;
                try {
                    text = Files.readString(f, StandardCharsets.UTF_8).replace("\r\n", "\n");
                } catch (IOException e) {
                    continue; // not UTF-8: no block we could read either
                }
                java.util.regex.Matcher m = BLOCK.matcher(text);
                while (m.find()) {
                    blocks.add(m.group(1).replaceAll("\\n$", ""));
                }
            }
        }
        assumeTrue(!blocks.isEmpty(), "SKIPPED: no dataview blocks in " + shared);
        Path corpus = tmp.resolve("blocks.txt");
        Files.writeString(corpus, String.join("\n====\n", blocks), StandardCharsets.UTF_8);
        agree("shared blocks", blocks, corpus);
    }

    private static void agree(String what, List<String> queries, Path corpusFile) throws Exception {
        assumeTrue(Files.isRegularFile(ORACLE.resolve("node_modules/obsidian-dataview/lib/index.js")),
                "SKIPPED: the Dataview oracle is not installed: run `npm ci` in server/src/test/dataview-oracle");
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        JsonNode oracle = runOracle(corpusFile);
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
        System.out.println("DataviewOracleTest (" + what + "): " + passed + " passed, " + failures.size() + " failed");
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

    private static JsonNode runOracle(Path corpusFile) throws Exception {
        ProcessBuilder pb;
        try {
            pb = new ProcessBuilder("node", "parse.js", corpusFile.toAbsolutePath().toString())
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
