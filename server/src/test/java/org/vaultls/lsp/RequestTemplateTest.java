package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every request runs through one template: one consistent snapshot, errors isolated. */
@Timeout(60)
class RequestTemplateTest {
    @TempDir
    Path tmp;
    LspHarness client;

    @BeforeEach
    void start() throws Exception {
        Path vault = tmp.resolve("vault");
        Files.createDirectories(vault);
        Files.writeString(vault.resolve("a.md"), "# A\n");
        Files.writeString(vault.resolve("b.md"), "# B\n");
        client = new LspHarness(vault);
        client.initialize(null);
        client.open("a.md");
        client.open("b.md");
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private void edit(String rel, int version, String text) {
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(client.uri(rel), version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    @Test
    void aRequestRightAfterAnEditSeesTheEditInTheIndex() throws Exception {
        for (int v = 2; v < 40; v++) {
            String links = "See [[b]].\n".repeat(v);
            edit("a.md", v, "# A\n" + links);
            ReferenceParams p = new ReferenceParams(new TextDocumentIdentifier(client.uri("b.md")),
                    new Position(0, 2), new ReferenceContext(false));
            var refs = client.server.getTextDocumentService().references(p).get(10, TimeUnit.SECONDS);
            assertEquals(v, refs.size(), "the references of b after edit " + v + " of a: " + refs);
        }
    }

    @Test
    void aNoteThatOverflowsTheParsersStackDoesNotStopTheServer() throws Exception {
        for (String text : List.of("-".repeat(3_000), "_".repeat(3_000), "* ".repeat(3_000), "*".repeat(100_000))) {
            client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                    new TextDocumentItem(client.uri("c.md"), "markdown", 1, text)));
            var symbols = client.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("b"))
                    .get(20, TimeUnit.SECONDS);
            assertTrue(symbols.getRight().stream().anyMatch(s -> s.getName().equalsIgnoreCase("b")), symbols.toString());
        }
        assertFalse(client.exitCode.isDone(), "the server is still running");
    }
}
