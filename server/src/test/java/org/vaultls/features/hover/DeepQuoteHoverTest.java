package org.vaultls.features.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.features.hover.PersonHoverTest.assertContains;
import static org.vaultls.features.hover.PersonHoverTest.hover;

import org.junit.jupiter.api.Test;
import org.vaultls.features.navigation.CursorVault;

/** Hover on a link nested in thousands of block quotes still answers (issue 8: it overflowed the stack). */
class DeepQuoteHoverTest {

    @Test
    void aLinkAfterFiveThousandQuoteMarkersAnswersEmptyWithoutError() {
        // the note is over the nesting limit (a note-too-complex finding), so its body has no links to hover
        CursorVault v = CursorVault.of(
                "Notes/q.md", "> ".repeat(5000) + "[[Lake{|}house]]",
                "Projects/Lakehouse.md", "# Lakehouse\n\nMove the warehouse.\n");
        assertEquals(java.util.Optional.empty(), Hovers.hover(v.index(), v.note(), v.offset()));
    }

    @Test
    void hoversALinkAfterOneThousandQuoteMarkers() {
        HoverCard card = hover(CursorVault.of(
                "Notes/q.md", "> ".repeat(1000) + "[[Lake{|}house]]",
                "Projects/Lakehouse.md", "# Lakehouse\n\nMove the warehouse.\n"));
        assertContains(card.markdown(), "Lakehouse");
    }

    @Test
    void hoversANoteWhoseOpeningLinesAreFiveThousandQuotesDeep() {
        HoverCard card = hover(CursorVault.of(
                "Notes/q.md", "See [[Lake{|}house]]",
                "Projects/Lakehouse.md", "> ".repeat(5000) + "deep\n"));
        assertContains(card.markdown(), "Lakehouse");
    }
}
