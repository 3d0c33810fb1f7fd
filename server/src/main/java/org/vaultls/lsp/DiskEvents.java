package org.vaultls.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
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
        changedAll(List.of(path));
    }

    /**
     * Files or folders created or changed on disk, read and patched in one update: a {@code git pull}
     * or a synced folder brings hundreds at once, and one update per file copies the index's maps each
     * time. A settings file among them re-reads the settings instead.
     */
    void changedAll(Collection<String> paths) {
        VaultLoader l = loader.get();
        if (l == null) {
            return;
        }
        VaultIndex index = live.current();
        Set<String> attachments = index == null ? Set.of() : new HashSet<>(index.attachments());
        List<Note> notes = new ArrayList<>();
        List<String> added = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean settings = false;
        for (String path : paths) {
            settings |= collect(l, path, attachments, seen, notes, added);
        }
        if (!notes.isEmpty() || !added.isEmpty()) {
            patch.apply(notes, List.of(), added, List.of());
        }
        if (settings) {
            settingsChanged.run();
        }
    }

    /** Adds what {@code path} (a file, or a folder: every file under it) brings; true for a settings file. */
    private boolean collect(VaultLoader l, String path, Set<String> attachments, Set<String> seen, List<Note> notes,
                            List<String> added) {
        if (isSettingsFile(path)) {
            return true;
        }
        if (!l.isPartOfVault(path) || !seen.add(path)) {
            return false;
        }
        Path file = folder.root().resolve(path);
        if (Files.isDirectory(file)) { // a folder created or pasted whole
            boolean settings = false;
            try (var walk = Files.walk(file)) {
                for (Path f : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    String rel = folder.relative(f).orElse(null);
                    if (rel != null) {
                        settings |= collect(l, rel, attachments, seen, notes, added);
                    }
                }
            } catch (IOException | RuntimeException e) {
                warn.accept("cannot read folder " + path + ": " + e.getMessage());
            }
            return settings;
        }
        if (VaultPaths.isMarkdown(path)) {
            if (!open.isOpen(path)) { // the editor's text wins over the disk
                Note n = l.read(path);
                if (n != null) {
                    notes.add(n);
                }
            }
        } else if (!attachments.contains(path) && Files.isRegularFile(file)) {
            added.add(path);
        }
        return false;
    }

    /** A file was deleted on disk (a folder deletion removes everything under it). */
    void deleted(String path) {
        deletedAll(List.of(path));
    }

    /** Files or folders deleted on disk, removed in one update. */
    void deletedAll(Collection<String> paths) {
        VaultIndex i = live.current();
        if (i == null || loader.get() == null) {
            return;
        }
        boolean settings = false;
        Set<String> gone = new LinkedHashSet<>();
        List<String> prefixes = new ArrayList<>();
        for (String path : paths) {
            if (isSettingsFile(path)) {
                settings = true;
            } else {
                gone.add(path);
                prefixes.add(path + "/");
            }
        }
        List<String> notes = new ArrayList<>();
        List<String> atts = new ArrayList<>();
        if (!gone.isEmpty()) {
            for (String p : i.notes().keySet()) {
                if (under(p, gone, prefixes) && !open.isOpen(p)) {
                    notes.add(p);
                }
            }
            for (String a : i.attachments()) {
                if (under(a, gone, prefixes)) {
                    atts.add(a);
                }
            }
        }
        if (!notes.isEmpty() || !atts.isEmpty()) {
            patch.apply(List.of(), notes, List.of(), atts);
        }
        if (settings) {
            settingsChanged.run();
        }
    }

    /** The path itself deleted, or a folder holding it; a folder's prefixes are few, so a scan does. */
    private static boolean under(String p, Set<String> gone, List<String> prefixes) {
        if (gone.contains(p)) {
            return true;
        }
        if (prefixes.size() > 64) { // a burst of single files: walk up the path's folders instead
            for (int slash = p.lastIndexOf('/'); slash > 0; slash = p.lastIndexOf('/', slash - 1)) {
                if (gone.contains(p.substring(0, slash))) {
                    return true;
                }
            }
            return false;
        }
        for (String prefix : prefixes) {
            if (p.startsWith(prefix)) {
                return true;
            }
        }
        return false;
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
            changed(to);
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

    private boolean isSettingsFile(String path) {
        VaultIndex i = live.current();
        return SessionSettings.isSettingsFile(path, i == null ? ".obsidian" : i.config().configFolder());
    }
}
