package org.vaultls.features.navigation;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;

/**
 * A note's outline: its headings nested by level, as Obsidian's outline pane shows them. A heading's
 * section runs to the next heading of the same or a higher level; a deeper heading that comes before
 * any shallower one (an H3 under an H1) still nests under the nearest shallower heading above it.
 */
final class Outline {
    private Outline() {
    }

    static List<DocumentSymbol> of(Note note) {
        return nest(note, note.headings(), 0, note.headings().size());
    }

    private static List<DocumentSymbol> nest(Note note, List<Heading> hs, int from, int to) {
        List<DocumentSymbol> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            Heading h = hs.get(i);
            int end = i + 1;
            while (end < to && hs.get(end).level() > h.level()) {
                end++;
            }
            String name = h.text().isBlank() ? "#".repeat(h.level()) : h.text();
            out.add(new DocumentSymbol(name, SymbolKind.HEADING,
                    note.lines().span(h.span().startOffset(), sectionEnd(note, h)), h.textSpan(),
                    nest(note, hs, i + 1, end)));
            i = end;
        }
        return out;
    }

    /** Where the heading's section ends, before any blank lines that close it. */
    static int sectionEnd(Note note, Heading h) {
        int end = note.sectionBody(h).endOffset();
        String text = note.text();
        while (end > h.span().endOffset() && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return Math.max(end, h.span().endOffset());
    }
}
