package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * Successive snapshots of one vault that share the {@link Note} objects of unchanged files, as the
 * server's snapshots do, so that what completion carries from one to the next is exercised.
 */
final class Snapshots {
    private final List<Note> notes;
    private final List<String> attachments;

    private Snapshots(List<Note> notes, List<String> attachments) {
        this.notes = notes;
        this.attachments = attachments;
    }

    static Snapshots of(VaultIndex index) {
        return new Snapshots(new ArrayList<>(index.notes().values()), new ArrayList<>(index.attachments()));
    }

    /** The next snapshot, with the note at {@code path} written (added or replaced). */
    Snapshots with(String path, String text) {
        List<Note> next = new ArrayList<>(notes);
        next.removeIf(n -> n.path().equals(path));
        next.add(NoteParser.parse(path, text));
        return new Snapshots(next, attachments);
    }

    Snapshots without(String path) {
        List<Note> next = new ArrayList<>(notes);
        next.removeIf(n -> n.path().equals(path));
        return new Snapshots(next, attachments);
    }

    Snapshots withAttachment(String path) {
        List<String> next = new ArrayList<>(attachments);
        next.add(path);
        return new Snapshots(notes, next);
    }

    VaultIndex index() {
        return VaultIndex.build(VaultConfig.defaults(), ObsidianSettings.defaults(), notes, attachments);
    }
}
