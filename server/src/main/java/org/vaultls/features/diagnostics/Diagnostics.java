package org.vaultls.features.diagnostics;

import org.vaultls.text.Dates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vaultls.features.dataview.DataviewCheck;
import org.vaultls.findings.Severity;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * Runs every check on a note and applies the user's severities. Notes in Obsidian's excluded files
 * ({@code userIgnoreFilters}) get no findings; notes in the templates folder get only those about the
 * file itself (unreadable, invalid YAML), since templates hold placeholders and empty fields on purpose.
 *
 * <p>Findings are made for an editor or for {@code check}: they differ only in {@code unlinked-mention},
 * which the {@code unlinkedMentions} setting reports in the editor only by default. {@link #forNote}
 * answers for the editor, {@link #forVault} for {@code check}, unless told otherwise.
 */
public final class Diagnostics {
    private static final Logger LOG = Logger.getLogger(Diagnostics.class.getName());
    private static final List<NoteCheck> CHECKS = List.of(new ProblemCheck(), new FrontmatterCheck(),
            new LinkCheck(), new OwnerCheck(), new DataviewQueries());

    private Diagnostics() {
    }

    /** The dataview blocks' problems ({@link DataviewCheck}) as findings; they read the vault, as links do. */
    private static final class DataviewQueries implements NoteCheck {
        @Override
        public void check(Note note, VaultIndex index, List<Finding> out) {
            DataviewCheck.problems(index, note).forEach(p -> out.add(NoteCheck.finding(note, p.code(), p.span(),
                    p.message())));
        }

        @Override
        public boolean isLinkCheck() {
            return true;
        }
    }

    /** The findings of a note, dated by {@link Dates#defaultClock()}. */
    public static List<Finding> forNote(VaultIndex index, Note note) {
        return forNote(index, note, Dates.defaultClock());
    }

    /** The findings of a note for an editor; {@code clock} says which day it is (overdue tasks, stale contacts). */
    public static List<Finding> forNote(VaultIndex index, Note note, Clock clock) {
        return forNote(index, note, clock, true);
    }

    /**
     * The findings of a note for an editor ({@code forEditor}) or for {@code check}; {@code clock} says
     * which day it is.
     */
    public static List<Finding> forNote(VaultIndex index, Note note, Clock clock, boolean forEditor) {
        if (index.obsidian().isUserIgnored(note.path())) {
            return List.of();
        }
        boolean template = index.obsidian().isTemplate(note.path());
        List<Finding> raw = new ArrayList<>();
        List<NoteCheck> checks = new ArrayList<>(CHECKS);
        checks.add(new DateCheck(clock));
        if (index.config().unlinkedMentions().reportedIn(forEditor)) {
            checks.add(new MentionCheck());
        }
        for (NoteCheck check : checks) {
            if (template && check.isLinkCheck()) {
                continue;
            }
            try {
                check.check(note, index, raw);
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, check.getClass().getSimpleName() + " failed on " + note.path(), e);
            }
        }
        List<Finding> out = new ArrayList<>(raw.size());
        for (Finding f : raw) {
            Optional<Severity> s = index.config().severity(f.code());
            s.ifPresent(sev -> out.add(sev == f.severity() ? f : f.withSeverity(sev)));
        }
        out.sort(null);
        return out;
    }

    /** Findings of every note for {@code check}, checked in parallel, sorted by path and position. */
    public static List<Finding> forVault(VaultIndex index) {
        return forVault(index, Dates.defaultClock());
    }

    /** Findings of every note for {@code check}, dated by {@code clock}, in parallel, sorted by path and position. */
    public static List<Finding> forVault(VaultIndex index, Clock clock) {
        return forVault(index, clock, false);
    }

    /** Findings of every note for an editor or for {@code check}, dated by {@code clock}, sorted by path and position. */
    public static List<Finding> forVault(VaultIndex index, Clock clock, boolean forEditor) {
        List<Finding> all = new ArrayList<>(index.notes().values().parallelStream()
                .flatMap(n -> forNote(index, n, clock, forEditor).stream()).toList());
        all.sort(null);
        return all;
    }
}
