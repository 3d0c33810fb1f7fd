package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.features.diagnostics.Finding;

class WorkspaceTest {
    private static final VaultSession.Sink SILENT = new VaultSession.Sink() {
        @Override
        public void publish(String path, List<Finding> findings) {
        }

        @Override
        public void progress(int done, int total, boolean finished) {
        }

        @Override
        public void warn(String message) {
        }
    };

    @Test
    void aFolderHoldingObsidianInsideAWorkspaceFolderIsAVaultOfItsOwn(@TempDir Path ws) throws Exception {
        Files.createDirectories(ws.resolve("work/crm/.obsidian"));
        Files.createDirectories(ws.resolve("personal/.obsidian"));
        Files.createDirectories(ws.resolve("node_modules/x/.obsidian"));
        Files.createDirectories(ws.resolve(".trash/old/.obsidian"));
        List<Path> roots = Workspace.vaultRoots(ws, ".obsidian");
        assertEquals(List.of(ws, ws.resolve("personal"), ws.resolve("work/crm")), roots.stream().sorted().toList(),
                "dot-folders and node_modules hold no vaults");
    }

    @Test
    void aDocumentBelongsToTheInnermostVaultHoldingIt(@TempDir Path ws) {
        Workspace workspace = new Workspace();
        workspace.add(new VaultSession(ws, null, SILENT));
        workspace.add(new VaultSession(ws.resolve("work/crm"), null, SILENT));
        var located = workspace.locate(ws.resolve("work/crm/People/Ada Berg.md").toUri().toString()).orElseThrow();
        assertEquals(ws.resolve("work/crm"), located.session().root());
        assertEquals("People/Ada Berg.md", located.path());
        var outer = workspace.locate(ws.resolve("work/notes.md").toUri().toString()).orElseThrow();
        assertEquals("work/notes.md", outer.path());
        assertTrue(workspace.locate("untitled:Untitled-1").isEmpty(), "non-file documents belong to no vault");
        assertTrue(workspace.locate(ws.getParent().resolve("elsewhere.md").toUri().toString()).isEmpty());
    }

    @Test
    void shuttingDownNeverInterruptsAThreadThatIsTalkingToTheClient(@TempDir Path vault) throws Exception {
        Files.writeString(vault.resolve("Note.md"), "# Note\n[[Missing]]\n");
        var writing = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var interrupted = new java.util.concurrent.atomic.AtomicBoolean();
        var sent = new java.util.concurrent.CountDownLatch(1);
        VaultSession session = new VaultSession(vault, null, new VaultSession.Sink() {
            @Override
            public void publish(String path, List<Finding> findings) {
            }

            @Override
            public void progress(int done, int total, boolean finished) {
                // stands for a write to the client's pipe, which an interrupt would close
                writing.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    interrupted.set(true);
                }
                interrupted.compareAndSet(false, Thread.currentThread().isInterrupted());
                sent.countDown();
            }

            @Override
            public void warn(String message) {
            }
        });
        session.start();
        assertTrue(writing.await(10, java.util.concurrent.TimeUnit.SECONDS));
        session.shutdown();
        Thread.sleep(50);
        release.countDown();
        assertTrue(sent.await(10, java.util.concurrent.TimeUnit.SECONDS));
        assertFalse(interrupted.get(), "shutdown interrupted a thread in the middle of a write");
    }

    @Test
    void aClosedSessionIgnoresLaterChanges(@TempDir Path vault) throws Exception {
        Files.writeString(vault.resolve("Note.md"), "# Note\n");
        VaultSession session = new VaultSession(vault, null, SILENT);
        session.start();
        var index = session.awaitIndex(10_000);
        session.shutdown();
        // an editor may still send a change after shutdown: it is dropped, not an error
        session.documentChanged("Note.md", "# Note\n[[Other]]\n");
        session.fileDeleted("Note.md");
        assertTrue(index == session.index(), "the index is the one from before shutdown");
    }
}
