package org.vaultls.index;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;

/**
 * The headings and block ids a link's subpath names in a note. A chain {@code A#B#C} names a heading
 * inside the section of the one before it; headings compare after Obsidian's stripping of
 * {@code [ ] | ^ # : %} and of repeated spaces, case-insensitively; block ids compare exactly.
 */
final class Headings {
    private Headings() {
    }

    /**
     * The heading a chain {@code A#B#C} names in {@code note}: each heading must exist inside the section
     * of the one before it. Headings compare after Obsidian's stripping.
     */
    public static Optional<Heading> find(Note note, List<String> chain) {
        return finder(note).apply(chain);
    }

    /**
     * {@link #find} for many chains of one note. The headings' comparison forms are the note's own
     * ({@link Note#headingKeys}, made once per parsed note), so neither a caller matching every link to a
     * note with hundreds of headings nor one finding a single heading remakes them.
     */
    static Function<List<String>, Optional<Heading>> finder(Note note) {
        List<Heading> hs = note.headings();
        return chain -> chain.isEmpty() ? Optional.empty()
                : findChain(hs, note.headingKeys(), chain, 0, 0, hs.size());
    }

    private static Optional<Heading> findChain(List<Heading> hs, List<String> keys, List<String> chain, int depth,
            int from, int to) {
        String want = key(chain.get(depth));
        for (int i = from; i < to; i++) {
            Heading h = hs.get(i);
            if (!keys.get(i).equals(want)) {
                continue;
            }
            if (depth == chain.size() - 1) {
                return Optional.of(h);
            }
            int end = i + 1;
            while (end < to && hs.get(end).level() > h.level()) {
                end++;
            }
            Optional<Heading> found = findChain(hs, keys, chain, depth + 1, i + 1, end);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Obsidian's comparison form of a heading (see {@link Heading#key}). */
    public static String key(String heading) {
        return Heading.key(heading);
    }

    public static Optional<BlockId> findBlock(Note note, String id) {
        for (BlockId b : note.blocks()) {
            if (b.id().equals(id)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
