package org.vaultls.vault;

import java.util.List;
import org.vaultls.text.Span;

/**
 * A link from a note: a wikilink {@code [[T#H|alias]]}, an embed {@code ![[T]]} or a markdown link
 * {@code [t](T.md#H)} to a local file. Obsidian splits the target at its first {@code #}: the part
 * before is the path (empty for a link into the same note), the part after is a heading chain
 * {@code H#Sub} or a block reference {@code ^id}.
 *
 * @param span the whole link, brackets included
 * @param target the decoded path part, trimmed, without {@code #...}; empty for {@code [[#H]]}
 * @param targetSpan where the path part is written (empty span at its place when absent)
 * @param headings the heading chain, empty when there is none
 * @param subpathSpan where the part after {@code #} is written, or null
 * @param blockId the block id without {@code ^}, or null
 * @param alias the display text after {@code |}, or null
 * @param aliasSpan where the alias is written, or null
 */
public record Link(Kind kind, boolean embed, Span span, String target, Span targetSpan,
                   List<String> headings, Span subpathSpan, String blockId, String alias, Span aliasSpan,
                   boolean inFrontmatter) {

    /** How the link is written. */
    public enum Kind { WIKI, MARKDOWN }

    public Link {
        headings = List.copyOf(headings);
        target = Shared.of(target);
    }

    /** True for {@code [[#H]]} and {@code [[#^id]]}: a link into the note that holds it. */
    public boolean isSameNote() {
        return target.isEmpty();
    }

    public boolean hasSubpath() {
        return !headings.isEmpty() || blockId != null;
    }

    /** The subpath as written after the path, with its {@code #}: {@code #A#B}, {@code #^id} or "". */
    public String subpath() {
        if (blockId != null) {
            return "#^" + blockId;
        }
        return headings.isEmpty() ? "" : "#" + String.join("#", headings);
    }

    @Override
    public String toString() {
        String s = (kind == Kind.WIKI ? (embed ? "EMBED " : "WL ") : (embed ? "MDIMG " : "MD "))
                + "'" + target + "'" + subpath() + (alias != null ? " |" + alias : "") + " " + span;
        return inFrontmatter ? s + " fm" : s;
    }
}
