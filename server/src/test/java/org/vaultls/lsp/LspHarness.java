package org.vaultls.lsp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.eclipse.lsp4j.ApplyWorkspaceEditParams;
import org.eclipse.lsp4j.ApplyWorkspaceEditResponse;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ResourceOperationKind;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * An LSP client talking to the real server class over piped streams, the way an editor does. It
 * records what the server sends: diagnostics, progress, registrations and log messages.
 */
final class LspHarness implements VaultLanguageClient, AutoCloseable {
    final Map<String, List<Diagnostic>> diagnostics = new ConcurrentHashMap<>();
    final List<PublishDiagnosticsParams> published = new CopyOnWriteArrayList<>();
    final List<ProgressParams> progress = new CopyOnWriteArrayList<>();
    final List<RegistrationParams> registrations = new CopyOnWriteArrayList<>();
    final List<MessageParams> logs = new CopyOnWriteArrayList<>();
    final List<VaultLanguageClient.Status> statuses = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    final LanguageServer server;
    /** The raw connection, for requests an lsp4j proxy would refuse to send. */
    final org.eclipse.lsp4j.jsonrpc.RemoteEndpoint endpoint;
    final Path vault;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-client");
        t.setDaemon(true);
        return t;
    });
    private final OutputStream toServer;

    LspHarness(Path vault) throws IOException {
        this.vault = vault.toAbsolutePath().normalize();
        // NIO pipes, not java.io piped streams: those break when the last thread that wrote has ended
        Pipe up = Pipe.open();
        Pipe down = Pipe.open();
        InputStream serverIn = Channels.newInputStream(up.source());
        toServer = Channels.newOutputStream(up.sink());
        InputStream clientIn = Channels.newInputStream(down.source());
        OutputStream serverOut = Channels.newOutputStream(down.sink());
        ServerLauncher.start(serverIn, serverOut, exitCode::complete);
        Launcher<LanguageServer> launcher = new LSPLauncher.Builder<LanguageServer>()
                .setLocalService(this).setRemoteInterface(LanguageServer.class)
                .setInput(clientIn).setOutput(toServer).setExecutorService(threads).create();
        server = launcher.getRemoteProxy();
        endpoint = launcher.getRemoteEndpoint();
        launcher.startListening();
    }

    static ClientCapabilities capabilities() {
        ClientCapabilities caps = new ClientCapabilities();
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        WorkspaceEditCapabilities edit = new WorkspaceEditCapabilities();
        edit.setDocumentChanges(true);
        edit.setResourceOperations(List.of(ResourceOperationKind.Create, ResourceOperationKind.Rename,
                ResourceOperationKind.Delete));
        ws.setWorkspaceEdit(edit);
        ws.setApplyEdit(true);
        caps.setWorkspace(ws);
        return caps;
    }

    InitializeResult initialize(Object initializationOptions) throws Exception {
        return initialize(initializationOptions, capabilities());
    }

    InitializeResult initialize(Object initializationOptions, ClientCapabilities caps) throws Exception {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setCapabilities(caps);
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(vault.toUri().toString(), "vault")));
        p.setInitializationOptions(initializationOptions);
        InitializeResult r = server.initialize(p).get(10, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    String uri(String rel) {
        return vault.resolve(rel).toUri().toString();
    }

    void open(String rel) throws IOException {
        String text = Files.readString(vault.resolve(rel));
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri(rel), "markdown", 1, text)));
    }

    /** Waits until the diagnostics of {@code rel} satisfy {@code condition}. */
    List<Diagnostic> awaitDiagnostics(String rel, Predicate<List<Diagnostic>> condition) throws InterruptedException {
        String uri = uri(rel);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<Diagnostic> d = diagnostics.get(uri);
            if (d != null && condition.test(d)) {
                return d;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("diagnostics of " + rel + " never matched; last: " + diagnostics.get(uri));
    }

    static boolean hasCode(List<Diagnostic> ds, String code) {
        return ds.stream().anyMatch(d -> d.getCode() != null && code.equals(d.getCode().getLeft()));
    }

    static Path copyVault(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    List<String> progressKinds() {
        List<String> kinds = new ArrayList<>();
        progress.forEach(p -> kinds.add(p.getValue().getLeft().getKind().toString()));
        return kinds;
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void status(VaultLanguageClient.Status status) {
        statuses.add(status);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        published.add(params);
        diagnostics.put(params.getUri(), params.getDiagnostics());
    }

    @Override
    public void showMessage(MessageParams messageParams) {
        logs.add(messageParams);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {
        logs.add(message);
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        registrations.add(params);
        return CompletableFuture.completedFuture(null);
    }

    /** {@code workspace/codeLens/refresh} requests the server sent. */
    final java.util.concurrent.atomic.AtomicInteger lensRefreshes = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public CompletableFuture<Void> refreshCodeLenses() {
        lensRefreshes.incrementAndGet();
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
        progress.add(params);
    }

    @Override
    public CompletableFuture<ApplyWorkspaceEditResponse> applyEdit(ApplyWorkspaceEditParams params) {
        return CompletableFuture.completedFuture(new ApplyWorkspaceEditResponse(false));
    }

    @Override
    public void close() throws IOException {
        toServer.close(); // the server sees its client gone and stops
        threads.shutdownNow();
    }
}
