package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.fuzz.Pathological;
import org.vaultls.vault.BoundedParse;
import org.vaultls.vault.Note;

/**
 * The server over real streams, sent every pathological note: hover and completion inside each answer
 * (a result or nothing, never an error), each note over the parser's bounds gets its note-too-complex
 * diagnostic, and afterwards the normal notes are still served. Requests wait at most 10 s each (a hang
 * guard).
 */
class ServerFuzzTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void theServerKeepsAnsweringAfterEveryPathologicalNote() throws Exception {
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        Files.writeString(vault.resolve("Ada Berg.md"), "# Ada Berg\n\nWorks on the lakehouse.\n");
        Files.writeString(vault.resolve("Home.md"), "See [[Ada Berg]] and [[Nope]]\n[[Ad\n");
        try (LspHarness client = new LspHarness(vault)) {
            client.initialize(null);
            client.awaitDiagnostics("Home.md", d -> LspHarness.hasCode(d, "broken-link"));
            List<String> tooComplex = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, String> e : Pathological.cases(Pathological.scale()).entrySet()) {
                String rel = "Fuzz/case " + i++ + ".md";
                String text = e.getValue();
                client.server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                        new TextDocumentItem(client.uri(rel), "markdown", 1, text)));
                Position end = end(text);
                TextDocumentIdentifier doc = new TextDocumentIdentifier(client.uri(rel));
                client.server.getTextDocumentService().hover(new HoverParams(doc, end)).get(10, TimeUnit.SECONDS);
                client.server.getTextDocumentService().completion(new CompletionParams(doc, end))
                        .get(10, TimeUnit.SECONDS);
                if (BoundedParse.parse(rel, text).problems().stream()
                        .anyMatch(p -> p.kind() == Note.Problem.Kind.TOO_COMPLEX)) {
                    tooComplex.add(rel);
                }
            }
            for (String rel : tooComplex) {
                client.awaitDiagnostics(rel, d -> LspHarness.hasCode(d, "note-too-complex"));
            }
            TextDocumentIdentifier home = new TextDocumentIdentifier(client.uri("Home.md"));
            Hover hover = client.server.getTextDocumentService()
                    .hover(new HoverParams(home, new Position(0, 8))).get(10, TimeUnit.SECONDS);
            assertNotNull(hover, "hover on a normal note after the fuzz");
            var items = client.server.getTextDocumentService().completion(new CompletionParams(home, new Position(1, 4)))
                    .get(10, TimeUnit.SECONDS).getRight().getItems();
            assertEquals("Ada Berg", items.get(0).getLabel());
        }
    }

    private static Position end(String text) {
        int line = (int) text.chars().filter(c -> c == '\n').count();
        return new Position(line, text.length() - text.lastIndexOf('\n') - 1);
    }
}
