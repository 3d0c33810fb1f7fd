package org.vaultls.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;

/** Runs the language server over a pair of streams (stdin/stdout for editors, pipes for tests). */
public final class ServerLauncher {
    private static final Logger LOG = Logger.getLogger(ServerLauncher.class.getName());

    private ServerLauncher() {
    }

    /** Serves until the client disconnects or sends {@code exit}; then calls {@code exit} with the code. */
    public static Future<Void> start(InputStream in, OutputStream out, IntConsumer exit) {
        // lsp4j warns about routine events (a cancel for a request already answered); keep its errors only
        Logger.getLogger("org.eclipse.lsp4j.jsonrpc.RemoteEndpoint").setLevel(java.util.logging.Level.SEVERE);
        VaultLanguageServer server = new VaultLanguageServer(exit);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vault-ls-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Launcher<VaultLanguageClient> launcher = new LSPLauncher.Builder<VaultLanguageClient>()
                .setLocalService(server)
                .setRemoteInterface(VaultLanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(threads)
                .create();
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        Thread watcher = new Thread(() -> {
            try {
                listening.get();
            } catch (Exception e) {
                LOG.fine(() -> "connection ended: " + e);
            }
            LOG.info("client disconnected");
            server.clientLost();
        }, "vault-ls-connection");
        watcher.setDaemon(true);
        watcher.start();
        return listening;
    }
}
