package org.vaultls.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * A vault's current snapshot, as readers see it: set by the updater, read without locking. Before the
 * first load finishes there is none; from the vault's listing until then, an index of the file names
 * alone (and of the notes with aliases read so far) answers what needs no other parsed note
 * (completion of link targets).
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

    /** Notes with aliases read by the first load, not yet in {@link #names}. */
    private final ConcurrentLinkedQueue<Note> aliased = new ConcurrentLinkedQueue<>();

    /**
     * A note the first load has just read: when it has aliases, the names-only index takes it in at the
     * next request, so {@code [[mata37} finds the alias {@code MATA37} before the whole vault is read.
     */
    void read(Note note) {
        if (index == null && !note.aliases().isEmpty()) {
            aliased.add(note);
        }
    }

    /** The names-only index with the aliased notes read so far; null once the whole index is ready. */
    private synchronized VaultIndex namesSoFar() {
        VaultIndex n = names;
        if (n == null || aliased.isEmpty()) {
            return n;
        }
        List<Note> more = new ArrayList<>();
        for (Note note = aliased.poll(); note != null; note = aliased.poll()) {
            more.add(note);
        }
        n = n.with(more, List.of(), List.of(), List.of());
        if (index == null) {
            names = n;
        }
        return n;
    }

    /** The names-only index the first load made from its listing. */
    void listed(VaultIndex namesOnly) {
        names = namesOnly;
        listed.complete(null);
    }

    /** The first load's index (or an empty one if it failed): requests waiting for it go on. */
    synchronized void ready(VaultIndex first) { // with namesSoFar, so no names index outlives it
        index = first;
        ready.complete(first);
        names = null;
        aliased.clear();
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
        return i != null ? i : namesSoFar();
    }
}
