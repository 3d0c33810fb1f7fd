package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CodeLensWorkspaceCapabilities;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.cli.GoldenTestVaultTest;

/** Dataview results over the protocol, on a copy of test-vault's person notes, as an editor asks. */
@Timeout(60)
class DataviewOverLspTest {
    static final String ADA = "People/Ada Berg.md";
    static final String PROJECTS_QUERY = "LIST\nFROM \"Projects\"";

    @TempDir
    Path tmp;
    LspHarness client;

    @BeforeEach
    void start() throws Exception {
        Path vault = LspHarness.copyVault(GoldenTestVaultTest.VAULT, tmp.resolve("vault"));
        client = new LspHarness(vault);
        ClientCapabilities caps = LspHarness.capabilities();
        caps.getWorkspace().setCodeLens(new CodeLensWorkspaceCapabilities(true));
        client.initialize(null, caps);
        client.awaitDiagnostics(LanguageServerFeaturesTest.PROJECT, d -> !d.isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private TextDocumentIdentifier doc(String rel) {
        return new TextDocumentIdentifier(client.uri(rel));
    }

    private Position find(String rel, String needle, int delta) throws Exception {
        String text = Files.readString(client.vault.resolve(rel));
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle + " not in " + rel);
        String before = text.substring(0, at + delta);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, before.length() - before.lastIndexOf('\n') - 1);
    }

    /** The note's lenses, each resolved as an editor resolves the lenses it shows. */
    private List<? extends CodeLens> lenses(String rel) throws Exception {
        List<CodeLens> out = new java.util.ArrayList<>();
        for (CodeLens l : client.server.getTextDocumentService().codeLens(new CodeLensParams(doc(rel)))
                .get(10, TimeUnit.SECONDS)) {
            out.add(client.server.getTextDocumentService().resolveCodeLens(l).get(10, TimeUnit.SECONDS));
        }
        return out;
    }

    @Test
    void hoverOnAPersonsProjectsBlockShowsTheProjectsAsLinksToTheirFiles() throws Exception {
        Hover hover = client.server.getTextDocumentService().hover(new HoverParams(doc(ADA),
                find(ADA, PROJECTS_QUERY, 2))).get(10, TimeUnit.SECONDS);
        String md = hover.getContents().getRight().getValue();
        assertTrue(md.startsWith("**Dataview** · 2 notes\n\n"), md);
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("- \\[Larkspur Pilot\\]\\(<(file:[^>]+)>\\)")
                .matcher(md);
        assertTrue(link.find(), md);
        assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(link.group(1)))), link.group(1));
        assertEquals(find(ADA, "```dataview\nLIST", 0), hover.getRange().getStart(), "the card spans the block");
    }

    @Test
    void eachBlockOfAPersonNoteHasALensWithItsSummary() throws Exception {
        List<? extends CodeLens> lenses = lenses(ADA);
        List<String> titles = lenses.stream().map(l -> l.getCommand().getTitle())
                .filter(t -> !t.contains("backlink") && !t.contains("reference")).toList(); // the block lenses
        assertEquals(3, titles.size(), titles.toString());
        assertEquals("2 notes", titles.get(0));
        assertTrue(titles.get(1).matches("\\d+ (open )?tasks?.*"), titles.get(1));
        assertTrue(titles.get(2).matches("13 open tasks( · \\d+ overdue)?"), titles.get(2));
        CodeLens projects = lenses.stream().filter(l -> l.getCommand().getTitle().equals("2 notes")).findFirst().orElseThrow();
        assertEquals(find(ADA, "```dataview\nLIST", 0), projects.getRange().getStart());
        assertEquals("editor.action.showReferences", projects.getCommand().getCommand());
        var locations = (com.google.gson.JsonArray) projects.getCommand().getArguments().get(2);
        assertEquals(2, locations.size(), locations.toString());
        assertTrue(locations.get(0).getAsJsonObject().get("uri").getAsString().endsWith("Larkspur%20Pilot.md"),
                locations.toString());
    }

    @Test
    void writeResultsBelowInsertsTheProjectsAfterTheBlock() throws Exception {
        Position in = find(ADA, PROJECTS_QUERY, 2);
        var actions = client.server.getTextDocumentService().codeAction(new CodeActionParams(doc(ADA),
                new Range(in, in), new CodeActionContext(List.of()))).get(10, TimeUnit.SECONDS);
        var write = actions.stream().map(a -> a.getRight()).filter(a -> a.getTitle().equals("Write results below"))
                .findFirst().orElseThrow(() -> new AssertionError("no write action in " + actions));
        assertEquals("refactor.rewrite", write.getKind());
        WorkspaceEdits.apply(write.getEdit());
        String text = Files.readString(client.vault.resolve(ADA));
        assertTrue(text.contains("WHERE contains(file.outlinks, this.file.link)\n```\n\n<!-- dataview:results -->\n"
                + "- [[Larkspur Pilot]]\n- [[Northwind Expansion]]\n<!-- /dataview:results -->\n\n## Open Tasks"), text);
    }

    @Test
    void definitionOnTheFromFolderLeadsIntoIt() throws Exception {
        var defs = client.server.getTextDocumentService().definition(new DefinitionParams(doc(ADA),
                find(ADA, "FROM \"Projects\"", 8))).get(10, TimeUnit.SECONDS).getLeft();
        assertEquals(1, defs.size(), defs.toString());
        assertTrue(defs.get(0).getUri().contains("/Projects/"), defs.toString());
    }

    @Test
    void editingANoteTheBlockReadsAsksTheEditorToRefreshItsLenses() throws Exception {
        assertEquals("2 notes", lenses(ADA).stream().map(l -> l.getCommand().getTitle())
                .filter(t -> t.endsWith("notes")).findFirst().orElseThrow());
        String project = "Projects/Skerry Migration.md";
        client.open(project);
        String text = Files.readString(client.vault.resolve(project)) + "\nAda joins: [[Ada Berg]]\n";
        int before = client.lensRefreshes.get();
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(client.uri(project), 2),
                List.of(new TextDocumentContentChangeEvent(text))));
        Eventually.eventually(() -> client.lensRefreshes.get() > before, "a workspace/codeLens/refresh");
        Eventually.eventually(() -> {
            try {
                return lenses(ADA).stream().anyMatch(l -> l.getCommand().getTitle().equals("3 notes"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "Ada's projects lens counting Skerry Migration");
    }
}
