package org.vaultls.lsp;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vaultls.features.diagnostics.Finding;

/**
 * Sends a vault's changed findings to the client, debounced: findings that change within
 * {@link #DEBOUNCE_MS} go out together, and a note changed twice in that time is published once, with
 * its last findings. Once closed it publishes nothing more.
 */
final class FindingsPublisher {
    private static final Logger LOG = Logger.getLogger(FindingsPublisher.class.getName());
    static final long DEBOUNCE_MS = 15;

    private final BiConsumer<String, List<Finding>> publish;
    private final ScheduledExecutorService debouncer;
    private final Map<String, List<Finding>> pending = new LinkedHashMap<>();
    private boolean scheduled;
    private volatile boolean closed;

    FindingsPublisher(String name, BiConsumer<String, List<Finding>> publish) {
        this.publish = publish;
        this.debouncer = Executors.newSingleThreadScheduledExecutor(r -> Updater.daemon(r, name));
    }

    /** Queues the findings of these notes (an empty list clears a note's). */
    void queue(Map<String, List<Finding>> changed) {
        if (changed.isEmpty() || closed) {
            return;
        }
        synchronized (pending) {
            pending.putAll(changed);
            if (!scheduled) {
                scheduled = true;
                debouncer.schedule(this::flush, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void flush() {
        if (closed) {
            return;
        }
        Map<String, List<Finding>> batch;
        synchronized (pending) {
            batch = new HashMap<>(pending);
            pending.clear();
            scheduled = false;
        }
        batch.forEach((path, findings) -> {
            try {
                publish.accept(path, findings);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot publish findings of " + path, e);
            }
        });
    }

    /** Publishes nothing more; no thread is interrupted. */
    void close() {
        closed = true;
        debouncer.shutdown();
    }
}
