package org.vaultls.features.query;

import java.util.Optional;
import org.vaultls.text.Pos;
import org.vaultls.text.Span;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * A note's title and where it is written. As in Obsidian, a note's title is its file name (the inline
 * title); a frontmatter {@code title:} is what title plugins show instead, so it counts too.
 *
 * <p>The <em>title heading</em> is the note's first level-1 heading when it repeats that title: its text
 * equals, as Obsidian compares names (case- and accent-form-insensitively), the file name or the
 * frontmatter {@code title}. A first H1 that says something else ({@code # Overview} in {@code Plan.md})
 * is an ordinary heading: links reach it as {@code [[Plan#Overview]]}, its references are those links,
 * and renaming it renames the heading, not the file. A later H1 is never the title heading, even when it
 * repeats the name. This is the one definition; hover, references, rename, symbols and excerpts all ask here.
 */
public final class Title {
    /** The start of a file: where a note without a written title is declared. */
    public static final Span TOP = Span.of(0, 0, new Pos(0, 0), new Pos(0, 0));

    private Title() {
    }

    /** The note's title heading (see the class comment), or empty. */
    public static Optional<Heading> heading(Note note) {
        for (Heading h : note.headings()) {
            if (h.level() == 1) {
                String k = VaultPaths.key(h.text());
                return k.equals(VaultPaths.key(note.name())) || k.equals(VaultPaths.key(note.title()))
                        ? Optional.of(h) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The frontmatter {@code title} line, from its key to the end of its value. */
    public static Optional<Span> field(Note note) {
        return note.frontmatter().flatMap(f -> f.field("title"))
                .map(f -> note.lines().span(f.keySpan().startOffset(), lineEnd(note, f)));
    }

    /** Where the note's title is written: its title heading, else its frontmatter title line, else its top. */
    public static Span declaration(Note note) {
        return heading(note).map(Heading::span).or(() -> field(note)).orElse(TOP);
    }

    private static int lineEnd(Note note, Frontmatter.Field f) {
        Span v = f.valueSpan() != null ? f.valueSpan() : f.keySpan();
        return Math.max(v.endOffset(), note.lines().lineEnd(f.keySpan().start().line()));
    }
}
