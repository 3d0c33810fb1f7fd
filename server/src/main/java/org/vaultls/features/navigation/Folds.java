package org.vaultls.features.navigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.vaultls.features.navigation.FoldingRange.Kind;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;
import org.vaultls.vault.Regions;

/**
 * The foldable parts of a note, as Obsidian folds them: the frontmatter, each heading's section (to
 * the line before the next heading of the same or a higher level, without the blank lines that end
 * it), fenced code blocks, and {@code %% comments %%} or {@code <!-- comments -->} over several lines.
 * An unclosed fence or {@code %%} runs to the end of the note. Code and comments come from the note's
 * region map, so they fold where the parser found them.
 */
final class Folds {
    private Folds() {
    }

    static List<FoldingRange> of(Note note) {
        List<FoldingRange> out = new ArrayList<>();
        if (note.frontmatter().isPresent()) {
            add(out, 0, note.frontmatter().get().span().end().line(), Kind.FRONTMATTER);
        }
        for (Heading h : note.headings()) {
            add(out, h.span().start().line(), note.lines().lineOf(Outline.sectionEnd(note, h)), Kind.REGION);
        }
        regions(note, out);
        out.sort(Comparator.comparingInt(FoldingRange::startLine).thenComparingInt(FoldingRange::endLine));
        return out;
    }

    private static void add(List<FoldingRange> out, int start, int end, Kind kind) {
        if (end > start) {
            out.add(new FoldingRange(start, end, kind));
        }
    }

    /** Multi-line code blocks and comments, from the note's region map. */
    private static void regions(Note note, List<FoldingRange> out) {
        LineMap lines = note.lines();
        int last = lastTextLine(lines);
        for (Regions.Region r : note.regions().list()) {
            Kind kind = switch (r.kind()) {
                case FENCED_CODE, DATAVIEW -> Kind.REGION;
                case COMMENT, HTML_COMMENT -> Kind.COMMENT;
                default -> null;
            };
            if (kind != null) {
                // an unclosed fence or comment runs to the end: fold it to the last line with text
                add(out, lines.lineOf(r.start()), Math.min(last, lines.lineOf(r.end() - 1)), kind);
            }
        }
    }

    private static int lastTextLine(LineMap lines) {
        int line = lines.lineCount() - 1;
        while (line > 0 && lines.lineText(line).isBlank()) {
            line--;
        }
        return line;
    }
}
