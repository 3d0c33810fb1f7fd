package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CallHierarchyIncomingCallsParams;
import org.eclipse.lsp4j.CallHierarchyOutgoingCallsParams;
import org.eclipse.lsp4j.CallHierarchyPrepareParams;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.cli.GoldenTestVaultTest;

/** Each request type, answered over the protocol from a copy of test-vault, as an editor asks it. */
@Timeout(60)
class LanguageServerFeaturesTest {
    static final String PROJECT = "Projects/Skerry Migration.md";
    static final String ALIAS_MEETING = "Meetings/2025-12-15 - Weekly pipeline review (wk 51).md";

    @TempDir
    Path tmp;
    LspHarness client;
    org.eclipse.lsp4j.InitializeResult initialized;

    @BeforeEach
    void start() throws Exception {
        Path vault = LspHarness.copyVault(GoldenTestVaultTest.VAULT, tmp.resolve("vault"));
        client = new LspHarness(vault);
        initialized = client.initialize(null);
        client.awaitDiagnostics(PROJECT, d -> !d.isEmpty());
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private TextDocumentIdentifier doc(String rel) {
        return new TextDocumentIdentifier(client.uri(rel));
    }

    /** Opens a scratch note holding {@code text} and returns the position of {@code marker} in it. */
    private Position scratch(String rel, String textWithCursor) throws Exception {
        int at = textWithCursor.indexOf("{|}");
        String text = textWithCursor.replace("{|}", "");
        Files.writeString(client.vault.resolve(rel), text);
        client.open(rel);
        String before = text.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, before.length() - before.lastIndexOf('\n') - 1);
    }

    private Position find(String rel, String needle, int delta) throws Exception {
        String text = Files.readString(client.vault.resolve(rel));
        int at = text.indexOf(needle);
        assertTrue(at >= 0, needle + " not in " + rel);
        String before = text.substring(0, at + delta);
        int line = (int) before.chars().filter(c -> c == '\n').count();
        return new Position(line, before.length() - before.lastIndexOf('\n') - 1);
    }

    private List<CompletionItem> complete(String rel, Position p) throws Exception {
        CompletionList list = client.server.getTextDocumentService()
                .completion(new CompletionParams(doc(rel), p)).get(10, TimeUnit.SECONDS).getRight();
        return list.getItems();
    }

    @Test
    void wikilinkCompletionListsNotesAndReplacesThePartial() throws Exception {
        Position p = scratch("Daily/2026-02-01.md", "Met [[Ada B{|}\n");
        List<CompletionItem> items = complete("Daily/2026-02-01.md", p);
        CompletionItem ada = items.stream().filter(i -> i.getLabel().equals("Ada Berg")).findFirst().orElseThrow();
        assertEquals(ada, items.get(0), "exact prefix ranks first");
        var edit = ada.getTextEdit().getLeft();
        assertEquals(new Range(new Position(0, 6), new Position(0, 11)), edit.getRange());
        assertTrue(edit.getNewText().startsWith("Ada Berg") && edit.getNewText().endsWith("]]"), edit.getNewText());
    }

    @Test
    void ownerCompletionOnATaskLineSuggestsPeopleWithTheirRole() throws Exception {
        Position p = scratch("Daily/2026-02-02.md", "- [ ] Send the deck @Ad{|}\n");
        List<CompletionItem> items = complete("Daily/2026-02-02.md", p);
        CompletionItem ada = items.stream().filter(i -> i.getLabel().equals("@AdaBerg")).findFirst().orElseThrow();
        assertNotNull(ada.getDetail());
        assertNotNull(ada.getDocumentation(), "key facts as documentation");
    }

    @Test
    void hoverOnAPersonLinkShowsTheirKeyFacts() throws Exception {
        String daily = "Daily/2025-12-19.md";
        Position p = find(daily, "[[Ada Berg", 4);
        Hover hover = client.server.getTextDocumentService().hover(new HoverParams(doc(daily), p)).get(10, TimeUnit.SECONDS);
        String md = hover.getContents().getRight().getValue();
        String person = Files.readString(client.vault.resolve("People/Ada Berg.md"));
        String firstFact = person.substring(person.indexOf("## Key Facts")).lines().filter(l -> l.startsWith("- "))
                .findFirst().orElseThrow().substring(2);
        assertTrue(md.contains("Ada Berg"), md);
        assertTrue(md.contains(firstFact.substring(0, Math.min(5, firstFact.length()))), md);
        // the fact's wikilinks are markdown links to the notes' files, which the editor can follow
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("\\[Northwind Traders\\]\\(<(file:[^>]+)>\\)")
                .matcher(md);
        assertTrue(link.find(), md);
        assertTrue(Files.isRegularFile(Path.of(java.net.URI.create(link.group(1)))), link.group(1));
    }

    @Test
    void definitionOfALinkAndOfAnOwnerTagLandsInThePersonsNote() throws Exception {
        String daily = "Daily/2025-12-19.md";
        Position p = find(daily, "[[Ada Berg", 4);
        List<? extends Location> locs = client.server.getTextDocumentService()
                .definition(new DefinitionParams(doc(daily), p)).get(10, TimeUnit.SECONDS).getLeft();
        assertEquals(client.uri("People/Ada Berg.md"), locs.get(0).getUri());

        Position owner = find(PROJECT, "@NoorHaddad", 2);
        List<? extends Location> toPerson = client.server.getTextDocumentService()
                .definition(new DefinitionParams(doc(PROJECT), owner)).get(10, TimeUnit.SECONDS).getLeft();
        assertEquals(client.uri("People/Noor Haddad.md"), toPerson.get(0).getUri());
    }

    @Test
    void referencesOnALinkListEveryBacklink() throws Exception {
        String project = "Projects/Northwind Expansion.md";
        Position p = find(project, "[[Ada Berg]]", 4);
        List<? extends Location> refs = client.server.getTextDocumentService().references(
                new ReferenceParams(doc(project), p, new ReferenceContext(false))).get(10, TimeUnit.SECONDS);
        assertTrue(refs.size() >= 3, "Ada Berg is linked from many notes: " + refs);
        assertTrue(refs.stream().anyMatch(l -> l.getUri().contains("Meetings")), refs.toString());
    }

    @Test
    void renamingAPersonRewritesEveryLinkAndLeavesNoNewBrokenLink() throws Exception {
        String daily = "Daily/2025-12-19.md";
        Position p = find(daily, "[[Ada Berg", 4);
        var prepared = client.server.getTextDocumentService()
                .prepareRename(new PrepareRenameParams(doc(daily), p)).get(10, TimeUnit.SECONDS);
        assertEquals("Ada Berg", prepared.getSecond().getPlaceholder());
        WorkspaceEdit edit = client.server.getTextDocumentService()
                .rename(new RenameParams(doc(daily), p, "Ada Lind")).get(10, TimeUnit.SECONDS);
        List<String> before = brokenFindings();
        WorkspaceEdits.apply(edit);
        assertTrue(Files.exists(client.vault.resolve("People/Ada Lind.md")));
        assertFalse(Files.exists(client.vault.resolve("People/Ada Berg.md")));
        List<String> after = brokenFindings();
        assertEquals(before.size(), after.size(), "rename adds no broken link: " + after);
        assertTrue(Files.readString(client.vault.resolve(daily)).contains("[[Ada Lind"));
    }

    @Test
    void renamingATagRewritesItInEveryNote() throws Exception {
        String daily = "Daily/2025-10-28.md";
        Position p = find(daily, "#followup", 3);
        var prepared = client.server.getTextDocumentService()
                .prepareRename(new PrepareRenameParams(doc(daily), p)).get(10, TimeUnit.SECONDS);
        assertEquals("followup", prepared.getSecond().getPlaceholder());
        WorkspaceEdit edit = client.server.getTextDocumentService()
                .rename(new RenameParams(doc(daily), p, "follow-up")).get(10, TimeUnit.SECONDS);
        WorkspaceEdits.apply(edit);
        for (String rel : List.of(daily, "Customers/Northwind Traders.md", "Customers/Tallowmere Bakeries.md")) {
            String text = Files.readString(client.vault.resolve(rel));
            assertTrue(text.contains("#follow-up") && !text.contains("#followup"), rel);
        }
    }

    private List<String> brokenFindings() {
        var index = org.vaultls.TestVault.loadDir(client.vault);
        return org.vaultls.features.diagnostics.Diagnostics.forVault(index).stream()
                .filter(f -> f.code().id().startsWith("broken-")).map(f -> f.path() + " " + f.message()).toList();
    }

    @Test
    void renameRefusesANameThatCollidesWithAnotherNote() throws Exception {
        String daily = "Daily/2025-12-19.md";
        Position p = find(daily, "[[Ada Berg", 4);
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.server.getTextDocumentService()
                .rename(new RenameParams(doc(daily), p, "Tomás Reyes")).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().toLowerCase().contains("exist"), e.getCause().getMessage());
    }

    @Test
    void quickFixReplacesABareAliasLink() throws Exception {
        Diagnostic alias = client.awaitDiagnostics(ALIAS_MEETING, d -> LspHarness.hasCode(d, "alias-link")).stream()
                .filter(d -> d.getCode().getLeft().equals("alias-link")).findFirst().orElseThrow();
        var actions = client.server.getTextDocumentService().codeAction(new CodeActionParams(doc(ALIAS_MEETING),
                alias.getRange(), new CodeActionContext(List.of(alias)))).get(10, TimeUnit.SECONDS);
        var fix = actions.stream().map(a -> a.getRight()).filter(a -> a.getTitle().contains("Ada Berg")).findFirst()
                .orElseThrow(() -> new AssertionError("no alias fix in " + actions));
        WorkspaceEdits.apply(fix.getEdit());
        String text = Files.readString(client.vault.resolve(ALIAS_MEETING));
        assertTrue(text.contains("[[Ada Berg|Ada]]") || text.contains("[[Ada Berg\\|Ada]]"), text);
    }

    @Test
    void quickFixCreatesTheMissingNoteOfABrokenLink() throws Exception {
        String meeting = "Meetings/2025-11-20 - Siobhán's security questions.md";
        Diagnostic broken = client.awaitDiagnostics(meeting, d -> LspHarness.hasCode(d, "broken-link")).get(0);
        var actions = client.server.getTextDocumentService().codeAction(new CodeActionParams(doc(meeting),
                broken.getRange(), new CodeActionContext(List.of(broken)))).get(10, TimeUnit.SECONDS);
        var create = actions.stream().map(a -> a.getRight()).filter(a -> a.getTitle().startsWith("Create"))
                .findFirst().orElseThrow(() -> new AssertionError("no create action in " + actions));
        WorkspaceEdits.apply(create.getEdit());
        try (var files = Files.walk(client.vault)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("Nonexistent Person.md")));
        }
    }

    @Test
    void symbolsLinksAndFoldingDescribeTheNote() throws Exception {
        String person = "People/Ada Berg.md";
        var symbols = client.server.getTextDocumentService().documentSymbol(new DocumentSymbolParams(doc(person)))
                .get(10, TimeUnit.SECONDS);
        assertEquals("Ada Berg", symbols.get(0).getRight().getName());
        assertTrue(symbols.get(0).getRight().getChildren().stream().anyMatch(c -> c.getName().equals("Key Facts")));

        var links = client.server.getTextDocumentService().documentLink(new DocumentLinkParams(doc(PROJECT)))
                .get(10, TimeUnit.SECONDS);
        assertFalse(links.isEmpty());
        assertTrue(links.stream().allMatch(l -> l.getTarget().startsWith("file:")));

        var folds = client.server.getTextDocumentService().foldingRange(new FoldingRangeRequestParams(doc(person)))
                .get(10, TimeUnit.SECONDS);
        assertTrue(folds.stream().anyMatch(f -> f.getStartLine() == 0), "frontmatter folds: " + folds);

        var ws = client.server.getWorkspaceService().symbol(new WorkspaceSymbolParams("adaberg"))
                .get(10, TimeUnit.SECONDS).getRight();
        assertTrue(ws.stream().anyMatch(s -> s.getName().equals("Ada Berg")), ws.toString());
    }

    @Test
    void codeLensCountsAPersonsBacklinksAndOpensThemAsVsCodesReferencesView() throws Exception {
        String person = "People/Ada Berg.md";
        var lenses = client.server.getTextDocumentService().codeLens(new CodeLensParams(doc(person)))
                .get(10, TimeUnit.SECONDS);
        assertEquals(find(person, "# Ada Berg", 0), lenses.get(0).getRange().getStart());
        assertNull(lenses.get(0).getCommand(), "the references come with codeLens/resolve");
        var title = resolve(lenses.get(0));
        assertEquals(find(person, "# Ada Berg", 0), title.getRange().getStart());
        assertTrue(title.getCommand().getTitle().matches(
                "\\d+ backlinks · \\d+ open tasks? · last mentioned \\d{4}-\\d{2}-\\d{2}"), title.getCommand().getTitle());
        assertEquals("editor.action.showReferences", title.getCommand().getCommand());
        var args = title.getCommand().getArguments();
        assertEquals(3, args.size());
        assertEquals(client.uri(person), ((com.google.gson.JsonPrimitive) args.get(0)).getAsString());
        var locations = (com.google.gson.JsonArray) args.get(2);
        assertTrue(locations.size() >= 3, locations.toString());
        assertTrue(locations.get(0).getAsJsonObject().has("range"), locations.toString());
    }

    private org.eclipse.lsp4j.CodeLens resolve(org.eclipse.lsp4j.CodeLens lens) throws Exception {
        return client.server.getTextDocumentService().resolveCodeLens(lens).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aLensAnswerCarriesNoReferencesAndEachLensResolvesToItsOwn() throws Exception {
        String rel = "Daily/2026-02-07.md";
        scratch(rel, "# Plans{|}\nSee [[#Risks]] and [[#Risks]], [[#Goals]].\n## Goals\n## Risks\n");
        var lenses = client.server.getTextDocumentService().codeLens(new CodeLensParams(doc(rel)))
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of(0, 2, 3), lenses.stream().map(l -> l.getRange().getStart().getLine()).toList());
        for (var l : lenses) {
            assertNull(l.getCommand());
            var data = (com.google.gson.JsonObject) l.getData();
            assertEquals(client.uri(rel), data.get("uri").getAsString());
            assertFalse(data.toString().contains("range"), "no locations in " + data);
        }
        var risks = resolve(lenses.get(2));
        assertEquals("2 references", risks.getCommand().getTitle());
        assertEquals(new Range(new Position(3, 0), new Position(3, 8)), risks.getRange());
        var places = (com.google.gson.JsonArray) risks.getCommand().getArguments().get(2);
        assertEquals(2, places.size(), places.toString());
        assertEquals(1, places.get(1).getAsJsonObject().getAsJsonObject("range").getAsJsonObject("start")
                .get("line").getAsInt());
        assertEquals("1 reference", resolve(lenses.get(1)).getCommand().getTitle());
        assertEquals("0 backlinks", resolve(lenses.get(0)).getCommand().getTitle());
    }

    @Test
    void aLensResolvedAfterItsNoteChangedCountsAgainOrSaysItIsOutOfDate() throws Exception {
        String rel = "Daily/2026-02-08.md";
        scratch(rel, "# Plans{|}\nSee [[#Risks]], [[#Goals]].\n## Goals\n## Risks\n");
        var lenses = client.server.getTextDocumentService().codeLens(new CodeLensParams(doc(rel)))
                .get(10, TimeUnit.SECONDS);
        assertEquals(3, lenses.size());
        // one more link to Risks, and Goals (line 2) is no longer linked: its lens is gone
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(client.uri(rel), 2),
                List.of(new TextDocumentContentChangeEvent("# Plans\nSee [[#Risks]], [[#Risks]].\n## Goals\n## Risks\n"))));
        assertEquals("2 references", resolve(lenses.get(2)).getCommand().getTitle(), "found again on its line");
        var goals = resolve(lenses.get(1));
        assertEquals(LensResults.STALE, goals.getCommand().getTitle());
        assertEquals("", goals.getCommand().getCommand(), "runs nothing");
        assertEquals(lenses.get(1).getRange(), goals.getRange());

        // a note that is not there, and data that is not a lens's
        var data = new com.google.gson.JsonObject();
        data.addProperty("uri", client.uri("Daily/never-written.md"));
        data.addProperty("i", 0);
        data.addProperty("line", 0);
        var range = new Range(new Position(0, 0), new Position(0, 1));
        assertEquals(LensResults.STALE, resolve(new org.eclipse.lsp4j.CodeLens(range, null, data)).getCommand().getTitle());
        assertEquals(LensResults.STALE, resolve(new org.eclipse.lsp4j.CodeLens(range, null, "x")).getCommand().getTitle());
        assertEquals(LensResults.STALE, resolve(new org.eclipse.lsp4j.CodeLens(range, null, null)).getCommand().getTitle());
    }

    @Test
    void semanticTokensColourABrokenLinkAndADeltaBringsTheOldArrayUpToDate() throws Exception {
        String rel = "Daily/2026-02-05.md";
        scratch(rel, "[[Ada Berg]] [[Nobody Here]]{|}\n");
        var legend = initialized.getCapabilities().getSemanticTokensProvider().getLegend();
        var full = client.server.getTextDocumentService().semanticTokensFull(new SemanticTokensParams(doc(rel)))
                .get(10, TimeUnit.SECONDS);
        int link = legend.getTokenTypes().indexOf("link");
        int broken = 1 << legend.getTokenModifiers().indexOf("broken");
        assertEquals(List.of(0, 0, 12, link, 0, 0, 13, 15, link, broken), full.getData());

        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(client.uri(rel), 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 15), new Position(0, 26)),
                        "Noor Haddad"))));
        var delta = client.server.getTextDocumentService().semanticTokensFullDelta(
                new SemanticTokensDeltaParams(doc(rel), full.getResultId())).get(10, TimeUnit.SECONDS).getRight();
        List<Integer> data = new java.util.ArrayList<>(full.getData());
        for (var e : delta.getEdits()) {
            data.subList(e.getStart(), e.getStart() + e.getDeleteCount()).clear();
            data.addAll(e.getStart(), e.getData());
        }
        assertEquals(List.of(0, 0, 12, link, 0, 0, 13, 15, link, 0), data, "the link resolves now");
        assertEquals(1, delta.getEdits().size());
    }

    @Test
    void inlayHintsNameTheOwnersRoleAndWhenTheTaskIsDue() throws Exception {
        String rel = "Daily/2026-02-06.md";
        scratch(rel, "- [ ] Send the deck @AdaBerg 📅 2026-02-10{|}\n");
        var hints = client.server.getTextDocumentService().inlayHint(new InlayHintParams(doc(rel),
                new Range(new Position(0, 0), new Position(1, 0)))).get(10, TimeUnit.SECONDS);
        assertEquals(2, hints.size(), hints.toString());
        assertEquals(new Position(0, 28), hints.get(0).getPosition());
        assertEquals("Senior Account Executive · Kestrel Analytics", hints.get(0).getLabel().getLeft());
        assertTrue(hints.get(1).getLabel().getLeft().matches("in \\d+ days?|overdue \\d+ days?|due today"),
                hints.get(1).getLabel().getLeft());
    }

    @Test
    void callHierarchyWalksFromAPersonToTheNotesLinkingThemAndBack() throws Exception {
        String daily = "Daily/2025-12-19.md";
        var service = client.server.getTextDocumentService();
        var items = service.prepareCallHierarchy(new CallHierarchyPrepareParams(doc(daily),
                find(daily, "[[Ada Berg", 4))).get(10, TimeUnit.SECONDS);
        assertEquals(1, items.size());
        assertEquals(client.uri("People/Ada Berg.md"), items.get(0).getUri());
        assertEquals("Ada Berg", items.get(0).getName());
        var incoming = service.callHierarchyIncomingCalls(new CallHierarchyIncomingCallsParams(items.get(0)))
                .get(10, TimeUnit.SECONDS);
        var fromDaily = incoming.stream().filter(c -> c.getFrom().getUri().equals(client.uri(daily))).findFirst()
                .orElseThrow();
        assertTrue(fromDaily.getFromRanges().contains(new Range(find(daily, "[[Ada Berg", 0),
                find(daily, "[[Ada Berg#Holiday Cover]]", 26))), fromDaily.getFromRanges().toString());
        var outgoing = service.callHierarchyOutgoingCalls(new CallHierarchyOutgoingCallsParams(fromDaily.getFrom()))
                .get(10, TimeUnit.SECONDS);
        assertTrue(outgoing.stream().anyMatch(c -> c.getTo().getUri().equals(client.uri("People/Ada Berg.md"))),
                outgoing.toString());
    }

    @Test
    void willRenameFilesAnswersWithEditsThatKeepLinksPointingAtTheMovedNote() throws Exception {
        WorkspaceEdit edit = client.server.getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(
                new FileRename(client.uri("People/Ada Berg.md"), client.uri("People/Ada Lind.md")))))
                .get(10, TimeUnit.SECONDS);
        assertNotNull(edit);
        assertTrue(edit.getChanges().values().stream().flatMap(List::stream)
                .anyMatch(e -> e.getNewText().contains("Ada Lind")), edit.toString());
    }

    @Test
    void requestsOnUnknownOrNonMarkdownDocumentsAnswerEmpty() throws Exception {
        Hover h = client.server.getTextDocumentService().hover(new HoverParams(
                new TextDocumentIdentifier("file:///nowhere/else.md"), new Position(0, 0))).get(10, TimeUnit.SECONDS);
        assertNull(h);
        var items = client.server.getTextDocumentService().completion(new CompletionParams(
                new TextDocumentIdentifier(client.uri("Attachments/org-chart.png")), new Position(0, 0)))
                .get(10, TimeUnit.SECONDS).getRight().getItems();
        assertTrue(items.isEmpty());
    }

    @Test
    void aMalformedRequestGetsAnErrorAndTheServerKeepsServing() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.endpoint.request(
                "textDocument/hover", java.util.Map.of("textDocument", 42)).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof org.eclipse.lsp4j.jsonrpc.ResponseErrorException, e.toString());
        Position p = scratch("Daily/2026-02-03.md", "[[Ada{|}\n");
        assertFalse(complete("Daily/2026-02-03.md", p).isEmpty(), "still serving after the bad request");
    }

    @Test
    void completionReadsTheRegionsOfTheTextBeingEdited() throws Exception {
        String rel = "Daily/2026-02-04.md";
        Position p = scratch(rel, "Met [[Ada{|}\n");
        assertFalse(complete(rel, p).isEmpty());
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(client.uri(rel), 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, 0)), "%% "))));
        Position after = new Position(0, p.getCharacter() + 3);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // in case edits apply off this thread
        while (!complete(rel, after).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(complete(rel, after).isEmpty(), "the edit opened a comment");
    }
}
