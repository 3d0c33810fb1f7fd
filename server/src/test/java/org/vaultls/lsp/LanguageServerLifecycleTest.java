package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.lsp.LspHarness.hasCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.CreateFilesParams;
import org.eclipse.lsp4j.DeleteFilesParams;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.FileCreate;
import org.eclipse.lsp4j.FileDelete;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The server driven over piped streams by an lsp4j client, on a copy of test-vault. */
@Timeout(60)
class LanguageServerLifecycleTest {
    static final String DAILY = "Daily/2025-11-14.md";
    static final String SIOBHAN = "Meetings/2025-11-20 - Siobhán's security questions.md";

    @TempDir
    Path tmp;
    LspHarness client;

    @BeforeEach
    void start() throws Exception {
        Path vault = LspHarness.copyVault(Path.of("..", "test-vault"), tmp.resolve("vault"));
        client = new LspHarness(vault);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    @Test
    void initializeAdvertisesFeaturesAndIndexingReportsProgress() throws Exception {
        InitializeResult init = client.initialize(null);
        assertEquals("vault-ls", init.getServerInfo().getName());
        assertTrue(init.getCapabilities().getCompletionProvider().getTriggerCharacters().containsAll(
                List.of("[", "#", "^", "@", "|")));
        client.awaitDiagnostics(DAILY, d -> hasCode(d, "broken-link"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!client.progressKinds().contains("end") && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        List<String> kinds = client.progressKinds();
        assertEquals("begin", kinds.get(0));
        assertEquals("end", kinds.get(kinds.size() - 1));
        assertTrue(client.progress.stream().anyMatch(p -> p.getValue().getLeft() instanceof
                org.eclipse.lsp4j.WorkDoneProgressReport r && r.getMessage().matches("\\d+/\\d+ notes")), "x/y notes");
        var last = client.statuses.get(client.statuses.size() - 1);
        assertEquals("ready", last.state());
        assertEquals(49, last.notes(), "vault-ls/status carries the vault size");
    }

    @Test
    void fileWatchersAreRegisteredDynamicallyForNotesAndAttachments() throws Exception {
        client.initialize(null);
        client.awaitDiagnostics(DAILY, d -> hasCode(d, "broken-link"));
        var reg = client.registrations.get(0).getRegistrations().get(0);
        assertEquals("workspace/didChangeWatchedFiles", reg.getMethod());
        String options = reg.getRegisterOptions().toString();
        assertTrue(watched(options, "Daily/2026-01-01.md"), options);
        assertTrue(watched(options, "Attachments/chart.png"), options);
        assertTrue(watched(options, "Projects/report.docx"), "any file the loader takes: " + options);
    }

    /** True when one of the registered glob patterns matches a vault path. */
    private static boolean watched(String registerOptions, String path) {
        var globs = java.util.regex.Pattern.compile("\"globPattern\":\\s*\"([^\"]+)\"").matcher(registerOptions);
        boolean any = false;
        while (globs.find()) {
            any |= java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + globs.group(1))
                    .matches(Path.of(path));
        }
        return any;
    }

    @Test
    void aDocxCreatedInTheEditorResolvesAnEmbed() throws Exception {
        Files.writeString(client.vault.resolve("Projects/Quarterly.md"), "See ![[report.docx]]\n");
        client.initialize(null);
        client.awaitDiagnostics("Projects/Quarterly.md", d -> hasCode(d, "broken-link"));
        Path docx = client.vault.resolve("Projects/report.docx");
        Files.write(docx, new byte[] {'P', 'K', 3, 4});
        client.server.getWorkspaceService().didCreateFiles(new CreateFilesParams(
                List.of(new FileCreate(docx.toUri().toString()))));
        client.awaitDiagnostics("Projects/Quarterly.md", d -> !hasCode(d, "broken-link"));

        Files.delete(docx);
        client.server.getWorkspaceService().didDeleteFiles(new DeleteFilesParams(
                List.of(new FileDelete(docx.toUri().toString()))));
        client.awaitDiagnostics("Projects/Quarterly.md", d -> hasCode(d, "broken-link"));
    }

    @Test
    void diagnosticsArePublishedForEveryNoteNotOnlyOpenOnes() throws Exception {
        client.initialize(null);
        var greta = client.awaitDiagnostics("People/Greta Lindqvist.md", d -> !d.isEmpty());
        assertEquals("missing-frontmatter-field", greta.get(0).getCode().getLeft());
        var siobhan = client.awaitDiagnostics(SIOBHAN, d -> !d.isEmpty());
        assertEquals(16, siobhan.get(0).getRange().getStart().getLine());
        assertEquals("vault-ls", siobhan.get(0).getSource());
        var ambiguous = client.awaitDiagnostics("Daily/2025-12-15.md", d -> hasCode(d, "ambiguous-link"));
        assertEquals(2, ambiguous.get(0).getRelatedInformation().size(), "related candidates");
    }

    @Test
    void anEditFixingALinkRepublishesThatNotesDiagnostics() throws Exception {
        client.initialize(null);
        client.awaitDiagnostics(DAILY, d -> hasCode(d, "broken-link"));
        client.open(DAILY);
        String text = Files.readString(client.vault.resolve(DAILY));
        int line = (int) text.substring(0, text.indexOf("Ada Bergg")).lines().count() - 1;
        int col = text.substring(0, text.indexOf("Ada Bergg")).length() - text.substring(0, text.indexOf("Ada Bergg")).lastIndexOf('\n') - 1;
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                new Range(new Position(line, col + 7), new Position(line, col + 9)), "g");
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(client.uri(DAILY), 2), List.of(change)));
        client.awaitDiagnostics(DAILY, d -> !hasCode(d, "broken-link"));
    }

    @Test
    void closingADocumentFallsBackToTheTextOnDisk() throws Exception {
        client.initialize(null);
        String note = "People/Ada Berg.md";
        client.awaitDiagnostics(DAILY, d -> hasCode(d, "broken-link"));
        client.open(note);
        client.server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(client.uri(note), 2),
                List.of(new TextDocumentContentChangeEvent(new Range(new Position(0, 0), new Position(0, 0)),
                        "[[Nowhere At All]]\n"))));
        client.awaitDiagnostics(note, d -> hasCode(d, "broken-link"));
        client.server.getTextDocumentService().didClose(new DidCloseTextDocumentParams(
                new TextDocumentIdentifier(client.uri(note))));
        client.awaitDiagnostics(note, d -> !hasCode(d, "broken-link"));
    }

    @Test
    void aNoteCreatedOnDiskFixesABrokenLinkInAnotherNote() throws Exception {
        client.initialize(null);
        client.awaitDiagnostics(SIOBHAN, d -> hasCode(d, "broken-link"));
        Path created = client.vault.resolve("People/Nonexistent Person.md");
        Files.writeString(created, "---\ntype: people\ntitle: Nonexistent Person\nlast_contact: 2026-01-01\n---\n");
        client.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(created.toUri().toString(), FileChangeType.Created))));
        client.awaitDiagnostics(SIOBHAN, d -> !hasCode(d, "broken-link"));

        Files.delete(created);
        client.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(created.toUri().toString(), FileChangeType.Deleted))));
        client.awaitDiagnostics(SIOBHAN, d -> hasCode(d, "broken-link"));
    }

    @Test
    void aSettingsChangeRechecksTheVault() throws Exception {
        client.initialize(null);
        client.awaitDiagnostics(DAILY, d -> hasCode(d, "broken-link"));
        client.server.getWorkspaceService().didChangeConfiguration(new org.eclipse.lsp4j.DidChangeConfigurationParams(
                com.google.gson.JsonParser.parseString("{\"vault-ls\": {\"severity\": {\"broken-link\": \"off\"}}}")));
        client.awaitDiagnostics(DAILY, d -> !hasCode(d, "broken-link"));
    }

    @Test
    void editingTheVaultSettingsFileRechecksTheVault() throws Exception {
        client.initialize(null);
        client.awaitDiagnostics(DAILY, d -> hasCode(d, "broken-link"));
        Path settings = client.vault.resolve(".vault-ls.json");
        Files.writeString(settings, "{\"severity\": {\"broken-link\": \"off\"}}");
        client.server.getWorkspaceService().didChangeWatchedFiles(new DidChangeWatchedFilesParams(
                List.of(new FileEvent(settings.toUri().toString(), FileChangeType.Changed))));
        client.awaitDiagnostics(DAILY, d -> !hasCode(d, "broken-link"));
    }

    @Test
    void initializationOptionsCarryTheSameKeysAsTheSettingsFile() throws Exception {
        client.initialize(com.google.gson.JsonParser.parseString("{\"severity\": {\"broken-link\": \"error\"}}"));
        var d = client.awaitDiagnostics(DAILY, ds -> hasCode(ds, "broken-link"));
        assertEquals(org.eclipse.lsp4j.DiagnosticSeverity.Error, d.stream()
                .filter(x -> x.getCode().getLeft().equals("broken-link")).findFirst().orElseThrow().getSeverity());
    }

    @Test
    void shutdownThenExitEndsWithZero() throws Exception {
        client.initialize(null);
        client.server.shutdown().get(20, TimeUnit.SECONDS);
        client.server.exit();
        assertEquals(0, client.exitCode.get(20, TimeUnit.SECONDS));
    }

    @Test
    void exitWithoutShutdownEndsWithOne() throws Exception {
        client.initialize(null);
        client.server.exit();
        assertEquals(1, client.exitCode.get(20, TimeUnit.SECONDS));
    }

    @Test
    void aLostClientEndsTheServer() throws Exception {
        client.initialize(null);
        client.close();
        assertEquals(1, client.exitCode.get(10, TimeUnit.SECONDS));
    }

    @Test
    void noBrokenLinkIsPublishedBeforeTheIndexExists() throws Exception {
        client.initialize(null);
        client.awaitDiagnostics(DAILY, d -> hasCode(d, "broken-link"));
        // every note's first publication already knows the whole vault: Ada Berg's links all resolve
        assertFalse(client.published.stream().filter(p -> p.getUri().equals(client.uri("People/Ada Berg.md")))
                .anyMatch(p -> hasCode(p.getDiagnostics(), "broken-link")));
    }
}
