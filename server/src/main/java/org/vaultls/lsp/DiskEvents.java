package org.vaultls.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Turns what happened on disk (a file created, changed, deleted; a document closed, falling back to its
 * file) into patches of the index. Only files the loader would take count; an open document's text wins
 * over its file; a change to a settings file re-reads the settings instead. Runs on the updater.
 */
final class DiskEvents {
    /** Where the patches go: the session applies them to the index. */
    interface Patch {
        void apply(List<Note> upserts, List<String> removed, List<String> addedAttachments,
                   List<String> removedAttachments);
    }

    private final VaultFolder folder;
    private final Supplier<VaultLoader> loader;
    private final LiveIndex live;
    private final OpenDocuments open;
    private final Patch patch;
    private final Runnable settingsChanged;
    private final Consumer<String> warn;

    DiskEvents(VaultFolder folder, Supplier<VaultLoader> loader, LiveIndex live, OpenDocuments open, Patch patch,
               Runnable settingsChanged, Consumer<String> warn) {
        this.folder = folder;
        this.loader = loader;
        this.live = live;
        this.open = open;
        this.patch = patch;
        this.settingsChanged = settingsChanged;
        this.warn = warn;
    }

    /** A file or folder was created or changed on disk. */
    void changed(String path) {
        VaultLoader l = loader.get();
        if (l == null) {
            return;
        }
        if (isSettingsFile(path)) {
            settingsChanged.run();
            return;
        }
        if (!l.isPartOfVault(path)) {
            return;
        }
        if (Files.isDirectory(folder.root().resolve(path))) {
            readFolder(path); // a folder created or pasted whole
            return;
        }
        VaultIndex index = live.current();
        if (VaultPaths.isMarkdown(path)) {
            if (open.isOpen(path)) {
                return; // the editor's text wins over the disk
            }
            Note n = l.read(path);
            if (n != null) {
                patch.apply(List.of(n), List.of(), List.of(), List.of());
            }
        } else if (index != null && !index.attachments().contains(path)
                && Files.isRegularFile(folder.root().resolve(path))) {
            patch.apply(List.of(), List.of(), List.of(path), List.of());
        }
    }

    /** A file was deleted on disk (a folder deletion removes everything under it). */
    void deleted(String path) {
        VaultIndex i = live.current();
        if (i == null || loader.get() == null) {
            return;
        }
        if (isSettingsFile(path)) {
            settingsChanged.run();
            return;
        }
        List<String> notes = new ArrayList<>();
        List<String> atts = new ArrayList<>();
        String prefix = path + "/";
        for (String p : i.notes().keySet()) {
            if ((p.equals(path) || p.startsWith(prefix)) && !open.isOpen(p)) {
                notes.add(p);
            }
        }
        for (String a : i.attachments()) {
            if (a.equals(path) || a.startsWith(prefix)) {
                atts.add(a);
            }
        }
        if (!notes.isEmpty() || !atts.isEmpty()) {
            patch.apply(List.of(), notes, List.of(), atts);
        }
    }

    /**
     * File events were lost (the watcher's queue overflowed): the vault's listing is compared with the
     * index, and what differs is patched in one update; the settings files are read again.
     */
    void rescan() {
        VaultLoader l = loader.get();
        VaultIndex i = live.current();
        if (l == null || i == null) {
            return;
        }
        VaultLoader.Listing listing;
        try {
            listing = l.list();
        } catch (IOException | RuntimeException e) {
            warn.accept("cannot list " + folder.root() + ": " + e.getMessage());
            return;
        }
        List<Note> upserts = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Set<String> listed = new HashSet<>(listing.notes());
        for (String p : listing.notes()) {
            if (open.isOpen(p)) {
                continue;
            }
            Note n = l.read(p);
            Note old = i.note(p).orElse(null);
            if (n != null && (old == null || !old.text().equals(n.text()))) {
                upserts.add(n);
            }
        }
        for (String p : i.notes().keySet()) {
            if (!listed.contains(p) && !open.isOpen(p)) {
                removed.add(p);
            }
        }
        Set<String> atts = new HashSet<>(listing.attachments());
        Set<String> indexed = new HashSet<>(i.attachments());
        List<String> addedAtt = listing.attachments().stream().filter(a -> !indexed.contains(a)).toList();
        List<String> removedAtt = i.attachments().stream().filter(a -> !atts.contains(a)).toList();
        if (!upserts.isEmpty() || !removed.isEmpty() || !addedAtt.isEmpty() || !removedAtt.isEmpty()) {
            patch.apply(upserts, removed, addedAtt, removedAtt);
        }
        settingsChanged.run();
    }

    /** A file or folder now at {@code to} (renamed there): read from the editor if open, else from disk. */
    void arrived(String to) {
        if (Files.isDirectory(folder.root().resolve(to))) {
            readFolder(to);
        } else if (open.isOpen(to)) {
            patch.apply(List.of(open.get(to).orElseThrow()), List.of(), List.of(), List.of());
        } else {
            changed(to);
        }
    }

    /** An editor closed a document: the note falls back to the file on disk, or goes if there is none. */
    void closed(String path) {
        VaultLoader l = loader.get();
        if (l == null || open.isOpen(path)) {
            return; // opened again since: the editor's text wins, and comes with the changed documents
        }
        Note disk = Files.isRegularFile(folder.root().resolve(path)) ? l.read(path) : null;
        patch.apply(disk == null ? List.of() : List.of(disk), disk == null ? List.of(path) : List.of(), List.of(),
                List.of());
    }

    /** Reads every file under a folder of the vault, as if each had been created. */
    private void readFolder(String path) {
        try (var walk = Files.walk(folder.root().resolve(path))) {
            walk.filter(Files::isRegularFile).forEach(f -> folder.relative(f).ifPresent(this::changed));
        } catch (IOException | RuntimeException e) {
            warn.accept("cannot read folder " + path + ": " + e.getMessage());
        }
    }

    private boolean isSettingsFile(String path) {
        VaultIndex i = live.current();
        return SessionSettings.isSettingsFile(path, i == null ? ".obsidian" : i.config().configFolder());
    }
}
