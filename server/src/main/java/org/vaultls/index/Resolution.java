package org.vaultls.index;

import java.util.List;

/**
 * Where a link's path leads.
 *
 * @param path the note or attachment it resolves to, or null when broken
 * @param candidates every note that matched when more than one did (the first is the one chosen)
 * @param ambiguous true when several matched and Obsidian's tie-break (same folder, then shortest path)
 *     had to fall back to the shortest path, a guess the user may not mean
 */
public record Resolution(String path, boolean note, List<String> candidates, boolean ambiguous) {
    static final Resolution BROKEN = new Resolution(null, false, List.of(), false);

    public Resolution {
        candidates = List.copyOf(candidates);
    }

    /** The resolution of a link that leads nowhere. */
    public static Resolution broken() {
        return BROKEN;
    }

    public boolean isBroken() {
        return path == null;
    }

    public boolean isAttachment() {
        return path != null && !note;
    }
}
