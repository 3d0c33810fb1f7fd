package org.vaultls.features.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.query.References;
import org.vaultls.features.query.References.LinkSite;
import org.vaultls.features.query.References.Site;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * Renames a heading and every link that reaches it: {@code [[Note#Heading]]}, {@code [[#Heading]]} in
 * the same note, markdown {@code Note.md#Heading} anchors, and a heading in the middle of a chain
 * {@code [[Note#Heading#Sub]]}. A link names the heading as Obsidian compares it, without
 * {@code [ ] | ^ # : %}; its path, other headings and alias stay as written.
 */
final class HeadingRename {
    private HeadingRename() {
    }

    /** Renames {@code heading}; {@code sites} are its {@link References} sites, the links to rewrite. */
    static Result<WorkspaceChange> rename(VaultIndex index, Note note, Heading heading, String newText,
                                          List<Site> sites) {
        String text = newText.strip();
        Optional<String> problem = NameRules.headingProblem(text);
        if (problem.isPresent()) {
            return Result.error(problem.get());
        }
        String key = VaultIndex.headingKey(text);
        for (Heading h : note.headings()) {
            if (!h.equals(heading) && VaultIndex.headingKey(h.text()).equals(key)) {
                return Result.error("cannot rename: '" + note.name() + "' already has a heading '" + h.text()
                        + "' (line " + (h.span().start().line() + 1) + "), and links would reach only the first");
            }
        }
        EditSet edits = new EditSet();
        edits.replace(note, heading.textSpan(), text);
        String linkText = LinkText.headingForLink(text);
        for (Site s : sites) {
            if (s instanceof LinkSite l) {
                Note source = l.note().path().equals(note.path()) ? note : l.note();
                retarget(index, source, l.link(), note, heading, linkText, edits);
            }
        }
        return Result.ok(new WorkspaceChange(edits.list(), List.of(), List.of()));
    }

    private static void retarget(VaultIndex index, Note from, Link link, Note target, Heading heading,
                                 String linkText, EditSet edits) {
        Resolution r = link.isSameNote() ? null : index.resolve(from, link);
        String path = r == null ? from.path() : r.path();
        if (path == null || !path.equals(target.path())) {
            return;
        }
        List<String> chain = link.headings();
        for (int i = 0; i < chain.size(); i++) {
            if (!VaultIndex.findHeading(target, chain.subList(0, i + 1)).filter(heading::equals).isPresent()) {
                continue;
            }
            List<Span> spans = LinkText.headingSpans(from, link);
            if (!spans.isEmpty()) {
                edits.replace(from, spans.get(i), LinkText.write(from, link, linkText));
            } else {
                List<String> renamed = new ArrayList<>(chain);
                renamed.set(i, linkText);
                edits.replace(from, link.subpathSpan(), LinkText.write(from, link, String.join("#", renamed)));
            }
            return;
        }
    }
}
