package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unlinked mentions with their fixes, markdown-link path completion, recently edited notes first
 * after {@code [[}, and references on a tag with its nested tags, over the protocol as an editor asks.
 */
@Timeout(60)
class MentionsAndLinkPathsProtocolTest {
    private static final String DAILY = "Daily/2026-03-02.md";
    private static final Map<String, String> FILES = Map.of(
            "People/Ada Berg.md", "---\ntype: people\naliases: [Ada]\n---\n# Ada Berg\n\n## Key Facts\n",
            "Projects/Apollo.md", "# Apollo\n\nFiled under #project/alpha\n",
            "Projects/Zeta.md", "# Zeta\n\nSee #project and #projects\n",
            DAILY, "Ada says Apollo slips.\n");

    @TempDir
    Path tmp;
    LspHarness client;

    @BeforeEach
    void start() throws Exception {
        Path vault = tmp.resolve("vault");
        for (Map.Entry<String, String> f : FILES.entrySet()) {
            Files.createDirectories(vault.resolve(f.getKey()).getParent());
            Files.writeString(vault.resolve(f.getKey()), f.getValue());
        }
        client = new LspHarness(vault);
        client.initialize(null);
        client.open(DAILY);
        client.awaitDiagnostics(DAILY, d -> !d.isEmpty()); // the vault is loaded: edits from now on are changes
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private TextDocumentIdentifier doc(String rel) {
        return new TextDocumentIdentifier(client.uri(rel));
    }

    private void replaceText(String rel, int version, String text) {
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(client.uri(rel), version),
                List.of(new TextDocumentContentChangeEvent(text))));
    }

    private List<CompletionItem> complete(String rel, Position p) throws Exception {
        return client.server.getTextDocumentService().completion(new CompletionParams(doc(rel), p))
                .get(10, TimeUnit.SECONDS).getRight().getItems();
    }

    @Test
    void mentionsArePublishedAsHintsAndTheQuickFixAndLinkAllRewriteTheNote() throws Exception {
        List<Diagnostic> ds = client.awaitDiagnostics(DAILY, d -> LspHarness.hasCode(d, "unlinked-mention"));
        List<Diagnostic> mentions = ds.stream().filter(d -> d.getCode().getLeft().equals("unlinked-mention")).toList();
        assertEquals(2, mentions.size(), ds.toString());
        assertEquals(DiagnosticSeverity.Hint, mentions.get(0).getSeverity());
        assertEquals(new Range(new Position(0, 0), new Position(0, 3)), mentions.get(0).getRange());

        List<CodeAction> actions = client.server.getTextDocumentService().codeAction(new CodeActionParams(doc(DAILY),
                mentions.get(0).getRange(), new CodeActionContext(List.of(mentions.get(0)))))
                .get(10, TimeUnit.SECONDS).stream().map(a -> a.getRight()).toList();
        CodeAction one = actions.stream().filter(a -> a.getTitle().equals("Link to [[Ada Berg|Ada]]")).findFirst()
                .orElseThrow(() -> new AssertionError("no Link to in " + actions));
        assertEquals("quickfix", one.getKind());
        CodeAction all = actions.stream().filter(a -> "source.linkMentions".equals(a.getKind())).findFirst()
                .orElseThrow(() -> new AssertionError("no Link all in " + actions));
        WorkspaceEdits.apply(all.getEdit());
        assertEquals("[[Ada Berg|Ada]] says [[Apollo]] slips.\n", Files.readString(client.vault.resolve(DAILY)));
    }

    @Test
    void aMarkdownLinkDestinationCompletesARelativeEncodedPathThenHeadings() throws Exception {
        replaceText(DAILY, 2, "See [Ada](ada");
        List<CompletionItem> items = complete(DAILY, new Position(0, 13));
        assertEquals("../People/Ada%20Berg.md", items.get(0).getTextEdit().getLeft().getNewText(), items.toString());
        assertEquals(new Range(new Position(0, 10), new Position(0, 13)), items.get(0).getTextEdit().getLeft().getRange());

        replaceText(DAILY, 3, "See [Ada](../People/Ada%20Berg.md#ke");
        List<CompletionItem> headings = complete(DAILY, new Position(0, 36));
        assertEquals("Key%20Facts", headings.get(0).getTextEdit().getLeft().getNewText(), headings.toString());
    }

    @Test
    void anEmptyWikilinkOffersTheNoteEditedLastFirst() throws Exception {
        client.open("Projects/Zeta.md");
        replaceText("Projects/Zeta.md", 2, "# Zeta\n\nEdited just now\n");
        replaceText(DAILY, 2, "Met [[");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<CompletionItem> items = complete(DAILY, new Position(0, 6));
        while (!items.get(0).getLabel().equals("Zeta") && System.nanoTime() < deadline) {
            Thread.sleep(20); // the edits reach the index on the server's updater thread
            items = complete(DAILY, new Position(0, 6));
        }
        assertEquals("Zeta", items.get(0).getLabel(), items.toString());
    }

    @Test
    void referencesOnATagIncludeItsNestedTagsButNotLongerNames() throws Exception {
        client.open("Projects/Zeta.md");
        List<? extends Location> refs = client.server.getTextDocumentService().references(new ReferenceParams(
                doc("Projects/Zeta.md"), new Position(2, 7), new ReferenceContext(false))).get(10, TimeUnit.SECONDS);
        List<String> where = refs.stream().map(l -> l.getUri().substring(l.getUri().lastIndexOf('/') + 1) + " "
                + l.getRange().getStart().getLine() + ":" + l.getRange().getStart().getCharacter()).sorted().toList();
        assertEquals(List.of("Apollo.md 2:13", "Zeta.md 2:5"), where);
        assertTrue(refs.stream().noneMatch(l -> l.getRange().getStart().getCharacter() == 18), "#projects is another tag");
    }
}
