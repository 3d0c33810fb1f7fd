package org.vaultls.features.completion;

import java.util.List;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * Successive snapshots of one vault, each patched from the one before and its change handed to
 * completion, as the server does, so that what completion carries from one to the next is exercised.
 */
final class Snapshots {
    private final VaultIndex index;

    private Snapshots(VaultIndex index) {
        this.index = index;
    }

    static Snapshots of(VaultIndex index) {
        return new Snapshots(index);
    }

    /** The next snapshot, with the note at {@code path} written (added or replaced). */
    Snapshots with(String path, String text) {
        return next(index.apply(List.of(NoteParser.parse(path, text)), List.of(), List.of(), List.of()));
    }

    Snapshots without(String path) {
        return next(index.apply(List.<Note>of(), List.of(path), List.of(), List.of()));
    }

    Snapshots withAttachment(String path) {
        return next(index.apply(List.<Note>of(), List.of(), List.of(path), List.of()));
    }

    private static Snapshots next(VaultChange change) {
        Completions.changed(change);
        return new Snapshots(change.after());
    }

    VaultIndex index() {
        return index;
    }
}
