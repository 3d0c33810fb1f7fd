package org.vaultls.features.navigation;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * The clickable links of a note: each link or embed that resolves, with the file and line it opens.
 * A link whose heading or block is missing still opens its note at the top, as in Obsidian, except a
 * same-note link, which would lead nowhere.
 */
final class Links {
    private Links() {
    }

    static List<DocumentLink> of(VaultIndex index, Note note) {
        List<DocumentLink> out = new ArrayList<>();
        for (Link link : note.links()) {
            Resolution r = index.resolve(note, link);
            if (r.isBroken()) {
                continue;
            }
            if (r.isAttachment()) {
                out.add(new DocumentLink(link.span(), r.path(), -1, r.path()));
                continue;
            }
            Note target = link.isSameNote() ? note : index.note(r.path()).orElse(null);
            if (target == null) {
                continue;
            }
            Span at = Landing.in(target, link);
            boolean top = at.equals(Landing.TOP);
            if (top && link.isSameNote()) {
                continue; // [[#Missing]] would only open the note it is in
            }
            String tooltip = top ? target.path() : target.path() + " › "
                    + (link.blockId() != null ? "^" + link.blockId() : String.join(" › ", link.headings()));
            out.add(new DocumentLink(link.span(), target.path(), top ? -1 : at.start().line(), tooltip));
        }
        return out;
    }
}
