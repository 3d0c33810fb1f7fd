package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check} reports the findings inside dataview blocks with their own codes, in every format. */
class DataviewCheckCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path vault;

    @BeforeEach
    void writeVault() throws IOException {
        write("Projects/Apollo.md", "---\nstatus: active\n---\nLead: [[Manish Sah]]\n");
        write("People/Manish Sah.md", """
                ---
                type: people
                ---
                ## Projects
                ```dataview
                LIST FROM "VAST/Projects" OR "Personal/Projects" WHERE contains(file.outlinks, this.file.link)
                ```
                ## Open Tasks
                ```dataview
                TASK FROM "" WHERE !completed AND contains(text, "Manish Sah") SORT due ASCC
                ```
                ## Tasks They Own
                ```dataview
                TASK WHERE contains(text, "@ManishShah") AND !completed AND lenght(text) > 3 AND stauts
                ```
                ```dataviewjs
                dv.taskList(dv.pages('"Nowhere"').file.tasks)
                ```
                """);
    }

    private void write(String rel, String text) throws IOException {
        Path p = vault.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void theTextReportHasOneLinePerProblemInTheBlocks() {
        Cli cli = Cli.run("check", vault.toString());
        assertEquals(List.of(
                "People/Manish Sah.md:6:11: warning dataview-unknown-source: No folder or note 'VAST/Projects' in the "
                        + "vault, so this source matches nothing; did you mean 'Projects'?",
                "People/Manish Sah.md:6:30: warning dataview-unknown-source: No folder or note 'Personal/Projects' in "
                        + "the vault, so this source matches nothing; did you mean 'Projects'?",
                "People/Manish Sah.md:10:73: error dataview-syntax: Dataview cannot parse this query: expected FROM, "
                        + "WHERE, SORT, GROUP BY, FLATTEN, LIMIT, ',' or end of query",
                "People/Manish Sah.md:14:28: warning dataview-unknown-owner: No person has the owner tag @ManishShah, "
                        + "so this query matches no one's tasks; did you mean @ManishSah?",
                "People/Manish Sah.md:14:61: warning dataview-unknown-function: Dataview has no function 'lenght'; did "
                        + "you mean 'length'?",
                "People/Manish Sah.md:14:82: hint dataview-unknown-field: No note has a field 'stauts' and tasks have "
                        + "no such field (in frontmatter or inline), so it is null for every task"),
                cli.out().lines().toList());
        assertEquals(1, cli.exit());
        assertTrue(cli.err().contains("1 error, 4 warnings, 1 hint"), cli.err());
    }

    @Test
    void theJsonReportRangesTheWordsAndNamesTheCodes() throws IOException {
        JsonNode findings = JSON.readTree(Cli.run("check", vault.toString(), "--format", "json").out()).path("findings");
        assertEquals(6, findings.size());
        JsonNode syntax = findings.get(2);
        assertEquals("dataview-syntax", syntax.path("code").asText());
        assertEquals("error", syntax.path("severity").asText());
        assertEquals(9, syntax.at("/range/start/line").asInt());
        assertEquals(72, syntax.at("/range/start/character").asInt());
        assertEquals(76, syntax.at("/range/end/character").asInt());
        JsonNode owner = findings.get(3);
        assertEquals(27, owner.at("/range/start/character").asInt());
        assertEquals(38, owner.at("/range/end/character").asInt());
    }

    @Test
    void aSeverityOverrideAppliesToDataviewCodes() throws IOException {
        write(".vault-ls.json", "{\"severity\": {\"dataview-unknown-source\": \"off\", \"dataview-syntax\": \"warning\"}}");
        Cli cli = Cli.run("check", vault.toString(), "--fail-on", "error");
        assertEquals(0, cli.exit(), cli.out());
        assertTrue(cli.out().lines().noneMatch(l -> l.contains("dataview-unknown-source")), cli.out());
        assertTrue(cli.out().contains("warning dataview-syntax"), cli.out());
    }

    @Test
    void sarifHasARuleForEachDataviewCode() throws IOException {
        JsonNode run = JSON.readTree(Cli.run("check", vault.toString(), "--format", "sarif").out()).path("runs").get(0);
        List<String> ids = new java.util.ArrayList<>();
        run.at("/tool/driver/rules").forEach(r -> ids.add(r.path("id").asText()));
        assertTrue(ids.containsAll(List.of("dataview-syntax", "dataview-unknown-source", "dataview-unknown-owner",
                "dataview-unknown-function", "dataview-unknown-field")), ids.toString());
    }
}
