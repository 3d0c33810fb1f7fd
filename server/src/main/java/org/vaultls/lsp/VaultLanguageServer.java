package org.vaultls.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesRegistrationOptions;
import org.eclipse.lsp4j.DocumentLinkOptions;
import org.eclipse.lsp4j.FileOperationFilter;
import org.eclipse.lsp4j.FileOperationOptions;
import org.eclipse.lsp4j.FileOperationPattern;
import org.eclipse.lsp4j.FileOperationsServerCapabilities;
import org.eclipse.lsp4j.FileSystemWatcher;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.Registration;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkDoneProgressBegin;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkDoneProgressEnd;
import org.eclipse.lsp4j.WorkDoneProgressReport;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.WorkspaceFoldersOptions;
import org.eclipse.lsp4j.WorkspaceServerCapabilities;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;
import org.vaultls.features.diagnostics.Finding;

/**
 * The language server: lifecycle, capabilities, and the vaults of the workspace. Features live in
 * the core; the document and workspace services only unwrap requests and convert answers.
 */
public final class VaultLanguageServer implements LanguageServer, LanguageClientAware {
    private static final Logger LOG = Logger.getLogger(VaultLanguageServer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Workspace workspace = new Workspace();
    private final VaultTextDocumentService documents = new VaultTextDocumentService(workspace);
    private final VaultWorkspaceService workspaceService = new VaultWorkspaceService(workspace, this);
    private final AtomicInteger progressIds = new AtomicInteger();
    private final IntConsumer exit;
    private volatile LanguageClient client;
    private volatile ClientCapabilities capabilities = new ClientCapabilities();
    private volatile JsonNode initSettings;
    private volatile List<Path> initialFolders = List.of();
    private volatile boolean shutdownRequested;
    private ScheduledExecutorService parentWatch;

    /** {@code exit} ends the process with a code (a test passes its own). */
    public VaultLanguageServer(IntConsumer exit) {
        this.exit = exit;
    }

    @Override
    public void connect(LanguageClient languageClient) {
        this.client = languageClient;
        ClientLogHandler.install(languageClient);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getCapabilities() != null) {
            capabilities = params.getCapabilities();
        }
        documents.setCapabilities(capabilities);
        org.vaultls.features.dataview.BlockResults.SHARED.onReady(this::refreshLenses);
        initSettings = section(params.getInitializationOptions());
        List<Path> folders = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            for (WorkspaceFolder f : params.getWorkspaceFolders()) {
                folderPath(f.getUri()).ifPresent(folders::add);
            }
        }
        if (folders.isEmpty() && params.getRootUri() != null) {
            folderPath(params.getRootUri()).ifPresent(folders::add);
        }
        initialFolders = folders;
        watchParent(params.getProcessId());

        ServerCapabilities caps = new ServerCapabilities();
        caps.setTextDocumentSync(TextDocumentSyncKind.Incremental);
        CompletionOptions completion = new CompletionOptions(false, List.of("[", "#", "^", "@", "|", ":", " "));
        caps.setCompletionProvider(completion);
        caps.setHoverProvider(true);
        caps.setDefinitionProvider(true);
        caps.setReferencesProvider(true);
        caps.setRenameProvider(new RenameOptions(true));
        caps.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite)));
        caps.setDocumentSymbolProvider(true);
        caps.setWorkspaceSymbolProvider(true);
        caps.setDocumentLinkProvider(new DocumentLinkOptions(false));
        caps.setFoldingRangeProvider(true);
        caps.setCodeLensProvider(new org.eclipse.lsp4j.CodeLensOptions(true)); // resolve gives the commands
        caps.setInlayHintProvider(true);
        caps.setCallHierarchyProvider(true);
        caps.setSemanticTokensProvider(new org.eclipse.lsp4j.SemanticTokensWithRegistrationOptions(
                TokenResults.legend(), new org.eclipse.lsp4j.SemanticTokensServerFull(true), false));
        WorkspaceServerCapabilities ws = new WorkspaceServerCapabilities(new WorkspaceFoldersOptions());
        ws.getWorkspaceFolders().setSupported(true);
        ws.getWorkspaceFolders().setChangeNotifications(true);
        FileOperationsServerCapabilities ops = new FileOperationsServerCapabilities();
        List<FileOperationFilter> filters = List.of(new FileOperationFilter(new FileOperationPattern("**/*"), "file"));
        ops.setWillRename(new FileOperationOptions(filters));
        ops.setDidRename(new FileOperationOptions(filters));
        ops.setDidCreate(new FileOperationOptions(filters));
        ops.setDidDelete(new FileOperationOptions(filters));
        ws.setFileOperations(ops);
        caps.setWorkspace(ws);
        return CompletableFuture.completedFuture(new InitializeResult(caps, new ServerInfo("vault-ls", org.vaultls.Version.get())));
    }

    @Override
    public void initialized(InitializedParams params) {
        registerWatchers();
        for (Path folder : initialFolders) {
            addFolder(folder);
        }
    }

    void addFolder(Path folder) {
        for (Path root : Workspace.vaultRoots(folder, configFolder())) {
            VaultSession session = new VaultSession(root, settingsFor(initSettings, root), new ClientSink(root));
            workspace.add(session);
            if (!clientWatchesFiles()) {
                session.watchDisk(); // before the listing, so no file created meanwhile is missed
            }
            session.start();
        }
    }

    /** The Obsidian config folder from the client's settings, which marks nested vault roots. */
    String configFolder() {
        JsonNode cf = initSettings == null ? null : initSettings.get("configFolder");
        return cf != null && cf.isTextual() ? cf.asText() : ".obsidian";
    }

    void settingsChanged(Object settings) {
        JsonNode s = section(settings);
        initSettings = s;
        workspace.sessions().forEach(v -> v.reloadSettings(settingsFor(s, v.root())));
    }

    /**
     * The settings of the vault at {@code root}. A client whose settings differ per workspace folder
     * (VS Code's "resource" scope) sends them under {@code "folders": {"<folder URI>": {...}}}: the
     * innermost folder holding the vault has its keys put over the rest, key by key.
     */
    static JsonNode settingsFor(JsonNode section, Path root) {
        if (section == null || !section.path("folders").isObject()) {
            return section;
        }
        ObjectNode merged = section.deepCopy();
        merged.remove("folders");
        Path best = null;
        JsonNode chosen = null;
        for (var it = section.get("folders").fields(); it.hasNext(); ) {
            var e = it.next();
            Path folder = folderPath(e.getKey()).orElse(null);
            if (folder != null && e.getValue().isObject() && root.startsWith(folder)
                    && (best == null || folder.getNameCount() > best.getNameCount())) {
                best = folder;
                chosen = e.getValue();
            }
        }
        if (chosen != null) {
            chosen.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        }
        return merged;
    }

    /** The {@code vault-ls} section of a settings object, or the object itself. */
    static JsonNode section(Object settings) {
        if (settings == null) {
            return null;
        }
        try {
            String json = settings instanceof JsonElement e ? e.toString() : JSON.writeValueAsString(settings);
            JsonNode n = JSON.readTree(json);
            if (n != null && n.has("vault-ls")) {
                return n.get("vault-ls");
            }
            if (n != null && n.has("vaultls")) {
                return n.get("vaultls");
            }
            return n;
        } catch (Exception e) {
            LOG.warning(() -> "settings are not JSON: " + e.getMessage());
            return null;
        }
    }

    static java.util.Optional<Path> folderPath(String uri) {
        try {
            return java.util.Optional.of(VaultFolder.path(uri).toAbsolutePath().normalize());
        } catch (RuntimeException e) {
            LOG.warning(() -> "workspace folder is not a file URI: " + uri);
            return java.util.Optional.empty();
        }
    }

    /** True when the client can watch files for the server (else each vault watches its own). */
    private boolean clientWatchesFiles() {
        var dyn = capabilities.getWorkspace() == null ? null : capabilities.getWorkspace().getDidChangeWatchedFiles();
        return dyn != null && Boolean.TRUE.equals(dyn.getDynamicRegistration()) && client != null;
    }

    private void registerWatchers() {
        if (!clientWatchesFiles()) {
            return;
        }
        // Every file: the loader takes any file as an attachment, so no list of extensions is complete.
        // The session drops events for files the loader skips (dot-folders, ignore globs). The settings
        // files are named too, for clients whose '*' does not match a leading dot.
        List<FileSystemWatcher> watchers = List.of(
                new FileSystemWatcher(Either.forLeft("**/*")),
                new FileSystemWatcher(Either.forLeft("**/.vault-ls.json")),
                new FileSystemWatcher(Either.forLeft("**/.obsidian/{app,templates}.json")));
        Registration r = new Registration("vault-ls-watchers", "workspace/didChangeWatchedFiles",
                new DidChangeWatchedFilesRegistrationOptions(watchers));
        client.registerCapability(new RegistrationParams(List.of(r))).exceptionally(e -> {
            LOG.warning(() -> "client refused file watchers: " + e.getMessage());
            return null;
        });
    }

    private void watchParent(Integer pid) {
        if (pid == null || pid <= 0) {
            return;
        }
        parentWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vault-ls-parent-watch");
            t.setDaemon(true);
            return t;
        });
        parentWatch.scheduleWithFixedDelay(() -> {
            try {
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    LOG.info(() -> "client process " + pid + " is gone; exiting");
                    exit.accept(1);
                }
            } catch (RuntimeException | Error e) {
                // a periodic task that throws is never run again: log it and keep watching
                LOG.log(Level.WARNING, "cannot check the client process " + pid, e);
            }
        }, 3, 3, TimeUnit.SECONDS);
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        workspace.sessions().forEach(VaultSession::shutdown);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        if (parentWatch != null) {
            parentWatch.shutdown();
        }
        exit.accept(shutdownRequested ? 0 : 1);
    }

    /** The client went away (stdin closed): exit as if told to. */
    void clientLost() {
        LanguageClient c = client;
        if (c != null) {
            ClientLogHandler.uninstall(c);
        }
        workspace.sessions().forEach(VaultSession::shutdown);
        exit();
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspaceService;
    }

    private final java.util.concurrent.atomic.AtomicBoolean lensRefreshQueued = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Asks the client to request code lenses again ({@code workspace/codeLens/refresh}) when it says it
     * can, at most once per {@link #LENS_REFRESH_MS}: dataview lenses of notes not being edited change as
     * other notes do.
     */
    void refreshLenses() {
        var ws = capabilities.getWorkspace();
        if (client == null || ws == null || ws.getCodeLens() == null
                || !Boolean.TRUE.equals(ws.getCodeLens().getRefreshSupport()) || !lensRefreshQueued.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture.delayedExecutor(LENS_REFRESH_MS, TimeUnit.MILLISECONDS).execute(() -> {
            lensRefreshQueued.set(false);
            LanguageClient c = client;
            if (c != null && !shutdownRequested) {
                c.refreshCodeLenses().exceptionally(e -> {
                    LOG.fine(() -> "client refused a code lens refresh: " + e.getMessage());
                    return null;
                });
            }
        });
    }

    static final long LENS_REFRESH_MS = 300;

    /** Publishes a vault's findings and indexing progress to the client. */
    private final class ClientSink implements VaultSession.Sink {
        private final Path root;
        private volatile String token;
        private volatile boolean began;

        ClientSink(Path root) {
            this.root = root;
        }

        @Override
        public void publish(String path, List<Finding> findings) {
            LanguageClient c = client;
            if (c == null) {
                return;
            }
            VaultSession session = workspace.sessions().stream().filter(s -> s.root().equals(root)).findFirst()
                    .orElse(null);
            if (session == null) {
                return;
            }
            List<Diagnostic> diags = new ArrayList<>(findings.size());
            findings.forEach(f -> diags.add(LspConvert.diagnostic(f, session)));
            c.publishDiagnostics(new PublishDiagnosticsParams(session.uri(path), diags));
        }

        @Override
        public void progress(int done, int total, boolean finished) {
            status(finished ? "ready" : "indexing", done, total);
            LanguageClient c = client;
            var window = capabilities.getWindow();
            if (c == null || window == null || !Boolean.TRUE.equals(window.getWorkDoneProgress())) {
                return;
            }
            String message = finished ? done + " notes" : done + "/" + total + " notes";
            int percentage = total == 0 ? 100 : (int) (100L * done / total);
            try {
                if (!began) {
                    began = true;
                    token = "vault-ls-index-" + progressIds.incrementAndGet();
                    c.createProgress(new WorkDoneProgressCreateParams(Either.forLeft(token))).get(5, TimeUnit.SECONDS);
                    WorkDoneProgressBegin begin = new WorkDoneProgressBegin();
                    begin.setTitle("Indexing " + root.getFileName());
                    begin.setMessage(message);
                    begin.setPercentage(percentage);
                    begin.setCancellable(false);
                    c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(begin)));
                }
                if (finished) {
                    WorkDoneProgressEnd end = new WorkDoneProgressEnd();
                    end.setMessage(message);
                    c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(end)));
                    began = false;
                } else {
                    WorkDoneProgressReport report = new WorkDoneProgressReport();
                    report.setMessage(message);
                    report.setPercentage(percentage);
                    c.notifyProgress(new ProgressParams(Either.forLeft(token), Either.forLeft(report)));
                }
            } catch (Exception e) {
                LOG.log(Level.FINE, "progress not shown", e);
            }
        }

        /** Tells the client, in a {@code vault-ls/status} notification, how far indexing is. */
        private void status(String state, int done, int total) {
            if (!(client instanceof VaultLanguageClient c)) {
                return;
            }
            try {
                c.status(new VaultLanguageClient.Status(root.toUri().toString(), state, done, total));
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "status not sent", e);
            }
        }

        @Override
        public void warn(String message) {
            LOG.warning(message); // the client log handler forwards it to window/logMessage
        }

        @Override
        public void refreshLenses() {
            VaultLanguageServer.this.refreshLenses();
        }
    }
}
