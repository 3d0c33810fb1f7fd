package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.lsp.Eventually.eventually;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's own watcher: what it reports, what it skips, and that nothing on disk stops it. */
class DiskWatcherTest {
    @TempDir
    Path vault;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private DiskWatcher watcher;

    private DiskWatcher start() throws InterruptedException {
        watcher = new DiskWatcher(vault, rel -> !rel.startsWith("."), new DiskWatcher.Events() {
            @Override
            public void changed(List<String> changed, List<String> deleted) {
                changed.forEach(p -> events.add("changed " + p));
                deleted.forEach(p -> events.add("deleted " + p));
            }

            @Override
            public void rescan() {
                events.add("rescan");
            }
        });
        watcher.start();
        Thread.sleep(200); // the folders are registered
        return watcher;
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void aBurstOfWritesToOneFileIsOneChange() throws Exception {
        start();
        for (int i = 0; i < 20; i++) {
            Files.writeString(vault.resolve("Note.md"), "v" + i);
        }
        eventually(() -> events.contains("changed Note.md"), "the change is reported: " + events);
        Thread.sleep(300);
        assertTrue(events.equals(List.of("changed Note.md")), events.toString());
    }

    @Test
    void aFileCreatedAndDeletedBeforeTheQuietIsReportedAsItIsNow() throws Exception {
        start();
        Files.writeString(vault.resolve("Tmp.md"), "x");
        Files.delete(vault.resolve("Tmp.md"));
        eventually(() -> events.contains("deleted Tmp.md"), "reported as deleted: " + events);
    }

    @Test
    void dotFoldersAreNotWatched() throws Exception {
        Files.createDirectories(vault.resolve(".git"));
        start();
        Files.writeString(vault.resolve(".git/index"), "x");
        Files.writeString(vault.resolve("Note.md"), "x");
        eventually(() -> events.contains("changed Note.md"), "the note is reported: " + events);
        assertFalse(events.contains("changed .git/index"), events.toString());
    }

    @Test
    void aWatchedFolderDeletedAndAnUnreadableOneDoNotStopIt() throws Exception {
        Files.createDirectories(vault.resolve("a/b"));
        Files.createDirectories(vault.resolve("locked"));
        Files.setPosixFilePermissions(vault.resolve("locked"), PosixFilePermissions.fromString("---------"));
        try {
            start();
            Files.delete(vault.resolve("a/b"));
            Files.delete(vault.resolve("a"));
            eventually(() -> events.contains("deleted a"), "the folder's deletion is reported: " + events);
            Files.createDirectories(vault.resolve("c"));
            Thread.sleep(200);
            Files.writeString(vault.resolve("c/Note.md"), "x");
            eventually(() -> events.contains("changed c/Note.md"), "a note in a new folder is reported: " + events);
        } finally {
            Files.setPosixFilePermissions(vault.resolve("locked"), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void closingStopsItsThread() throws Exception {
        start();
        watcher.close();
        eventually(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("vault-ls-" + vault.getFileName() + "-watch")), "the thread ends");
    }
}
