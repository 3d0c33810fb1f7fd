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
    /**
     * The day the golden report is dated by: before any of the vault's tasks is due, so that the report
     * holds the planted problems alone and does not change with the calendar (the end-to-end tests set
     * {@code VAULT_LS_TODAY} to it).
     */
    public static final String TODAY = "2025-10-01";

    @Test
    void checkReportsExactlyTheDeliberateProblemsOfTestVault() throws IOException {
        Cli cli = Cli.run("check", VAULT.toString(), "--today", TODAY);
        List<String> expected = Files.readAllLines(TestVault.resource("golden/test-vault.txt"), StandardCharsets.UTF_8);
        assertEquals(String.join("\n", expected), cli.out().strip(), "check test-vault output drifted from golden/test-vault.txt");
        assertEquals(1, cli.exit(), "warnings make check exit 1");
        assertTrue(cli.err().matches("(?s).*\\d+ notes, \\d+ links: 1 error, 14 warnings, 1 information in \\d+ ms\\s*"), cli.err());
    }

    @Test
    void laterInTheVaultsYearItsOpenTasksPastTheirDueDateAreOverdueHints() throws IOException {
        Cli cli = Cli.run("check", VAULT.toString(), "--today", "2025-11-20");
        List<String> overdue = cli.out().lines().filter(l -> l.contains(" overdue-task: ")).toList();
        assertTrue(overdue.contains("Daily/2025-11-14.md:19:46: hint overdue-task: Task due 2025-11-19, 1 day ago,"
                + " is still open"), String.join("\n", overdue));
        assertTrue(cli.out().lines().filter(l -> !l.contains(" overdue-task: ")).toList()
                .equals(Files.readAllLines(TestVault.resource("golden/test-vault.txt"), StandardCharsets.UTF_8)),
                cli.out());
    }

    @Test
    void aTodayThatIsNotADateIsAUsageError() {
        Cli cli = Cli.run("check", VAULT.toString(), "--today", "2025-02-30");
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("--today needs a date YYYY-MM-DD, not '2025-02-30'"), cli.err());
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
