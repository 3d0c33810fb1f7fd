package org.vaultls.features.hover;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.features.diagnostics.LinkDiagnosis;
import org.vaultls.features.diagnostics.LinkDiagnosis.Retarget;
import org.vaultls.features.diagnostics.OwnerDiagnosis;
import org.vaultls.index.Resolution;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Cards that explain what does not resolve: a link to no note or attachment (with the closest names,
 * and the note it names when the name is only an alias, which Obsidian does not resolve), an
 * {@code @Owner} tag that names no person, and a link whose name several notes share.
 */
final class BrokenCard {
    private BrokenCard() {
    }

    static String link(Note note, LinkDiagnosis d) {
        Link link = d.link();
        String target = link.target();
        StringBuilder md = new StringBuilder("### Unresolved link ").append(Md.code(target)).append("\n\n");
        boolean attachment = LinkDiagnosis.isAttachmentTarget(target);
        if (d.problem() == LinkDiagnosis.Problem.OUTSIDE_VAULT) {
            md.append(Md.code(target)).append(" leaves the vault: it climbs above the vault's root folder,")
                    .append(" where Obsidian cannot open or create notes.");
        } else if (target.startsWith("./") || target.startsWith("../")) {
            md.append("No note or attachment at ").append(Md.code(target)).append(" relative to ")
                    .append(note.folder().isEmpty() ? "the vault root" : Md.code(note.folder() + "/"))
                    .append(" (relative links do not fall back to a search by name).");
        } else if (attachment) {
            md.append("No attachment named ").append(Md.code(VaultPaths.fileName(target))).append(" in the vault.");
        } else {
            md.append("No note named ").append(Md.code(VaultPaths.stripMd(target))).append(" in the vault.");
        }
        List<String> close = new ArrayList<>();
        for (Retarget r : d.fixes(Retarget.class)) {
            if (r.viaAlias()) {
                md.append("\n\n").append(Md.code(target)).append(" is an alias of **").append(Md.text(r.name()))
                        .append("** (").append(Md.code(r.path())).append("), and Obsidian does not resolve links by")
                        .append(" alias: write ").append(Md.code("[[" + r.name() + link.subpath() + "|"
                                + LinkDiagnosis.aliasDisplay(link) + "]]")).append('.');
            } else {
                close.add(r.name());
            }
        }
        if (!close.isEmpty()) {
            md.append("\n\n**Closest names:** ").append(codes(close));
        }
        return md.toString();
    }

    static String unknownOwner(OwnerDiagnosis d) {
        StringBuilder md = new StringBuilder("### Unknown owner ").append(Md.code("@" + d.owner().name()))
                .append("\n\n")
                .append("No person note has this owner tag. A person's tags are their title and aliases without")
                .append(" spaces or punctuation, as in ").append(Md.code("@FirstLast")).append(".");
        if (!d.tags().isEmpty()) {
            List<String> withAt = d.tags().stream().map(t -> "@" + t).toList();
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
