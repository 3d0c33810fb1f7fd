package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code vault-ls query}: one Dataview query, headless, on test-vault. */
class QueryCommandTest {
    static final String VAULT = GoldenTestVaultTest.VAULT.toString();
    static final String OWNED = "TASK WHERE contains(text, \"@AdaBerg\") AND !completed SORT due ASC";
    static final String PROJECTS = "LIST FROM \"Projects\" WHERE contains(file.outlinks, this.file.link)";

    @Test
    void textPrintsEachTaskAsItsFileLineAndText() throws IOException {
        Cli cli = Cli.run("query", VAULT, OWNED);
        assertEquals(0, cli.exit(), cli.err());
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.size() >= 12, cli.out()); // test-vault holds at least 12 open @AdaBerg tasks
        Pattern row = Pattern.compile("(.+\\.md):(\\d+): - \\[(.)] (.*)");
        List<String> dues = new ArrayList<>();
        for (String l : lines) {
            Matcher m = row.matcher(l);
            assertTrue(m.matches(), l);
            String line = Files.readAllLines(GoldenTestVaultTest.VAULT.resolve(m.group(1))).get(Integer.parseInt(m.group(2)) - 1);
            assertTrue(line.contains(m.group(4)) && line.contains("@AdaBerg"), l + " is not line " + m.group(2) + ": " + line);
            Matcher due = Pattern.compile("📅 (\\d{4}-\\d{2}-\\d{2})|\\[due:: (\\d{4}-\\d{2}-\\d{2})]").matcher(line);
            if (due.find()) {
                dues.add(due.group(1) != null ? due.group(1) : due.group(2));
            } else {
                assertTrue(dues.isEmpty(), "a task without a due date sorts first: " + l);
            }
        }
        assertEquals(dues.stream().sorted().toList(), dues, "SORT due ASC");
        assertTrue(cli.err().contains(lines.size() + " rows"), cli.err());
    }

    @Test
    void fromNamesTheNoteThisStandsFor() {
        Cli cli = Cli.run("query", VAULT, PROJECTS, "--from", "Ada Berg");
        assertEquals(0, cli.exit(), cli.err());
        assertEquals("Projects/Larkspur Pilot.md\nProjects/Northwind Expansion.md\n", cli.out().replace("\r\n", "\n"));
    }

    @Test
    void markdownIsWhatRenderWrites() {
        Cli cli = Cli.run("query", VAULT, PROJECTS, "--from", "People/Ada Berg.md", "--format", "markdown");
        assertEquals(0, cli.exit(), cli.err());
        assertEquals("- [[Larkspur Pilot]]\n- [[Northwind Expansion]]\n", cli.out().replace("\r\n", "\n"));
    }

    @Test
    void jsonHasRowsWithPathsAndValuesInAStableShape() throws IOException {
        Cli cli = Cli.run("query", VAULT, "TABLE role, company FROM \"People\" WHERE file.name = \"Ada Berg\"",
                "--format=json");
        assertEquals(0, cli.exit(), cli.err());
        JsonNode json = new ObjectMapper().readTree(cli.out());
        assertEquals("table", json.get("kind").asText());
        assertEquals(1, json.get("count").asInt());
        assertTrue(json.get("showId").asBoolean());
        assertEquals(3, json.get("headers").size(), json.toString());
        JsonNode row = json.get("rows").get(0);
        assertEquals("People/Ada Berg.md", row.get("path").asText());
        assertEquals("People/Ada Berg.md", row.get("id").get("link").asText());
        assertEquals("Senior Account Executive", row.get("values").get(0).asText());
        assertEquals("Kestrel Analytics", row.get("values").get(1).asText());
    }

    @Test
    void jsonTasksCarryTheirLineStatusAndText() throws IOException {
        JsonNode json = new ObjectMapper().readTree(Cli.run("query", VAULT, OWNED, "--format", "json").out());
        assertEquals("task", json.get("kind").asText());
        JsonNode task = json.get("rows").get(0).get("task");
        assertEquals(" ", task.get("status").asText());
        assertTrue(task.get("line").asInt() > 0);
        assertTrue(task.get("text").asText().contains("@AdaBerg"), task.toString());
    }

    @Test
    void aSyntaxErrorExitsOneAndSaysWhereAndWhatWasExpected() throws IOException {
        Cli cli = Cli.run("query", VAULT, "LIST FROM WHERE");
        assertEquals(1, cli.exit());
        assertTrue(cli.err().startsWith("vault-ls: error: query: syntax error at line 1, column 11: expected "), cli.err());
        Cli json = Cli.run("query", VAULT, "LIST FROM WHERE", "--format", "json");
        assertEquals(1, json.exit());
        assertTrue(new ObjectMapper().readTree(json.out()).get("error").asText().startsWith("syntax error"), json.out());
    }

    @Test
    void anEmptyResultIsNotAnError() {
        Cli cli = Cli.run("query", VAULT, "LIST FROM \"No such folder\"");
        assertEquals(0, cli.exit(), cli.err());
        assertEquals("", cli.out());
    }

    @Test
    void usageProblemsExitTwo() {
        assertEquals(2, Cli.run("query", VAULT).exit(), "no query");
        assertEquals(2, Cli.run("query", VAULT, "LIST", "extra").exit(), "two queries");
        Cli from = Cli.run("query", VAULT, "LIST", "--from", "Nobody Here");
        assertEquals(2, from.exit());
        assertTrue(from.err().contains("--from names no note of the vault: 'Nobody Here'"), from.err());
        assertEquals(2, Cli.run("query", VAULT, "LIST", "--format", "xml").exit());
        assertEquals(2, Cli.run("query", "no/such/vault", "LIST").exit());
    }
}
