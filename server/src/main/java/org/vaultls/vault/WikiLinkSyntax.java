package org.vaultls.vault;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;

/**
 * Splits the source of a wikilink into its parts, with the exact span of each. Obsidian's rules: the
 * alias starts at the first {@code |} ({@code \|} inside a table), the subpath at the first {@code #}; a
 * subpath starting with {@code ^} is a block id, otherwise a chain of headings separated by {@code #}.
 */
final class WikiLinkSyntax {
    private WikiLinkSyntax() {
    }

    /**
     * Parses {@code text[start, end)}, which is {@code [[...]]} or {@code ![[...]]}; null when the link
     * has neither a path nor a subpath ({@code [[]]}, {@code [[|x]]}).
     */
    static Link parse(String text, LineMap lines, int start, int end, boolean embed, boolean inFrontmatter) {
        int innerStart = start + (embed ? 3 : 2);
        int innerEnd = end - 2;
        if (innerEnd < innerStart) {
            return null;
        }
        int bar = indexOf(text, '|', innerStart, innerEnd);
        int targetEnd = bar < 0 ? innerEnd : bar;
        if (bar > innerStart && text.charAt(bar - 1) == '\\') {
            targetEnd = bar - 1; // [[Note\|alias]] inside a table
        }
        String alias = null;
        Span aliasSpan = null;
        if (bar >= 0) {
            alias = text.substring(bar + 1, innerEnd);
            aliasSpan = lines.span(bar + 1, innerEnd);
        }
        int hash = indexOf(text, '#', innerStart, targetEnd);
        int pathEnd = hash < 0 ? targetEnd : hash;
        int[] trimmed = trim(text, innerStart, pathEnd);
        String target = text.substring(trimmed[0], trimmed[1]);
        Span targetSpan = lines.span(trimmed[0], trimmed[1]);
        List<String> headings = new ArrayList<>();
        String blockId = null;
        Span subSpan = null;
        if (hash >= 0) {
            subSpan = lines.span(hash + 1, targetEnd);
            String sub = text.substring(hash + 1, targetEnd);
            String stripped = sub.strip();
            if (stripped.startsWith("^")) {
                blockId = stripped.substring(1).strip();
                if (blockId.isEmpty()) {
                    blockId = null;
                }
            } else {
                for (String h : sub.split("#")) {
                    if (!h.isBlank()) {
                        headings.add(h.strip());
                    }
                }
            }
        }
        if (target.isEmpty() && headings.isEmpty() && blockId == null) {
            return null;
        }
        return new Link(Link.Kind.WIKI, embed, lines.span(start, end), target, targetSpan, headings, subSpan,
                blockId, alias, aliasSpan, inFrontmatter);
    }

    static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static int[] trim(String s, int from, int to) {
        while (from < to && Character.isWhitespace(s.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) {
            to--;
        }
        return new int[] {from, to};
    }
}
