package org.vaultls.features.highlight;

import java.util.Set;
import org.vaultls.text.Span;

/** One highlighted piece of a note, on one line: what it is and in which state. */
public record Token(Span span, Type type, Set<Modifier> modifiers) {
    public Token {
        modifiers = Set.copyOf(modifiers);
    }

    /**
     * What a token is. The order is the legend's: a token type's index in the LSP legend is its
     * ordinal, so only ever append.
     */
    public enum Type {
        /** A wikilink or markdown link to a vault file, brackets included. */
        LINK("link"),
        /** An embed {@code ![[...]]}. */
        EMBED("embed"),
        /** A tag, {@code #} included in the body; a frontmatter {@code tags} entry. */
        TAG("tag"),
        /** An {@code @Owner} tag of a task. */
        OWNER("owner"),
        /** A block id {@code ^id}. */
        BLOCK_ID("blockId"),
        /** A frontmatter key. */
        PROPERTY("property"),
        /** A line of a {@code ```dataview} block, or an inline query. */
        DATAVIEW("dataview");

        private final String legend;

        Type(String legend) {
            this.legend = legend;
        }

        public String legend() {
            return legend;
        }
    }

    /** A token's state; bit {@code ordinal} of the LSP modifier set. Only ever append. */
    public enum Modifier {
        /** A link that leads nowhere (no file, heading or block of that name). */
        BROKEN("broken"),
        /** A link several notes match, resolved by Obsidian's shortest-path guess. */
        AMBIGUOUS("ambiguous"),
        /** A bare link to another note's alias, which Obsidian leaves unresolved. */
        ALIAS("alias"),
        /** An owner tag no person has. */
        UNKNOWN("unknown");

        private final String legend;

        Modifier(String legend) {
            this.legend = legend;
        }

        public String legend() {
            return legend;
        }
    }
}
