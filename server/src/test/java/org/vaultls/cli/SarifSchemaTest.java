package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SARIF report against the SARIF 2.1.0 JSON schema (vendored in src/test/resources/sarif, from
 * Microsoft's SARIF Multitool 5.7.0, MIT), and the parts GitHub code scanning requires beyond the schema:
 * every rule's full description, help and help URI, and related locations linked from the message.
 */
class SarifSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path vault;

    private String report() throws Exception {
        Files.createDirectories(vault.resolve("a"));
        Files.createDirectories(vault.resolve("b"));
        Files.writeString(vault.resolve("a/Plan.md"), "# Plan\n");
        Files.writeString(vault.resolve("b/Plan.md"), "# Plan\n");
        Files.writeString(vault.resolve("Home.md"), """
                ---
                owner:
                ---
                See [[Plan]], [[Nope]] and [[Plan#Missing]].
                - [ ] call @Nobody
                """);
        Files.writeString(vault.resolve("Bad.md"), "---\nkey: [unclosed\n---\n");
        Cli cli = Cli.run("check", vault.toString(), "--format", "sarif");
        assertEquals(1, cli.exit(), cli.err());
        return cli.out();
    }

    @Test
    void theReportIsValidAgainstTheSarif210Schema() throws Exception {
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-2.1.0.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
        String report = report();
        List<Error> errors = schema.validate(report, InputFormat.JSON);
        assertTrue(errors.isEmpty(), errors + "\n" + report);
        // and the schema does catch a broken report
        List<Error> broken = schema.validate("{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {}}]}", InputFormat.JSON);
        assertFalse(broken.isEmpty(), "a run without a driver is refused");
    }

    @Test
    void everyRuleHasWhatGithubCodeScanningRequires() throws Exception {
        JsonNode driver = JSON.readTree(report()).at("/runs/0/tool/driver");
        assertTrue(driver.path("informationUri").asText().startsWith("https://"), driver.toString());
        for (JsonNode rule : driver.path("rules")) {
            String id = rule.path("id").asText();
            assertFalse(rule.at("/fullDescription/text").asText().isBlank(), id + " fullDescription");
            assertTrue(rule.at("/help/text").asText().contains("Fix: "), id + " help text gives the fix");
            assertTrue(rule.at("/help/markdown").asText().contains("**Fix:**"), id + " help markdown gives the fix");
            assertTrue(rule.path("helpUri").asText().startsWith("https://"), id + " helpUri");
            assertTrue(List.of("very-high", "high", "medium", "low").contains(rule.at("/properties/precision").asText()),
                    id + " precision");
        }
    }

    @Test
    void anAmbiguousLinksCandidatesAreLinkedFromItsMessage() throws Exception {
        JsonNode results = JSON.readTree(report()).at("/runs/0/results");
        JsonNode ambiguous = null;
        for (JsonNode r : results) {
            if (r.path("ruleId").asText().equals("ambiguous-link")) {
                ambiguous = r;
            }
        }
        assertTrue(ambiguous != null, results.toString());
        String message = ambiguous.at("/message/text").asText();
        JsonNode related = ambiguous.path("relatedLocations");
        assertEquals(2, related.size(), ambiguous.toString());
        for (JsonNode loc : related) {
            String path = loc.at("/physicalLocation/artifactLocation/uri").asText();
            assertTrue(message.contains("[" + path + "](" + loc.path("id").asInt() + ")"), message);
        }
        assertFalse(message.replace("\\[", "").replace("\\]", "").matches(".*\\[\\[.*"),
                "the message's own brackets are escaped: " + message);
    }
}
