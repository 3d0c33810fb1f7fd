package org.vaultls.lsp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.CancelChecker;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Document sync and the per-document requests. Each request handler unwraps its params, asks the
 * core once, and converts the answer; a document outside every vault, or not markdown, gets an empty
 * answer. Requests wait (bounded) for the first index, so no answer comes from a half-built one.
 */
final class VaultTextDocumentService implements TextDocumentService {
    private static final Logger LOG = Logger.getLogger(VaultTextDocumentService.class.getName());
    static final long INDEX_WAIT_MS = 30_000;

    private final Workspace workspace;
    private final Map<String, String> texts = new ConcurrentHashMap<>();
    private volatile ClientCapabilities capabilities = new ClientCapabilities();

    VaultTextDocumentService(Workspace workspace) {
        this.workspace = workspace;
    }

    void setCapabilities(ClientCapabilities c) {
        capabilities = c;
    }

    ClientCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        texts.put(uri, params.getTextDocument().getText());
        markdown(uri).ifPresent(l -> l.session().documentChanged(l.path(), params.getTextDocument().getText()));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        String text = texts.get(uri);
        if (text == null) {
            LOG.warning(() -> "didChange for a document that is not open: " + uri);
            return;
        }
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            text = apply(text, change);
        }
        texts.put(uri, text);
        String current = text;
        markdown(uri).ifPresent(l -> l.session().documentChanged(l.path(), current));
    }

    /** Applies one change event: a whole new text, or a replacement of a range. */
    static String apply(String text, TextDocumentContentChangeEvent change) {
        if (change.getRange() == null) {
            return change.getText();
        }
        LineMap lines = new LineMap(text);
        int start = lines.offset(LspConvert.pos(change.getRange().getStart()));
        int end = lines.offset(LspConvert.pos(change.getRange().getEnd()));
        if (end < start) {
            int t = start;
            start = end;
            end = t;
        }
        return text.substring(0, start) + change.getText() + text.substring(end);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        texts.remove(uri);
        markdown(uri).ifPresent(l -> l.session().documentClosed(l.path()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open text is already the note's; the file watcher reports the save of unopened files
    }

    /** A markdown document of some vault. */
    Optional<Workspace.Located> markdown(String uri) {
        return workspace.locate(uri).filter(l -> VaultPaths.isMarkdown(l.path()));
    }

    /** What a per-document request works on: the vault's index and the document's current note. */
    record Context(VaultSession session, VaultIndex index, Note note) {
        int offset(Position p) {
            return note.lines().offset(LspConvert.pos(p));
        }
    }

    /**
     * Runs a request against a document's context off the message thread; a document outside every
     * vault, a failure, or an index that never came answers {@code empty}.
     */
    <T> CompletableFuture<T> withNote(String uri, T empty, Function<Context, T> work) {
        return CompletableFutures.computeAsync((CancelChecker cancel) -> {
            Optional<Workspace.Located> located = markdown(uri);
            if (located.isEmpty()) {
                return empty;
            }
            VaultSession session = located.get().session();
            VaultIndex index = session.awaitIndex(INDEX_WAIT_MS);
            cancel.checkCanceled();
            if (index == null) {
                return empty;
            }
            Optional<Note> note = session.note(located.get().path());
            if (note.isEmpty()) {
                return empty;
            }
            try {
                T result = work.apply(new Context(session, session.index(), note.get()));
                return result == null ? empty : result;
            } catch (java.util.concurrent.CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "request failed on " + uri, e);
                return empty;
            }
        });
    }
}
