package org.vaultls.features.edit;

import java.util.List;
import java.util.Optional;
import org.vaultls.features.query.ElementAt;
import org.vaultls.features.query.ElementAt.Element;
import org.vaultls.features.query.ElementAt.HeadingAt;
import org.vaultls.features.query.ElementAt.LinkAt;
import org.vaultls.features.query.ElementAt.OwnerAt;
import org.vaultls.features.query.ElementAt.TitleAt;
import org.vaultls.index.Person;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * What the cursor is on, for a rename: a file (through a link's target, the note's title heading or a
 * person's {@code @Owner} tag) or a heading (its own line, or a heading named in a link's subpath). The
 * element comes from {@link ElementAt}, as for references; this only decides which part of a link the
 * cursor is on, since rename refuses a link's display text and renames the one heading of a chain the
 * cursor is on.
 */
sealed interface RenameSite {

    /** The file at {@code path}, found at {@code span}. */
    record OfFile(String path, Span span, String placeholder) implements RenameSite {
    }

    /** {@code heading} of {@code note}, found at {@code span}. */
    record OfHeading(Note note, Heading heading, Span span) implements RenameSite {
    }

    String NOTHING = "Nothing to rename here: put the cursor on a link, a heading, the note's title or an @Owner tag";

    /**
     * The rename site of what {@link ElementAt} finds at {@code offset}: a link's target or one of its
     * headings, an owner tag's person, the title heading's note, or a heading.
     */
    static Result<RenameSite> at(VaultIndex index, Note note, int offset) {
        Element e = ElementAt.find(note, offset).orElse(null);
        if (e instanceof LinkAt l) {
            return onLink(index, note, l.link(), offset);
        }
        if (e instanceof OwnerAt o) {
            Optional<Person> p = index.personByOwnerTag(o.owner().name());
            if (p.isEmpty()) {
                return Result.error("cannot rename: no person has the owner tag @" + o.owner().name());
            }
            return Result.ok(new OfFile(p.get().path(), o.owner().span(), VaultPaths.stem(p.get().path())));
        }
        if (e instanceof TitleAt t) {
            // the title heading or the frontmatter title line: the note itself, as for references
            Span at = t.heading() != null ? t.heading().textSpan() : titleValue(note, t.span());
            return Result.ok(new OfFile(note.path(), at, note.name()));
        }
        if (e instanceof HeadingAt h) {
            return Result.ok(new OfHeading(note, h.heading(), h.heading().textSpan()));
        }
        return Result.error(NOTHING);
    }

    /** The value of the frontmatter {@code title}, else the whole line. */
    private static Span titleValue(Note note, Span line) {
        return note.frontmatter().flatMap(f -> f.field("title")).map(f -> f.valueSpan()).orElse(line);
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
}
