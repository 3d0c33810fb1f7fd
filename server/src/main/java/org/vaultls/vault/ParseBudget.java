package org.vaultls.vault;

/**
 * The bounds one note's parse runs under, checked from inside flexmark (per block start and per inline
 * element): a nesting depth, which is deterministic, and a deadline, which is the last fence for input
 * no one foresaw. A parse over either bound ends with {@link TooComplex}, which {@link NoteParser} turns
 * into a {@code note-too-complex} problem. Without a deadline set (a direct {@link NoteParser#parse} call)
 * only the depth is checked.
 */
final class ParseBudget {
    /**
     * Blocks open at once, as flexmark counts them: a list level opens two (the list and its item), a
     * block quote one; so about 500 nested lists or 1,000 nested block quotes. Notes nest a few levels,
     * and 500-deep lists must stay parseable. flexmark re-scans a line's indentation once per open list,
     * so an indented line costs its depth times its indentation: reaching 1,000 list levels took 14 s in
     * {@code check}, 500 take well under one.
     */
    static final int MAX_OPEN_BLOCKS = 1_024;

    private static final ThreadLocal<long[]> DEADLINE = new ThreadLocal<>();

    private ParseBudget() {
    }

    /** The parse running on this thread must end by {@code System.nanoTime()} {@code deadline}. */
    static void start(long deadlineNanos, long budgetMillis) {
        DEADLINE.set(new long[] {deadlineNanos, 0, budgetMillis});
    }

    static void clear() {
        DEADLINE.remove();
    }

    /** Throws once the current thread's deadline has passed; reads the clock every 16 calls. */
    static void check() {
        long[] d = DEADLINE.get();
        if (d != null && (++d[1] & 15) == 0 && System.nanoTime() > d[0]) {
            throw new TooComplex("it took longer than the parse budget of " + d[2] / 1000.0 + " s", -1);
        }
    }

    /** A note over a bound: why, and the 0-based line where it was found (-1 when not known). */
    static final class TooComplex extends RuntimeException {
        final int line;

        TooComplex(String why, int line) {
            super(why, null, false, false);
            this.line = line;
        }
    }
}
