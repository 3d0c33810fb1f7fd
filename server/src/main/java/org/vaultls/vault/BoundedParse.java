package org.vaultls.vault;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /** Idle workers end after a minute, which also returns the stack pages a deep note touched. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(null, r, "vault-ls-parse", STACK_BYTES);
        t.setDaemon(true);
        return t;
    });

    private BoundedParse() {
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
