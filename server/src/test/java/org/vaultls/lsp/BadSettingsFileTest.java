package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.lsp.LspHarness.hasCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A broken .vault-ls.json is a warning in the client's log; the vault is served with the other settings. */
@Timeout(60)
class BadSettingsFileTest {
    @TempDir
    Path tmp;

    private void assertWarnedAndServed(String what, String expected) throws Exception {
        Path vault = tmp.resolve(what);
        Files.createDirectories(vault);
        Files.writeString(vault.resolve("a.md"), "Links to [[Nowhere]].\n");
        switch (what) {
            case "folder" -> Files.createDirectory(vault.resolve(".vault-ls.json"));
            case "array" -> Files.writeString(vault.resolve(".vault-ls.json"), "[1, 2]");
            case "deep" -> Files.writeString(vault.resolve(".vault-ls.json"), "[".repeat(5_000));
            default -> Files.writeString(vault.resolve(".vault-ls.json"), "{ not json");
        }
        try (LspHarness client = new LspHarness(vault)) {
            client.initialize(null);
            client.awaitDiagnostics("a.md", d -> hasCode(d, "broken-link"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && client.logs.stream().noneMatch(m -> m.getMessage().contains(expected))) {
                Thread.sleep(10);
            }
            assertTrue(client.logs.stream().anyMatch(m -> m.getType() == MessageType.Warning
                    && m.getMessage().contains(expected) && !m.getMessage().contains("\tat ")), client.logs.toString());
        }
    }

    @Test
    void aSettingsFileThatIsAFolder() throws Exception {
        assertWarnedAndServed("folder", "is a folder");
    }

    @Test
    void aSettingsFileThatIsAnArray() throws Exception {
        assertWarnedAndServed("array", "not an array");
    }

    @Test
    void aSettingsFileNestedTooDeeply() throws Exception {
        assertWarnedAndServed("deep", "nested too deeply");
    }

    @Test
    void aSettingsFileThatIsNotJson() throws Exception {
        assertWarnedAndServed("malformed", "is not valid JSON");
    }
}
