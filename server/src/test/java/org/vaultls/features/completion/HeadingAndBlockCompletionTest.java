package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.features.completion.CompletionAssert.assertApplied;
import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;
import static org.vaultls.features.completion.CrmVault.DAILY;

import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;

class HeadingAndBlockCompletionTest {

    @Test
    void offersTheHeadingsOfTheLinkedNoteInDocumentOrder() {
        testCompletionFor(CrmVault.of(), DAILY, "See [[Apollo#{|}",
                c("Apollo", "H1 in Projects/Apollo.md", "Apollo]]"),
                c("Goals: 2026", "H2 in Projects/Apollo.md", "Goals 2026]]"),
                c("Launch", "H3 in Projects/Apollo.md"), c("Budget"), c("Risks"), c("Launch"));
    }

    @Test
    void filtersHeadingsByThePartial() {
        testCompletionFor(CrmVault.of(), DAILY, "See [[Apollo#ri{|}", c("Risks", null, "Risks]]"));
    }

    @Test
    void afterAHeadingChainOffersOnlyThatHeadingsSubheadings() {
        testCompletionFor(CrmVault.of(), DAILY, "See [[Apollo#Goals 2026#{|}", c("Launch"), c("Budget"));
        testCompletionFor(CrmVault.of(), DAILY, "See [[Apollo#Risks#{|}", c("Launch"));
        assertApplied(CrmVault.of(), DAILY, "See [[Apollo#Risks#La{|}]]", "Launch", "See [[Apollo#Risks#Launch]]");
    }

    @Test
    void offersTheCurrentNotesHeadingsAfterABareHash() {
        testCompletionFor(CrmVault.of(), DAILY, "# Monday\n## Agenda\n\nSee [[#{|}", c("Monday"), c("Agenda"));
    }

    @Test
    void offersNothingForANoteThatDoesNotExist() {
        testCompletionFor(CrmVault.of(), DAILY, "See [[Nowhere#{|}");
    }

    @Test
    void offersTheBlockIdsOfTheLinkedNoteWithTheirText() {
        testCompletionFor(CrmVault.of(), DAILY, "See [[Apollo#^{|}",
                c("^risk-1", "Vendor lock-in is the main risk.", "risk-1]]"),
                c("^list-a", "- Hiring freeze", "list-a]]"));
        assertApplied(CrmVault.of(), DAILY, "See [[Apollo#^li{|}]] now", "^list-a", "See [[Apollo#^list-a]] now");
    }

    @Test
    void offersTheCurrentNotesBlockIdsAfterHashCaret() {
        testCompletionFor(CrmVault.of(), DAILY, "We chose Kestrel. ^dec-1\n\nSee [[#^{|}",
                c("^dec-1", "We chose Kestrel.", "dec-1]]"));
    }

    @Test
    void offersAHeadingWrittenInBackticksByTheWordsInside() {
        TestVault vault = TestVault.of("Functions.md", "# Functions\n### `hasTag()`\n## hasTags overview\n",
                "Home.md", "");
        testCompletionFor(vault, "Home.md", "[[Functions#hasTag{|}", c("`hasTag()`", null, "`hasTag()`]]"),
                c("hasTags overview"));
        assertEquals("hasTag()", CompletionAssert.item(vault, "Home.md", "[[Functions#has{|}", "`hasTag()`").filterText());
    }
}
