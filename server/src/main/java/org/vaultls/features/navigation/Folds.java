package org.vaultls.features.navigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.vaultls.features.navigation.FoldingRange.Kind;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;

/**
 * The foldable parts of a note, as Obsidian folds them: the frontmatter, each heading's section (to
 * the line before the next heading of the same or a higher level, without the blank lines that end
 * it), fenced code blocks, and {@code %% comments %%} or {@code <!-- comments -->} over several lines.
 * An unclosed fence or {@code %%} runs to the end of the note.
 */
final class Folds {
    private Folds() {
    }

    static List<FoldingRange> of(Note note) {
        List<FoldingRange> out = new ArrayList<>();
        int body = 0;
        if (note.frontmatter().isPresent()) {
            int end = note.frontmatter().get().span().end().line();
            add(out, 0, end, Kind.FRONTMATTER);
            body = end + 1;
        }
        for (Heading h : note.headings()) {
            add(out, h.span().start().line(), note.lines().lineOf(Outline.sectionEnd(note, h)), Kind.REGION);
        }
        new Scanner(note.lines(), out).scan(body);
        out.sort(Comparator.comparingInt(FoldingRange::startLine).thenComparingInt(FoldingRange::endLine));
        return out;
    }

    private static void add(List<FoldingRange> out, int start, int end, Kind kind) {
        if (end > start) {
            out.add(new FoldingRange(start, end, kind));
        }
    }

    /** A line scan for fences and comments, which the parsed note does not keep. */
    private static final class Scanner {
        private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");
        private final LineMap lines;
        private final List<FoldingRange> out;
        private int fence = -1;
        private char fenceChar;
        private int fenceLength;
        private int percent = -1;
        private int html = -1;

        Scanner(LineMap lines, List<FoldingRange> out) {
            this.lines = lines;
            this.out = out;
        }

        void scan(int from) {
            for (int line = from; line < lines.lineCount(); line++) {
                String s = lines.lineText(line).stripLeading();
                if (fence >= 0) {
                    if (run(s, fenceChar) >= fenceLength && s.substring(run(s, fenceChar)).isBlank()) {
                        add(out, fence, line, Kind.REGION);
                        fence = -1;
                    }
                    continue;
                }
                if (percent < 0 && html < 0 && (s.startsWith("```") || s.startsWith("~~~"))) {
                    fence = line;
                    fenceChar = s.charAt(0);
                    fenceLength = run(s, fenceChar);
                    continue;
                }
                comments(INLINE_CODE.matcher(s).replaceAll(""), line);
            }
            int last = lastTextLine();
            if (fence >= 0) {
                add(out, fence, last, Kind.REGION);
            }
            if (percent >= 0) {
                add(out, percent, last, Kind.COMMENT);
            }
        }

        private void comments(String s, int line) {
            int i = 0;
            while (i < s.length()) {
                if (html >= 0) {
                    int close = s.indexOf("-->", i);
                    if (close < 0) {
                        return;
                    }
                    add(out, html, line, Kind.COMMENT);
                    html = -1;
                    i = close + 3;
                } else if (percent >= 0) {
                    int close = s.indexOf("%%", i);
                    if (close < 0) {
                        return;
                    }
                    add(out, percent, line, Kind.COMMENT);
                    percent = -1;
                    i = close + 2;
                } else {
                    int pc = s.indexOf("%%", i);
                    int hc = s.indexOf("<!--", i);
                    if (pc < 0 && hc < 0) {
                        return;
                    }
                    if (hc < 0 || (pc >= 0 && pc < hc)) {
                        percent = line;
                        i = pc + 2;
                    } else {
                        html = line;
                        i = hc + 4;
                    }
                }
            }
        }

        private int lastTextLine() {
            int line = lines.lineCount() - 1;
            while (line > 0 && lines.lineText(line).isBlank()) {
                line--;
            }
            return line;
        }

        private static int run(String s, char c) {
            int n = 0;
            while (n < s.length() && s.charAt(n) == c) {
                n++;
            }
            return n;
        }
    }
}
