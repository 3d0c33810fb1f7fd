package org.vaultls.lsp;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.DidChangeWorkspaceFoldersParams;
import org.eclipse.lsp4j.FileChangeType;
import org.eclipse.lsp4j.FileEvent;
import org.eclipse.lsp4j.FileRename;
import org.eclipse.lsp4j.RenameFilesParams;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.services.WorkspaceService;

/** Workspace notifications and requests: settings, file events, folders, workspace symbols. */
final class VaultWorkspaceService implements WorkspaceService {
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
        for (FileEvent e : params.getChanges()) {
            Optional<Workspace.Located> l = workspace.locate(e.getUri());
            if (l.isEmpty()) {
                continue;
            }
            if (e.getType() == FileChangeType.Deleted) {
                l.get().session().fileDeleted(l.get().path());
            } else {
                l.get().session().fileChanged(l.get().path());
            }
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
                for (Path root : Workspace.vaultRoots(p, ".obsidian")) {
                    workspace.remove(root);
                }
            });
        }
        for (WorkspaceFolder f : params.getEvent().getAdded()) {
            VaultLanguageServer.folderPath(f.getUri()).ifPresent(server::addFolder);
        }
    }
}
