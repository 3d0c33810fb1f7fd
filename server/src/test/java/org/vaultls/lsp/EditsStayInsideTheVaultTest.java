package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Over the protocol: the server's edits never reach a file outside the vault, nor over an existing one. */
@Timeout(60)
class EditsStayInsideTheVaultTest {
    @TempDir
    Path tmp;
    LspHarness client;

    @BeforeEach
    void start() throws Exception {
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        Files.writeString(tmp.resolve("outside.md"), "# precious\n");
        Files.createDirectories(vault.resolve("People"));
        Files.writeString(vault.resolve("People/Ada Berg.md"), "# Ada Berg\n");
        Files.writeString(vault.resolve("Index.md"), "[[People/../../outside]] [[Zeus]] [[Ada Berg]]\n");
        client = new LspHarness(vault);
        client.initialize(null);
        client.awaitDiagnostics("Index.md", d -> d.size() >= 2);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
    }

    private List<org.eclipse.lsp4j.CodeAction> actionsFor(Diagnostic d) throws Exception {
        return client.server.getTextDocumentService().codeAction(new CodeActionParams(
                new TextDocumentIdentifier(client.uri("Index.md")), d.getRange(), new CodeActionContext(List.of(d))))
                .get(10, TimeUnit.SECONDS).stream().map(a -> a.getRight()).toList();
    }

    private Diagnostic brokenAt(int character) throws Exception {
        return client.awaitDiagnostics("Index.md", d -> d.size() >= 2).stream()
                .filter(d -> d.getRange().getStart().getCharacter() <= character
                        && character <= d.getRange().getEnd().getCharacter())
                .findFirst().orElseThrow();
    }

    @Test
    void theQuickFixOffersNoNoteOutsideTheVault() throws Exception {
        List<org.eclipse.lsp4j.CodeAction> actions = actionsFor(brokenAt(5));
        assertTrue(actions.stream().noneMatch(a -> a.getTitle().startsWith("Create")), actions.toString());
        assertEquals("# precious\n", Files.readString(tmp.resolve("outside.md")));
    }

    @Test
    void aNewNoteIsCreatedOnlyWhereNoFileIs() throws Exception {
        org.eclipse.lsp4j.CodeAction create = actionsFor(brokenAt(30)).stream()
                .filter(a -> a.getTitle().equals("Create note 'Zeus'")).findFirst().orElseThrow();
        CreateFile op = (CreateFile) create.getEdit().getDocumentChanges().stream().filter(Either -> Either.isRight())
                .findFirst().orElseThrow().getRight();
        assertEquals(client.uri("Zeus.md"), op.getUri());
        assertFalse(Boolean.TRUE.equals(op.getOptions().getIgnoreIfExists()), "a create must fail on an existing file");
        assertFalse(Boolean.TRUE.equals(op.getOptions().getOverwrite()));

        Files.writeString(client.vault.resolve("Zeus.md"), "made meanwhile, not yet seen by the server\n");
        assertTrue(actionsFor(brokenAt(30)).stream().noneMatch(a -> a.getTitle().startsWith("Create")));
    }

    @Test
    void aRenameOntoAFileOnDiskIsRefusedWithAMessage() throws Exception {
        Files.writeString(client.vault.resolve("People/Ada Lind.md"), "not yet seen by the server\n");
        ExecutionException e = assertThrows(ExecutionException.class, () -> client.server.getTextDocumentService()
                .rename(new RenameParams(new TextDocumentIdentifier(client.uri("Index.md")), new Position(0, 38),
                        "Ada Lind")).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("People/Ada Lind.md already exists"), e.getCause().getMessage());
    }

    @Test
    void aFileMovedOutOfTheVaultGetsNoEdits() throws Exception {
        assertNull(client.server.getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(new FileRename(
                client.uri("People/Ada Berg.md"), tmp.resolve("Ada Berg.md").toUri().toString()))))
                .get(10, TimeUnit.SECONDS));
        assertNull(client.server.getWorkspaceService().willRenameFiles(new RenameFilesParams(List.of(new FileRename(
                client.uri("People/Ada Berg.md"), client.uri("People/../../Ada Berg.md")))))
                .get(10, TimeUnit.SECONDS));
    }
}
