package org.vaultls.features.completion;

import static org.vaultls.features.completion.CompletionAssert.assertApplied;
import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;

import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;

/** Paths and headings in a markdown link's destination, {@code [text](} and {@code [text](<}. */
class MarkdownLinkPathCompletionTest {
    private static final String DAILY = "Daily/2026-03-02.md";

    private static TestVault vault() {
        return TestVault.of(
                "People/Ada Berg.md", "# Ada Berg\n\n## Key Facts\n\n## Open Questions\n",
                "Projects/Apollo.md", "# Apollo\n",
                "Daily/Standup.md", "",
                "Attachments/org chart.png", "",
                DAILY, "");
    }

    @Test
    void offersNotesAndAttachmentsAsPathsRelativeToTheNoteWithSpacesEncoded() {
        testCompletionFor(vault(), DAILY, "See [Ada](ada{|}",
                c("Ada Berg.md", "People/Ada Berg.md", "../People/Ada%20Berg.md"));
        testCompletionFor(vault(), DAILY, "See [x](stand{|}", c("Standup.md", "Daily/Standup.md", "Standup.md"));
        testCompletionFor(vault(), DAILY, "![chart](org{|}",
                c("org chart.png", "Attachments/org chart.png", "../Attachments/org%20chart.png"));
    }

    @Test
    void betweenAngleBracketsThePathIsWrittenRaw() {
        assertApplied(vault(), DAILY, "See [Ada](<Ada B{|}>) today", "Ada Berg.md",
                "See [Ada](<../People/Ada Berg.md>) today");
    }

    @Test
    void whatIsTypedIsReadDecodedAndWithoutItsRelativeStepsAndTheWholePathIsReplaced() {
        assertApplied(vault(), DAILY, "See [Ada](../People/Ada%20B{|}erg) today", "Ada Berg.md",
                "See [Ada](../People/Ada%20Berg.md) today");
        assertApplied(vault(), DAILY, "See [it](./Apo{|}", "Apollo.md", "See [it](../Projects/Apollo.md");
    }

    @Test
    void afterTheHashTheHeadingsOfTheFileThePathLeadsTo() {
        testCompletionFor(vault(), DAILY, "See [Ada](../People/Ada%20Berg.md#{|})",
                c("Ada Berg", "H1 in People/Ada Berg.md"), c("Key Facts"), c("Open Questions"));
        assertApplied(vault(), DAILY, "See [Ada](../People/Ada%20Berg.md#open{|})", "Open Questions",
                "See [Ada](../People/Ada%20Berg.md#Open%20Questions)");
        assertApplied(vault(), DAILY, "See [Ada](<../People/Ada Berg.md#key{|}>)", "Key Facts",
                "See [Ada](<../People/Ada Berg.md#Key Facts>)");
    }

    @Test
    void aHashAloneOffersTheNotesOwnHeadings() {
        testCompletionFor(vault().with(DAILY, "# Today\n\n## Notes\n"), DAILY,
                "# Today\n\n## Notes\n\nUp to [top](#{|})", c("Today"), c("Notes"));
    }

    @Test
    void nothingOutsideADestinationNorInCode() {
        testCompletionFor(vault(), DAILY, "A remark (ada{|}");
        testCompletionFor(vault(), DAILY, "See [Ada](x.md) and ada{|}");
        testCompletionFor(vault(), DAILY, "Code `[Ada](ada{|}`");
        testCompletionFor(vault(), DAILY, "See [Ada](a b{|}");
    }
}
