package org.vaultls.features.completion;

import java.util.List;

/**
 * The answer to one completion request: the candidates, best first, and whether the list may have been
 * cut. When {@code incomplete} is true the list holds only the best {@link Completions#LIMIT} matches, so
 * the editor must ask again as the user types rather than filter this list itself.
 */
public record CompletionResult(List<CompletionCandidate> items, boolean incomplete) {
    private static final CompletionResult EMPTY = new CompletionResult(List.of(), false);

    public CompletionResult {
        items = List.copyOf(items);
    }

    /** Nothing to offer at this place. */
    public static CompletionResult empty() {
        return EMPTY;
    }
}
