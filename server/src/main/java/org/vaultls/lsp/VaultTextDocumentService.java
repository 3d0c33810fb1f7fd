package org.vaultls.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.CodeLensParams;
import org.eclipse.lsp4j.CallHierarchyIncomingCall;
import org.eclipse.lsp4j.CallHierarchyIncomingCallsParams;
import org.eclipse.lsp4j.CallHierarchyItem;
import org.eclipse.lsp4j.CallHierarchyOutgoingCall;
import org.eclipse.lsp4j.CallHierarchyOutgoingCallsParams;
import org.eclipse.lsp4j.CallHierarchyPrepareParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.InlayHint;
import org.eclipse.lsp4j.InlayHintParams;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensDeltaParams;
import org.eclipse.lsp4j.SemanticTokensParams;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.DocumentLink;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRange;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.LocationLink;
import org.eclipse.lsp4j.PrepareRenameDefaultBehavior;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.PrepareRenameResult;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.Either3;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.completion.Completions;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.edit.CodeActions;
import org.vaultls.features.edit.Rename;
import org.vaultls.features.edit.RenameTarget;
import org.vaultls.features.edit.Result;
import org.vaultls.features.edit.VaultBoundary;
import org.vaultls.features.hover.Hovers;
import org.vaultls.features.lens.CodeLenses;
import org.vaultls.features.lens.Lens;
import org.vaultls.features.calls.LinkHierarchy;
import org.vaultls.features.hint.InlayHints;
import org.vaultls.text.Dates;
import org.vaultls.features.navigation.Navigation;
import org.vaultls.text.Span;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidCloseTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DidSaveTextDocumentParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
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
    private volatile ClientCapabilities capabilities = new ClientCapabilities();
    private final TokenResults tokenResults = new TokenResults();
    private final LensResults lensResults = new LensResults();
    /** The today of due-date hints ({@code VAULT_LS_TODAY}, else the system's); tests set their own. */
    volatile java.time.Clock clock = Dates.defaultClock();

    VaultTextDocumentService(Workspace workspace) {
        this.workspace = workspace;
    }

    void setCapabilities(ClientCapabilities c) {
        capabilities = c;
    }

    /** A markdown document of a vault is kept, once, by its session; others are not served, so not kept. */
    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        markdown(uri).ifPresent(l -> l.session().documentChanged(l.path(), params.getTextDocument().getText()));
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        Optional<Workspace.Located> located = markdown(uri);
        if (located.isEmpty()) {
            return; // not a note of any vault: nothing is kept for it
        }
        String text = located.get().session().openText(located.get().path());
        if (text == null) {
            LOG.warning(() -> "didChange for a document that is not open: " + uri);
            return;
        }
        for (TextDocumentContentChangeEvent change : params.getContentChanges()) {
            text = apply(text, change);
        }
        located.get().session().documentChanged(located.get().path(), text);
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
        markdown(uri).ifPresent(l -> l.session().documentClosed(l.path()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // the open text is already the note's; the file watcher reports the save of unopened files
    }

    // ---- requests ---------------------------------------------------------------------------

    /**
     * Completion does not wait for the notes to be parsed: until they are, it answers from the file
     * names alone (and the headings or block ids of the one note a {@code [[Note#} names, read on
     * demand) and says the list is incomplete, so the editor asks again as the user types.
     */
    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        String uri = uri(params.getTextDocument());
        Requests.require(params.getPosition(), "position");
        Either<List<CompletionItem>, CompletionList> none = Either.forRight(new CompletionList(false, List.of()));
        Optional<Workspace.Located> located = markdown(uri);
        if (located.isPresent() && located.get().session().index() == null) {
            VaultSession session = located.get().session();
            return Requests.run(cancel -> {
                VaultIndex names = session.indexOrNames(INDEX_WAIT_MS);
                Optional<Note> note = session.note(located.get().path());
                if (names == null || note.isEmpty()) {
                    return none;
                }
                int offset = note.get().lines().offset(LspConvert.pos(params.getPosition()));
                boolean early = session.index() != names;
                CompletionList list = LspFeatures.completion(early
                        ? Completions.completeEarly(names, note.get(), offset, session::readNow)
                        : Completions.complete(names, note.get(), offset));
                if (early) {
                    list.setIsIncomplete(true); // names only: the editor asks again as the user types
                }
                return Either.forRight(list);
            });
        }
        return withNote(params.getTextDocument(), none, c -> Either.forRight(LspFeatures.completion(
                Completions.complete(c.index(), c.note(), c.offset(params.getPosition())))));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return withNote(params.getTextDocument(), null, c -> Hovers.hover(c.index(), c.note(),
                c.offset(params.getPosition()), c.session()::uri).map(LspFeatures::hover).orElse(null));
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(
            DefinitionParams params) {
        return withNote(params.getTextDocument(), Either.forLeft(List.of()), c -> {
            List<Location> out = new ArrayList<>();
            Navigation.definition(c.index(), c.note(), c.offset(params.getPosition()))
                    .forEach(l -> out.add(LspConvert.location(l, c.session())));
            return Either.forLeft(out);
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        boolean decl = params.getContext() != null && params.getContext().isIncludeDeclaration();
        Requests.require(params.getPosition(), "position");
        return withNote(params.getTextDocument(), List.of(), c -> {
            List<Location> out = new ArrayList<>();
            Navigation.references(c.index(), c.note(), c.offset(params.getPosition()), decl, c.cancel())
                    .forEach(l -> out.add(LspConvert.location(l, c.session())));
            return out;
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(
            DocumentSymbolParams params) {
        return withNote(params.getTextDocument(), List.of(), c -> {
            List<Either<SymbolInformation, DocumentSymbol>> out = new ArrayList<>();
            Navigation.documentSymbols(c.note()).forEach(s -> out.add(Either.forRight(LspFeatures.documentSymbol(s))));
            return out;
        });
    }

    @Override
    public CompletableFuture<List<DocumentLink>> documentLink(DocumentLinkParams params) {
        return withNote(params.getTextDocument(), List.of(), c -> {
            List<DocumentLink> out = new ArrayList<>();
            Navigation.documentLinks(c.index(), c.note()).forEach(l -> out.add(LspFeatures.documentLink(l, c.session())));
            return out;
        });
    }

    @Override
    public CompletableFuture<List<FoldingRange>> foldingRange(FoldingRangeRequestParams params) {
        return withNote(params.getTextDocument(), List.of(), c -> {
            List<FoldingRange> out = new ArrayList<>();
            Navigation.foldingRanges(c.note()).forEach(f -> out.add(LspFeatures.folding(f)));
            return out;
        });
    }

    @Override
    public CompletableFuture<Either3<Range, PrepareRenameResult, PrepareRenameDefaultBehavior>> prepareRename(
            PrepareRenameParams params) {
        return withNote(params.getTextDocument(), null, c -> {
            Result<RenameTarget> r = Rename.prepare(c.index(), c.note(), c.offset(params.getPosition()));
            if (r.error() != null) {
                throw Requests.invalidRequest(r.error());
            }
            return Either3.forSecond(new PrepareRenameResult(LspConvert.range(r.value().span()),
                    r.value().placeholder()));
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return withNote(params.getTextDocument(), null, c -> {
            Result<WorkspaceChange> r = Rename.rename(c.index(), c.note(), c.offset(params.getPosition()),
                    Requests.require(params.getNewName(), "newName"), VaultBoundary.at(c.session().root()));
            c.cancel().check(); // rename reads the vault without checking; do not convert a cancelled one
            if (r.error() != null) {
                throw Requests.invalidRequest(r.error());
            }
            boolean resources = LspFeatures.supportsResourceOperations(capabilities);
            if (!resources && (!r.value().renames().isEmpty() || !r.value().creates().isEmpty())) {
                throw Requests.invalidRequest("This editor cannot rename files inside an edit; rename the file in "
                        + "its explorer instead (vault-ls then updates the links)");
            }
            return LspFeatures.workspaceEdit(r.value(), c.session(), resources);
        });
    }

    @Override
    public CompletableFuture<List<Either<Command, CodeAction>>> codeAction(CodeActionParams params) {
        return withNote(params.getTextDocument(), List.of(), c -> {
            org.eclipse.lsp4j.Range asked = Requests.require(params.getRange(), "range");
            int start = c.offset(asked.getStart());
            int end = c.offset(asked.getEnd());
            Span range = c.note().lines().span(start, Math.max(start, end));
            List<Finding> here = new ArrayList<>();
            for (Finding f : Diagnostics.forNote(c.index(), c.note())) {
                if (f.span().startOffset() <= range.endOffset() && f.span().endOffset() >= range.startOffset()) {
                    here.add(f);
                }
            }
            boolean resources = LspFeatures.supportsResourceOperations(capabilities);
            List<Either<Command, CodeAction>> out = new ArrayList<>();
            for (org.vaultls.features.edit.CodeAction a : CodeActions.actions(c.index(), c.note(), range, here,
                    VaultBoundary.at(c.session().root()))) {
                if (!resources && (!a.change().renames().isEmpty() || !a.change().creates().isEmpty())) {
                    continue;
                }
                CodeAction action = new CodeAction(a.title());
                action.setKind(a.kind());
                action.setIsPreferred(a.preferred());
                action.setEdit(LspFeatures.workspaceEdit(a.change(), c.session(), resources));
                if (a.fixes() != null) {
                    action.setDiagnostics(List.of(LspConvert.diagnostic(a.fixes(), c.session())));
                }
                out.add(Either.forRight(action));
            }
            return out;
        });
    }

    /**
     * Reference counts above the note's title, its linked headings and its dataview blocks: their
     * ranges only, {@link #resolveCodeLens} gives each its title and the references a click lists
     * (see {@link LensResults}; a note's hundreds of lenses with all their references are a large answer).
     */
    @Override
    public CompletableFuture<List<? extends CodeLens>> codeLens(CodeLensParams params) {
        return withNote(params.getTextDocument(), List.of(), c -> LensResults.unresolved(
                lensResults.lenses(c.index(), c.note(), () -> CodeLenses.of(c.index(), c.note(), c.cancel())),
                c.session().uri(c.note().path())));
    }

    /** A lens's title and command, from the note's lenses in the current snapshot. */
    @Override
    public CompletableFuture<CodeLens> resolveCodeLens(CodeLens unresolved) {
        Optional<LensResults.Ref> ref = LensResults.ref(unresolved);
        CodeLens stale = LensResults.stale(unresolved);
        if (ref.isEmpty()) {
            return CompletableFuture.completedFuture(stale);
        }
        return withNote(new TextDocumentIdentifier(ref.get().uri()), stale, c -> {
            List<Lens> lenses = lensResults.lenses(c.index(), c.note(),
                    () -> CodeLenses.of(c.index(), c.note(), c.cancel()));
            return LensResults.find(lenses, ref.get())
                    .map(l -> LspFeatures.codeLens(l, c.session(), c.session().uri(c.note().path())))
                    .orElse(null);
        });
    }

    /** The note's links (in their state), tags, owner tags, block ids, properties and Dataview lines. */
    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        String uri = uri(params.getTextDocument());
        return withNote(params.getTextDocument(), new SemanticTokens(List.of()), c -> tokenResults.full(uri,
                org.vaultls.features.highlight.SemanticTokens.of(c.index(), c.note(), c.cancel())));
    }

    /** The change since the previous answer, as one edit of its array (the full tokens for an unknown id). */
    @Override
    public CompletableFuture<Either<SemanticTokens, SemanticTokensDelta>> semanticTokensFullDelta(
            SemanticTokensDeltaParams params) {
        String uri = uri(params.getTextDocument());
        return withNote(params.getTextDocument(), Either.forLeft(new SemanticTokens(List.of())),
                c -> tokenResults.delta(uri, params.getPreviousResultId(),
                        org.vaultls.features.highlight.SemanticTokens.of(c.index(), c.note(), c.cancel())));
    }

    /** Titles after bare links, role · company after owner tags, "in 3 days" after due tasks, in the range. */
    @Override
    public CompletableFuture<List<InlayHint>> inlayHint(InlayHintParams params) {
        return withNote(params.getTextDocument(), List.of(), c -> {
            Range range = Requests.require(params.getRange(), "range");
            List<InlayHint> out = new ArrayList<>();
            InlayHints.of(c.index(), c.note(), c.offset(range.getStart()), c.offset(range.getEnd()), clock, c.cancel())
                    .forEach(h -> out.add(LspFeatures.inlayHint(h)));
            return out;
        });
    }

    /** The note under the cursor for the call-hierarchy view: a link's note, an owner's, else this one. */
    @Override
    public CompletableFuture<List<CallHierarchyItem>> prepareCallHierarchy(CallHierarchyPrepareParams params) {
        return withNote(params.getTextDocument(), List.of(), c -> LinkHierarchy.prepare(c.index(), c.note(),
                c.offset(params.getPosition())).map(n -> List.of(LspFeatures.callItem(n, c.session()))).orElse(List.of()));
    }

    /** The notes linking to the item's note, with the links' ranges in them. */
    @Override
    public CompletableFuture<List<CallHierarchyIncomingCall>> callHierarchyIncomingCalls(
            CallHierarchyIncomingCallsParams params) {
        CallHierarchyItem item = Requests.require(params.getItem(), "item");
        return withNote(new TextDocumentIdentifier(item.getUri()), List.of(), c -> {
            List<CallHierarchyIncomingCall> out = new ArrayList<>();
            LinkHierarchy.incoming(c.index(), c.note(), c.cancel()).forEach(n -> out.add(
                    new CallHierarchyIncomingCall(LspFeatures.callItem(n, c.session()), LspFeatures.ranges(n.ranges()))));
            return out;
        });
    }

    /** The notes the item's note links to, with the ranges of those links in it. */
    @Override
    public CompletableFuture<List<CallHierarchyOutgoingCall>> callHierarchyOutgoingCalls(
            CallHierarchyOutgoingCallsParams params) {
        CallHierarchyItem item = Requests.require(params.getItem(), "item");
        return withNote(new TextDocumentIdentifier(item.getUri()), List.of(), c -> {
            List<CallHierarchyOutgoingCall> out = new ArrayList<>();
            LinkHierarchy.outgoing(c.index(), c.note(), c.cancel()).forEach(n -> out.add(
                    new CallHierarchyOutgoingCall(LspFeatures.callItem(n, c.session()), LspFeatures.ranges(n.ranges()))));
            return out;
        });
    }

    /** A markdown document of some vault. */
    Optional<Workspace.Located> markdown(String uri) {
        return workspace.locate(uri).filter(l -> VaultPaths.isMarkdown(l.path()));
    }

    /** The URI of a request's document; InvalidParams when the request names none. */
    static String uri(org.eclipse.lsp4j.TextDocumentIdentifier doc) {
        return Requests.require(Requests.require(doc, "textDocument").getUri(), "textDocument.uri");
    }

    /**
     * What a per-document request works on: the vault's index, the document's note in that same
     * index, and the request's cancel check.
     */
    record Context(VaultSession session, VaultIndex index, Note note, CancelCheck cancel) {
        int offset(Position p) {
            return note.lines().offset(LspConvert.pos(Requests.require(p, "position")));
        }
    }

    /**
     * Runs a request against a document's context through {@link Requests#run}; a document outside
     * every vault, not markdown, or an index that never came answers {@code empty}. A failure is an
     * error answer (logged), not an empty one.
     */
    <T> CompletableFuture<T> withNote(org.eclipse.lsp4j.TextDocumentIdentifier doc, T empty, Function<Context, T> work) {
        Optional<Workspace.Located> located = markdown(uri(doc));
        if (located.isEmpty()) {
            return CompletableFuture.completedFuture(empty);
        }
        VaultSession session = located.get().session();
        // taken here, on the thread that reads messages in order: the edits sent before this request
        long edits = session.editMark();
        return Requests.run(cancel -> {
            if (session.awaitIndex(INDEX_WAIT_MS) == null) {
                return empty;
            }
            cancel.check();
            Optional<VaultSession.Snapshot> snap = session.snapshot(located.get().path(), edits, INDEX_WAIT_MS);
            if (snap.isEmpty()) {
                return empty;
            }
            T result = work.apply(new Context(session, snap.get().index(), snap.get().note(), cancel));
            return result == null ? empty : result;
        });
    }
}
