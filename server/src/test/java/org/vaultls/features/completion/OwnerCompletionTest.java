package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.vaultls.features.completion.CompletionAssert.assertApplied;
import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.item;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;
import static org.vaultls.features.completion.CrmVault.DAILY;

import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;

class OwnerCompletionTest {

    @Test
    void offersPeopleAsOwnerTagsOnATaskLineWithRoleAndCompany() {
        testCompletionFor(CrmVault.of(), DAILY, "- [ ] Send the pricing sheet @{|}",
                c("@AdaBerg", "Senior Account Executive, Kestrel Analytics", "@AdaBerg"),
                c("@BobKowalski", "CTO, Skerry Freight", "@BobKowalski"));
    }

    @Test
    void documentsAPersonWithTheirKeyFacts() {
        CompletionCandidate ada = item(CrmVault.of(), DAILY, "- [ ] Call @Ad{|}", "@AdaBerg");
        assertEquals(CompletionCandidate.Kind.PERSON, ada.kind());
        assertEquals("- Owns the Northwind account\n- Wants decisions written down", ada.documentation());
        assertNull(item(CrmVault.of(), DAILY, "- [ ] Call @Bo{|}", "@BobKowalski").documentation());
    }

    @Test
    void findsAPersonByAWordOfTheirName() {
        testCompletionFor(CrmVault.of(), DAILY, "- [x] Call @kow{|}", c("@BobKowalski"));
        testCompletionFor(CrmVault.of(), DAILY, "1. [ ] Call @berg{|}", c("@AdaBerg"));
    }

    @Test
    void replacesTheWholeOwnerTagAtTheCursor() {
        assertApplied(CrmVault.of(), DAILY, "- [ ] Call @Bo{|} tomorrow", "@BobKowalski",
                "- [ ] Call @BobKowalski tomorrow");
        assertApplied(CrmVault.of(), DAILY, "- [ ] Call @Bo{|}bby", "@BobKowalski", "- [ ] Call @BobKowalski");
    }

    @Test
    void offersNoOwnersOutsideTaskLines() {
        testCompletionFor(CrmVault.of(), DAILY, "Met @{|}");
        testCompletionFor(CrmVault.of(), DAILY, "- a plain item @{|}");
    }

    @Test
    void offersNoOwnersInsideAnEmailAddress() {
        testCompletionFor(CrmVault.of(), DAILY, "- [ ] Mail ada@{|}");
    }

    @Test
    void findsAPersonIgnoringAccents() {
        TestVault vault = CrmVault.of().with("People/José Núñez.md", "---\ntype: people\n---\n");
        testCompletionFor(vault, DAILY, "- [ ] Call @nunez{|}", c("@JoséNúñez"));
    }
}
