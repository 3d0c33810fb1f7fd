package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that offers no file watching (Neovim 0.10+ on Linux): the server watches the vault itself,
 * and what changes on disk reaches the index and the diagnostics as the client's events would.
 */
class ServerWatchesDiskTest {
    @TempDir
    Path dir;

    private static ClientCapabilities noWatching() {
        ClientCapabilities caps = LspHarness.capabilities();
        caps.getWorkspace().setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(false));
        return caps;
    }

    private LspHarness start(ClientCapabilities caps) throws Exception {
        Files.writeString(dir.resolve("Home.md"), "See [[Plan]] and ![[chart.png]].\n");
        LspHarness client = new LspHarness(dir);
        client.initialize(null, caps);
        client.awaitDiagnostics("Home.md", d -> d.size() == 2);
        return client;
    }

    @Test
    void aNoteCreatedOnDiskIsIndexedAndItsBrokenLinkClears() throws Exception {
        try (LspHarness client = start(noWatching())) {
            Files.createDirectories(dir.resolve("projects"));
            Files.writeString(dir.resolve("projects/Plan.md"), "# Plan\n");
            var d = client.awaitDiagnostics("Home.md", ds -> ds.size() == 1);
            assertFalse(d.get(0).getMessage().getLeft().contains("Plan"), d.toString());
            assertTrue(client.registrations.isEmpty(), "no watcher registered with a client that cannot watch");
        }
    }

    @Test
    void anAttachmentCreatedOnDiskClearsABrokenEmbed() throws Exception {
        ClientCapabilities caps = noWatching();
        caps.setWorkspace(new WorkspaceClientCapabilities()); // no didChangeWatchedFiles at all
        try (LspHarness client = start(caps)) {
            Files.write(dir.resolve("chart.png"), new byte[] {1, 2, 3});
            var d = client.awaitDiagnostics("Home.md", ds -> ds.size() == 1);
            assertTrue(d.get(0).getMessage().getLeft().contains("Plan"), d.toString());
        }
    }

    @Test
    void aNoteDeletedAndAFolderCreatedLaterAreSeen() throws Exception {
        try (LspHarness client = start(noWatching())) {
            Files.writeString(dir.resolve("Plan.md"), "# Plan\n");
            client.awaitDiagnostics("Home.md", ds -> ds.size() == 1);
            Files.delete(dir.resolve("Plan.md"));
            client.awaitDiagnostics("Home.md", ds -> ds.size() == 2);
            // a folder made after the start, then a file inside it: the new folder is watched too
            Files.createDirectories(dir.resolve("a/b"));
            Thread.sleep(300);
            Files.write(dir.resolve("a/b/chart.png"), new byte[] {1});
            client.awaitDiagnostics("Home.md", ds -> ds.size() == 1);
        }
    }

    @Test
    void dotFoldersAreNotRead() throws Exception {
        try (LspHarness client = start(noWatching())) {
            Files.createDirectories(dir.resolve(".trash"));
            Files.writeString(dir.resolve(".trash/Plan.md"), "# Plan\n");
            Files.writeString(dir.resolve("Other.md"), "[[Nope]]\n");
            client.awaitDiagnostics("Other.md", ds -> ds.size() == 1);
            Thread.sleep(200);
            assertTrue(client.diagnostics.get(client.uri("Home.md")).size() == 2);
        }
    }

    @Test
    void aClientThatWatchesGetsNoWatcherOfTheServer() throws Exception {
        try (LspHarness client = start(LspHarness.capabilities())) {
            assertFalse(client.registrations.isEmpty(), "the client's watcher is registered");
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("vault-ls-" + dir.getFileName() + "-watch")));
        }
    }
}
