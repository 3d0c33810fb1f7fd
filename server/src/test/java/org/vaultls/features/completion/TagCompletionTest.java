package org.vaultls.features.completion;

import static org.vaultls.features.completion.CompletionAssert.assertApplied;
import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;
import static org.vaultls.features.completion.CrmVault.DAILY;

import org.junit.jupiter.api.Test;

class TagCompletionTest {

    @Test
    void offersTheVaultsTagsWithTheNumberOfNotesUsingThem() {
        testCompletionFor(CrmVault.of(), DAILY, "Follow up #{|}",
                c("#project/apollo", "2 notes"), c("#type/people", "2 notes"),
                c("#customer/northwind", "1 note"), c("#followup", "1 note"), c("#team/sales", "1 note"));
    }

    @Test
    void matchesAnyLevelOfANestedTag() {
        testCompletionFor(CrmVault.of(), DAILY, "Follow up #ap{|}", c("#project/apollo", "2 notes", "#project/apollo"));
    }

    @Test
    void doesNotCountTheTagBeingTyped() {
        testCompletionFor(CrmVault.of(), DAILY, "Idea #foll{|}", c("#followup", "1 note"));
    }

    @Test
    void completesATagAtTheStartOfALine() {
        assertApplied(CrmVault.of(), DAILY, "#proj{|}", "#project/apollo", "#project/apollo");
    }

    @Test
    void offersNoTagsInAHeadingMarkerOrInsideAWord() {
        testCompletionFor(CrmVault.of(), DAILY, "# {|}");
        testCompletionFor(CrmVault.of(), DAILY, "##{|}");
        testCompletionFor(CrmVault.of(), DAILY, "issue#{|}");
    }

    @Test
    void offersTheVaultsTagsInAFrontmatterTagsList() {
        testCompletionFor(CrmVault.of(), DAILY, "---\ntags:\n  - foll{|}\n---\n", c("followup", "1 note", "followup"));
        testCompletionFor(CrmVault.of(), DAILY, "---\ntags: [team/sales, foll{|}]\n---\n", c("followup"));
    }
}
