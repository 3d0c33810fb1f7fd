package org.vaultls.features.completion;

import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;
import static org.vaultls.features.completion.CrmVault.DAILY;

import org.junit.jupiter.api.Test;

/** Nothing completes where the parser's region map says code, a comment or HTML is. */
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
    void offersNothingInAnObsidianComment() {
        testCompletionFor(CrmVault.of(), DAILY, "Note %% [[Bob{|} %% done");
        testCompletionFor(CrmVault.of(), DAILY, "%%\n- [ ] call @{|}\n%%\n");
        testCompletionFor(CrmVault.of(), DAILY, "Unclosed %% runs to the end\n\n#{|}");
    }

    @Test
    void offersNothingInAnHtmlComment() {
        testCompletionFor(CrmVault.of(), DAILY, "<!-- [[Bob{|} -->\n");
        testCompletionFor(CrmVault.of(), DAILY, "Text <!-- see [[Bob{|} --> more");
    }

    @Test
    void offersNothingInIndentedCode() {
        testCompletionFor(CrmVault.of(), DAILY, "Text\n\n    [[Bob{|}\n");
    }

    @Test
    void offersNothingInAnHtmlBlock() {
        testCompletionFor(CrmVault.of(), DAILY, "<div>\n[[Bob{|}\n</div>\n");
    }

    @Test
    void offersNothingInAnInlineDataviewQuery() {
        testCompletionFor(CrmVault.of(), DAILY, "Due `= [[Bob{|}` today");
    }

    @Test
    void completesAgainAfterACommentOrAnIndentedLineThatContinuesAParagraph() {
        testCompletionFor(CrmVault.of(), DAILY, "%% hidden %% Met [[Bob{|}", c("Bob Kowalski"));
        testCompletionFor(CrmVault.of(), DAILY, "Met <!-- x --> [[Bob{|}", c("Bob Kowalski"));
        testCompletionFor(CrmVault.of(), DAILY, "Text\n    Met [[Bob{|}", c("Bob Kowalski"));
    }

    @Test
    void completesAgainAfterTheCodeEnds() {
        testCompletionFor(CrmVault.of(), DAILY, "```\ncode\n```\nMet [[Bob{|}", c("Bob Kowalski"));
        testCompletionFor(CrmVault.of(), DAILY, "Use `x` and [[Bob{|}", c("Bob Kowalski"));
        testCompletionFor(CrmVault.of(), DAILY, "A lone ` then [[Bob{|}", c("Bob Kowalski"));
    }
}
