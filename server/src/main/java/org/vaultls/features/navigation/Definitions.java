package org.vaultls.features.navigation;

import java.util.List;
import org.vaultls.features.Location;
import org.vaultls.features.query.ElementAt.Element;
import org.vaultls.features.query.ElementAt.LinkAt;
import org.vaultls.features.query.ElementAt.OwnerAt;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * Go to definition: a link leads to the note it resolves to (at its heading or block when it names
 * one), or to the attachment file; an {@code @Owner} tag leads to the person's note. A broken link or
 * unknown owner leads nowhere.
 */
final class Definitions {
    private Definitions() {
    }

    static List<Location> of(VaultIndex index, Note note, Element element) {
        if (element instanceof LinkAt l) {
            return link(index, note, l.link());
        }
        if (element instanceof OwnerAt o) {
            return index.personByOwnerTag(o.owner().name())
                    .map(p -> List.of(new Location(p.path(), Landing.TOP))).orElse(List.of());
        }
        return List.of();
    }

    private static List<Location> link(VaultIndex index, Note note, Link link) {
        Resolution r = index.resolve(note, link);
        if (r.isBroken()) {
            return List.of();
        }
        if (r.isAttachment()) {
            return List.of(new Location(r.path(), Landing.TOP));
        }
        Note target = link.isSameNote() ? note : index.note(r.path()).orElse(null);
        if (target == null) {
            return List.of();
        }
        return List.of(new Location(target.path(), Landing.in(target, link)));
    }
}
