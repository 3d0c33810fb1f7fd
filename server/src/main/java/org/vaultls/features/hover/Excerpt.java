package org.vaultls.features.hover;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.vaultls.features.query.Title;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;

/**
 * The opening lines of what a link points at, bounded to {@value #MAX_LINES} lines and
 * {@value #MAX_CHARS} characters: a heading's section; a block's paragraph or list item (or, for a
 * block id on its own line, the list or quote above it, which is what Obsidian ties it to); or the
 * top of the body after the frontmatter, without the title heading the card already shows. A code
 * fence left open by the cut is closed.
 */
final class Excerpt {
    static final int MAX_LINES = 10;
    static final int MAX_CHARS = 800;
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*(?:[-*+>]|\\d{1,9}[.)])\\s");

    private Excerpt() {
    }

    static String section(Note note, Heading heading) {
        Span body = note.sectionBody(heading);
        return bounded(lines(note, body.start().line(), lineBefore(note, body.endOffset())), "*(empty section)*");
    }

    static String top(Note note) {
        int from = note.frontmatter().map(f -> f.span().end().line() + 1).orElse(0);
        LineMap lines = note.lines();
        while (from < lines.lineCount() && lines.lineText(from).isBlank()) {
            from++;
        }
        Heading title = Title.heading(note).orElse(null);
        if (title != null && title.span().start().line() == from) {
            from++;
        }
        return bounded(lines(note, from, lines.lineCount() - 1), "*(empty note)*");
    }

    static String block(Note note, BlockId block) {
        LineMap lines = note.lines();
        int line = block.span().start().line();
        String own = lines.lineText(line);
        String marker = "^" + block.id();
        boolean alone = own.strip().equals(marker);
        int last = alone ? line - 1 : line;
        int from = last;
        if (alone || !LIST_ITEM.matcher(own).lookingAt()) {
            while (from > 0 && last - from < MAX_LINES && !lines.lineText(from - 1).isBlank()
                    && !isHeadingLine(note, from - 1)) {
                from--;
            }
        }
        List<String> out = lines(note, from, last);
        if (!alone && !out.isEmpty()) {
            String end = out.remove(out.size() - 1);
            out.add(end.substring(0, end.lastIndexOf(marker)).stripTrailing());
        }
        return bounded(out, "*(empty block)*");
    }

    private static boolean isHeadingLine(Note note, int line) {
        return note.headings().stream().anyMatch(h -> h.span().start().line() == line);
    }

    private static int lineBefore(Note note, int offset) {
        LineMap lines = note.lines();
        int line = lines.lineOf(offset);
        return lines.lineStart(line) == offset ? line - 1 : line;
    }

    private static List<String> lines(Note note, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int line = Math.max(0, from); line <= to && line < note.lines().lineCount(); line++) {
            out.add(note.lines().lineText(line));
        }
        return out;
    }

    /** Leading and trailing blank lines dropped, then cut to the bounds. */
    static String bounded(List<String> lines, String whenEmpty) {
        int from = 0;
        int to = lines.size();
        while (from < to && lines.get(from).isBlank()) {
            from++;
        }
        while (to > from && lines.get(to - 1).isBlank()) {
            to--;
        }
        if (from == to) {
            return whenEmpty;
        }
        StringBuilder sb = new StringBuilder();
        boolean cut = false;
        String fence = null;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (i - from == MAX_LINES || sb.length() + line.length() > MAX_CHARS) {
                if (sb.length() == 0) {
                    sb.append(Md.clip(line, MAX_CHARS)).append('\n');
                }
                cut = true;
                break;
            }
            String s = line.stripLeading();
            if (fence == null && (s.startsWith("```") || s.startsWith("~~~"))) {
                fence = s.substring(0, run(s, s.charAt(0)));
            } else if (fence != null && s.startsWith(fence) && s.substring(run(s, fence.charAt(0))).isBlank()) {
                fence = null;
            }
            sb.append(line).append('\n');
        }
        if (fence != null) {
            sb.append(fence).append('\n');
        }
        if (cut) {
            sb.append("\n…");
        }
        return sb.toString().stripTrailing();
    }

    private static int run(String s, char c) {
        int n = 0;
        while (n < s.length() && s.charAt(n) == c) {
            n++;
        }
        return n;
    }
}
