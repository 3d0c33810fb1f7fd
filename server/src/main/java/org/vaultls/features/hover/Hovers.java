package org.vaultls.features.hover;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.dataview.BlockResults;
import org.vaultls.features.dataview.DataviewHover;
import org.vaultls.text.Dates;
import org.vaultls.features.diagnostics.LinkDiagnosis;
import org.vaultls.features.diagnostics.OwnerDiagnosis;
import java.util.function.Function;
import org.vaultls.features.query.ElementAt;
import org.vaultls.features.query.ElementAt.Element;
import org.vaultls.features.query.ElementAt.LinkAt;
import org.vaultls.features.query.ElementAt.OwnerAt;
import org.vaultls.index.Person;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * Hover cards. On a link or embed to a person, and on an {@code @Owner} tag: who they are, when they
 * were last contacted, their key facts and open tasks (and, for a link to a heading or block of their
 * note, what it points at). On a link to any other note: its title, a frontmatter summary and the
 * opening lines of the section the link points at. On an attachment: its name and path. On a link that
 * does not resolve: why, and the names it was probably meant to be. A link whose name several notes
 * share says which one Obsidian opens. Inside a dataview block: the block's result ({@link DataviewHover}).
 */
public final class Hovers {
    private Hovers() {
    }

    /** The card for the element at {@code offset}, or empty when there is nothing to tell. */
    public static Optional<HoverCard> hover(VaultIndex index, Note note, int offset) {
        return hover(index, note, offset, null, Dates.defaultClock());
    }

    /**
     * The card, with links in a person's key facts leading to {@code uriOf(vault path)} (the editor
     * needs absolute URIs: a hover has no base to resolve a relative link against).
     */
    public static Optional<HoverCard> hover(VaultIndex index, Note note, int offset, Function<String, String> uriOf) {
        return hover(index, note, offset, uriOf, Dates.defaultClock());
    }

    /** The card for the element at {@code offset}; {@code clock} says which tasks are overdue. */
    public static Optional<HoverCard> hover(VaultIndex index, Note note, int offset, Clock clock) {
        return hover(index, note, offset, null, clock);
    }

    /** The card, with key-fact links to {@code uriOf} (null: left as written) and overdue tasks by {@code clock}. */
    public static Optional<HoverCard> hover(VaultIndex index, Note note, int offset, Function<String, String> uriOf,
            Clock clock) {
        LocalDate today = LocalDate.now(clock);
        Optional<DataviewHover.Card> dataview = DataviewHover.at(index, note, offset, uriOf, BlockResults.SHARED, clock);
        if (dataview.isPresent()) {
            return Optional.of(new HoverCard(dataview.get().markdown(), dataview.get().span()));
        }
        Optional<Element> found = ElementAt.find(note, offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Element e = found.get();
        if (e instanceof LinkAt l) {
            return Optional.of(new HoverCard(link(index, note, l.link(), uriOf, today), e.span()));
        }
        if (e instanceof OwnerAt o) {
            String md = index.personByOwnerTag(o.owner().name()).map(p -> PersonCard.markdown(index, p, uriOf, today))
                    .orElseGet(() -> BrokenCard.unknownOwner(OwnerDiagnosis.of(index, o.owner()).orElseThrow()));
            return Optional.of(new HoverCard(md, e.span()));
        }
        return Optional.empty();
    }

    private static String link(VaultIndex index, Note note, Link link, Function<String, String> uriOf,
            LocalDate today) {
        Resolution r = index.resolve(note, link);
        if (r.isBroken() && LinkDiagnosis.isTemplateSyntax(link)) {
            return "### Template placeholder " + Md.code(link.target()) + "\n\nIt names a note once the template is"
                    + " applied, so it is not checked as a link.";
        }
        if (r.isBroken()) {
            return BrokenCard.link(note, LinkDiagnosis.unresolved(index, note, link));
        }
        if (r.isAttachment()) {
            return AttachmentCard.markdown(r.path());
        }
        Note target = link.isSameNote() ? note : index.note(r.path()).orElse(null);
        if (target == null) {
            return BrokenCard.link(note, LinkDiagnosis.unresolved(index, note, link));
        }
        String card = index.person(target.path())
                .map(p -> PersonCard.markdown(index, p, uriOf, today) + sectionOfPerson(index, p, target, link))
                .orElseGet(() -> NoteCard.markdown(target, link));
        return r.ambiguous() ? card + "\n\n" + BrokenCard.ambiguity(r) : card;
    }

    /**
     * A link to a heading or block of a person's note adds what it points at below their card, except
     * the key facts heading, whose list the card already shows.
     */
    private static String sectionOfPerson(VaultIndex index, Person p, Note person, Link link) {
        List<String> chain = link.headings();
        boolean keyFacts = !chain.isEmpty() && !p.keyFacts().isEmpty()
                && chain.get(chain.size() - 1).strip().equalsIgnoreCase(index.config().keyFactsHeading())
                && VaultIndex.findHeading(person, chain).isPresent();
        return link.hasSubpath() && !keyFacts ? "\n\n---\n\n" + NoteCard.section(person, link) : "";
    }
}
