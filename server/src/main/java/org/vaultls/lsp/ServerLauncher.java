package org.vaultls.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.jsonrpc.MessageConsumer;
import org.eclipse.lsp4j.jsonrpc.MessageProducer;
import org.eclipse.lsp4j.jsonrpc.RemoteEndpoint;
import org.eclipse.lsp4j.jsonrpc.json.ConcurrentMessageProcessor;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.launch.LSPLauncher;

/**
 * Runs the language server over a pair of streams (stdin/stdout for editors, pipes for tests).
 * Incoming bytes go through {@link FrameReader} (which survives bad frames), then
 * {@link ProtocolGate} (the lifecycle rules), then lsp4j's dispatch; failed requests are answered
 * by {@link ErrorAnswer}.
 */
public final class ServerLauncher {
    private static final Logger LOG = Logger.getLogger(ServerLauncher.class.getName());

    private ServerLauncher() {
    }

    /** Serves until the client disconnects or sends {@code exit}; then calls {@code exit} with the code. */
    public static Future<Void> start(InputStream in, OutputStream out, IntConsumer exit) {
        // lsp4j warns about routine events (a cancel for a request already answered); keep its errors only
        Logger.getLogger("org.eclipse.lsp4j.jsonrpc.RemoteEndpoint").setLevel(java.util.logging.Level.SEVERE);
        surviveUncaughtErrors();
        VaultLanguageServer server = new VaultLanguageServer(exit);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "vault-ls-jsonrpc");
            t.setDaemon(true);
            return t;
        });
        Launcher<VaultLanguageClient> launcher = new Builder(server)
                .setLocalService(server)
                .setRemoteInterface(VaultLanguageClient.class)
                .setInput(in)
                .setOutput(out)
                .setExecutorService(threads)
                .setExceptionHandler(ErrorAnswer::of)
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

    /**
     * An error no code caught, on any thread, is logged; the thread's task is lost but the server
     * goes on (the JDK's default would print it and, for the reader, end the connection).
     */
    static void surviveUncaughtErrors() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) ->
                LOG.log(Level.SEVERE, "uncaught on thread " + t.getName() + "; the server carries on", e));
    }

    /** lsp4j's builder with the reader and the gate of this server in place of lsp4j's reader. */
    private static final class Builder extends LSPLauncher.Builder<VaultLanguageClient> {
        private final Object server;
        private MessageJsonHandler json;
        private RemoteEndpoint endpoint;

        Builder(Object server) {
            this.server = server;
        }

        @Override
        protected RemoteEndpoint createRemoteEndpoint(MessageJsonHandler jsonHandler) {
            json = jsonHandler;
            endpoint = super.createRemoteEndpoint(jsonHandler);
            return endpoint;
        }

        @Override
        protected ConcurrentMessageProcessor createMessageProcessor(MessageProducer reader,
                MessageConsumer consumer, VaultLanguageClient proxy) {
            return super.createMessageProcessor(new FrameReader(input, json, endpoint),
                    new ProtocolGate(consumer, endpoint, server), proxy);
        }
    }
}
