package org.vaultls.features.completion;

import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;

import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;

/** Completion on a line nested in thousands of block quotes still answers (issue 8: it overflowed the stack). */
class DeepQuoteCompletionTest {

    @Test
    void completesALinkAfterFiveThousandQuoteMarkers() {
        testCompletionFor(TestVault.of("People/Ada Berg.md", ""), "Notes/q.md",
                "> ".repeat(5000) + "[[Ad{|}", c("Ada Berg"));
    }

    @Test
    void completesAnOwnerInATaskAfterFiveThousandQuoteMarkers() {
        testCompletionFor(TestVault.of("People/Ada Berg.md", "---\ntype: people\n---\n"), "Notes/q.md",
                "> ".repeat(5000) + "- [ ] call @Ad{|}", c("@AdaBerg"));
    }
}
