package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultls.findings.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path vault;

    @BeforeEach
    void writeVault() throws IOException {
        write("People/Ada Berg.md", "---\ntype: people\ntitle: Ada Berg\n---\n# Ada Berg\n");
        write("Daily/2026-01-02.md", "Met [[Ada Bergg]] today.\n- [ ] Call back @AdaBerg\n");
        write("Projects/Apollo, phase 1.md", "---\nowner:\n---\nSee [[Ada Berg#Nope]].\n");
    }

    private void write(String rel, String text) throws IOException {
        Path p = vault.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void textReportIsOneSortedLinePerFindingWithOneBasedPositions() {
        Cli cli = Cli.run("check", vault.toString());
        assertEquals(List.of(
                "Daily/2026-01-02.md:1:7: warning broken-link: No note named 'Ada Bergg'; did you mean 'Ada Berg'?",
                "Projects/Apollo, phase 1.md:2:1: warning empty-frontmatter-field: Frontmatter field 'owner' is empty: "
                        + "give it a value or remove it",
                "Projects/Apollo, phase 1.md:4:16: warning broken-heading: No heading 'Nope' in 'Ada Berg'; its "
                        + "headings: 'Ada Berg'"), cli.out().lines().toList());
        assertEquals(1, cli.exit());
        assertTrue(cli.err().contains("3 notes, 2 links: 3 warnings in "), cli.err());
    }

    @Test
    void jsonReportHasZeroBasedRangesAndASummary() throws IOException {
        Cli cli = Cli.run("check", vault.toString(), "--format", "json");
        JsonNode root = JSON.readTree(cli.out());
        JsonNode first = root.path("findings").get(0);
        assertEquals("Daily/2026-01-02.md", first.path("path").asText());
        assertEquals(0, first.at("/range/start/line").asInt());
        assertEquals(6, first.at("/range/start/character").asInt());
        assertEquals(15, first.at("/range/end/character").asInt());
        assertEquals("broken-link", first.path("code").asText());
        assertEquals("warning", first.path("severity").asText());
        assertEquals(3, root.at("/summary/findings").asInt());
        assertEquals(3, root.at("/summary/warning").asInt());
        assertEquals(3, root.at("/summary/notes").asInt());
    }

    @Test
    void sarifReportIsSarif210WithOneRulePerCodeAndRelativeLocations() throws IOException {
        Cli cli = Cli.run("check", vault.toString(), "--format=sarif");
        JsonNode root = JSON.readTree(cli.out());
        assertEquals("2.1.0", root.path("version").asText());
        JsonNode run = root.path("runs").get(0);
        JsonNode rules = run.at("/tool/driver/rules");
        Set<String> ids = new HashSet<>();
        rules.forEach(r -> ids.add(r.path("id").asText()));
        assertEquals(rules.size(), ids.size(), "one rule per code");
        assertTrue(ids.containsAll(Set.of("broken-link", "broken-heading", "empty-frontmatter-field", "unknown-owner")));
        JsonNode results = run.path("results");
        assertEquals(3, results.size());
        for (JsonNode r : results) {
            assertEquals(r.path("ruleId").asText(), rules.get(r.path("ruleIndex").asInt()).path("id").asText());
            JsonNode loc = r.at("/locations/0/physicalLocation");
            assertEquals("VAULTROOT", loc.at("/artifactLocation/uriBaseId").asText());
            assertFalse(loc.at("/artifactLocation/uri").asText().startsWith("/"));
            assertTrue(loc.at("/region/startLine").asInt() >= 1);
        }
        assertEquals("Projects/Apollo,%20phase%201.md", results.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertTrue(run.at("/originalUriBaseIds/VAULTROOT/uri").asText().startsWith("file:"));
    }

    @Test
    void githubReportIsOneWorkflowCommandPerFindingWithEscapedProperties() {
        Cli cli = Cli.run("check", vault.toString(), "--format", "github");
        List<String> lines = cli.out().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("::warning file="), lines.get(0));
        assertTrue(lines.get(0).contains("Daily/2026-01-02.md,line=1,col=7,endLine=1,endColumn=16,title=vault-ls broken-link::"
                + "No note named 'Ada Bergg'; did you mean 'Ada Berg'?"), lines.get(0));
        assertTrue(lines.get(1).contains("Apollo%2C phase 1.md,line=2"), "commas in file names are escaped: " + lines.get(1));
    }

    @Test
    void onATerminalAProgressLineWithCountsIsClearedBeforeAnythingElseIsWritten() {
        System.setProperty("vaultls.tty", "1");
        try {
            Cli cli = Cli.run("check", vault.toString());
            String err = cli.err();
            assertTrue(err.contains("\rvault-ls: 3/3 notes"), err);
            int last = err.lastIndexOf("\r");
            assertTrue(err.substring(0, last + 1).matches("(?s).*\\r +\\r"), "cleared with spaces: " + err);
            assertTrue(err.substring(last + 1).startsWith("3 notes, 2 links: 3 warnings in "), err);
        } finally {
            System.clearProperty("vaultls.tty");
        }
        System.setProperty("vaultls.tty", "0");
        try {
            assertFalse(Cli.run("check", vault.toString()).err().contains("\r"), "no progress off a terminal");
        } finally {
            System.clearProperty("vaultls.tty");
        }
    }

    @Test
    void theSummaryCountsEachSeverityAndLeavesOutThoseWithNone() {
        var f = new org.vaultls.features.diagnostics.Finding("a.md", org.vaultls.text.Span.of(0, 1,
                new org.vaultls.text.Pos(0, 0), new org.vaultls.text.Pos(0, 1)), Severity.ERROR,
                org.vaultls.findings.FindingCode.BROKEN_LINK, "x", List.of());
        var h = new org.vaultls.features.diagnostics.Finding("a.md", f.span(), Severity.HINT,
                org.vaultls.findings.FindingCode.OVERDUE_TASK, "y", List.of());
        assertEquals("1,200 notes, 1 link: 1 error, 2 hints in 7 ms",
                CheckCommand.summary(new CheckResult(vault, 1200, 1, List.of(f, h, h), 7)));
        assertEquals("1 note, 0 links: no findings in 0 ms",
                CheckCommand.summary(new CheckResult(vault, 1, 0, List.of(), 0)));
    }

    @Test
    void failOnSetsTheExitCodeThreshold() {
        assertEquals(0, Cli.run("check", vault.toString(), "--fail-on", "error").exit());
        assertEquals(0, Cli.run("check", vault.toString(), "--fail-on", "never").exit());
        assertEquals(1, Cli.run("check", vault.toString(), "--fail-on", "hint").exit());
        assertEquals(1, Cli.run("check", vault.toString(), "--fail-on", "warning").exit());
    }

    @Test
    void aCleanVaultExitsZeroWithAnEmptyReport() throws IOException {
        Path clean = vault.resolve("clean");
        Files.createDirectories(clean);
        Files.writeString(clean.resolve("A.md"), "See [[B]].\n");
        Files.writeString(clean.resolve("B.md"), "# B\n");
        Cli cli = Cli.run("check", clean.toString());
        assertEquals(0, cli.exit());
        assertEquals("", cli.out());
    }

    @Test
    void severityConfigChangesLevelsAndTurnsCodesOff() throws IOException {
        Path cfg = vault.resolve("strict.json");
        Files.writeString(cfg, "{\"severity\": {\"broken-link\": \"error\", \"empty-frontmatter-field\": \"off\"}}");
        Cli cli = Cli.run("check", vault.toString(), "--config", cfg.toString(), "--fail-on", "error");
        assertEquals(1, cli.exit());
        assertTrue(cli.out().contains(": error broken-link: "), cli.out());
        assertFalse(cli.out().contains("empty-frontmatter-field"), cli.out());
    }

    @Test
    void unknownConfigKeysAreWarningsOnStderrNotErrors() throws IOException {
        Files.writeString(vault.resolve(".vault-ls.json"), "{\"severty\": {}, \"keyFactsHeading\": 3}");
        Cli cli = Cli.run("check", vault.toString());
        assertEquals(1, cli.exit());
        assertTrue(cli.err().contains("unknown key 'severty'"), cli.err());
        assertTrue(cli.err().contains("keyFactsHeading must be a non-empty string"), cli.err());
        assertFalse(cli.out().contains("severty"));
    }

    @Test
    void usageAndIoErrorsExitTwoWithOneLineAndNoStackTrace() throws IOException {
        Cli missing = Cli.run("check", vault.resolve("nope").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("does not exist"), missing.err());
        assertEquals(1, missing.err().strip().lines().count());

        Cli badFormat = Cli.run("check", vault.toString(), "--format", "xml");
        assertEquals(2, badFormat.exit());
        assertTrue(badFormat.err().contains("unknown format 'xml'"));

        Cli badOption = Cli.run("check", "--frobnicate");
        assertEquals(2, badOption.exit());

        Files.writeString(vault.resolve("broken.json"), "{ not json");
        Cli badConfig = Cli.run("check", vault.toString(), "--config", vault.resolve("broken.json").toString());
        assertEquals(2, badConfig.exit());
        assertTrue(badConfig.err().contains("is not valid JSON"), badConfig.err());
        assertFalse(badConfig.err().contains("\tat "), "no stack trace");

        Cli missingConfig = Cli.run("check", vault.toString(), "--config", vault.resolve("absent.json").toString());
        assertEquals(2, missingConfig.exit());
    }

    @Test
    void versionAndHelpPrintToStdout() {
        Cli version = Cli.run("--version");
        assertEquals(0, version.exit());
        assertTrue(version.out().startsWith("vault-ls "), version.out());
        Cli help = Cli.run("--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--fail-on"));
    }
}
