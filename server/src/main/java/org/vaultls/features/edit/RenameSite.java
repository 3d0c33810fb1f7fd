package org.vaultls.features.edit;

import java.util.List;
import java.util.Optional;
import org.vaultls.index.Person;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Task;
import org.vaultls.vault.VaultPaths;

/**
 * What the cursor is on, for a rename: a file (through a link's target, the note's title heading or a
 * person's {@code @Owner} tag) or a heading (its own line, or a heading named in a link's subpath).
 */
sealed interface RenameSite {

    /** The file at {@code path}, found at {@code span}. */
    record OfFile(String path, Span span, String placeholder) implements RenameSite {
    }

    /** {@code heading} of {@code note}, found at {@code span}. */
    record OfHeading(Note note, Heading heading, Span span) implements RenameSite {
    }

    String NOTHING = "Nothing to rename here: put the cursor on a link, a heading, the note's title or an @Owner tag";

    static Result<RenameSite> at(VaultIndex index, Note note, int offset) {
        for (Link link : note.links()) {
            if (link.span().contains(offset) && offset < link.span().endOffset()) {
                return onLink(index, note, link, offset);
            }
        }
        for (Task task : note.tasks()) {
            for (OwnerRef owner : task.owners()) {
                if (owner.span().contains(offset)) {
                    Optional<Person> p = index.personByOwnerTag(owner.name());
                    if (p.isEmpty()) {
                        return Result.error("cannot rename: no person has the owner tag @" + owner.name());
                    }
                    return Result.ok(new OfFile(p.get().path(), owner.span(), VaultPaths.stem(p.get().path())));
                }
            }
        }
        Optional<Heading> title = titleHeading(note);
        for (Heading h : note.headings()) {
            if (h.span().contains(offset)) {
                if (title.isPresent() && title.get().equals(h)) {
                    return Result.ok(new OfFile(note.path(), h.textSpan(), note.name()));
                }
                return Result.ok(new OfHeading(note, h, h.textSpan()));
            }
        }
        return Result.error(NOTHING);
    }

    private static Result<RenameSite> onLink(VaultIndex index, Note note, Link link, int offset) {
        Span sub = link.subpathSpan();
        if (sub != null && offset >= sub.startOffset() && offset <= sub.endOffset()) {
            return onSubpath(index, note, link, offset);
        }
        boolean inText = link.kind() == Link.Kind.WIKI
                ? link.aliasSpan() != null && offset >= link.aliasSpan().startOffset()
                : offset < link.targetSpan().startOffset() - (LinkText.isAngle(note, link) ? 2 : 1);
        if (inText) {
            return Result.error("Nothing to rename here: the link's text is only displayed; "
                    + "put the cursor on its target to rename the note");
        }
        if (link.isSameNote()) {
            return Result.error(NOTHING);
        }
        Resolution r = index.resolve(note, link);
        if (r.isBroken()) {
            return Result.error("cannot rename: '" + link.target() + "' does not resolve");
        }
        String placeholder = r.isAttachment() ? VaultPaths.fileName(r.path()) : VaultPaths.stem(r.path());
        return Result.ok(new OfFile(r.path(), link.targetSpan(), placeholder));
    }

    private static Result<RenameSite> onSubpath(VaultIndex index, Note note, Link link, int offset) {
        if (link.headings().isEmpty()) {
            return Result.error("Nothing to rename here: block ids are not renamed; "
                    + "put the cursor on a heading or a link's target");
        }
        Resolution r = index.resolve(note, link);
        Note target = r.isBroken() ? null : index.note(r.path()).orElse(null);
        if (target == null) {
            return Result.error("cannot rename: '" + link.target() + "' does not resolve"
                    + (r.isAttachment() ? " to a note" : ""));
        }
        List<Span> spans = LinkText.headingSpans(note, link);
        int i = 0;
        while (i < spans.size() - 1 && offset > spans.get(i).endOffset()) {
            i++;
        }
        List<String> chain = link.headings().subList(0, spans.isEmpty() ? link.headings().size() : i + 1);
        Optional<Heading> h = VaultIndex.findHeading(target, chain);
        if (h.isEmpty()) {
            return Result.error("cannot rename: '" + target.name() + "' has no heading '"
                    + chain.get(chain.size() - 1) + "'");
        }
        return Result.ok(new OfHeading(target, h.get(), spans.isEmpty() ? link.subpathSpan() : spans.get(i)));
    }

    /** The note's title heading: the first H1 whose text is the note's name or its frontmatter title. */
    static Optional<Heading> titleHeading(Note note) {
        String name = VaultPaths.key(note.name());
        String title = VaultPaths.key(note.title());
        for (Heading h : note.headings()) {
            String k = VaultPaths.key(h.text());
            if (h.level() == 1 && (k.equals(name) || k.equals(title))) {
                return Optional.of(h);
            }
        }
        return Optional.empty();
    }
}
