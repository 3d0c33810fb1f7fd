package org.vaultls.lsp;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.MessageType;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * Forwards log records at INFO and above to the client's log ({@code window/logMessage}). Messages
 * are sent from one thread of this handler's own, so a caller never blocks on the connection; a
 * bounded queue drops messages rather than grow when the client does not read.
 */
final class ClientLogHandler extends Handler {
    private final LanguageClient client;
    private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(1000), r -> {
                Thread t = new Thread(r, "vault-ls-log");
                t.setDaemon(true);
                return t;
            }, new ThreadPoolExecutor.DiscardPolicy());

    private ClientLogHandler(LanguageClient client) {
        this.client = client;
        setLevel(Level.INFO);
        setFormatter(new SimpleFormatter());
    }

    static void install(LanguageClient client) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ClientLogHandler) {
                root.removeHandler(h);
                h.close();
            }
        }
        root.addHandler(new ClientLogHandler(client));
        if (root.getLevel() == null || root.getLevel().intValue() > Level.INFO.intValue()) {
            root.setLevel(Level.INFO);
        }
    }

    /** Stops forwarding to {@code client} (it is gone). */
    static void uninstall(LanguageClient client) {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof ClientLogHandler c && c.client == client) {
                root.removeHandler(h);
                h.close();
            }
        }
    }

    @Override
    public void publish(LogRecord r) {
        // lsp4j logs its own failures to send: forwarding those could loop
        if (!isLoggable(r) || (r.getLoggerName() != null && r.getLoggerName().startsWith("org.eclipse.lsp4j"))) {
            return;
        }
        MessageType type = r.getLevel().intValue() >= Level.SEVERE.intValue() ? MessageType.Error
                : r.getLevel().intValue() >= Level.WARNING.intValue() ? MessageType.Warning : MessageType.Info;
        String msg = getFormatter().formatMessage(r) + (r.getThrown() != null ? ": " + r.getThrown() : "");
        sender.execute(() -> {
            try {
                client.logMessage(new MessageParams(type, msg));
            } catch (RuntimeException e) {
                // the client is gone; nothing to tell
            }
        });
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        // drop what is queued, but never interrupt a send: that would close an interruptible channel
        sender.getQueue().clear();
        sender.shutdown();
    }
}
