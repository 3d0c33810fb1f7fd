package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every problem with a settings file is exit 2 and one line on stderr, never a stack trace. */
class CheckConfigProblemsTest {
    @TempDir
    Path vault;

    @BeforeEach
    void writeVault() throws IOException {
        Files.writeString(vault.resolve("a.md"), "Links to [[Nowhere]].\n");
    }

    private static void assertOneLineError(Cli cli, String expected) {
        assertEquals(2, cli.exit(), cli.err());
        assertTrue(cli.err().contains(expected), cli.err());
        assertEquals(1, cli.err().strip().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("vault-ls: error: "), cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace");
        assertEquals("", cli.out(), "no report when the settings cannot be read");
    }

    private Cli checkWith(String configJson) throws IOException {
        Path cfg = vault.resolve("settings.json");
        Files.writeString(cfg, configJson);
        return Cli.run("check", vault.toString(), "--config", cfg.toString());
    }

    @Test
    void aConfigNestedMoreThanAThousandLevelsIsExitTwo() throws IOException {
        assertOneLineError(checkWith("{\"a\":" + "[".repeat(1_500) + "]".repeat(1_500) + "}"), "nested too deeply");
        assertOneLineError(checkWith("[".repeat(100_000)), "nested too deeply");
    }

    @Test
    void aTopLevelArrayOrScalarIsExitTwo() throws IOException {
        assertOneLineError(checkWith("[{\"ignore\":[]}]"), "must be a JSON object of settings, not an array");
        assertOneLineError(checkWith("42"), "must be a JSON object of settings, not a number");
        assertOneLineError(checkWith("\"x\""), "not a string");
    }

    @Test
    void malformedJsonIsExitTwo() throws IOException {
        assertOneLineError(checkWith("{\"severity\": {\"broken-link\": }"), "is not valid JSON");
        assertOneLineError(checkWith("{} {}"), "is not valid JSON");
    }

    @Test
    void anEmptyFileIsNoSettings() throws IOException {
        Cli cli = checkWith("");
        assertEquals(1, cli.exit(), cli.err()); // the broken link
        assertTrue(cli.out().contains("broken-link"), cli.out());
    }

    @Test
    void aVaultSettingsFileThatIsAFolderIsExitTwo() throws IOException {
        Files.createDirectory(vault.resolve(".vault-ls.json"));
        assertOneLineError(Cli.run("check", vault.toString()), "is a folder");
        assertOneLineError(Cli.run("check", vault.toString(), "--config", vault.toString()), "is a folder");
    }

    @Test
    void aVaultSettingsFileThatIsNotAnObjectIsExitTwo() throws IOException {
        Files.writeString(vault.resolve(".vault-ls.json"), "[]");
        assertOneLineError(Cli.run("check", vault.toString()), "not an array");
    }

    @Test
    void anUnreadableConfigIsExitTwo() throws IOException {
        Path cfg = vault.resolve(".vault-ls.json");
        Files.writeString(cfg, "{}");
        Files.setPosixFilePermissions(cfg, PosixFilePermissions.fromString("---------"));
        if (Files.isReadable(cfg)) {
            return; // running as root: every file is readable
        }
        assertOneLineError(Cli.run("check", vault.toString()), "cannot read config");
    }
}
