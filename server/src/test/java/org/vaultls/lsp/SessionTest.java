package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.lsp.Eventually.eventually;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.features.diagnostics.Finding;

/** One vault's session: its open documents, its settings, and the edits that reach its index. */
class SessionTest {
    @TempDir
    Path vault;
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private VaultSession session;

    private final VaultSession.Sink sink = new VaultSession.Sink() {
        @Override
        public void publish(String path, List<Finding> findings) {
        }

        @Override
        public void progress(int done, int total, boolean finished) {
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    private VaultSession start(String clientSettings) throws Exception {
        session = new VaultSession(vault, clientSettings == null ? null : new ObjectMapper().readTree(clientSettings),
                sink);
        session.start();
        session.awaitIndex(10_000);
        return session;
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.shutdown();
        }
    }

    @Test
    void aRescanAfterLostFileEventsPatchesWhatDiffersOnDisk() throws Exception {
        Files.writeString(vault.resolve("Kept.md"), "# Kept\n");
        Files.writeString(vault.resolve("Gone.md"), "# Gone\n");
        Files.writeString(vault.resolve("Edited.md"), "old\n");
        Files.write(vault.resolve("old.png"), new byte[] {1});
        start(null);
        Files.delete(vault.resolve("Gone.md"));
        Files.delete(vault.resolve("old.png"));
        Files.writeString(vault.resolve("Edited.md"), "new [[Kept]]\n");
        Files.writeString(vault.resolve("New.md"), "# New\n");
        Files.write(vault.resolve("new.png"), new byte[] {1});
        session.rescan();
        eventually(() -> session.index().notes().keySet().equals(java.util.Set.of("Kept.md", "Edited.md", "New.md"))
                && java.util.Set.copyOf(session.index().attachments()).equals(java.util.Set.of("new.png")), "the index matches the disk");
        assertEquals("new [[Kept]]\n", session.index().note("Edited.md").orElseThrow().text());
    }

    @Test
    void anEditorsChangesApplyToTheOneCopyOfTheOpenText() throws Exception {
        Files.writeString(vault.resolve("Note.md"), "# Note\n");
        start(null);
        Workspace workspace = new Workspace();
        workspace.add(session);
        VaultTextDocumentService documents = new VaultTextDocumentService(workspace);
        String uri = vault.resolve("Note.md").toUri().toString();
        documents.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "markdown", 1, "# Note\nSee\n")));
        documents.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri, 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(1, 3), new Position(1, 3)),
                        " [[Other]]"))));
        assertEquals("# Note\nSee [[Other]]\n", session.openText("Note.md"));
        eventually(() -> session.note("Note.md").orElseThrow().text().equals("# Note\nSee [[Other]]\n"),
                "the open note is parsed from that text");
        eventually(() -> session.index().note("Note.md").orElseThrow().text().contains("[[Other]]"),
                "the index takes the open text");

        documents.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        assertNull(session.openText("Note.md"));
        eventually(() -> session.index().note("Note.md").orElseThrow().text().equals("# Note\n"),
                "a closed document falls back to its file");
    }

    @Test
    void theSettingsFileWinsOverTheEditorsKeyByKey() throws Exception {
        Files.writeString(vault.resolve(".vault-ls.json"), "{\"keyFactsHeading\": \"Facts\"}");
        start("{\"keyFactsHeading\": \"Highlights\", \"ignore\": [\"Archive/**\"]}");
        assertEquals("Facts", session.index().config().keyFactsHeading());
        assertEquals(List.of("Archive/**"), session.index().config().ignore());
    }

    @Test
    void aSettingsFileThatIsNotAnObjectIsReportedAndTheEditorsSettingsStand() throws Exception {
        Files.writeString(vault.resolve(".vault-ls.json"), "[]");
        start("{\"keyFactsHeading\": \"Highlights\"}");
        assertEquals("Highlights", session.index().config().keyFactsHeading());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("must be a JSON object of settings, not an array")
                && w.endsWith("; using editor settings")), warnings.toString());
    }

    @Test
    void aSettingsFileThatIsNotJsonIsReportedAndTheEditorsSettingsStand() throws Exception {
        Files.writeString(vault.resolve(".vault-ls.json"), "{\"keyFactsHeading\": ");
        start("{\"keyFactsHeading\": \"Highlights\"}");
        assertEquals("Highlights", session.index().config().keyFactsHeading());
        assertTrue(warnings.stream().anyMatch(w -> w.contains("is not valid JSON") && w.endsWith("using editor settings")),
                warnings.toString());
    }

    @Test
    void aFolderCreatedWholeIsRead() throws Exception {
        start(null);
        Files.createDirectories(vault.resolve("Imported/Deep"));
        Files.writeString(vault.resolve("Imported/Deep/Found.md"), "# Found\n");
        Files.writeString(vault.resolve("Imported/report.docx"), "PK");
        session.fileChanged("Imported");
        eventually(() -> session.index().note("Imported/Deep/Found.md").isPresent()
                && session.index().attachments().contains("Imported/report.docx"), "the folder's files are read");
    }
}
