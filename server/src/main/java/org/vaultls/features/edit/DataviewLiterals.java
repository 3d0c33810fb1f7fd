package org.vaultls.features.edit;

import org.vaultls.text.LineMap;
import org.vaultls.vault.Note;
import org.vaultls.vault.Regions;

/**
 * Finds a quoted string literal inside the note's {@code dataview} / {@code dataviewjs} code blocks, as
 * the note's region map has them.
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
        for (Regions.Region r : note.regions().list()) {
            if (r.kind() != Regions.Kind.DATAVIEW) {
                continue;
            }
            // the fence lines hold no literal; a block ends at its last line, so cut the line there
            for (int line = lines.lineOf(r.start()) + 1; line <= lines.lineOf(Math.max(r.start(), r.end() - 1)); line++) {
                int from = lines.lineStart(line);
                int to = Math.min(r.end(), from + lines.lineText(line).length());
                replaceInLine(note, from, text.substring(from, Math.max(from, to)), literal, replacement, out);
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
