package org.vaultls.features.hover;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.index.NameSuggester;
import org.vaultls.index.Person;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Cards that explain what does not resolve: a link to no note or attachment (with the closest names,
 * and the note it names when the name is only an alias, which Obsidian does not resolve), an
 * {@code @Owner} tag that names no person, and a link whose name several notes share.
 */
final class BrokenCard {
    static final int MAX_SUGGESTIONS = 3;

    private BrokenCard() {
    }

    static String link(VaultIndex index, Note note, Link link) {
        String target = link.target();
        StringBuilder md = new StringBuilder("### Unresolved link ").append(Md.code(target)).append("\n\n");
        boolean attachment = !VaultPaths.extension(target).isEmpty() && !VaultPaths.isMarkdown(target);
        String name = attachment ? VaultPaths.fileName(target) : VaultPaths.stem(target);
        if (target.startsWith("./") || target.startsWith("../")) {
            md.append("No note or attachment at ").append(Md.code(target)).append(" relative to ")
                    .append(note.folder().isEmpty() ? "the vault root" : Md.code(note.folder() + "/"))
                    .append(" (relative links do not fall back to a search by name).");
        } else if (attachment) {
            md.append("No attachment named ").append(Md.code(name)).append(" in the vault.");
        } else {
            md.append("No note named ").append(Md.code(VaultPaths.stripMd(target))).append(" in the vault.");
        }
        List<String> aliasOf = attachment || target.contains("/") ? List.of() : index.notesWithAlias(target);
        if (!aliasOf.isEmpty()) {
            String path = aliasOf.get(0);
            String owner = VaultPaths.stem(path);
            md.append("\n\n").append(Md.code(target)).append(" is an alias of **").append(Md.text(owner))
                    .append("** (").append(Md.code(path)).append("), and Obsidian does not resolve links by alias:")
                    .append(" write ").append(Md.code("[[" + owner + link.subpath() + "|" + target + "]]")).append('.');
        }
        List<String> close = attachment ? closestAttachments(index, name)
                : index.similarNoteNames(name, MAX_SUGGESTIONS);
        if (!close.isEmpty()) {
            md.append("\n\n**Closest names:** ").append(codes(close));
        }
        return md.toString();
    }

    private static List<String> closestAttachments(VaultIndex index, String name) {
        List<String> names = new ArrayList<>();
        index.attachments().forEach(a -> names.add(VaultPaths.fileName(a)));
        return new NameSuggester(names).closest(name, MAX_SUGGESTIONS);
    }

    static String unknownOwner(VaultIndex index, String tag) {
        StringBuilder md = new StringBuilder("### Unknown owner ").append(Md.code("@" + tag)).append("\n\n")
                .append("No person note has this owner tag. A person's tags are their title and aliases without")
                .append(" spaces or punctuation, as in ").append(Md.code("@FirstLast")).append(".");
        List<String> tags = new ArrayList<>();
        for (Person p : index.people()) {
            tags.addAll(p.ownerTags());
        }
        List<String> close = new NameSuggester(tags).closest(tag, MAX_SUGGESTIONS);
        if (!close.isEmpty()) {
            List<String> withAt = close.stream().map(t -> "@" + t).toList();
            md.append("\n\n**Closest people:** ").append(codes(withAt));
        }
        return md.toString();
    }

    /** The warning added to a card when several notes share the link's name. */
    static String ambiguity(Resolution r) {
        return "⚠ " + r.candidates().size() + " notes match this link; Obsidian opens the one with the shortest"
                + " path, " + Md.code(r.path()) + ". Others: "
                + codes(r.candidates().subList(1, r.candidates().size()));
    }

    private static String codes(List<String> items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(Md.code(i)));
        return String.join(", ", out);
    }
}
