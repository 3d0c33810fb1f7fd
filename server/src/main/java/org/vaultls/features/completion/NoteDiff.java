package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * What changed between two snapshots' notes: those removed and those added, a changed note being both
 * (its old version removed, its new one added). Notes compare by identity, since a snapshot keeps the
 * {@link Note} object of every file that did not change. Completion keeps what it derives from the
 * notes per snapshot and carries it over a diff, because each keystroke makes a new snapshot.
 */
record NoteDiff(List<Note> removed, List<Note> added) {

    boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }

    /** The notes of a snapshot, which {@link VaultIndex#notes()} keeps in path order. */
    static Note[] notesOf(VaultIndex index) {
        return index.notes().values().toArray(new Note[0]);
    }

    /** The notes in path order, sorted afresh only if they are not. */
    static Note[] inPathOrder(Note[] notes) {
        for (int i = 1; i < notes.length; i++) {
            if (notes[i - 1].path().compareTo(notes[i].path()) >= 0) {
                Note[] sorted = notes.clone();
                Arrays.sort(sorted, Comparator.comparing(Note::path));
                return sorted;
            }
        }
        return notes;
    }

    /**
     * The diff from {@code before} (in path order) to {@code now}, walking them side by side; null when
     * {@code now} is out of order or more than {@code limit} notes changed, so that starting afresh is as
     * quick. Two neighbours of {@code now} both carried over from {@code before} need no order check.
     */
    static NoteDiff between(Note[] before, Note[] now, int limit) {
        List<Note> removed = new ArrayList<>();
        List<Note> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        boolean previousCarried = false;
        while (i < before.length || j < now.length) {
            Note old = i < before.length ? before[i] : null;
            Note cur = j < now.length ? now[j] : null;
            boolean carried = old == cur;
            if (cur != null && j > 0 && !(carried && previousCarried)
                    && now[j - 1].path().compareTo(cur.path()) >= 0) {
                return null;
            }
            int c = carried ? 0 : old == null ? 1 : cur == null ? -1 : old.path().compareTo(cur.path());
            if (c == 0) {
                if (!carried) {
                    removed.add(old);
                    added.add(cur);
                }
                i++;
                j++;
                previousCarried = carried;
            } else if (c < 0) {
                removed.add(old);
                i++;
            } else {
                added.add(cur);
                j++;
                previousCarried = false;
            }
            if (removed.size() + added.size() > limit) {
                return null;
            }
        }
        return new NoteDiff(removed, added);
    }
}
