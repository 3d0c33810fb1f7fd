package org.vaultls.features.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.features.hover.PersonHoverTest.assertContains;
import static org.vaultls.features.hover.PersonHoverTest.hover;

import org.junit.jupiter.api.Test;
import org.vaultls.features.navigation.CursorVault;
import org.vaultls.features.navigation.SeedNotes;

class BrokenLinkHoverTest {

    @Test
    void aBrokenLinkSaysWhyAndListsTheClosestNames() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "Call [[Ada Burg{|}]] tomorrow",
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "People/Tomás O'Neil.md", SeedNotes.TOMAS));
        assertEquals("""
                ### Unresolved link `Ada Burg`

                No note named `Ada Burg` in the vault.

                **Closest names:** `Ada Berg`""", card.markdown());
        assertEquals("0:5-17", CursorVault.where(card.span()));
    }

    @Test
    void aLinkThatLeavesTheVaultSaysSoAndOffersNoNames() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "See [[../../../etc/pas{|}swd]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG));
        assertEquals("""
                ### Unresolved link `../../../etc/passwd`

                `../../../etc/passwd` leaves the vault: it climbs above the vault's root folder, where Obsidian\
                 cannot open or create notes.""", card.markdown());
    }

    @Test
    void aTemplatePlaceholderIsNotCalledUnresolved() {
        HoverCard card = hover(CursorVault.of("Daily/d.md", "Yesterday: [[{{da{|}te}}]]"));
        assertEquals("""
                ### Template placeholder `{{date}}`

                It names a note once the template is applied, so it is not checked as a link.""", card.markdown());
    }

    @Test
    void aLinkByAliasExplainsThatObsidianDoesNotResolveAliases() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "Spoke to [[Ada{|}]] about [[Lakehouse]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG.replace("type: people", "type: people\naliases: [Ada]")));
        assertContains(card.markdown(), "No note named `Ada` in the vault.",
                "`Ada` is an alias of **Ada Berg** (`People/Ada Berg.md`), and Obsidian does not resolve links "
                        + "by alias: write `[[Ada Berg|Ada]]`.");
    }

    @Test
    void theAliasFixKeepsTheLinksOwnDisplayTextAsTheCheckAndTheQuickFixDo() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "Spoke to [[Ada{|}|Dr Berg]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG.replace("type: people", "type: people\naliases: [Ada]")));
        assertContains(card.markdown(), "write `[[Ada Berg|Dr Berg]]`.");
    }

    @Test
    void aMissingAttachmentListsTheClosestFiles() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "![[architecure{|}.png]]",
                "Assets/architecture.png", "",
                "Assets/roadmap.png", ""));
        assertContains(card.markdown(), "No attachment named `architecure.png` in the vault.",
                "**Closest names:** `architecture.png`");
    }

    @Test
    void aRelativeLinkSaysWhereItLooked() {
        HoverCard card = hover(CursorVault.of(
                "Meetings/m.md", "[notes](../People/Ada%20Burg.md{|})",
                "People/Ada Berg.md", SeedNotes.ADA_BERG));
        assertContains(card.markdown(), "No note or attachment at `../People/Ada Burg.md` relative to `Meetings/`",
                "**Closest names:** `Ada Berg`");
    }

    @Test
    void theClosestNamesIgnoreAccents() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "Call [[Jose Nunez{|}]] tomorrow",
                "People/José Núñez.md", "",
                "People/Tomás O'Neil.md", SeedNotes.TOMAS));
        assertContains(card.markdown(), "**Closest names:** `José Núñez`");
    }
}
