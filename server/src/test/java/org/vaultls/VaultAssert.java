package org.vaultls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** Assertions that read like the feature under test; they call the core directly. */
public final class VaultAssert {
    private VaultAssert() {
    }

    /** An expected finding: zero-based line, start and end character on that line, and code. */
    public record Expected(int line, int start, int end, FindingCode code) {
        @Override
        public String toString() {
            return code.id() + " " + line + ":" + start + "-" + end;
        }
    }

    public static Expected d(int line, int start, int end, FindingCode code) {
        return new Expected(line, start, end, code);
    }

    /**
     * The day the diagnostics of {@link #testDiagnosticsFor} are dated by (overdue tasks, stale
     * contacts), so that no test changes with the calendar.
     */
    public static final LocalDate TODAY = LocalDate.of(2025, 12, 20);

    /** A clock that says it is {@code day}, at its start. */
    public static Clock clockAt(LocalDate day) {
        return Clock.fixed(day.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    /** Asserts that {@code path} has exactly the expected findings, in position order, on {@link #TODAY}. */
    public static List<Finding> testDiagnosticsFor(TestVault vault, String path, Expected... expected) {
        return testDiagnosticsFor(TODAY, vault, path, expected);
    }

    /** Asserts that {@code path} has exactly the expected findings, in position order, on {@code today}. */
    public static List<Finding> testDiagnosticsFor(LocalDate today, TestVault vault, String path,
                                                   Expected... expected) {
        VaultIndex index = vault.index();
        Note note = index.note(path).orElseThrow(() -> new AssertionError("no note " + path));
        List<Finding> findings = Diagnostics.forNote(index, note, clockAt(today));
        List<String> actual = new ArrayList<>();
        for (Finding f : findings) {
            String where = f.span().start().line() == f.span().end().line()
                    ? f.span().start().line() + ":" + f.span().start().character() + "-" + f.span().end().character()
                    : f.span().toString();
            actual.add(f.code().id() + " " + where);
        }
        List<String> want = new ArrayList<>();
        for (Expected e : expected) {
            want.add(e.toString());
        }
        assertEquals(want, actual, () -> "findings of " + path + ": " + findings);
        return findings;
    }

    /** Text with exactly one {@code {|}} cursor marker, split into the text and the cursor's offset. */
    public record Cursor(String text, int offset) {
        public static Cursor parse(String marked) {
            int at = marked.indexOf("{|}");
            assertTrue(at >= 0, "no {|} cursor marker in: " + marked);
            assertEquals(-1, marked.indexOf("{|}", at + 3), "more than one {|} cursor marker");
            return new Cursor(marked.substring(0, at) + marked.substring(at + 3), at);
        }
    }
}
