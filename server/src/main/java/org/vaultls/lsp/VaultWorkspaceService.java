package org.vaultls.lsp;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Logger;
import org.eclipse.lsp4j.SymbolInformation;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.WorkspaceSymbol;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.edit.Rename;
import org.vaultls.features.edit.Result;
import org.vaultls.features.edit.VaultBoundary;
import org.vaultls.features.navigation.Navigation;
import org.vaultls.index.VaultIndex;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.CreateFilesParams;
import org.eclipse.lsp4j.DeleteFilesParams;
import org.eclipse.lsp4j.FileCreate;
import org.eclipse.lsp4j.FileDelete;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications and requests: settings, file events, folders, workspace symbols. */
final class VaultWorkspaceService implements WorkspaceService {
    private static final Logger LOG = Logger.getLogger(VaultWorkspaceService.class.getName());
    private final Workspace workspace;
    private final VaultLanguageServer server;

    VaultWorkspaceService(Workspace workspace, VaultLanguageServer server) {
        this.workspace = workspace;
        this.server = server;
    }

    @Override
    public void didChangeConfiguration(DidChangeConfigurationParams params) {
        server.settingsChanged(params.getSettings());
    }

    @Override
    public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
        // per vault, the last event of each path, handed over in one update (a git pull sends hundreds)
        Map<VaultSession, Map<String, Boolean>> deletedByPath = new LinkedHashMap<>();
        for (FileEvent e : params.getChanges()) {
            Optional<Workspace.Located> l = workspace.locate(e.getUri());
            if (l.isEmpty()) {
                continue;
            }
            Map<String, Boolean> paths = deletedByPath.computeIfAbsent(l.get().session(), s -> new LinkedHashMap<>());
            paths.remove(l.get().path());
            paths.put(l.get().path(), e.getType() == FileChangeType.Deleted);
        }
        deletedByPath.forEach((session, paths) -> {
            List<String> changed = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            paths.forEach((path, gone) -> (gone ? deleted : changed).add(path));
            session.filesChanged(changed, deleted);
        });
    }

    /** Files created in the editor's explorer (the file watcher may report them too; reading twice is harmless). */
    @Override
    public void didCreateFiles(CreateFilesParams params) {
        for (FileCreate c : params.getFiles()) {
            workspace.locate(c.getUri()).ifPresent(l -> l.session().fileChanged(l.path()));
        }
    }

    /** Files or folders deleted in the editor's explorer. */
    @Override
    public void didDeleteFiles(DeleteFilesParams params) {
        for (FileDelete d : params.getFiles()) {
            workspace.locate(d.getUri()).ifPresent(l -> l.session().fileDeleted(l.path()));
        }
    }

    @Override
    public void didRenameFiles(RenameFilesParams params) {
        for (FileRename r : params.getFiles()) {
            Optional<Workspace.Located> from = workspace.locate(r.getOldUri());
            Optional<Workspace.Located> to = workspace.locate(r.getNewUri());
            if (from.isPresent() && to.isPresent() && from.get().session() == to.get().session()) {
                from.get().session().fileRenamed(from.get().path(), to.get().path());
            } else {
                from.ifPresent(f -> f.session().fileDeleted(f.path()));
                to.ifPresent(t -> t.session().fileChanged(t.path()));
            }
        }
    }

    @Override
    public void didChangeWorkspaceFolders(DidChangeWorkspaceFoldersParams params) {
        for (WorkspaceFolder f : params.getEvent().getRemoved()) {
            VaultLanguageServer.folderPath(f.getUri()).ifPresent(p -> {
                for (Path root : Workspace.vaultRoots(p, server.configFolder())) {
                    workspace.remove(root);
                }
            });
        }
        for (WorkspaceFolder f : params.getEvent().getAdded()) {
            VaultLanguageServer.folderPath(f.getUri()).ifPresent(server::addFolder);
        }
    }

    @Override
    public CompletableFuture<Either<List<? extends SymbolInformation>, List<? extends WorkspaceSymbol>>> symbol(
            WorkspaceSymbolParams params) {
        String query = params.getQuery() == null ? "" : params.getQuery();
        return Requests.run(cancel -> {
            List<WorkspaceSymbol> out = new ArrayList<>();
            for (VaultSession s : workspace.sessions()) {
                VaultIndex index = s.awaitIndex(VaultTextDocumentService.INDEX_WAIT_MS);
                cancel.check();
                if (index != null) {
                    Navigation.workspaceSymbols(index, query, 200, cancel)
                            .forEach(w -> out.add(LspFeatures.workspaceSymbol(w, s)));
                }
            }
            return Either.forRight(out);
        });
    }

    /** Links that keep pointing at files the user renames or moves in the editor's explorer. */
    @Override
    public CompletableFuture<WorkspaceEdit> willRenameFiles(RenameFilesParams params) {
        List<FileRename> files = Requests.require(params.getFiles(), "files");
        return Requests.run(cancel -> {
            Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
            for (FileRename r : files) {
                cancel.check();
                Optional<Workspace.Located> from = workspace.locate(r.getOldUri());
                Optional<Workspace.Located> to = workspace.locate(r.getNewUri());
                if (from.isEmpty() || to.isEmpty() || from.get().session() != to.get().session()) {
                    continue;
                }
                VaultSession s = from.get().session();
                VaultIndex index = s.awaitIndex(VaultTextDocumentService.INDEX_WAIT_MS);
                if (index == null) {
                    continue;
                }
                Result<WorkspaceChange> change = Rename.linksForMovedFile(index, from.get().path(), to.get().path(),
                        VaultBoundary.at(s.root()));
                if (!change.isOk()) {
                    LOG.warning(() -> "links to " + from.get().path() + " are not updated: " + change.error());
                    continue;
                }
                LspFeatures.workspaceEdit(change.value(), s, false).getChanges()
                        .forEach((uri, edits) -> changes.computeIfAbsent(uri, k -> new ArrayList<>()).addAll(edits));
            }
            return changes.isEmpty() ? null : new WorkspaceEdit(changes);
        });
    }
}
