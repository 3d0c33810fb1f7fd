package org.vaultls.text;

import java.util.Arrays;

/**
 * Maps offsets of a text to LSP positions and back. Lines end at {@code \n}, {@code \r\n} or a lone
 * {@code \r}, as LSP defines them; characters are UTF-16 code units.
 */
public final class LineMap {
    private final String text;
    private final int[] lineStarts;

    public LineMap(String text) {
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        int len = text.length();
        if (text.indexOf('\r') < 0) {
            // the common case, found by indexOf's scan rather than a charAt per character
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        } else {
            for (int i = 0; i < len; i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n'))) {
                    if (n == starts.length) {
                        starts = Arrays.copyOf(starts, n * 2);
                    }
                    starts[n++] = i + 1;
                }
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** Offset of the first character of {@code line}; the text's length past the last line. */
    public int lineStart(int line) {
        if (line < 0) {
            return 0;
        }
        return line >= lineStarts.length ? text.length() : lineStarts[line];
    }

    /** Offset just past the line's last character, before its line break. */
    public int lineEnd(int line) {
        if (line >= lineStarts.length) {
            return text.length();
        }
        int end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length();
        while (end > lineStarts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return end;
    }

    public String lineText(int line) {
        return text.substring(lineStart(line), lineEnd(line));
    }

    public int lineOf(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i : -i - 2;
    }

    public Pos pos(int offset) {
        int o = Math.max(0, Math.min(offset, text.length()));
        int line = lineOf(o);
        return new Pos(line, o - lineStarts[line]);
    }

    /** Offset of a position, clamped to the text and to the end of its line. */
    public int offset(Pos pos) {
        if (pos.line() >= lineStarts.length) {
            return text.length();
        }
        if (pos.line() < 0) {
            return 0;
        }
        int start = lineStarts[pos.line()];
        return Math.min(start + Math.max(0, pos.character()), lineEnd(pos.line()));
    }

    public Span span(int startOffset, int endOffset) {
        int s = Math.max(0, Math.min(startOffset, text.length()));
        int e = Math.max(0, Math.min(endOffset, text.length()));
        int startLine = lineOf(s);
        int endLine = e == s ? startLine : lineOf(e);
        return Span.of(startOffset, endOffset, startLine, s - lineStarts[startLine], endLine, e - lineStarts[endLine]);
    }
}
