package org.vaultls.features.completion;

import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;
import static org.vaultls.features.completion.CrmVault.DAILY;

import org.junit.jupiter.api.Test;

class NoCompletionInCodeTest {

    @Test
    void offersNothingInAFencedCodeBlock() {
        testCompletionFor(CrmVault.of(), DAILY, "```\n[[Bob{|}\n```\n");
        testCompletionFor(CrmVault.of(), DAILY, "~~~~\n#{|}\n~~~\n- [ ] @\n~~~~\n");
        testCompletionFor(CrmVault.of(), DAILY, "- item\n  ```dataview\n  TASK @{|}\n  ```\n");
    }

    @Test
    void offersNothingInAnInlineCodeSpan() {
        testCompletionFor(CrmVault.of(), DAILY, "Use `[[Bob{|}` here");
        testCompletionFor(CrmVault.of(), DAILY, "- [ ] run ``x @{|}`` now");
    }

    @Test
    void completesAgainAfterTheCodeEnds() {
        testCompletionFor(CrmVault.of(), DAILY, "```\ncode\n```\nMet [[Bob{|}", c("Bob Kowalski"));
        testCompletionFor(CrmVault.of(), DAILY, "Use `x` and [[Bob{|}", c("Bob Kowalski"));
        testCompletionFor(CrmVault.of(), DAILY, "A lone ` then [[Bob{|}", c("Bob Kowalski"));
    }
}
