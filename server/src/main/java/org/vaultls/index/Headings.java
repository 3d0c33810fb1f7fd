package org.vaultls.index;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

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
     * {@link #find} for many chains of one note: each heading's comparison form is made once (when first needed), so a
     * caller matching every link to a note with hundreds of headings does not remake them per link.
     */
    static Function<List<String>, Optional<Heading>> finder(Note note) {
        List<Heading> hs = note.headings();
        String[] keys = new String[hs.size()]; // made as first needed, then kept
        return chain -> chain.isEmpty() ? Optional.empty() : findChain(hs, keys, chain, 0, 0, hs.size());
    }

    private static Optional<Heading> findChain(List<Heading> hs, String[] keys, List<String> chain, int depth,
            int from, int to) {
        String want = key(chain.get(depth));
        for (int i = from; i < to; i++) {
            Heading h = hs.get(i);
            if (keys[i] == null) {
                keys[i] = key(h.text());
            }
            if (!keys[i].equals(want)) {
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

    /** Obsidian's comparison form of a heading: {@code [ ] | ^ # : %} dropped, spaces collapsed. */
    public static String key(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        boolean space = false;
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if ("[]|^#:%".indexOf(c) >= 0) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return VaultPaths.key(sb.toString());
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
