package org.vaultls.vault;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Parses a note under bounds that hold for any text, so that no note can crash or stall the server or
 * {@code check}: the parse runs on a worker thread with a large stack, flexmark's nesting is limited to
 * {@link ParseBudget#MAX_OPEN_BLOCKS} open blocks, and it gets {@link #BUDGET_MILLIS} to finish. A note over
 * a bound is indexed with its text (and its frontmatter when that was read) and one
 * {@code note-too-complex} problem; the rest of the vault is unaffected. Every note read from disk or
 * sent by the editor is parsed here.
 */
public final class BoundedParse {
    private static final Logger LOG = Logger.getLogger(BoundedParse.class.getName());

    /**
     * Time a note may take to parse: this, plus {@link #BUDGET_MILLIS_PER_MB} per megabyte of text. An
     * unloaded machine parses about 10 MB of markdown a second, so only a note that makes the parser
     * do far more than linear work comes near it, even on a busy CI machine.
     */
    public static final long BUDGET_MILLIS = 10_000;
    public static final long BUDGET_MILLIS_PER_MB = 1_000;
    /** Time after the budget for a parse to notice it, before its caller stops waiting for it. */
    private static final long GRACE_MILLIS = 2_000;
    /** The longest text parsed, in chars: the 20 MB limit on note files, for text an editor sends. */
    public static final int MAX_CHARS = 20 * 1024 * 1024;
    /** Stack of a parsing thread: deep enough for any nesting under the limit (reserved, not committed). */
    static final long STACK_BYTES = 64L * 1024 * 1024;

    /**
     * A fixed set of workers, enough for every parsing caller at once (the loader's parallel parse, the
     * updater, early completion), with a queue behind them. A cached pool made a new 64 MB-stack thread
     * for most notes: the caller, woken by the finished parse, submits the next one before the worker is
     * back waiting for work, which cost ~120 µs a note (1.2 s of a 10k-note check). Idle workers end after
     * a minute, which also returns the stack pages a deep note touched.
     */
    static final int WORKER_COUNT = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private static final ExecutorService WORKERS = workers();

    private static ExecutorService workers() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKER_COUNT, WORKER_COUNT, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), largeStack("vault-ls-parse"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** True on the threads of {@link #map}: they have the large stack, so a parse runs on them directly. */
    private static final ThreadLocal<Boolean> ON_LARGE_STACK = ThreadLocal.withInitial(() -> false);

    private BoundedParse() {
    }

    /** Parses on this thread (one with the large stack), under the budget the parse checks itself. */
    private static Note parseHere(String path, String text, List<Note.Problem> problems, long deadline,
            long budgetMillis) {
        ParseBudget.start(deadline, budgetMillis);
        try {
            return NoteParser.parse(path, text, problems);
        } catch (RuntimeException | StackOverflowError e) {
            LOG.log(Level.SEVERE, "parsing " + path + " failed", e);
            return NoteParser.tooComplex(path, text, problems, "the parser failed on it ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            ParseBudget.clear();
        }
    }

    /**
     * {@code f} applied to every item, in order, on threads of their own with the large stack (one per
     * core), where {@link #parse} runs without handing each note to a worker: for a whole vault's load,
     * that handoff cost ~35 µs a note. An exception {@code f} throws (a load cancelled, say) is rethrown.
     */
    public static <T, R> List<R> map(List<T> items, java.util.function.Function<T, R> f) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), items.size() / 16));
        ExecutorService pool = Executors.newFixedThreadPool(threads, largeStack("vault-ls-load"));
        try {
            int chunk = Math.max(1, Math.min(64, items.size() / (threads * 8)));
            List<Future<List<R>>> parts = new java.util.ArrayList<>();
            for (int from = 0; from < items.size(); from += chunk) {
                List<T> slice = items.subList(from, Math.min(items.size(), from + chunk));
                parts.add(pool.submit(() -> apply(slice, f)));
            }
            List<R> out = new java.util.ArrayList<>(items.size());
            for (Future<List<R>> part : parts) {
                out.addAll(join(part, parts));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Daemon threads named {@code name} with the {@link #STACK_BYTES} stack. */
    private static java.util.concurrent.ThreadFactory largeStack(String name) {
        return r -> {
            Thread t = new Thread(null, r, name, STACK_BYTES);
            t.setDaemon(true);
            return t;
        };
    }

        private static <T, R> List<R> apply(List<T> slice, java.util.function.Function<T, R> f) {
        ON_LARGE_STACK.set(true);
        try {
            List<R> out = new java.util.ArrayList<>(slice.size());
            for (T item : slice) {
                out.add(f.apply(item));
            }
            return out;
        } finally {
            ON_LARGE_STACK.set(false);
        }
    }

    private static <R> List<R> join(Future<List<R>> part, List<? extends Future<?>> all) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return part.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    all.forEach(p -> p.cancel(true));
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static Note parse(String path, String text) {
        return parse(path, text, List.of());
    }

    /** As {@link NoteParser#parse(String, String, List)}, under the bounds. */
    public static Note parse(String path, String text, List<Note.Problem> problems) {
        return parse(path, text, problems, BUDGET_MILLIS + BUDGET_MILLIS_PER_MB * text.length() / (1024 * 1024));
    }

    static Note parse(String path, String text, List<Note.Problem> problems, long budgetMillis) {
        if (text.length() > MAX_CHARS) {
            return NoteParser.tooComplex(path, text, problems, "it holds " + String.format("%,d", text.length())
                    + " characters, over the limit of " + String.format("%,d", MAX_CHARS));
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
        if (ON_LARGE_STACK.get()) {
            return parseHere(path, text, problems, deadline, budgetMillis); // a bulk load's worker: no handoff
        }
        Future<Note> parsed = WORKERS.submit(() -> {
            ParseBudget.start(deadline, budgetMillis);
            try {
                return NoteParser.parse(path, text, problems);
            } finally {
                ParseBudget.clear();
            }
        });
        long giveUp = deadline + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return parsed.get(Math.max(0, giveUp - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true; // the parse is bounded: finish waiting, then pass the interrupt on
                } catch (TimeoutException e) {
                    parsed.cancel(true);
                    LOG.warning(() -> path + ": parse still running " + GRACE_MILLIS + " ms after its budget; "
                            + "indexed without its body");
                    return NoteParser.tooComplex(path, text, problems, "it took longer than "
                            + budgetMillis / 1000.0 + " s");
                } catch (ExecutionException e) {
                    LOG.log(Level.SEVERE, "parsing " + path + " failed", e.getCause());
                    return NoteParser.tooComplex(path, text, problems, "the parser failed on it ("
                            + e.getCause().getClass().getSimpleName() + ")");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
