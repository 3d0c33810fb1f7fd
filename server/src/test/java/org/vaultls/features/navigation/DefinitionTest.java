package org.vaultls.features.navigation;

import static org.vaultls.features.navigation.CursorVault.assertLocations;

import org.junit.jupiter.api.Test;

class DefinitionTest {

    private static final String APOLLO = """
            # Apollo

            ## Scope

            Storage for the training cluster.
            Decided to start with one region. ^region-choice

            ## Risks
            """;

    private static void assertDefinition(CursorVault v, String... expected) {
        assertLocations(Navigation.definition(v.index(), v.note(), v.offset()), expected);
    }

    @Test
    void aWikilinkLeadsToTheTopOfItsNote() {
        assertDefinition(CursorVault.of(
                "Daily/2025-12-19.md", "Met [[Ada{|} Berg]] today",
                "People/Ada Berg.md", SeedNotes.ADA_BERG),
                "People/Ada Berg.md 0:0-0");
    }

    @Test
    void aLinkToAHeadingLeadsToTheHeadingLine() {
        assertDefinition(CursorVault.of(
                "Daily/d.md", "See [[Apollo#scope{|}]]",
                "Projects/Apollo.md", APOLLO),
                "Projects/Apollo.md 2:0-8");
    }

    @Test
    void aLinkToABlockLeadsToTheBlocksLine() {
        assertDefinition(CursorVault.of(
                "Daily/d.md", "As agreed: ![[Apollo#^region-choice{|}]]",
                "Projects/Apollo.md", APOLLO),
                "Projects/Apollo.md 5:0-48");
    }

    @Test
    void aSameNoteLinkLeadsToTheHeadingInTheSameNote() {
        assertDefinition(CursorVault.of(
                "Projects/Apollo.md", APOLLO + "\nSee [[#Sc{|}ope]] above.\n"),
                "Projects/Apollo.md 2:0-8");
    }

    @Test
    void aMarkdownLinkLeadsToItsHeading() {
        assertDefinition(CursorVault.of(
                "Daily/d.md", "Read [the risks](../Projects/Apollo.md#Ri{|}sks)",
                "Projects/Apollo.md", APOLLO),
                "Projects/Apollo.md 7:0-8");
    }

    @Test
    void aLinkToAMissingHeadingStillOpensTheNoteAtTheTop() {
        assertDefinition(CursorVault.of(
                "Daily/d.md", "[[Apollo#Budg{|}et]]",
                "Projects/Apollo.md", APOLLO),
                "Projects/Apollo.md 0:0-0");
    }

    @Test
    void anEmbeddedAttachmentLeadsToTheFile() {
        assertDefinition(CursorVault.of(
                "Daily/d.md", "![[arch{|}itecture.png]]",
                "Assets/architecture.png", ""),
                "Assets/architecture.png 0:0-0");
    }

    @Test
    void anOwnerTagLeadsToThePersonsNote() {
        assertDefinition(CursorVault.of(
                "Meetings/m.md", "- [ ] Send the plan @ada{|}berg\n",
                "People/Ada Berg.md", SeedNotes.ADA_BERG),
                "People/Ada Berg.md 0:0-0");
    }

    @Test
    void brokenLinksUnknownOwnersAndPlainTextLeadNowhere() {
        assertDefinition(CursorVault.of("Daily/d.md", "[[Nobody{|} Here]]"));
        assertDefinition(CursorVault.of("Daily/d.md", "- [ ] Call @Nob{|}ody\n"));
        assertDefinition(CursorVault.of("Daily/d.md", "Pla{|}in text and [[Daily/d]]"));
    }
}
