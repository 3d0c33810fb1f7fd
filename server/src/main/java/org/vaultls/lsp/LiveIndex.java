package org.vaultls.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vaultls.index.VaultIndex;

/**
 * A vault's current snapshot, as readers see it: set by the updater, read without locking. Before the
 * first load finishes there is none; from the vault's listing until then, an index of the file names
 * alone answers what needs no parsed note (completion of link targets).
 */
final class LiveIndex {
    private final CompletableFuture<VaultIndex> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> listed = new CompletableFuture<>();
    private volatile VaultIndex index;
    /** The vault's file names, known before the notes are parsed, until {@link #index} is ready. */
    private volatile VaultIndex names;

    /** The current snapshot; null until the first load finished. */
    VaultIndex current() {
        return index;
    }

    /** The names-only index the first load made from its listing. */
    void listed(VaultIndex namesOnly) {
        names = namesOnly;
        listed.complete(null);
    }

    /** The first load's index (or an empty one if it failed): requests waiting for it go on. */
    void ready(VaultIndex first) {
        index = first;
        ready.complete(first);
        names = null;
    }

    /** A new snapshot from the updater. */
    void set(VaultIndex next) {
        index = next;
    }

    /** The index once the first load finished, waiting at most {@code timeoutMs}; null if not ready. */
    VaultIndex await(long timeoutMs) {
        try {
            return ready.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return index;
        }
    }

    /**
     * The whole index when it is ready; before that, the index of file names only, waiting at most
     * {@code timeoutMs} for the vault's listing (~100 ms at 10k notes); null if neither came.
     */
    VaultIndex currentOrNames(long timeoutMs) {
        if (index == null) {
            try {
                CompletableFuture.anyOf(listed, ready).get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                // answer with what there is
            }
        }
        VaultIndex i = index;
        return i != null ? i : names;
    }
}
