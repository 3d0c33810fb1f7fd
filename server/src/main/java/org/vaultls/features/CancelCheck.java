package org.vaultls.features;

/**
 * Asks whether the request a long feature works for is still wanted. Features that walk the
 * vault (references, workspace symbols, rename) call {@link #check()} in their loops; it throws
 * {@link CancelledException} once the editor has cancelled, so the work stops where it is.
 */
@FunctionalInterface
public interface CancelCheck {
    /** A check for work nobody cancels (the CLI, tests). */
    CancelCheck NEVER = () -> { };

    /** Throws {@link CancelledException} when the request was cancelled; returns otherwise. */
    void check();
}
