package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FolderSettingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WORK = Path.of("/work").toAbsolutePath();

    static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"').replace("URI", WORK.toUri().toString().replaceAll("/$", "")));
    }

    @Test
    void aVaultTakesTheKeysOfTheInnermostFolderHoldingItOverTheWindowsOwn() throws Exception {
        JsonNode section = json("""
                {'keyFactsHeading': 'Facts', 'severity': {'broken-link': 'error'},
                 'folders': {'URI/a': {'severity': {'ambiguous-link': 'off'}},
                             'URI/a/inner': {'keyFactsHeading': 'Inner facts'},
                             'URI/b': {'keyFactsHeading': 'B facts'}}}""");
        assertEquals(json("{'keyFactsHeading': 'Facts', 'severity': {'ambiguous-link': 'off'}}"),
                VaultLanguageServer.settingsFor(section, WORK.resolve("a")));
        assertEquals(json("{'keyFactsHeading': 'Inner facts', 'severity': {'broken-link': 'error'}}"),
                VaultLanguageServer.settingsFor(section, WORK.resolve("a/inner/vault")));
        assertEquals(json("{'keyFactsHeading': 'Facts', 'severity': {'broken-link': 'error'}}"),
                VaultLanguageServer.settingsFor(section, WORK.resolve("c")));
        assertEquals(json("{'keyFactsHeading': 'Facts', 'severity': {'broken-link': 'error'}}"),
                VaultLanguageServer.settingsFor(section, WORK.resolve("ab")), "a is not a folder of ab");
    }

    @Test
    void settingsWithoutFoldersAreUsedAsTheyAre() throws Exception {
        JsonNode section = json("{'keyFactsHeading': 'Facts'}");
        assertSame(section, VaultLanguageServer.settingsFor(section, WORK.resolve("a")));
        assertEquals(null, VaultLanguageServer.settingsFor(null, WORK.resolve("a")));
    }
}
