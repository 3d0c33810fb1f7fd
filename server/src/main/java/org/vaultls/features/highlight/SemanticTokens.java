package org.vaultls.features.highlight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.highlight.Token.Modifier;
import org.vaultls.features.highlight.Token.Type;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Regions;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;

/**
 * The highlighted pieces of a note, so a theme can colour a broken link before any diagnostic: links
 * and embeds in their state (resolved: no modifier; {@code broken} when no file, or no heading or
 * block of the subpath, is there; {@code ambiguous}; {@code alias} for a bare link to an alias), tags,
 * owner tags ({@code unknown} when no person has them), block ids, frontmatter keys, and the lines of
 * Dataview blocks and inline queries (from the note's region map). Tokens never overlap and each sits
 * on one line; a piece over several lines is one token per line.
 */
public final class SemanticTokens {
    private static final Comparator<Token> ORDER = Comparator.comparingInt((Token t) -> t.span().startOffset())
            .thenComparingInt(t -> t.span().endOffset());

    private SemanticTokens() {
    }

    /** The note's tokens in text order. */
    public static List<Token> of(VaultIndex index, Note note, CancelCheck cancel) {
        List<Token> all = new ArrayList<>();
        // one heading finder per target note: a note's links to its own hundreds of headings stay linear
        Map<Note, Function<List<String>, Optional<Heading>>> finders = new IdentityHashMap<>();
        List<Resolution> resolved = index.resolutions(note); // the link check's, after an edit
        List<Link> links = note.links();
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            add(note, l.span(), l.embed() ? Type.EMBED : Type.LINK, state(index, note, l, resolved.get(i), finders), all);
        }
        cancel.check();
        for (Tag t : note.tags()) {
            add(note, withHash(note, t), Type.TAG, Set.of(), all);
        }
        for (Task task : note.tasks()) {
            for (OwnerRef o : task.owners()) {
                Set<Modifier> m = index.personByOwnerTag(o.name()).isPresent() ? Set.of() : Set.of(Modifier.UNKNOWN);
                add(note, o.span(), Type.OWNER, m, all);
            }
        }
        for (BlockId b : note.blocks()) {
            add(note, b.span(), Type.BLOCK_ID, Set.of(), all);
        }
        note.frontmatter().ifPresent(f -> {
            for (Frontmatter.Field field : f.fields()) {
                add(note, field.keySpan(), Type.PROPERTY, Set.of(), all);
            }
        });
        for (Regions.Region r : note.regions().list()) {
            if (r.kind() == Regions.Kind.DATAVIEW || r.kind() == Regions.Kind.INLINE_DATAVIEW) {
                add(note, r.span(note.lines()), Type.DATAVIEW, Set.of(), all);
            }
        }
        all.sort(ORDER);
        return withoutOverlaps(all);
    }

    /**
     * A link's state: where it leads, and whether its heading or block is there ({@code finders}: the
     * heading finder of each target note so far).
     */
    private static Set<Modifier> state(VaultIndex index, Note note, Link link, Resolution r,
            Map<Note, Function<List<String>, Optional<Heading>>> finders) {
        if (r.isBroken()) {
            boolean alias = link.kind() == Link.Kind.WIKI && !link.isSameNote()
                    && !index.notesWithAlias(link.target()).isEmpty();
            return EnumSet.of(alias ? Modifier.ALIAS : Modifier.BROKEN);
        }
        Note target = link.isSameNote() ? note : index.note(r.path()).orElse(null);
        if (target != null && (!link.headings().isEmpty()
                && finders.computeIfAbsent(target, VaultIndex::headingFinder).apply(link.headings()).isEmpty()
                || link.blockId() != null && VaultIndex.findBlock(target, link.blockId()).isEmpty())) {
            return EnumSet.of(Modifier.BROKEN);
        }
        return r.ambiguous() ? EnumSet.of(Modifier.AMBIGUOUS) : Set.of();
    }

    /** A body tag's span with its {@code #}; a frontmatter entry as written. */
    private static Span withHash(Note note, Tag t) {
        int start = t.span().startOffset();
        if (!t.inFrontmatter() && start > 0 && note.text().charAt(start - 1) == '#') {
            return note.lines().span(start - 1, t.span().endOffset());
        }
        return t.span();
    }

    /** Adds the piece, cut at line ends (without the line break); empty pieces are dropped. */
    private static void add(Note note, Span span, Type type, Set<Modifier> mods, List<Token> out) {
        LineMap lines = note.lines();
        int startLine = span.start().line();
        int endLine = span.end().line();
        for (int line = startLine; line <= endLine; line++) {
            int from = line == startLine ? span.startOffset() : lines.lineStart(line);
            int to = line == endLine ? span.endOffset() : lines.lineEnd(line);
            if (to > from) {
                out.add(new Token(lines.span(from, to), type, mods));
            }
        }
    }

    /** Keeps the first of overlapping tokens (a link inside a Dataview line keeps the line token out). */
    private static List<Token> withoutOverlaps(List<Token> sorted) {
        List<Token> out = new ArrayList<>(sorted.size());
        int end = -1;
        for (Token t : sorted) {
            if (t.span().startOffset() >= end) {
                out.add(t);
                end = t.span().endOffset();
            }
        }
        return out;
    }
}
