package org.vaultls.index;

import java.util.List;
import java.util.Optional;
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
        List<Heading> hs = note.headings();
        return findChain(hs, chain, 0, 0, hs.size());
    }

    private static Optional<Heading> findChain(List<Heading> hs, List<String> chain, int depth, int from, int to) {
        String want = key(chain.get(depth));
        for (int i = from; i < to; i++) {
            Heading h = hs.get(i);
            if (!key(h.text()).equals(want)) {
                continue;
            }
            if (depth == chain.size() - 1) {
                return Optional.of(h);
            }
            int end = i + 1;
            while (end < to && hs.get(end).level() > h.level()) {
                end++;
            }
            Optional<Heading> found = findChain(hs, chain, depth + 1, i + 1, end);
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
