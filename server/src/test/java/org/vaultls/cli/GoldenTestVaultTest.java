package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;

/**
 * The golden test: {@code check test-vault} reports exactly the deliberate problems planted in the
 * vault (one or more of every code) and nothing else: no finding from code blocks, comments,
 * templates, excluded files or the trash.
 */
public class GoldenTestVaultTest {
    public static final Path VAULT = Path.of("..", "test-vault");

    @Test
    void checkReportsExactlyTheDeliberateProblemsOfTestVault() throws IOException {
        Cli cli = Cli.run("check", VAULT.toString());
        List<String> expected = Files.readAllLines(TestVault.resource("golden/test-vault.txt"), StandardCharsets.UTF_8);
        assertEquals(String.join("\n", expected), cli.out().strip(), "check test-vault output drifted from golden/test-vault.txt");
        assertEquals(1, cli.exit(), "warnings make check exit 1");
        assertTrue(cli.err().matches("(?s).*\\d+ notes, \\d+ links, 16 findings in \\d+ ms\\s*"), cli.err());
    }

    @Test
    void testVaultHoldsEveryKindOfDeliberateProblem() throws IOException {
        String golden = Files.readString(TestVault.resource("golden/test-vault.txt"));
        for (String code : List.of("broken-link", "broken-heading", "broken-block", "alias-link", "ambiguous-link",
                "empty-frontmatter-field", "missing-frontmatter-field", "invalid-frontmatter", "unknown-owner")) {
            assertTrue(golden.contains(" " + code + ": "), "test-vault has no deliberate " + code);
        }
        for (String silent : List.of("Templates/", "Archive/", ".trash/", "Home.md")) {
            assertTrue(!golden.contains(silent), silent + " must not be reported");
        }
    }
}
