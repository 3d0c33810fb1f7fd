package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.fuzz.Pathological;

/**
 * {@code check} on vaults of pathological notes, through the command's own code path: it finishes, exits
 * by its findings (never 2, never a stack trace), and checks the normal notes beside them as usual.
 * The timeouts are hang guards for noisy CI machines.
 */
class CheckFuzzTest {
    @TempDir
    Path vault;

    private void write(String rel, String text) throws IOException {
        Path file = vault.resolve(rel);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private void writeNormalNotes() throws IOException {
        write("People/Ada Berg.md", "---\ntype: people\n---\n# Ada Berg\n");
        write("Home.md", "# Home\n\nMet [[Ada Berg]] and [[Bo Cho]].\n\n- [ ] call @AdaBerg\n");
    }

    /** The report's lines by note path. */
    private static Map<String, List<String>> byNote(String report) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String line : report.split("\n")) {
            if (!line.isBlank()) {
                out.computeIfAbsent(line.substring(0, line.indexOf(".md:") + 3), k -> new ArrayList<>()).add(line);
            }
        }
        return out;
    }

    /**
     * Issue 8's inputs: each crashed or stalled {@code check}. Each note also links to a missing note, so
     * it has exactly one finding: the broken link where the body parses, note-too-complex where it does not.
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aVaultOfTheIssuesPathologicalNotesIsCheckedInSecondsWithOneFindingEach() throws IOException {
        StringBuilder nestedList = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            nestedList.append("  ".repeat(i)).append("- item\n");
        }
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("Bad/dashes.md", "-".repeat(3000));
        bad.put("Bad/underscores.md", "_".repeat(3000));
        bad.put("Bad/spaced stars.md", "* ".repeat(3000));
        bad.put("Bad/stars.md", "*".repeat(100_000));
        bad.put("Bad/1500 stars.md", "*".repeat(1500));
        bad.put("Bad/link openers.md", "[a](".repeat(30_000));
        bad.put("Bad/nested list.md", nestedList.toString());
        bad.put("Bad/deep quote.md", "> ".repeat(5000));
        for (Map.Entry<String, String> e : bad.entrySet()) {
            write(e.getKey(), e.getValue() + "\n\n[[Nope]]\n");
        }
        writeNormalNotes();
        long t0 = System.nanoTime();
        Cli r = Cli.run("check", vault.toString());
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
        assertEquals(1, r.exit(), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("Error"), r.err());
        Map<String, List<String>> findings = byNote(r.out());
        assertEquals(List.of("Home.md:3:24: warning broken-link: No note named 'Bo Cho'; create it, or fix the link"), findings.get("Home.md"));
        for (String path : bad.keySet()) {
            List<String> f = findings.getOrDefault(path, List.of());
            assertEquals(1, f.size(), () -> path + ": " + f);
            String expected = path.equals("Bad/nested list.md") || path.equals("Bad/deep quote.md")
                    ? "note-too-complex" : "broken-link";
            assertTrue(f.get(0).contains(" " + expected + ": "), () -> path + ": " + f);
        }
        assertEquals(bad.size() + 1, findings.size(), r.out());
        assertTrue(seconds < 30, "check took " + seconds + " s");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aVaultOfEveryFuzzCaseIsCheckedAndItsNormalNotesToo() throws IOException {
        int i = 0;
        for (String text : Pathological.cases(Pathological.scale()).values()) {
            write("Fuzz/case " + i++ + ".md", text);
        }
        writeNormalNotes();
        Cli r = Cli.run("check", vault.toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        assertEquals(List.of("Home.md:3:24: warning broken-link: No note named 'Bo Cho'; create it, or fix the link"), byNote(r.out()).get("Home.md"));
        assertTrue(r.err().contains((i + 2) + " notes"), r.err());
    }
}
