package org.vaultls.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.lsp4j.ConfigurationParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.ProgressParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.RegistrationParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.UnregistrationParams;
import org.eclipse.lsp4j.WorkDoneProgressCreateParams;
import org.eclipse.lsp4j.WorkspaceFolder;

/**
 * The benchmarks' language client: keeps what the server sends on its own (diagnostics, time-stamped
 * on arrival; the {@code vault-ls/status} notification; error log lines) and answers its requests.
 */
final class BenchClient implements StatusClient {
    final Map<String, BlockingQueue<Arrival>> diagnostics = new ConcurrentHashMap<>();
    final CompletableFuture<Long> ready = new CompletableFuture<>();
    final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    volatile String indexed = "";
    volatile int publishes;

    record Arrival(long nanos, List<Diagnostic> diagnostics) {
    }

    BlockingQueue<Arrival> queue(String uri) {
        return diagnostics.computeIfAbsent(uri, u -> new LinkedBlockingQueue<>());
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        long now = System.nanoTime();
        publishes++;
        queue(params.getUri()).add(new Arrival(now, params.getDiagnostics()));
    }

    @Override
    public void status(StatusClient.Status status) {
        if ("ready".equals(status.state)) {
            ready.complete(System.nanoTime());
        }
    }

    @Override
    public void telemetryEvent(Object object) {
    }

    @Override
    public void showMessage(MessageParams params) {
        log(params);
    }

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams params) {
        log(params);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams params) {
        log(params);
    }

    private void log(MessageParams params) {
        if (params.getType() == MessageType.Error) {
            errors.add(params.getMessage());
        } else if (params.getMessage() != null && params.getMessage().startsWith("Indexed ")) {
            indexed = params.getMessage(); // the server's own account of its first load
        }
    }

    @Override
    public CompletableFuture<Void> registerCapability(RegistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> unregisterCapability(UnregistrationParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletableFuture<Void> createProgress(WorkDoneProgressCreateParams params) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void notifyProgress(ProgressParams params) {
    }

    @Override
    public CompletableFuture<List<WorkspaceFolder>> workspaceFolders() {
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<List<Object>> configuration(ConfigurationParams params) {
        List<Object> none = new ArrayList<>();
        params.getItems().forEach(i -> none.add(null));
        return CompletableFuture.completedFuture(none);
    }
}
