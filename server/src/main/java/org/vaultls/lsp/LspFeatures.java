package org.vaultls.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.CreateFileOptions;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.FoldingRangeKind;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.SnippetTextEdit;
import org.eclipse.lsp4j.SymbolKind;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.completion.CompletionCandidate;
import org.vaultls.features.completion.CompletionResult;
import org.vaultls.features.hover.HoverCard;
import org.vaultls.features.lens.Lens;
import org.vaultls.features.calls.NoteCall;
import org.vaultls.features.hint.Hint;
import org.vaultls.features.navigation.DocumentLink;
import org.vaultls.features.navigation.FoldingRange;

/** Converts the answers of the core's features into lsp4j types. */
final class LspFeatures {
    private LspFeatures() {
    }

    static CompletionList completion(CompletionResult r) {
        List<CompletionItem> items = new ArrayList<>(r.items().size());
        for (CompletionCandidate c : r.items()) {
            CompletionItem item = new CompletionItem(c.label());
            item.setKind(kind(c.kind()));
            item.setDetail(c.detail());
            if (c.documentation() != null) {
                item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, c.documentation()));
            }
            item.setFilterText(c.filterText());
            item.setSortText(c.sortText());
            item.setTextEdit(Either.forLeft(new TextEdit(LspConvert.range(c.replace()), c.newText())));
            items.add(item);
        }
        return new CompletionList(r.incomplete(), items);
    }

    private static CompletionItemKind kind(CompletionCandidate.Kind k) {
        switch (k) {
            case NOTE: return CompletionItemKind.File;
            case ALIAS: return CompletionItemKind.Reference;
            case ATTACHMENT: return CompletionItemKind.File;
            case HEADING: return CompletionItemKind.Reference;
            case BLOCK: return CompletionItemKind.EnumMember;
            case PERSON: return CompletionItemKind.Constant;
            case TAG: return CompletionItemKind.Keyword;
            case PROPERTY_KEY: return CompletionItemKind.Property;
            case KEYWORD: return CompletionItemKind.Keyword;
            case FUNCTION: return CompletionItemKind.Function;
            case FIELD: return CompletionItemKind.Field;
            case FOLDER: return CompletionItemKind.Folder;
            default: return CompletionItemKind.Value;
        }
    }

    static Hover hover(HoverCard card) {
        return new Hover(new MarkupContent(MarkupKind.MARKDOWN, card.markdown()), LspConvert.range(card.span()));
    }

    static SymbolKind symbolKind(org.vaultls.features.navigation.SymbolKind k) {
        switch (k) {
            case FILE: return SymbolKind.File;
            case HEADING: return SymbolKind.String;
            case ALIAS: return SymbolKind.Key;
            case PERSON: return SymbolKind.Object;
            default: return SymbolKind.Key;
        }
    }

    static DocumentSymbol documentSymbol(org.vaultls.features.navigation.DocumentSymbol s) {
        DocumentSymbol d = new DocumentSymbol(s.name(), symbolKind(s.kind()), LspConvert.range(s.span()),
                LspConvert.range(s.selection()));
        List<DocumentSymbol> children = new ArrayList<>();
        s.children().forEach(c -> children.add(documentSymbol(c)));
        d.setChildren(children);
        return d;
    }

    static WorkspaceSymbol workspaceSymbol(org.vaultls.features.navigation.WorkspaceSymbol s, VaultSession session) {
        WorkspaceSymbol w = new WorkspaceSymbol(s.name(), symbolKind(s.kind()),
                Either.forLeft(LspConvert.location(s.location(), session)));
        w.setContainerName(s.container());
        return w;
    }

    static org.eclipse.lsp4j.DocumentLink documentLink(DocumentLink l, VaultSession session) {
        String target = session.uri(l.targetPath()) + (l.targetLine() >= 0 ? "#L" + (l.targetLine() + 1) : "");
        org.eclipse.lsp4j.DocumentLink d = new org.eclipse.lsp4j.DocumentLink(LspConvert.range(l.span()), target);
        d.setTooltip(l.tooltip());
        return d;
    }

    static org.eclipse.lsp4j.FoldingRange folding(FoldingRange f) {
        org.eclipse.lsp4j.FoldingRange r = new org.eclipse.lsp4j.FoldingRange(f.startLine(), f.endLine());
        r.setKind(f.kind() == FoldingRange.Kind.COMMENT ? FoldingRangeKind.Comment : FoldingRangeKind.Region);
        return r;
    }

    /** True when the client applies file renames and creations inside a workspace edit. */
    static boolean supportsResourceOperations(ClientCapabilities caps) {
        var ws = caps == null ? null : caps.getWorkspace();
        var edit = ws == null ? null : ws.getWorkspaceEdit();
        return edit != null && Boolean.TRUE.equals(edit.getDocumentChanges()) && edit.getResourceOperations() != null
                && edit.getResourceOperations().contains(ResourceOperationKind.Rename)
                && edit.getResourceOperations().contains(ResourceOperationKind.Create);
    }

    /**
     * A workspace edit: text edits first (by the paths the notes have now), then renames and
     * creations, as {@code documentChanges} when the client supports them, else as plain
     * {@code changes} (which cannot rename or create files; callers refuse those beforehand).
     */
    static WorkspaceEdit workspaceEdit(WorkspaceChange change, VaultSession session, boolean documentChanges) {
        Map<String, List<TextEdit>> byUri = new LinkedHashMap<>();
        for (Edit e : change.edits()) {
            byUri.computeIfAbsent(session.uri(e.path()), k -> new ArrayList<>())
                    .add(new TextEdit(LspConvert.range(e.span()), e.newText()));
        }
        if (!documentChanges) {
            return new WorkspaceEdit(byUri);
        }
        List<Either<TextDocumentEdit, ResourceOperation>> ops = new ArrayList<>();
        byUri.forEach((uri, edits) -> ops.add(Either.forLeft(
                new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null), plain(edits)))));
        for (WorkspaceChange.FileRename r : change.renames()) {
            ops.add(Either.forRight(new RenameFile(session.uri(r.from()), session.uri(r.to()))));
        }
        for (WorkspaceChange.FileCreate c : change.creates()) {
            String uri = session.uri(c.path());
            // neither overwrite nor ignoreIfExists: the create fails on an existing file, and so the edit
            ops.add(Either.forRight(new CreateFile(uri, new CreateFileOptions(false, false))));
            Position start = new Position(0, 0);
            ops.add(Either.forLeft(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null),
                    plain(List.of(new TextEdit(new Range(start, start), c.text()))))));
        }
        return new WorkspaceEdit(ops);
    }

    /** The command a lens runs: VS Code's own references view, which the Neovim plugin handles too. */
    static final String SHOW_REFERENCES = "editor.action.showReferences";

    /**
     * A lens whose command opens its locations as {@code editor.action.showReferences} takes them:
     * the document's URI, the position, the locations (the VS Code client turns the JSON into its
     * own types; the Neovim plugin fills the quickfix list).
     */
    static CodeLens codeLens(Lens l, VaultSession session, String uri) {
        List<org.eclipse.lsp4j.Location> locs = new ArrayList<>(l.locations().size());
        l.locations().forEach(x -> locs.add(LspConvert.location(x, session)));
        Range range = LspConvert.range(l.span());
        Command cmd = new Command(l.title(), SHOW_REFERENCES, List.of(uri, range.getStart(), locs));
        return new CodeLens(range, cmd, null);
    }

    /** A hint after its place, set off by a space; the due date reads as a type, the rest as a parameter. */
    static org.eclipse.lsp4j.InlayHint inlayHint(Hint h) {
        org.eclipse.lsp4j.InlayHint hint = new org.eclipse.lsp4j.InlayHint(LspConvert.position(h.pos()),
                Either.forLeft(h.label()));
        hint.setPaddingLeft(true);
        hint.setKind(h.kind() == Hint.Kind.DUE ? org.eclipse.lsp4j.InlayHintKind.Type
                : org.eclipse.lsp4j.InlayHintKind.Parameter);
        return hint;
    }

    /** A note as a call-hierarchy item: its title, its path as detail, its title line as range. */
    static org.eclipse.lsp4j.CallHierarchyItem callItem(NoteCall n, VaultSession session) {
        Range at = LspConvert.range(n.declaration());
        org.eclipse.lsp4j.CallHierarchyItem item = new org.eclipse.lsp4j.CallHierarchyItem(n.title(), SymbolKind.File,
                session.uri(n.path()), at, at);
        item.setDetail(n.path());
        return item;
    }

    static List<Range> ranges(List<org.vaultls.text.Span> spans) {
        List<Range> out = new ArrayList<>(spans.size());
        spans.forEach(s -> out.add(LspConvert.range(s)));
        return out;
    }

    private static List<Either<TextEdit, SnippetTextEdit>> plain(List<TextEdit> edits) {
        List<Either<TextEdit, SnippetTextEdit>> out = new ArrayList<>(edits.size());
        edits.forEach(e -> out.add(Either.forLeft(e)));
        return out;
    }
}
