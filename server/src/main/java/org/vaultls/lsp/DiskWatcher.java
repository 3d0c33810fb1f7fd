package org.vaultls.lsp;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's own file watcher, for clients that offer no watched-file registration (Neovim 0.10+ on
 * Linux): the JDK's {@link WatchService} over every folder of the vault the loader reads (plus the
 * config folder, for the settings files). Folders are registered one by one, since the JDK has no
 * recursive watch on Linux; a folder that appears is registered and read whole. Events are coalesced
 * per path and handed on after {@value #QUIET_MS} ms of quiet (at most {@value #MAX_DELAY_MS} ms after
 * the first), as created-or-changed when the path exists then and as deleted when not: a save that
 * writes a temporary file and renames it over the note is one change. When the kernel drops events
 * ({@code OVERFLOW}), the vault's listing is compared with the index instead.
 *
 * <p>It never takes the server down: a folder that cannot be read or vanishes is skipped, and running
 * out of watches (Linux {@code fs.inotify.max_user_watches}) is logged once, the folders watched so
 * far staying watched.
 */
final class DiskWatcher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DiskWatcher.class.getName());
    static final long QUIET_MS = 100;
    static final long MAX_DELAY_MS = 1_000;

    /** Where the events go: the session's file methods. */
    interface Events {
        /** What the disk holds now at paths that had events: created or changed, and deleted. */
        void changed(List<String> changed, List<String> deleted);

        /** Events were lost: compare the disk with the index. */
        void rescan();
    }

    private final VaultFolder folder;
    private final Predicate<String> watchFolder;
    private final Events events;
    private final Thread thread;
    private final Map<WatchKey, Path> keys = new HashMap<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private volatile WatchService service;
    private volatile boolean closed;
    private boolean overflow;
    private boolean limitLogged;
    private long firstPending;
    private long lastEvent;

    /** {@code watchFolder} says, of a vault-relative folder, whether its files can matter. */
    DiskWatcher(Path root, Predicate<String> watchFolder, Events events) {
        this.folder = new VaultFolder(root);
        this.watchFolder = watchFolder;
        this.events = events;
        this.thread = new Thread(this::run, "vault-ls-" + root.getFileName() + "-watch");
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        try {
            service = folder.root().getFileSystem().newWatchService();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "cannot watch " + folder.root() + " for changes on disk", e);
            return;
        }
        if (closed) {
            closeService();
            return;
        }
        registerTree(folder.root());
        LOG.info(() -> "watching " + folder.root() + " for changes on disk (" + keys.size() + " folder(s))");
        try {
            while (!closed) {
                WatchKey key;
                if (pending.isEmpty() && !overflow) {
                    key = service.take();
                } else {
                    long now = System.nanoTime();
                    long wait = Math.min(lastEvent + ms(QUIET_MS), firstPending + ms(MAX_DELAY_MS)) - now;
                    key = wait <= 0 ? null : service.poll(wait, TimeUnit.NANOSECONDS);
                    if (key == null) {
                        flush();
                        continue;
                    }
                }
                handle(key);
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: the session stops
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "the file watcher of " + folder.root() + " stopped", e);
        } finally {
            closeService();
        }
    }

    private void handle(WatchKey key) {
        Path dir = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                overflow = true;
                noted();
                continue;
            }
            if (dir == null || !(event.context() instanceof Path name)) {
                continue;
            }
            Path child = dir.resolve(name);
            String rel = folder.relative(child).orElse(null);
            if (rel == null) {
                continue;
            }
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE
                    && Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                if (!watchFolder.test(rel)) {
                    continue;
                }
                registerTree(child); // before its files are read, so none created meanwhile is missed
            }
            pending.add(rel);
            noted();
        }
        if (!key.reset()) {
            keys.remove(key); // the folder is gone; its deletion came as an event of its parent
        }
    }

    private void noted() {
        long now = System.nanoTime();
        if (firstPending == 0) {
            firstPending = now;
        }
        lastEvent = now;
    }

    /** Hands the coalesced events on: each path as it is now. */
    private void flush() {
        if (overflow) {
            overflow = false;
            pending.clear();
            LOG.info(() -> "file events of " + folder.root() + " were lost; comparing the disk with the index");
            registerTree(folder.root()); // folders created during the lost events
            events.rescan();
        }
        List<String> changed = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String rel : pending) {
            (Files.exists(folder.root().resolve(rel)) ? changed : deleted).add(rel);
        }
        pending.clear();
        if (!changed.isEmpty() || !deleted.isEmpty()) {
            events.changed(changed, deleted);
        }
        firstPending = 0;
    }

    /** Registers a folder and every folder under it the loader would read; already watched ones stay. */
    private void registerTree(Path top) {
        try {
            Files.walkFileTree(top, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            String rel = folder.relative(dir).orElse("");
                            if (!rel.isEmpty() && !watchFolder.test(rel)) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            return register(dir) ? FileVisitResult.CONTINUE : FileVisitResult.TERMINATE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!(e instanceof FileSystemLoopException)) {
                                LOG.fine(() -> "not watching " + file + ": " + e.getMessage());
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "not watching " + top + ": " + e.getMessage());
        }
    }

    /** False when no more folders can be watched. */
    private boolean register(Path dir) {
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            keys.put(key, dir);
            return true;
        } catch (ClosedWatchServiceException e) {
            return false;
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("inotify") || m.contains("No space left")) {
                if (!limitLogged) {
                    limitLogged = true;
                    LOG.warning("cannot watch more folders of " + folder.root() + " (" + m + "; raise "
                            + "fs.inotify.max_user_watches): changes in folders not yet watched, from " + dir
                            + " on, are not seen until a restart");
                }
                return false;
            }
            LOG.fine(() -> "not watching " + dir + ": " + m); // unreadable, or deleted meanwhile
            return true;
        }
    }

    @Override
    public void close() {
        closed = true;
        closeService();
        thread.interrupt(); // only the watcher's own thread, which writes to no channel
    }

    private void closeService() {
        WatchService s = service;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.log(Level.FINE, "closing the watch service", e);
            }
        }
    }

    private static long ms(long ms) {
        return TimeUnit.MILLISECONDS.toNanos(ms);
    }
}
