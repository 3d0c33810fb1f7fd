package org.vaultls.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.VaultDiagnostics;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;
import org.vaultls.vault.BoundedParse;
import org.vaultls.vault.VaultPaths;

/**
 * One vault served to the editor: its index, the open documents (whose text overrides the disk),
 * and its findings. All changes to the index run on one updater thread, in order; readers take the
 * current snapshot without locking. Findings are republished, debounced, only for notes whose
 * findings changed.
 */
final class VaultSession {
    private static final Logger LOG = Logger.getLogger(VaultSession.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    static final long DEBOUNCE_MS = 15;

    /** Where findings and progress go: the language client, or a test. */
    interface Sink {
        void publish(String path, List<Finding> findings);

        /** {@code done} of {@code total} notes parsed; {@code finished} once the index is ready. */
        void progress(int done, int total, boolean finished);

        void warn(String message);
    }

    private final Path root;
    private final Sink sink;
    private final ExecutorService updater;
    private final ScheduledExecutorService debouncer;
    private final CompletableFuture<VaultIndex> ready = new CompletableFuture<>();
    private final Map<String, Note> openNotes = new ConcurrentHashMap<>();
    private final VaultDiagnostics diagnostics = new VaultDiagnostics();
    private final Map<String, List<Finding>> pending = new LinkedHashMap<>();
    private volatile VaultIndex index;
    /** The vault's file names, known before the notes are parsed, until {@link #index} is ready. */
    private volatile VaultIndex names;
    private final CompletableFuture<Void> listed = new CompletableFuture<>();
    private volatile boolean closed;
    private volatile JsonNode clientSettings;
    private VaultLoader loader;
    private boolean publishScheduled;

    VaultSession(Path root, JsonNode clientSettings, Sink sink) {
        this.root = root;
        this.clientSettings = clientSettings;
        this.sink = sink;
        String name = "vault-ls-" + root.getFileName();
        this.updater = Executors.newSingleThreadExecutor(r -> daemon(r, name + "-update"));
        this.debouncer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, name + "-publish"));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    Path root() {
        return root;
    }

    String uri(String path) {
        return root.resolve(path).toUri().toString();
    }

    /** The vault-relative path of a file under this root, or empty. */
    Optional<String> relative(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"));
    }

    /** Starts indexing in the background. */
    void start() {
        updater.execute(this::loadAll);
    }

    /** Runs a change on the updater thread, in order; a closed session takes no more changes. */
    private void onUpdater(Runnable change) {
        try {
            updater.execute(change);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.fine(() -> "change ignored: the session of " + root + " is closed");
        }
    }

    /** The index once the first load finished, waiting at most {@code timeoutMs}; null if not ready. */
    VaultIndex awaitIndex(long timeoutMs) {
        try {
            return ready.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException e) {
            return index;
        }
    }

    VaultIndex index() {
        return index;
    }

    /**
     * The whole index when it is ready; before that, the index of file names only, waiting at most
     * {@code timeoutMs} for the vault's listing (~100 ms at 10k notes); null if neither came.
     */
    VaultIndex indexOrNames(long timeoutMs) {
        if (index == null) {
            try {
                CompletableFuture.anyOf(listed, ready).get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // answer with what there is
            }
        }
        VaultIndex i = index;
        return i != null ? i : names;
    }

    /** The current text of a note: the open document's, else the indexed one. */
    Optional<Note> note(String path) {
        Note open = openNotes.get(path);
        if (open != null) {
            return Optional.of(open);
        }
        VaultIndex i = index;
        return i == null ? Optional.empty() : i.note(path);
    }

    // ---- loading and settings -------------------------------------------------------------

    private void loadAll() {
        try {
            long t0 = System.nanoTime();
            Consumer<String> warn = sink::warn;
            VaultConfig config = settings(warn);
            ObsidianSettings obsidian = ObsidianSettings.load(root, config.configFolder(), warn);
            loader = new VaultLoader(root, config, obsidian, warn);
            VaultLoader.Listing listing = loader.list();
            names = loader.namesOnly(listing);
            listed.complete(null);
            VaultIndex loaded = loader.load(listing, (done, total) -> {
                if (closed) {
                    throw new java.util.concurrent.CancellationException("session closed");
                }
                sink.progress(done, total, false);
            });
            if (!openNotes.isEmpty()) {
                loaded = loaded.with(new ArrayList<>(openNotes.values()), List.of(), List.of(), List.of());
            }
            index = loaded;
            org.vaultls.features.completion.Completions.prepare(loaded); // so the first `[[` is fast
            // Requests need the index, not the findings: checking a whole vault takes a second at 10k notes.
            ready.complete(loaded);
            names = null;
            queue(diagnostics.reset(loaded));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            sink.progress(loaded.notes().size(), loaded.notes().size(), true);
            LOG.info(() -> "Indexed " + root + ": " + index.notes().size() + " notes, " + index.attachments().size()
                    + " attachments in " + ms + " ms");
        } catch (java.util.concurrent.CancellationException e) {
            LOG.fine(() -> "indexing of " + root + " stopped: the session closed");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, "Cannot index " + root, e);
            sink.warn("vault-ls cannot index " + root + ": " + e.getMessage());
            sink.progress(0, 0, true);
            index = VaultIndex.build(VaultConfig.defaults(), ObsidianSettings.defaults(), List.of(), List.of());
            ready.complete(index);
        }
    }

    /** The vault's {@code .vault-ls.json} wins over the client's settings, key by key. */
    private VaultConfig settings(Consumer<String> warn) {
        JsonNode merged = clientSettings != null && clientSettings.isObject()
                ? clientSettings.deepCopy() : JSON.createObjectNode();
        Path file = root.resolve(VaultConfig.FILE_NAME);
        if (Files.isRegularFile(file)) {
            try {
                JsonNode fromFile = JSON.readTree(Files.readString(file));
                if (fromFile != null && fromFile.isObject()) {
                    fromFile.fields().forEachRemaining(e ->
                            ((com.fasterxml.jackson.databind.node.ObjectNode) merged).set(e.getKey(), e.getValue()));
                }
            } catch (IOException e) {
                warn.accept(file + " is not valid JSON (" + e.getMessage().lines().findFirst().orElse("")
                        + "); using editor settings");
            }
        }
        return VaultConfig.fromJson(merged, w -> warn.accept("settings: " + w));
    }

    /** New client settings, or a changed settings file: re-check the vault under them. */
    void reloadSettings(JsonNode newClientSettings) {
        if (newClientSettings != null) {
            clientSettings = newClientSettings;
        }
        onUpdater(() -> {
            VaultIndex before = index;
            if (before == null) {
                return;
            }
            VaultConfig config = settings(sink::warn);
            ObsidianSettings obsidian = ObsidianSettings.load(root, config.configFolder(), sink::warn);
            loader = new VaultLoader(root, config, obsidian, sink::warn);
            VaultIndex after = before.withSettings(config, obsidian);
            index = after;
            queue(diagnostics.reset(after));
        });
    }

    // ---- documents and files --------------------------------------------------------------

    /** An editor opened or changed a document: its text is now the note's. */
    void documentChanged(String path, String text) {
        Note note = BoundedParse.parse(path, text);
        openNotes.put(path, note);
        apply(List.of(note), List.of(), List.of(), List.of());
    }

    /** An editor closed a document: the note falls back to the file on disk. */
    void documentClosed(String path) {
        openNotes.remove(path);
        onUpdater(() -> {
            if (loader == null) {
                return;
            }
            Note disk = Files.isRegularFile(root.resolve(path)) ? loader.read(path) : null;
            update(disk == null ? List.of() : List.of(disk), disk == null ? List.of(path) : List.of(), List.of(),
                    List.of());
        });
    }

    /** A file was created or changed on disk. */
    void fileChanged(String path) {
        onUpdater(() -> {
            if (loader == null) {
                return;
            }
            if (isSettingsFile(path)) {
                reloadSettings(null);
                return;
            }
            if (!loader.isPartOfVault(path)) {
                return;
            }
            if (VaultPaths.isMarkdown(path)) {
                if (openNotes.containsKey(path)) {
                    return; // the editor's text wins over the disk
                }
                Note n = loader.read(path);
                if (n != null) {
                    update(List.of(n), List.of(), List.of(), List.of());
                }
            } else if (index != null && !index.attachments().contains(path)
                    && Files.isRegularFile(root.resolve(path))) {
                update(List.of(), List.of(), List.of(path), List.of());
            }
        });
    }

    /** A file was deleted on disk (a folder deletion removes everything under it). */
    void fileDeleted(String path) {
        onUpdater(() -> {
            VaultIndex i = index;
            if (i == null || loader == null) {
                return;
            }
            if (isSettingsFile(path)) {
                reloadSettings(null);
                return;
            }
            List<String> notes = new ArrayList<>();
            List<String> atts = new ArrayList<>();
            String prefix = path + "/";
            for (String p : i.notes().keySet()) {
                if ((p.equals(path) || p.startsWith(prefix)) && !openNotes.containsKey(p)) {
                    notes.add(p);
                }
            }
            for (String a : i.attachments()) {
                if (a.equals(path) || a.startsWith(prefix)) {
                    atts.add(a);
                }
            }
            if (!notes.isEmpty() || !atts.isEmpty()) {
                update(List.of(), notes, List.of(), atts);
            }
        });
    }

    /** A file or folder was renamed: the old path is gone, the new one read (from the editor if open). */
    void fileRenamed(String from, String to) {
        Note open = openNotes.remove(from);
        if (open != null) {
            openNotes.put(to, BoundedParse.parse(to, open.text()));
        }
        fileDeleted(from);
        onUpdater(() -> {
            Path target = root.resolve(to);
            if (Files.isDirectory(target)) {
                try (var walk = Files.walk(target)) {
                    walk.filter(Files::isRegularFile).forEach(f -> relative(f).ifPresent(this::fileChanged));
                } catch (IOException | RuntimeException e) {
                    sink.warn("cannot read renamed folder " + to + ": " + e.getMessage());
                }
            } else if (openNotes.containsKey(to)) {
                update(List.of(openNotes.get(to)), List.of(), List.of(), List.of());
            } else {
                fileChanged(to);
            }
        });
    }

    private boolean isSettingsFile(String path) {
        String cf = configFolderName();
        return path.equals(VaultConfig.FILE_NAME) || path.equals(cf + "/app.json") || path.equals(cf + "/templates.json");
    }

    private String configFolderName() {
        VaultIndex i = index;
        return i == null ? ".obsidian" : i.config().configFolder();
    }

    private void apply(List<Note> upserts, List<String> removed, List<String> addedAtt, List<String> removedAtt) {
        onUpdater(() -> update(upserts, removed, addedAtt, removedAtt));
    }

    /** Runs on the updater: a new snapshot, then the findings of the notes that could change. */
    private void update(List<Note> upserts, List<String> removed, List<String> addedAtt, List<String> removedAtt) {
        VaultIndex before = index;
        if (before == null) {
            return; // the first load reads open documents itself
        }
        try {
            VaultIndex after = before.with(upserts, removed, addedAtt, removedAtt);
            index = after;
            List<String> changed = new ArrayList<>(removed);
            upserts.forEach(n -> changed.add(n.path()));
            List<String> changedAtt = new ArrayList<>(addedAtt);
            changedAtt.addAll(removedAtt);
            queue(diagnostics.update(before, after, changed, changedAtt));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "update failed for " + upserts + " " + removed, e);
        }
    }

    private void queue(Map<String, List<Finding>> changed) {
        if (changed.isEmpty() || closed) {
            return;
        }
        synchronized (pending) {
            pending.putAll(changed);
            if (!publishScheduled) {
                publishScheduled = true;
                debouncer.schedule(this::flush, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        if (closed) {
            return;
        }
        Map<String, List<Finding>> batch;
        synchronized (pending) {
            batch = new HashMap<>(pending);
            pending.clear();
            publishScheduled = false;
        }
        batch.forEach((path, findings) -> {
            try {
                sink.publish(path, findings);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot publish findings of " + path, e);
            }
        });
    }
    /**
     * Stops the session: a load still parsing stops at its next note, and nothing more is published.
     * No thread is interrupted: one interrupted while it writes to the client would close an
     * interruptible output channel (a pipe) and cut the connection before the shutdown answer.
     */
    void shutdown() {
        closed = true;
        updater.shutdown();
        debouncer.shutdown();
    }

    static Path path(String uri) {
        return Path.of(URI.create(uri));
    }
}
