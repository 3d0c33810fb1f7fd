package org.vaultls.features.completion;

import java.util.List;
import java.util.Optional;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/** Asks the index where a link text would lead, so completion inserts only links that resolve as meant. */
final class LinkProbe {
    private LinkProbe() {
    }

    static Resolution resolve(VaultIndex index, Note from, String target) {
        Span at = from.lines().span(0, 0);
        Link link = new Link(Link.Kind.WIKI, false, at, target, at, List.of(), null, null, null, null, false);
        return index.resolve(from, link);
    }

    /** The note {@code target} names from {@code from}; {@code from} itself for "". */
    static Optional<Note> note(VaultIndex index, Note from, String target) {
        if (target.isEmpty()) {
            return Optional.of(from);
        }
        Resolution r = resolve(index, from, target);
        return r.isBroken() || !r.note() ? Optional.empty() : index.note(r.path());
    }
}
