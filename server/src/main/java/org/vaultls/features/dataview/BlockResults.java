package org.vaultls.features.dataview;

import java.lang.ref.WeakReference;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vaultls.dataview.Dql;
import org.vaultls.dataview.DqlEngine;
import org.vaultls.dataview.DqlParser;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.dataview.DataviewBlocks.Block;
import org.vaultls.text.Dates;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * The results of notes' dataview blocks, evaluated on an index snapshot and kept per block (its note's
 * path and its query text) for as long as the index's changes leave its inputs alone: each
 * {@link VaultChange} is {@linkplain #changed followed}, and a result computed on the snapshot before it
 * holds for the one after unless {@link BlockInputs#affectedBy} says the change may alter it. A result
 * is also made again on a new day ({@code today} and {@code date(today)} move).
 *
 * <p>Evaluation runs on this class's own threads, never on the caller's: a request waits for a block at
 * most {@code cap} and then answers that the block is still evaluating; the evaluation goes on and its
 * result is kept for the next request ({@link #onReady} hears of it, so the editor can be asked to
 * refresh). Following a change only compares paths, so it costs the edit path next to nothing.
 */
public final class BlockResults {
    private static final Logger LOG = Logger.getLogger(BlockResults.class.getName());
    /** How long a request waits for one block before it answers "still evaluating". */
    public static final long CAP_MS = 2_000;
    private static final int KEEP_ENTRIES = 512;
    private static final int KEEP_SNAPSHOTS = 4;
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(null, r, "vault-ls-dataview", 64L * 1024 * 1024); // deep queries recurse
        t.setDaemon(true);
        return t;
    });

    /** The results every request of the server shares, following the index's changes. */
    public static final BlockResults SHARED = new BlockResults(CAP_MS, Dates.defaultClock());

    private record Key(String path, String query) {
    }

    /** One block's evaluation and the snapshots it holds for. */
    private static final class Entry {
        final CompletableFuture<BlockResult> result;
        final BlockInputs inputs;
        final LocalDate day;
        final List<WeakReference<VaultIndex>> validFor = new ArrayList<>();

        Entry(CompletableFuture<BlockResult> result, BlockInputs inputs, LocalDate day, VaultIndex index) {
            this.result = result;
            this.inputs = inputs;
            this.day = day;
            validFor.add(new WeakReference<>(index));
        }

        boolean holdsFor(VaultIndex index) {
            for (WeakReference<VaultIndex> r : validFor) {
                if (r.get() == index) {
                    return true;
                }
            }
            return false;
        }

        void alsoFor(VaultIndex index) {
            validFor.removeIf(r -> r.get() == null);
            validFor.add(new WeakReference<>(index));
            while (validFor.size() > KEEP_SNAPSHOTS) {
                validFor.remove(0);
            }
        }
    }

    private final long capMs;
    private final Clock clock;
    private final java.util.concurrent.Executor executor;
    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > KEEP_ENTRIES;
        }
    };
    private final AtomicInteger evaluations = new AtomicInteger();
    private volatile Runnable onReady = () -> { };

    /** Results waiting at most {@code capMs} per block, with {@code today} from {@code clock}. */
    public BlockResults(long capMs, Clock clock) {
        this(capMs, clock, POOL);
    }

    /** Results evaluated on {@code executor} (tests hold evaluations back with it). */
    BlockResults(long capMs, Clock clock, java.util.concurrent.Executor executor) {
        this.capMs = capMs;
        this.clock = clock;
        this.executor = executor;
    }

    /** Called (on an evaluation thread) when an evaluation that a request gave up waiting for is done. */
    public void onReady(Runnable r) {
        onReady = r == null ? () -> { } : r;
    }

    /**
     * The results of every block of {@code note} on {@code index}, in block order; the blocks not kept
     * are all handed to the evaluation threads first, so they evaluate side by side.
     */
    public List<BlockResult> of(VaultIndex index, Note note, CancelCheck cancel) {
        List<Block> blocks = DataviewBlocks.of(note);
        for (Block b : blocks) {
            if (!b.js()) {
                entry(index, note, b); // every block's evaluation starts before the first is waited for
            }
        }
        List<BlockResult> out = new ArrayList<>();
        for (Block b : blocks) {
            cancel.check();
            out.add(of(index, note, b));
        }
        return out;
    }

    /** The result of {@code block} of {@code note} on {@code index}, waiting at most the cap for it. */
    public BlockResult of(VaultIndex index, Note note, Block block) {
        if (block.js()) {
            return BlockResult.failed(block, BlockResult.Kind.JAVASCRIPT,
                    "dataviewjs blocks are JavaScript, which vault-ls does not run");
        }
        Entry e = entry(index, note, block);
        try {
            return rebased(e.result.get(capMs, TimeUnit.MILLISECONDS), block);
        } catch (TimeoutException x) {
            e.result.thenRun(() -> onReady.run());
            return BlockResult.failed(block, BlockResult.Kind.TIMED_OUT,
                    "still evaluating after " + capMs + " ms; the result shows once it is ready");
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            return BlockResult.failed(block, BlockResult.Kind.TIMED_OUT, "interrupted");
        } catch (ExecutionException x) {
            LOG.log(Level.SEVERE, "dataview evaluation failed in " + note.path(), x.getCause());
            return BlockResult.failed(block, BlockResult.Kind.EVALUATION, "evaluation failed: " + x.getCause());
        }
    }

    /** A kept result is the same for the block at a new place in its note: give it the block asked for. */
    private static BlockResult rebased(BlockResult r, Block block) {
        return r.block().equals(block) ? r : new BlockResult(block, r.result(), r.error(), r.kind());
    }

    private synchronized Entry entry(VaultIndex index, Note note, Block block) {
        Key key = new Key(note.path(), block.query());
        LocalDate today = LocalDate.now(clock);
        Entry e = entries.get(key);
        if (e != null && e.holdsFor(index) && e.day.equals(today)) {
            return e;
        }
        Dql.ParseResult parsed = DqlParser.parse(block.query(), LocalDateTime.now(clock));
        CompletableFuture<BlockResult> future;
        BlockInputs inputs;
        if (parsed.error().isPresent()) {
            Dql.Error err = parsed.error().get();
            inputs = BlockInputs.OWN_NOTE;
            future = CompletableFuture.completedFuture(BlockResult.failed(block, BlockResult.Kind.SYNTAX,
                    "syntax error at line " + err.line() + ", column " + err.column() + ": " + err.message()));
        } else {
            Dql.Query q = parsed.query().orElseThrow();
            inputs = BlockInputs.of(q);
            evaluations.incrementAndGet();
            future = CompletableFuture.supplyAsync(() -> BlockResult.ok(block, DqlEngine.run(index, note, q)), executor);
        }
        e = new Entry(future, inputs, today, index);
        entries.put(key, e);
        return e;
    }

    /**
     * Follows one change of the index: a result held for the snapshot before it also holds for the one
     * after unless the change touches its inputs. True when a result of a note the change did not touch
     * no longer holds: that note's lenses may now read otherwise, and the editor does not know it (it
     * asks again by itself for the notes being edited).
     */
    public synchronized boolean changed(VaultChange change) {
        boolean stale = false;
        java.util.Set<String> touched = change.touched();
        for (Map.Entry<Key, Entry> me : entries.entrySet()) {
            Entry e = me.getValue();
            if (!e.holdsFor(change.before())) {
                continue;
            }
            if (e.inputs.affectedBy(change, me.getKey().path())) {
                stale |= !touched.contains(me.getKey().path());
            } else {
                e.alsoFor(change.after());
            }
        }
        return stale;
    }

    /** How many queries were sent to the engine so far (parse errors and kept results do not count). */
    int evaluations() {
        return evaluations.get();
    }
}
