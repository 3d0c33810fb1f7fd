package org.vaultls.lsp;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Logger;

/**
 * The one thread that changes a vault's index: changes run on it one at a time, in the order they came,
 * so no two edits race and readers never need a lock. Once shut down it takes no more changes.
 */
final class Updater {
    private static final Logger LOG = Logger.getLogger(Updater.class.getName());
    private final String name;
    private final ExecutorService thread;

    Updater(String name) {
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(r -> daemon(r, name));
    }

    static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Runs a change after those already queued; a shut-down updater drops it. */
    void run(Runnable change) {
        try {
            thread.execute(change);
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "change ignored: " + name + " is shut down");
        }
    }

    /** Takes no more changes; the one running finishes. No thread is interrupted (see VaultSession#shutdown). */
    void shutdown() {
        thread.shutdown();
    }
}
