package org.vaultls.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/** One rule for the language server and the CLI: the vault's settings file wins over the editor's, key by key. */
class SettingsResolverTest {
    private final List<String> warnings = new ArrayList<>();
    @TempDir
    Path vault;

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private Path file(String text) throws Exception {
        return Files.writeString(vault.resolve(VaultConfig.FILE_NAME), text);
    }

    @Test
    void theFileWinsKeyByKeyAndTheEditorKeepsTheKeysTheFileLeavesOut() throws Exception {
        VaultConfig c = SettingsResolver.resolve(json("""
                {"keyFactsHeading": "Highlights", "severity": {"broken-link": "error", "ambiguous-link": "off"}}
                """), file("""
                {"severity": {"broken-link": "hint"}}
                """), warnings::add);
        assertEquals("Highlights", c.keyFactsHeading());
        assertEquals(Optional.of(Severity.HINT), c.severity(FindingCode.BROKEN_LINK));
        assertEquals(Optional.of(Severity.INFORMATION), c.severity(FindingCode.AMBIGUOUS_LINK),
                "the file's severity replaces the editor's whole severity map");
        assertEquals(List.of(), warnings);
    }

    @Test
    void withoutAFileTheEditorsSettingsStand() throws Exception {
        VaultConfig c = SettingsResolver.resolve(json("{\"keyFactsHeading\": \"Highlights\"}"),
                vault.resolve(VaultConfig.FILE_NAME), warnings::add);
        assertEquals("Highlights", c.keyFactsHeading());
    }

    @Test
    void aWarningNamesTheSourceOfItsKey() throws Exception {
        SettingsResolver.resolve(json("{\"colour\": \"red\"}"), file("{\"shade\": \"dark\"}"), warnings::add);
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(true, warnings.get(0).startsWith("settings: unknown key 'colour'"), warnings.toString());
        assertEquals(true, warnings.get(1).startsWith(".vault-ls.json: unknown key 'shade'"), warnings.toString());
    }

    @Test
    void aBadEditorValueThatTheFileReplacesIsNotReported() throws Exception {
        VaultConfig c = SettingsResolver.resolve(json("{\"keyFactsHeading\": 42}"),
                file("{\"keyFactsHeading\": \"Facts\"}"), warnings::add);
        assertEquals("Facts", c.keyFactsHeading());
        assertEquals(List.of(), warnings);
    }

    /**
     * The language server used to drop such a file silently while the CLI warned and went on; now it is
     * an error for both (the CLI exits 2, the server warns and keeps the editor's settings).
     */
    @Test
    void aFileThatIsNotAnObjectIsAnErrorForTheCallerToDecide() throws Exception {
        Path f = file("[\"severity\"]");
        VaultConfig.ConfigException e = assertThrows(VaultConfig.ConfigException.class,
                () -> SettingsResolver.resolve(json("{\"keyFactsHeading\": \"Highlights\"}"), f, warnings::add));
        assertTrue(e.getMessage().contains("must be a JSON object of settings, not an array"), e.getMessage());
    }

    @Test
    void aFileThatIsNotJsonIsAnErrorForTheCallerToDecide() throws Exception {
        Path f = file("{\"severity\": ");
        VaultConfig.ConfigException e = assertThrows(VaultConfig.ConfigException.class,
                () -> SettingsResolver.resolve(null, f, warnings::add));
        assertEquals(true, e.getMessage().startsWith("config " + f + " is not valid JSON: "), e.getMessage());
    }
}
