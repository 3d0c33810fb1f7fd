package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.index.VaultChange;
import org.vaultls.vault.Note;

/**
 * The notes that changed since a snapshot completion derived something from: those removed and those
 * added, a changed note being both (its old version removed, its new one added). Made from the index's
 * {@link VaultChange}s, never by comparing snapshots. Completion keeps what it derives from the notes per
 * snapshot and carries it over a diff, because each keystroke makes a new snapshot.
 */
record NoteDiff(List<Note> removed, List<Note> added) {

    /** The notes one change took out and put in. */
    static NoteDiff of(VaultChange change) {
        return new NoteDiff(change.oldVersions(), change.newVersions());
    }

    boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }

    int size() {
        return removed.size() + added.size();
    }

    /**
     * This diff followed by {@code next}: a version this one added and {@code next} removed cancels out,
     * so typing in one note keeps the diff at two notes however many keystrokes it spans.
     */
    NoteDiff then(NoteDiff next) {
        List<Note> out = new ArrayList<>(removed);
        List<Note> in = new ArrayList<>(added);
        for (Note n : next.removed()) {
            if (!removeSame(in, n)) {
                out.add(n);
            }
        }
        in.addAll(next.added());
        return new NoteDiff(out, in);
    }

    /** Removes {@code n} itself (not an equal note) from {@code notes}. */
    private static boolean removeSame(List<Note> notes, Note n) {
        for (int i = 0; i < notes.size(); i++) {
            if (notes.get(i) == n) {
                notes.remove(i);
                return true;
            }
        }
        return false;
    }
}
