package org.vaultls.features.diagnostics;

import org.vaultls.text.Dates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vaultls.features.dataview.DataviewCheck;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * The findings of every note of a vault, kept up to date as notes change. After a change (a
 * {@link VaultChange}) only the notes whose findings could change are checked again: the added and
 * changed notes; the notes linking to a name whose resolution may differ (from the index's backlink
 * map, not a scan); when a person's owner tags change, the notes with tasks naming them (from the
 * index's task map) and those with unknown owners; when the set of names changes, the notes whose
 * broken-link messages suggest names; when a note's names (file name, title, aliases) come or go, the
 * notes whose text holds one of those names (their unlinked mentions may change); when the vault's
 * folders, tags, fields or people may differ, the notes with dataview queries; after a settings change,
 * all. Not thread-safe: one updater owns it.
 */
public final class VaultDiagnostics {
    /** From this many notes to check again on, they are checked in parallel. */
    private static final int PARALLEL_FROM = 16;
    private final Map<String, List<Finding>> current = new HashMap<>();
    private final Clock clock;
    private final boolean forEditor;

    /** Findings dated by {@link Dates#defaultClock()}. */
    public VaultDiagnostics() {
        this(Dates.defaultClock());
    }

    /** Findings for an editor, dated by {@code clock} (overdue tasks and stale contacts). */
    public VaultDiagnostics(Clock clock) {
        this(clock, true);
    }

    /**
     * Findings for an editor ({@code forEditor}) or for {@code check} (see {@link Diagnostics#forNote}),
     * dated by {@code clock}.
     */
    public VaultDiagnostics(Clock clock, boolean forEditor) {
        this.clock = clock;
        this.forEditor = forEditor;
    }

    /**
     * Starts from findings made earlier of the vault before a change (by note path; a note not in
     * {@code findings} had none), as {@link #reset} of that vault would have made them, so that
     * {@link #update} of the change checks only what it may alter: how a warm {@code check} reuses the
     * cached report of the last one.
     */
    public void seed(Map<String, List<Finding>> findings) {
        current.clear();
        current.putAll(findings);
    }

    /** Checks the whole vault; returns the notes whose findings changed (on the first run, those with findings). */
    public Map<String, List<Finding>> reset(VaultIndex index) {
        Map<String, List<Finding>> changed = new LinkedHashMap<>();
        Set<String> gone = new HashSet<>(current.keySet());
        gone.removeAll(index.notes().keySet());
        gone.forEach(p -> {
            current.remove(p);
            changed.put(p, List.of());
        });
        Map<String, List<Finding>> all = new HashMap<>();
        index.notes().values().parallelStream()
                .map(n -> Map.entry(n.path(), Diagnostics.forNote(index, n, clock, forEditor)))
                .toList().forEach(e -> all.put(e.getKey(), e.getValue()));
        all.forEach((p, f) -> {
            List<Finding> before = current.put(p, f);
            // a note never reported and still clean needs no (empty) publication
            if (!f.equals(before == null ? List.of() : before)) {
                changed.put(p, f);
            }
        });
        return changed;
    }

    /** The clock findings are dated by. */
    public Clock clock() {
        return clock;
    }

    /** The findings now known, by note path. */
    public Map<String, List<Finding>> current() {
        return current;
    }

    /**
     * Brings the findings up to date after {@code change}. Returns the notes whose findings changed (an
     * empty list for a note that is gone or now clean).
     */
    public Map<String, List<Finding>> update(VaultChange change) {
        VaultIndex after = change.after();
        Set<String> affected = new TreeSet<>(change.added());
        affected.addAll(change.changed());
        if (change.settingsChanged()) {
            affected.addAll(after.notes().keySet());
        } else {
            for (String name : change.names()) {
                affected.addAll(after.notesLinkingToName(name));
            }
            if (change.pathsChanged() || !change.ownerTags().isEmpty()) {
                // a broken link's suggestions draw on every name; an unknown owner may now be known
                current.forEach((p, f) -> {
                    if ((change.pathsChanged() && has(f, FindingCode.BROKEN_LINK))
                            || (!change.ownerTags().isEmpty() && has(f, FindingCode.UNKNOWN_OWNER))) {
                        affected.add(p);
                    }
                });
            }
            for (String tag : change.ownerTags()) {
                after.tasksWithOwnerTag(tag).forEach(t -> affected.add(t.path()));
            }
            if (after.config().unlinkedMentions().reportedIn(forEditor)) {
                affected.addAll(mentionsChanged(change));
            }
            // a query's sources, fields and owners are looked up in the whole vault
            DataviewCheck.mayAlter(change).ifPresent(queries -> after.notes().values().stream()
                    .filter(DataviewCheck::readsTheVault).filter(queries).forEach(n -> affected.add(n.path())));
        }
        Map<String, List<Finding>> changed = new LinkedHashMap<>();
        for (String p : change.removed()) {
            if (current.remove(p) != null) {
                changed.put(p, List.of());
            }
        }
        // the checks read an immutable snapshot: many notes (a warm check after a pull, a rename's
        // linkers) are checked in parallel, then stored in path order
        List<Note> toCheck = new ArrayList<>(affected.size());
        for (String p : affected) {
            after.note(p).ifPresent(toCheck::add);
        }
        List<List<Finding>> found = (toCheck.size() < PARALLEL_FROM ? toCheck.stream() : toCheck.parallelStream())
                .map(n -> Diagnostics.forNote(after, n, clock, forEditor)).toList();
        for (int i = 0; i < toCheck.size(); i++) {
            String p = toCheck.get(i).path();
            List<Finding> f = found.get(i);
            if (!f.equals(current.put(p, f))) {
                changed.put(p, f);
            }
        }
        return changed;
    }

    /**
     * The notes whose text holds a name that a note of {@code change} gained or lost: read with a table
     * of just those names, so typing in a note's body, which changes no name, reads nothing.
     */
    private static Set<String> mentionsChanged(VaultChange change) {
        Map<String, Note> renamed = new HashMap<>();
        for (String p : change.touched()) {
            Note old = change.before().note(p).orElse(null);
            Note now = change.after().note(p).orElse(null);
            List<MentionNames.Name> was = old == null ? List.of() : MentionNames.namesOf(old);
            List<MentionNames.Name> is = now == null ? List.of() : MentionNames.namesOf(now);
            if (!was.equals(is)) {
                if (old != null) {
                    renamed.put("old:" + p, old);
                }
                if (now != null) {
                    renamed.put("new:" + p, now);
                }
            }
        }
        if (renamed.isEmpty()) {
            return Set.of();
        }
        MentionNames names = MentionNames.build(renamed);
        Set<String> out = new HashSet<>();
        for (Note n : change.after().notes().values()) {
            if (UnlinkedMentions.holdsAny(n, names)) {
                out.add(n.path());
            }
        }
        return out;
    }

    private static boolean has(List<Finding> findings, FindingCode code) {
        for (Finding f : findings) {
            if (f.code() == code) {
                return true;
            }
        }
        return false;
    }
}
