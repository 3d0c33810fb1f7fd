package org.vaultls.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vaultls.cache.NoteCache;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.completion.Completions;
import org.vaultls.features.dataview.BlockResults;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.VaultDiagnostics;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;
import org.vaultls.vault.BoundedParse;
import org.vaultls.warm.StoredFindings;
import org.vaultls.warm.WarmFindings;

/**
 * One vault served to the editor, wiring its parts: the {@link LiveIndex} readers take, the
 * {@link OpenDocuments} whose text overrides the disk, the {@link DiskEvents} that turn file events into
 * patches, the {@link SessionSettings}, and the findings ({@link VaultDiagnostics}, published by a
 * {@link FindingsPublisher}). Every change to the index runs on one {@link Updater}, in order: it patches
 * the index, which says what changed ({@link VaultChange}), and hands that change to completion's
 * caches and to the findings.
 */
final class VaultSession {
    private static final Logger LOG = Logger.getLogger(VaultSession.class.getName());

    /** Where findings and progress go: the language client, or a test. */
    interface Sink {
        void publish(String path, List<Finding> findings);

        /** {@code done} of {@code total} notes parsed; {@code finished} once the index is ready. */
        void progress(int done, int total, boolean finished);

        void warn(String message);

        /** Dataview results of notes not being edited went stale: the editor may ask for lenses again. */
        default void refreshLenses() {
        }
    }

    private final VaultFolder folder;
    private final Sink sink;
    private final Updater updater;
    private final FindingsPublisher publisher;
    private final LiveIndex live = new LiveIndex();
    private final OpenDocuments open = new OpenDocuments();
    private final SessionSettings settings;
    private final DiskEvents disk;
    /** Owned by the updater thread. */
    private final VaultDiagnostics diagnostics = new VaultDiagnostics();
    private volatile boolean closed;
    /** The server's own file watcher, when the client watches no files; guarded by this. */
    private DiskWatcher watcher;
    /** Document edits handed to this session so far, and the last one whose note is in the index. */
    private final AtomicLong editsQueued = new AtomicLong();
    private final Object editsLock = new Object();
    private long editsApplied;
    /** The document edit the updater is applying, 0 for other changes (updater thread only). */
    private long applyingEdit;
    /** Open documents changed since the updater last took their text; its lock guards {@link #documentsScheduled}. */
    private final Set<String> changedDocuments = new LinkedHashSet<>();
    private boolean documentsScheduled;
    /** Set on the updater; read there, by the disk events. */
    private volatile VaultLoader loader;
    /** How the first load's findings were made, for {@code VAULT_LS_TIMING} and tests. */
    private volatile String firstFindingsHow = "";
    /** The write of the first load's findings, if one was started. */
    private volatile Thread findingsWrite;

    VaultSession(Path root, JsonNode clientSettings, Sink sink) {
        this.folder = new VaultFolder(root);
        this.sink = sink;
        this.settings = new SessionSettings(root, clientSettings);
        String name = "vault-ls-" + root.getFileName();
        this.updater = new Updater(name + "-update");
        this.publisher = new FindingsPublisher(name + "-publish", sink::publish);
        this.disk = new DiskEvents(folder, () -> loader, live, open, this::update, () -> reloadSettings(null),
                sink::warn);
    }

    Path root() {
        return folder.root();
    }

    String uri(String path) {
        return folder.uri(path);
    }

    /** The vault-relative path of a file under this root, or empty. */
    Optional<String> relative(Path file) {
        return folder.relative(file);
    }

    static Path path(String uri) {
        return VaultFolder.path(uri);
    }

    /** Starts indexing in the background. */
    void start() {
        updater.run(this::loadAll);
    }

    /** The index once the first load finished, waiting at most {@code timeoutMs}; null if not ready. */
    VaultIndex awaitIndex(long timeoutMs) {
        return live.await(timeoutMs);
    }

    VaultIndex index() {
        return live.current();
    }

    /** See {@link LiveIndex#currentOrNames}. */
    VaultIndex indexOrNames(long timeoutMs) {
        return live.currentOrNames(timeoutMs);
    }

    /** The current text of a note: the open document's, else the indexed one. */
    Optional<Note> note(String path) {
        Optional<Note> o = open.get(path);
        if (o.isPresent()) {
            return o;
        }
        VaultIndex i = live.current();
        return i == null ? Optional.empty() : i.note(path);
    }

    /**
     * A note read now, before the vault's load reaches it: the open document's, else the file parsed by
     * the loader (within its size bound); null when there is neither.
     */
    Note readNow(String path) {
        Optional<Note> o = open.get(path);
        if (o.isPresent()) {
            return o.get();
        }
        VaultLoader l = loader;
        return l == null ? null : l.read(path);
    }

    /** The text of an open document, or null when it is not open here. */
    String openText(String path) {
        return open.text(path);
    }

    // ---- loading and settings -------------------------------------------------------------

    private void loadAll() {
        try {
            long t0 = System.nanoTime();
            SessionSettings.Resolved s = settings.resolve(sink::warn);
            loader = s.loader();
            VaultLoader.Listing listing = loader.list();
            long tListed = System.nanoTime();
            live.listed(loader.namesOnly(listing));
            long tNames = System.nanoTime();
            VaultIndex disk = loader.load(listing, new VaultLoader.Progress() {
                @Override
                public void parsed(int done, int total) {
                    if (closed) {
                        throw new CancellationException("session closed");
                    }
                    sink.progress(done, total, false);
                }

                @Override
                public void read(Note note) {
                    live.read(note); // its aliases complete before the rest is read
                }
            });
            long tLoaded = System.nanoTime();
            // open documents apply over the vault on disk, as an edit does (the stored findings are the
            // disk's); one whose text is the file's (an editor reopening its saved notes) changes nothing
            List<Note> edited = new ArrayList<>();
            for (Note n : open.all()) {
                if (!disk.note(n.path()).map(d -> d.text().equals(n.text())).orElse(false)) {
                    edited.add(n);
                }
            }
            VaultChange opened = edited.isEmpty() ? null : disk.apply(edited, List.of(), List.of(), List.of());
            VaultIndex loaded = opened == null ? disk : opened.after();
            // Requests need the index, not the findings: checking a whole vault takes a second at 10k notes.
            live.ready(loaded);
            long tReady = System.nanoTime();
            Map<String, List<Finding>> first = firstFindings(s, disk);
            long tDisk = System.nanoTime();
            if (opened != null) {
                first.putAll(diagnostics.update(opened));
            }
            long tOpen = System.nanoTime();
            publisher.queue(first);
            firstFindingsHow += "; disk " + (tDisk - tReady) / 1_000_000 + " ms, open documents "
                    + (tOpen - tDisk) / 1_000_000 + " ms";
            long tChecked = System.nanoTime();
            long ms = (tChecked - t0) / 1_000_000;
            int notes = loaded.notes().size();
            int attachments = loaded.attachments().size();
            sink.progress(notes, notes, true);
            // after the findings, which the editor waits for at start: until this is done a completion
            // makes the parts it needs itself (before the load, completion answered from the file names)
            Completions.prepare(loaded);
            long tPrepared = System.nanoTime();
            LOG.info(() -> "Indexed " + root() + ": " + notes + " notes, " + attachments + " attachments in "
                    + ms + " ms");
            if (timing()) {
                System.err.println("vault-ls: timing: start of " + root() + ": list " + (tListed - t0) / 1_000_000
                        + " ms, names " + (tNames - tListed) / 1_000_000 + " ms, load " + (tLoaded - tNames) / 1_000_000
                        + " ms (" + loader.timings() + "), ready " + (tReady - tLoaded) / 1_000_000 + " ms, findings "
                        + (tChecked - tReady) / 1_000_000 + " ms (" + firstFindingsHow + "), completion caches "
                        + (tPrepared - tChecked) / 1_000_000 + " ms");
            }
        } catch (CancellationException e) {
            LOG.fine(() -> "indexing of " + root() + " stopped: the session closed");
        } catch (IOException | RuntimeException | StackOverflowError e) {
            LOG.log(Level.SEVERE, "Cannot index " + root(), e);
            sink.warn("vault-ls cannot index " + root() + ": " + e.getMessage());
            sink.progress(0, 0, true);
            live.ready(VaultIndex.build(VaultConfig.defaults(), ObsidianSettings.defaults(), List.of(), List.of()));
        }
    }

    String firstFindingsHow() {
        return firstFindingsHow;
    }

    /**
     * The findings of the vault as the first load read it from disk, to publish (the notes that have
     * some). With the note cache on, the findings the last start stored ({@link StoredFindings#EDITOR})
     * are taken, and only the notes changed since are checked again ({@link WarmFindings}), when they
     * were made under the same settings on the same day; else every note is checked. Findings made
     * anew are stored off the updater for the next start, with the note cache the load just wrote, which
     * holds the versions of the notes they were made from.
     */
    private Map<String, List<Finding>> firstFindings(SessionSettings.Resolved s, VaultIndex disk) {
        List<VaultLoader.FileKey> keys = loader.fileKeys();
        String key = s.cache() == null || keys == null ? null
                : StoredFindings.editorKey(disk.config(), disk.obsidian(), diagnostics.clock());
        long t0 = System.nanoTime();
        StoredFindings.Stored stored = key == null ? null : StoredFindings.read(s.cache(), StoredFindings.EDITOR);
        long t1 = System.nanoTime();
        WarmFindings.Seeded seeded = stored == null || !stored.key.equals(key) ? null
                : WarmFindings.seed(diagnostics, stored, loader, disk, keys);
        if (seeded == null) {
            diagnostics.reset(disk);
            firstFindingsHow = "all notes checked" + (stored == null ? "" : ", stored findings not usable");
        } else {
            firstFindingsHow = "from stored findings, " + seeded.touched() + " notes changed, "
                    + seeded.changed() + " notes' findings changed; read " + (t1 - t0) / 1_000_000 + " ms, seed "
                    + (System.nanoTime() - t1) / 1_000_000 + " ms";
        }
        Map<String, List<Finding>> first = new HashMap<>();
        diagnostics.current().forEach((p, f) -> {
            if (!f.isEmpty()) {
                first.put(p, f);
            }
        });
        if (key != null && (seeded == null || !seeded.unchanged())) {
            storeFindings(s.cache(), key, keys, disk, new HashMap<>(diagnostics.current()));
        }
        return first;
    }

    private void storeFindings(NoteCache cache, String key, List<VaultLoader.FileKey> keys, VaultIndex disk,
            Map<String, List<Finding>> byNote) {
        int notes = disk.notes().size();
        int links = disk.linkCount();
        List<String> attachments = disk.attachments();
        Thread t = new Thread(() -> {
            List<Finding> all = new ArrayList<>(byNote.size());
            new TreeMap<>(byNote).values().forEach(all::addAll);
            StoredFindings.write(cache, StoredFindings.EDITOR, key, keys, attachments, System.currentTimeMillis(),
                    new StoredFindings.Report(notes, links, all));
        }, "vault-ls-findings-write");
        t.setDaemon(true); // an exit mid-write leaves the old file whole: the write is a rename
        findingsWrite = t;
        t.start();
    }

    /** Waits until the first load's writes (note cache, findings) are done: for tests. */
    void awaitWrites() throws InterruptedException {
        VaultLoader l = loader;
        if (l != null) {
            l.awaitCacheWrite();
        }
        Thread t = findingsWrite;
        if (t != null) {
            t.join();
        }
    }

    /** {@code VAULT_LS_TIMING=1}: the first load's phase timings on stderr. */
    private static boolean timing() {
        String v = System.getenv("VAULT_LS_TIMING");
        return v != null && !v.isBlank() && !v.equals("0");
    }

    /** New client settings, or a changed settings file: re-check the vault under them. */
    void reloadSettings(JsonNode newClientSettings) {
        settings.editorChanged(newClientSettings);
        updater.run(() -> {
            VaultIndex before = live.current();
            if (before == null) {
                return;
            }
            SessionSettings.Resolved s = settings.resolve(sink::warn);
            loader = s.loader();
            changed(before.applySettings(s.config(), s.obsidian()));
        });
    }

    // ---- documents and files --------------------------------------------------------------

    /**
     * An editor opened or changed a document: its text is now the note's. The text is kept at once (the
     * next incremental change applies to it); it is parsed on the updater, not on the thread that reads
     * the client's messages, and the updater takes the latest text of each changed document in one
     * update: keystrokes can come faster than updates (each copies the index's maps), and one queued
     * update per keystroke grew the updater's queue and the heap without bound (issue 8). Only while the
     * first load runs (it holds the updater for seconds) is the text parsed here, so completion from file
     * names sees the open note; the load then takes it in.
     */
    void documentChanged(String path, String text) {
        Note early = live.current() == null ? BoundedParse.parse(path, text) : null;
        open.putText(path, text, early);
        boolean schedule;
        synchronized (changedDocuments) {
            changedDocuments.add(path);
            schedule = !documentsScheduled;
            documentsScheduled = true;
        }
        editsQueued.incrementAndGet(); // after the text and the path: see applyDocumentChanges
        if (schedule) {
            updater.run(this::applyDocumentChanges);
        }
    }

    /**
     * On the updater: the open documents changed since the last call, parsed from their latest text, in
     * one update. The edit mark is read before the texts, and an edit counts itself only after its text
     * and path are in place, so every edit up to the mark is in this update (or an earlier one).
     */
    private void applyDocumentChanges() {
        long mark = editsQueued.get();
        List<String> paths;
        synchronized (changedDocuments) {
            paths = new ArrayList<>(changedDocuments);
            changedDocuments.clear();
            documentsScheduled = false;
        }
        applyingEdit = mark;
        try {
            List<Note> upserts = new ArrayList<>();
            for (String path : paths) {
                String text = open.text(path);
                if (text == null) {
                    continue; // closed since: its file's text is read after this
                }
                Note note = open.noteOf(path, text).orElseGet(() -> BoundedParse.parse(path, text));
                if (open.parsed(note)) {
                    upserts.add(note);
                }
            }
            if (!upserts.isEmpty()) {
                update(upserts, List.of(), List.of(), List.of());
            }
        } finally {
            applyingEdit = 0;
            editApplied(mark);
        }
    }

    /** How many documents changed since the updater last took their text; at most one task waits for them. */
    int documentsWaiting() {
        synchronized (changedDocuments) {
            return changedDocuments.size();
        }
    }

    /** How many document edits were handed to this session so far; see {@link #snapshot}. */
    long editMark() {
        return editsQueued.get();
    }

    private void editApplied(long edit) {
        synchronized (editsLock) {
            editsApplied = Math.max(editsApplied, edit);
            editsLock.notifyAll();
        }
    }

    /** An index and one note of it, from the same moment. */
    record Snapshot(VaultIndex index, Note note) {
    }

    /**
     * The index once the edits up to {@code mark} are in it (waiting at most {@code timeoutMs}),
     * with the note at {@code path} as that index has it: a request never pairs an open text with
     * an index of another version. Empty when there is no index or no such note.
     */
    Optional<Snapshot> snapshot(String path, long mark, long timeoutMs) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        synchronized (editsLock) {
            while (editsApplied < mark && !closed) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    LOG.warning(() -> "answering from an index without the latest edit of " + path);
                    break;
                }
                try {
                    editsLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        VaultIndex i = live.current();
        if (i == null) {
            return Optional.empty();
        }
        Optional<Note> note = i.note(path);
        if (note.isEmpty()) {
            note = open.get(path); // an open note the vault's settings leave out
        }
        return note.map(n -> new Snapshot(i, n));
    }

    /** An editor closed a document: the note falls back to the file on disk. */
    void documentClosed(String path) {
        open.remove(path);
        updater.run(() -> disk.closed(path)); // after the document's edits still queued
    }

    /** A file was created or changed on disk. */
    void fileChanged(String path) {
        updater.run(() -> disk.changed(path));
    }

    /** A file was deleted on disk (a folder deletion removes everything under it). */
    void fileDeleted(String path) {
        updater.run(() -> disk.deleted(path));
    }

    /** Files created or changed, and deleted, on disk: one update for them all (see {@link DiskEvents#changedAll}). */
    void filesChanged(List<String> changed, List<String> deleted) {
        updater.run(() -> {
            if (!deleted.isEmpty()) {
                disk.deletedAll(deleted);
            }
            if (!changed.isEmpty()) {
                disk.changedAll(changed);
            }
        });
    }

    /** File events were lost: the disk is compared with the index. */
    void rescan() {
        updater.run(disk::rescan);
    }

    /**
     * Watches the vault's folders itself, for a client that does not watch files: what the watcher
     * sees takes the road of the client's file events. Folders the loader skips are not watched, except
     * the config folder, which holds settings files.
     */
    void watchDisk() {
        DiskWatcher w = new DiskWatcher(root(), this::watchFolder, new DiskWatcher.Events() {
            @Override
            public void changed(List<String> changed, List<String> deleted) {
                filesChanged(changed, deleted);
            }

            @Override
            public void rescan() {
                VaultSession.this.rescan();
            }
        });
        synchronized (this) {
            if (closed) {
                return;
            }
            watcher = w;
        }
        w.start();
    }

    private boolean watchFolder(String rel) {
        VaultLoader l = loader;
        VaultIndex i = live.current();
        String configFolder = i == null ? ".obsidian" : i.config().configFolder();
        if (rel.equals(configFolder)) {
            return true;
        }
        if (l != null) {
            return l.isPartOfVault(rel);
        }
        for (String seg : rel.split("/")) {
            if (seg.startsWith(".") || seg.equals("node_modules")) {
                return false;
            }
        }
        return true;
    }

    /** A file or folder was renamed: the old path is gone, the new one read (from the editor if open). */
    void fileRenamed(String from, String to) {
        String moved = open.remove(from);
        if (moved != null) {
            open.putText(to, moved, null);
            updater.run(() -> open.parsed(BoundedParse.parse(to, moved)));
        }
        fileDeleted(from);
        updater.run(() -> disk.arrived(to));
    }

    /** Runs on the updater: a new snapshot, then the findings of the notes that could change. */
    private void update(List<Note> upserts, List<String> removed, List<String> addedAtt, List<String> removedAtt) {
        VaultIndex before = live.current();
        if (before == null) {
            return; // the first load reads open documents itself
        }
        try {
            changed(before.apply(upserts, removed, addedAtt, removedAtt));
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.SEVERE, "update failed for " + upserts + " " + removed, e);
        }
    }

    /** Runs on the updater: the new snapshot goes live, and its change to completion and the findings. */
    private void changed(VaultChange change) {
        live.set(change.after());
        if (applyingEdit > 0) {
            editApplied(applyingEdit); // requests need the index, not the findings computed next
        }
        Completions.changed(change);
        if (BlockResults.SHARED.changed(change)) {
            sink.refreshLenses();
        }
        if (!closed) {
            publisher.queue(diagnostics.update(change));
        }
    }

    /**
     * Stops the session: a load still parsing stops at its next note, and nothing more is published.
     * No thread is interrupted: one interrupted while it writes to the client would close an
     * interruptible output channel (a pipe) and cut the connection before the shutdown answer.
     */
    void shutdown() {
        DiskWatcher w;
        synchronized (this) {
            closed = true;
            w = watcher;
        }
        if (w != null) {
            w.close();
        }
        updater.shutdown();
        publisher.close();
    }
}
