package org.vaultls.lsp;

import java.util.function.BooleanSupplier;

/** Waits (at most 10 s) for something the session's threads do. */
final class Eventually {
    private Eventually() {
    }

    static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what);
            }
            Thread.sleep(5);
        }
    }
}
