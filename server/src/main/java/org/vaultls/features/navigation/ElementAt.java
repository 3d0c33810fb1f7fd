package org.vaultls.features.navigation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.text.Span;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;

/**
 * Says what the cursor is on in a note: a link or embed (anywhere in its brackets), an {@code @Owner}
 * tag of a task, a tag, a block id, the note's title, or a heading. Small elements win over the line
 * they sit on, so a link inside a heading is the link. The cursor may also sit just after a small
 * element, where editors leave it after typing {@code ]]}.
 *
 * <p>The title is what Obsidian shows as the note's name in the body: its first level-1 heading, or
 * the {@code title:} line of the frontmatter.
 */
public final class ElementAt {
    private ElementAt() {
    }

    /** An element of a note under the cursor. */
    public sealed interface Element permits LinkAt, OwnerAt, TagAt, BlockAt, TitleAt, HeadingAt {
        /** Where the element is written. */
        Span span();
    }

    /** A wikilink, embed or markdown link: the span is the whole link, brackets included. */
    public record LinkAt(Link link) implements Element {
        @Override
        public Span span() {
            return link.span();
        }
    }

    /** An {@code @Owner} tag and the task that holds it. */
    public record OwnerAt(OwnerRef owner, Task task) implements Element {
        @Override
        public Span span() {
            return owner.span();
        }
    }

    /** A body or frontmatter tag (its span leaves out the {@code #}). */
    public record TagAt(Tag tag) implements Element {
        @Override
        public Span span() {
            return tag.span();
        }
    }

    /** A block id {@code ^id}. */
    public record BlockAt(BlockId block) implements Element {
        @Override
        public Span span() {
            return block.span();
        }
    }

    /**
     * The note's title: its first level-1 heading ({@code heading} is that heading), or the frontmatter
     * {@code title} line ({@code heading} is null).
     */
    public record TitleAt(Span span, Heading heading) implements Element {
    }

    /** Any other heading line. */
    public record HeadingAt(Heading heading) implements Element {
        @Override
        public Span span() {
            return heading.span();
        }
    }

    /** The element at {@code offset}, or empty when the cursor is on plain text. */
    public static Optional<Element> find(Note note, int offset) {
        List<Element> small = new ArrayList<>();
        for (Link l : note.links()) {
            small.add(new LinkAt(l));
        }
        for (Task t : note.tasks()) {
            if (t.span().contains(offset)) {
                for (OwnerRef o : t.owners()) {
                    small.add(new OwnerAt(o, t));
                }
            }
        }
        for (Tag t : note.tags()) {
            small.add(new TagAt(t));
        }
        for (BlockId b : note.blocks()) {
            small.add(new BlockAt(b));
        }
        for (Element e : small) {
            if (e.span().startOffset() <= offset && offset < e.span().endOffset()) {
                return Optional.of(e);
            }
        }
        for (Element e : small) {
            if (e.span().endOffset() == offset) {
                return Optional.of(e);
            }
        }
        Optional<Heading> title = titleHeading(note);
        for (Heading h : note.headings()) {
            if (h.span().contains(offset)) {
                return Optional.of(title.isPresent() && title.get() == h ? new TitleAt(h.span(), h) : new HeadingAt(h));
            }
        }
        return titleField(note).filter(s -> s.contains(offset)).map(s -> new TitleAt(s, null));
    }

    /** The note's first level-1 heading. */
    public static Optional<Heading> titleHeading(Note note) {
        return note.headings().stream().filter(h -> h.level() == 1).findFirst();
    }

    /** The frontmatter {@code title} line, from its key to the end of its value. */
    static Optional<Span> titleField(Note note) {
        return note.frontmatter().flatMap(f -> f.field("title"))
                .map(f -> note.lines().span(f.keySpan().startOffset(), lineEnd(note, f)));
    }

    private static int lineEnd(Note note, Frontmatter.Field f) {
        Span v = f.valueSpan() != null ? f.valueSpan() : f.keySpan();
        return Math.max(v.endOffset(), note.lines().lineEnd(f.keySpan().start().line()));
    }
}
