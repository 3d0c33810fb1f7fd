package org.vaultls.features.completion;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * What completion derived from the last few snapshots asked about, so the next snapshot's can be
 * carried over a {@link NoteDiff} instead of built from every note. A few are kept, not one, so that
 * two vaults open side by side do not rebuild on each other's requests. Holds snapshots weakly.
 *
 * @param <T> the derived value
 */
final class Recent<T> {
    private static final int KEEP = 4;

    private record Entry<T>(WeakReference<VaultIndex> index, Note[] notes, T value) {
    }

    /** Derives a snapshot's value from an earlier one's and the notes that changed since. */
    interface Carry<T> {
        T apply(T earlier, NoteDiff diff, VaultIndex index);
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    /** True when a value for {@code index} is kept. */
    synchronized boolean holds(VaultIndex index) {
        return entries.stream().anyMatch(e -> e.index().get() == index);
    }

    /**
     * The value for {@code index}: the one kept for it, else one carried over from the nearest kept
     * snapshot by {@code carry}, else {@code build}'s.
     */
    synchronized T get(VaultIndex index, Function<VaultIndex, T> build, Carry<T> carry) {
        for (int i = 0; i < entries.size(); i++) {
            Entry<T> e = entries.get(i);
            if (e.index().get() == index) {
                entries.remove(i);
                entries.add(0, e);
                return e.value();
            }
        }
        Note[] notes = NoteDiff.notesOf(index);
        int limit = Math.max(16, notes.length / 8);
        T value = null;
        for (Entry<T> e : entries) {
            NoteDiff diff = NoteDiff.between(e.notes(), notes, limit);
            if (diff != null) {
                value = carry.apply(e.value(), diff, index);
                break;
            }
        }
        if (value == null) {
            value = build.apply(index);
            notes = NoteDiff.inPathOrder(notes);
        }
        entries.add(0, new Entry<>(new WeakReference<>(index), notes, value));
        if (entries.size() > KEEP) {
            entries.remove(entries.size() - 1);
        }
        return value;
    }
}
