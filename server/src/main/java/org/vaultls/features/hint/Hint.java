package org.vaultls.features.hint;

import org.vaultls.text.Pos;

/** A label shown after {@code at} (an offset of the note's text, at position {@code pos}). */
public record Hint(int at, Pos pos, String label, Kind kind) {
    /** What the label says. */
    public enum Kind {
        /** The frontmatter title of a bare link's note. */
        TITLE,
        /** A person's role and company, after their owner tag. */
        PERSON,
        /** When an open task is due. */
        DUE
    }
}
