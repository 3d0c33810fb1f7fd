package org.vaultls.features.query;

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
 * The one answer to "what is under the cursor?": a link or embed (anywhere in its brackets), an
 * {@code @Owner} tag of a task, a tag, a block id, the note's title (see {@link Title}), a heading, a
 * frontmatter property, or a task. Hover, definition, references, rename and code actions all start
 * here, so they always agree on what the cursor is on.
 *
 * <p>Small elements win over the line they sit on, so a link inside a heading is the link and an owner
 * tag inside a task is the owner. The cursor may also sit just after a small element, where editors
 * leave it after typing {@code ]]}. Nothing is found inside code, comments or HTML, since the parser
 * finds no element there.
 */
public final class ElementAt {
    private ElementAt() {
    }

    /** An element of a note under the cursor. */
    public sealed interface Element permits LinkAt, OwnerAt, TagAt, BlockAt, TitleAt, HeadingAt, PropertyAt, TaskAt {
        /** Where the element is written. */
        Span span();
    }

    /** A wikilink, embed or markdown link: the span is the whole link, brackets included. */
    public record LinkAt(Link link) implements Element {
        @Override
        public Span span() {
            return link.span();
        }

        /** True for an embed {@code ![[...]]} or {@code ![](...)}. */
        public boolean embed() {
            return link.embed();
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
     * The note's title: its title heading ({@code heading} is that heading), or the frontmatter
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

    /**
     * A frontmatter property other than {@code title}: {@code onValue} when the cursor is after the
     * key's colon. The span runs from the key to the end of the value.
     */
    public record PropertyAt(Frontmatter.Field field, Span span, boolean onValue) implements Element {
    }

    /** A task line, where the cursor is on none of the task's smaller elements. */
    public record TaskAt(Task task) implements Element {
        @Override
        public Span span() {
            return task.span();
        }
    }

    /** The element at {@code offset}, or empty when the cursor is on plain text. */
    public static Optional<Element> find(Note note, int offset) {
        List<Element> small = new ArrayList<>();
        for (Link l : note.links()) {
            small.add(new LinkAt(l));
        }
        Task task = null;
        for (Task t : note.tasks()) {
            if (t.span().contains(offset)) {
                task = t;
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
        Optional<Heading> title = Title.heading(note);
        for (Heading h : note.headings()) {
            if (h.span().contains(offset)) {
                return Optional.of(title.isPresent() && title.get() == h ? new TitleAt(h.span(), h) : new HeadingAt(h));
            }
        }
        Optional<Span> titleField = Title.field(note).filter(s -> s.contains(offset));
        if (titleField.isPresent()) {
            return Optional.of(new TitleAt(titleField.get(), null));
        }
        Optional<Element> property = property(note, offset);
        if (property.isPresent()) {
            return property;
        }
        return Optional.ofNullable(task).map(TaskAt::new);
    }

    /** The frontmatter property whose key or value holds {@code offset}. */
    private static Optional<Element> property(Note note, int offset) {
        Frontmatter fm = note.frontmatter().orElse(null);
        if (fm == null || !fm.span().contains(offset)) {
            return Optional.empty();
        }
        for (Frontmatter.Field f : fm.fields()) {
            int start = f.keySpan().startOffset();
            Span v = f.valueSpan() != null ? f.valueSpan() : f.keySpan();
            int end = Math.max(v.endOffset(), note.lines().lineEnd(f.keySpan().start().line()));
            if (start <= offset && offset <= end) {
                boolean onValue = offset > f.keySpan().endOffset();
                return Optional.of(new PropertyAt(f, note.lines().span(start, end), onValue));
            }
        }
        return Optional.empty();
    }
}
