package org.vaultls.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vaultls.findings.FindingCode;

/**
 * The three places that name the keys of {@code .vault-ls.json} agree: the JSON schema kept in the
 * repository (schemas/vault-ls.schema.json, contributed to VS Code), README's settings table and the
 * keys {@link VaultConfig} accepts. Keys are compared flattened, as README lists them
 * ({@code people.types}).
 */
class SettingsSchemaTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema() throws IOException {
        return JSON.readTree(Files.readString(REPO.resolve("schemas/vault-ls.schema.json")));
    }

    /** The schema's keys, with an object that lists its own properties (people) flattened. */
    static Set<String> schemaKeys(JsonNode schema) {
        Set<String> keys = new TreeSet<>();
        schema.path("properties").fields().forEachRemaining(e -> {
            if (e.getKey().equals("$schema")) {
                return; // the editor's pointer to this schema, not a setting
            }
            JsonNode sub = e.getValue().path("properties");
            if (sub.isObject() && !e.getKey().equals("severity")) {
                sub.fieldNames().forEachRemaining(k -> keys.add(e.getKey() + "." + k));
            } else {
                keys.add(e.getKey());
            }
        });
        return keys;
    }

    /** The first column of the table under README's "## Configuration". */
    static Set<String> readmeKeys(String readme) {
        int start = readme.indexOf("\n## Configuration");
        assertTrue(start >= 0, "README has a Configuration section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> keys = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^\\| `([^`]+)` \\|").matcher(section);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    /** The keys VaultConfig accepts, as its warning for an unknown key names them. */
    static Set<String> serverKeys() {
        Set<String> keys = new TreeSet<>();
        for (String known : knownIn("{\"no-such-key\": 1}", "unknown key 'no-such-key'")) {
            keys.add(known);
        }
        List<String> people = knownIn("{\"people\": {\"no-such-key\": 1}}", "people: unknown key");
        keys.remove("people");
        people.forEach(k -> keys.add("people." + k));
        return keys;
    }

    private static List<String> knownIn(String json, String warningStart) {
        List<String> warnings = new ArrayList<>();
        try {
            VaultConfig.fromJson(JSON.readTree(json), warnings::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String w = warnings.stream().filter(s -> s.startsWith(warningStart)).findFirst()
                .orElseThrow(() -> new AssertionError("no warning '" + warningStart + "' in " + warnings));
        Matcher m = Pattern.compile("\\(known: ([^)]*)\\)").matcher(w);
        assertTrue(m.find(), w);
        return Arrays.stream(m.group(1).split(",")).map(String::strip).toList();
    }

    @Test
    void theSchemaReadmeAndServerNameTheSameKeys() throws IOException {
        Set<String> server = serverKeys();
        assertEquals(Set.of("severity", "people.types", "people.tags", "keyFactsHeading", "requiredFields", "ignore",
                "configFolder", "emptyFieldsAllowed", "staleContactDays", "unlinkedMentions", "cache"), server, "the keys VaultConfig accepts");
        assertEquals(server, schemaKeys(schema()), "schemas/vault-ls.schema.json");
        assertEquals(server, readmeKeys(Files.readString(REPO.resolve("README.md"))), "README's settings table");
    }

    @Test
    void theSchemaNamesEveryDiagnosticCodeForSeverity() throws IOException {
        Set<String> inSchema = new TreeSet<>();
        schema().path("properties").path("severity").path("properties").fieldNames().forEachRemaining(inSchema::add);
        Set<String> codes = Arrays.stream(FindingCode.values()).map(FindingCode::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(codes, inSchema);
    }

    @Test
    void everySchemaDefaultIsWhatTheServerAssumes() throws IOException {
        JsonNode props = schema().path("properties");
        VaultConfig defaults = VaultConfig.defaults();
        assertEquals(defaults.keyFactsHeading(), props.path("keyFactsHeading").path("default").asText());
        assertEquals(defaults.configFolder(), props.path("configFolder").path("default").asText());
        List<String> types = new ArrayList<>();
        props.path("people").path("properties").path("types").path("default").forEach(n -> types.add(n.asText()));
        assertEquals(defaults.peopleTypes(), Set.copyOf(types));
    }

    @Test
    void theTestVaultsSettingsFileHoldsOnlySchemaKeys() throws IOException {
        JsonNode file = JSON.readTree(Files.readString(REPO.resolve("test-vault/.vault-ls.json")));
        Set<String> top = new TreeSet<>();
        schema().path("properties").fieldNames().forEachRemaining(top::add);
        file.fieldNames().forEachRemaining(k -> assertTrue(top.contains(k), "test-vault/.vault-ls.json: " + k));
    }
}
