package org.vaultls.features.completion;

import org.vaultls.text.LineMap;

/**
 * Tells whether a place in a note's body is code, where Obsidian completes nothing: a fenced block
 * ({@code ```} or {@code ~~~}, closed by a fence of the same character at least as long, with the
 * fence lines themselves counted as code) or an inline span between equal runs of backticks. A run of
 * backticks with no equal run after it on the line is plain text, as in CommonMark.
 */
final class CodeRegions {
    private CodeRegions() {
    }

    static boolean isCode(String text, LineMap lines, int bodyStartLine, int offset) {
        int line = lines.lineOf(offset);
        return inFence(text, lines, bodyStartLine, line) || inCodeSpan(text, lines.lineStart(line),
                lines.lineEnd(line), offset);
    }

    /** True when {@code line} is a fence line or lies between an opening fence and its closing one. */
    private static boolean inFence(String text, LineMap lines, int from, int line) {
        char fenceChar = 0;
        int fenceLength = 0;
        for (int l = Math.max(0, from); l <= line; l++) {
            int start = lines.lineStart(l);
            int end = lines.lineEnd(l);
            int i = start;
            while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '>')) {
                i++; // fences inside list items and quotes are fences too
            }
            char c = i < end ? text.charAt(i) : 0;
            int run = 0;
            while (i + run < end && text.charAt(i + run) == c) {
                run++;
            }
            boolean fenceLike = (c == '`' || c == '~') && run >= 3;
            if (fenceChar == 0) {
                // a backtick fence's info string holds no backtick, else the line is inline code
                if (fenceLike && !(c == '`' && findRun(text, i + run, end, -1) >= 0)) {
                    if (l == line) {
                        return true;
                    }
                    fenceChar = c;
                    fenceLength = run;
                }
            } else {
                if (l == line) {
                    return true;
                }
                if (c == fenceChar && run >= fenceLength && text.substring(i + run, end).isBlank()) {
                    fenceChar = 0;
                }
            }
        }
        return false;
    }

    private static boolean inCodeSpan(String text, int lineStart, int lineEnd, int offset) {
        int i = lineStart;
        while (i < lineEnd && i < offset) {
            if (text.charAt(i) != '`') {
                i++;
                continue;
            }
            int run = runLength(text, i, lineEnd);
            int close = findRun(text, i + run, lineEnd, run);
            if (close < 0) {
                i += run; // no matching run: the backticks are literal
                continue;
            }
            if (offset > i && offset < close + run) {
                return true;
            }
            i = close + run;
        }
        return false;
    }

    private static int runLength(String text, int i, int end) {
        int n = 0;
        while (i + n < end && text.charAt(i + n) == '`') {
            n++;
        }
        return n;
    }

    /** The start of the next run of exactly {@code length} backticks (any length for -1), or -1. */
    private static int findRun(String text, int from, int end, int length) {
        int i = from;
        while (i < end) {
            if (text.charAt(i) == '`') {
                int n = runLength(text, i, end);
                if (n == length || length < 0) {
                    return i;
                }
                i += n;
            } else {
                i++;
            }
        }
        return -1;
    }
}
