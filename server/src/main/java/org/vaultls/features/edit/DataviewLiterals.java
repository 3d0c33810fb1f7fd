package org.vaultls.features.edit;

import java.util.Locale;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Note;

/**
 * Finds a quoted string literal inside the note's {@code dataview} / {@code dataviewjs} code blocks.
 * Person notes query their own tasks with {@code contains(text, "@AdaBerg")} and
 * {@code contains(text, "Ada Berg")}, so a rename of the person must update those literals too.
 */
final class DataviewLiterals {
    private DataviewLiterals() {
    }

    /** Replaces every {@code "literal"} or {@code 'literal'} inside a dataview block of {@code note}. */
    static void replace(Note note, String literal, String replacement, EditSet out) {
        String text = note.text();
        if (literal.isEmpty() || !text.contains(literal)) {
            return;
        }
        LineMap lines = note.lines();
        String fence = null;
        boolean dataview = false;
        for (int line = 0; line < lines.lineCount(); line++) {
            String l = lines.lineText(line);
            String t = l.stripLeading();
            if (fence == null) {
                if (l.length() - t.length() <= 3 && (t.startsWith("```") || t.startsWith("~~~"))) {
                    int n = 0;
                    while (n < t.length() && t.charAt(n) == t.charAt(0)) {
                        n++;
                    }
                    fence = t.substring(0, n);
                    dataview = t.substring(n).strip().toLowerCase(Locale.ROOT).startsWith("dataview");
                }
                continue;
            }
            if (t.startsWith(fence) && t.substring(fence.length()).isBlank()) {
                fence = null;
                continue;
            }
            if (dataview) {
                replaceInLine(note, lines.lineStart(line), l, literal, replacement, out);
            }
        }
    }

    private static void replaceInLine(Note note, int start, String line, String literal, String replacement,
                                      EditSet out) {
        for (char q : new char[] {'"', '\''}) {
            String quoted = q + literal + q;
            for (int i = line.indexOf(quoted); i >= 0; i = line.indexOf(quoted, i + quoted.length())) {
                int s = start + i + 1;
                out.replace(note, note.lines().span(s, s + literal.length()), replacement);
            }
        }
    }
}
