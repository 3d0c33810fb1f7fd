package org.vaultls.features.completion;

import java.util.HashMap;
import java.util.Map;
import org.vaultls.vault.VaultPaths;

/**
 * An immutable count of how many notes use each value, compared in key form (Obsidian's tags and
 * property names ignore case) and shown in the form first met. Changed through a {@link Builder} that
 * adds or removes one note's distinct values, so a new snapshot's counts derive from the last one's.
 */
final class Tally {
    static final Tally EMPTY = new Tally(new HashMap<>());

    /**
     * A value: its display form, its key form, the number of notes using it, and its key in
     * {@link org.vaultls.vault.VaultPaths#fold} form, made once so a request does not fold every value.
     */
    record Count(String display, String key, int notes, String folded) {
        Count(String display, String key, int notes) {
            this(display, key, notes, org.vaultls.vault.VaultPaths.fold(key));
        }
    }

    private final Map<String, Count> counts;
    private volatile Count[] array;

    private Tally(Map<String, Count> counts) {
        this.counts = counts;
    }

    int uses(String key) {
        Count c = counts.get(key);
        return c == null ? 0 : c.notes();
    }

    /** The counts as an array, made once per tally. */
    Count[] counts() {
        Count[] a = array;
        if (a == null) {
            a = counts.values().toArray(new Count[0]);
            array = a;
        }
        return a;
    }

    /** "1 note", "12 notes". */
    static String describe(int notes) {
        return notes + (notes == 1 ? " note" : " notes");
    }

    /** Counts one note's distinct values into a copy of a tally. */
    static final class Builder {
        private final HashMap<String, Count> counts;

        Builder(Tally from) {
            counts = new HashMap<>(from.counts);
        }

        /** Adds a note's values, given key form to display form. */
        void add(Map<String, String> values) {
            values.forEach((key, display) -> counts.compute(key, (k, a) -> a == null ? new Count(display, key, 1)
                    : new Count(a.display(), key, a.notes() + 1, a.folded())));
        }

        void remove(Map<String, String> values) {
            for (String key : values.keySet()) {
                Count c = counts.get(key);
                if (c != null) {
                    if (c.notes() <= 1) {
                        counts.remove(key);
                    } else {
                        counts.put(key, new Count(c.display(), key, c.notes() - 1, c.folded()));
                    }
                }
            }
        }

        Tally build() {
            return new Tally(counts);
        }
    }

    /** Adds {@code value} to a note's distinct values, keyed as the tally compares them. */
    static void collect(Map<String, String> into, String value) {
        into.putIfAbsent(VaultPaths.key(value), value);
    }
}
