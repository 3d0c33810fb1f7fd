package org.vaultls.features.completion;

import java.util.List;
import java.util.Optional;
import org.vaultls.vault.Note;

/**
 * What is being typed at the cursor: the partial word and the range a completion replaces. Offsets are
 * into the note's text; every range lies on the cursor's line.
 */
sealed interface CompletionTrigger {

    /** Finds the trigger at {@code offset}; empty inside code, in an alias, or where nothing completes. */
    static Optional<CompletionTrigger> at(Note note, int offset) {
        return TriggerScanner.scan(note, offset);
    }

    /** How a wikilink goes on after the cursor, which decides what the completion must add. */
    enum Tail {
        /** Not closed on this line: replace up to the cursor and add {@code ]]}. */
        OPEN,
        /** Closed by {@code ]]}: replace through it and write it again. */
        CLOSED,
        /** A {@code #} or {@code |} follows: replace up to it and add nothing. */
        CONTINUES
    }

    /** {@code [[partial} or {@code ![[partial}; {@code start} is just after the brackets. */
    record LinkTarget(boolean embed, String partial, int start, int end, Tail tail) implements CompletionTrigger {
    }

    /**
     * {@code [[Note#A#partial}: {@code target} is the path part ("" for the same note) and {@code chain}
     * the headings already written; {@code start} is just after the last {@code #}.
     */
    record LinkHeading(String target, List<String> chain, String partial, int start, int end, Tail tail)
            implements CompletionTrigger {
        public LinkHeading {
            chain = List.copyOf(chain);
        }
    }

    /** {@code [[Note#^partial}; {@code start} is just after the caret. */
    record LinkBlock(String target, String partial, int start, int end, Tail tail) implements CompletionTrigger {
    }

    /** {@code @partial} on a task line; {@code start} is at the {@code @}. */
    record Owner(String partial, int start, int end) implements CompletionTrigger {
    }

    /** {@code #partial} in body text; {@code start} is at the {@code #}. */
    record TagRef(String partial, int start, int end) implements CompletionTrigger {
    }

    /** A frontmatter key being typed at the start of a line; {@code colonFollows} when {@code :} is already there. */
    record PropertyKey(String partial, int start, int end, boolean colonFollows) implements CompletionTrigger {
    }

    /**
     * A frontmatter value of {@code key}: after {@code key: }, in a {@code key: [a, b]} list ({@code flow})
     * or in a {@code - item} under the key. {@code quote} is the quote the user opened, or 0.
     */
    record PropertyValue(String key, String partial, int start, int end, char quote, boolean flow)
            implements CompletionTrigger {
    }
}
