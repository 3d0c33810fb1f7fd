package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.features.completion.CompletionAssert.assertApplied;
import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.completionsFor;
import static org.vaultls.features.completion.CompletionAssert.item;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;
import static org.vaultls.features.completion.CrmVault.DAILY;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.text.Pos;

class WikilinkCompletionTest {

    private static TestVault withLinkFormat(String format) {
        return CrmVault.of().obsidian(new ObsidianSettings(List.of(), "/", format, "", null, false));
    }

    @Test
    void ranksPrefixMatchesBeforeWordStartsBeforeSubsequences() {
        testCompletionFor(TestVault.of("Amber Notes.md", "", "Ada Berg.md", "", "Bergen Trip.md", "", "Oslo.md", ""),
                "Oslo.md", "Met [[ber{|}", c("Bergen Trip"), c("Ada Berg"), c("Amber Notes"));
    }

    @Test
    void matchesInitialsAndPiecesOfWords() {
        testCompletionFor(TestVault.of("Ada Berg.md", "", "Abacus.md", "", "Lab Results.md", "", "Oslo.md", ""),
                "Oslo.md", "Met [[ab{|}", c("Abacus"), c("Ada Berg"), c("Lab Results"));
    }

    @Test
    void showsEachNotesPathAsDetail() {
        testCompletionFor(CrmVault.of(), DAILY, "Met [[Bob{|}",
                c("Bob Kowalski", "People/Bob Kowalski.md", "Bob Kowalski]]"));
    }

    @Test
    void replacesThePartialFromAfterTheBracketsToTheCursorAndClosesTheLink() {
        CompletionCandidate bob = item(CrmVault.of(), DAILY, "Met [[Bob{|} today", "Bob Kowalski");
        assertEquals(new Pos(0, 6), bob.replace().start());
        assertEquals(new Pos(0, 9), bob.replace().end());
        assertEquals("Bob Kowalski]]", bob.newText());
        assertApplied(CrmVault.of(), DAILY, "Met [[Bob{|} today", "Bob Kowalski", "Met [[Bob Kowalski]] today");
    }

    @Test
    void replacesThroughAnExistingClosingBracketWithoutDoublingIt() {
        assertApplied(CrmVault.of(), DAILY, "Met [[Bob{|}]] today", "Bob Kowalski", "Met [[Bob Kowalski]] today");
        assertApplied(CrmVault.of(), DAILY, "Met [[Bo{|}b K]] today", "Bob Kowalski", "Met [[Bob Kowalski]] today");
    }

    @Test
    void replacesThroughASingleAutoClosedBracketAndWritesBoth() {
        assertApplied(CrmVault.of(), DAILY, "Met [[Bob{|}] today", "Bob Kowalski", "Met [[Bob Kowalski]] today");
    }

    @Test
    void keepsAHeadingThatFollowsTheCursor() {
        assertApplied(CrmVault.of(), DAILY, "Met [[Bo{|}#Intro]]", "Bob Kowalski", "Met [[Bob Kowalski#Intro]]");
    }

    @Test
    void anAliasItemWritesTheNoteAndTheAlias() {
        CompletionCandidate ada = item(CrmVault.of(), DAILY, "Met [[Ad{|}", "Ada");
        assertEquals(CompletionCandidate.Kind.ALIAS, ada.kind());
        assertEquals("People/Ada Berg.md", ada.detail());
        assertApplied(CrmVault.of(), DAILY, "Met [[Ad{|}", "Ada", "Met [[Ada Berg|Ada]]");
    }

    @Test
    void findsNotesByTheirFrontmatterTitle() {
        TestVault vault = TestVault.of("Meetings/mtg-0142.md", "---\ntitle: Pricing sync with Kestrel\n---\n",
                "Kestrel.md", "", "Home.md", "");
        CompletionCandidate meeting = item(vault, "Home.md", "[[pricing{|}", "mtg-0142");
        assertEquals("Pricing sync with Kestrel", meeting.filterText());
        assertEquals("mtg-0142]]", meeting.newText());
        testCompletionFor(vault, "Home.md", "[[kestrel{|}", c("Kestrel"), c("mtg-0142"));
    }

    @Test
    void findsNotesByTheirPath() {
        CompletionCandidate roadmap = item(CrmVault.of(), DAILY, "See [[Customers/No{|}", "Roadmap");
        assertEquals("Customers/Northwind/Roadmap", roadmap.filterText());
        assertEquals("Customers/Northwind/Roadmap.md", roadmap.detail());
    }

    @Test
    void tellsSameNamedNotesApartByPathAndInsertsTheShortestUniquePath() {
        testCompletionFor(CrmVault.of(), DAILY, "See [[Roadm{|}",
                c("Roadmap", "Customers/Northwind/Roadmap.md", "Northwind/Roadmap]]"),
                c("Roadmap", "Projects/Roadmap.md", "Projects/Roadmap]]"));
    }

    @Test
    void insertsTheBareNameWhereTheLinkingNotesOwnFolderWinsIt() {
        // From Projects/, [[Roadmap]] leads to Projects/Roadmap.md by Obsidian's tie-break, with no guess, and
        // rename keeps such a link bare; completion once wrote Projects/Roadmap, as "no other file has the name".
        testCompletionFor(CrmVault.of(), "Projects/Apollo.md", "See [[Roadm{|}",
                c("Roadmap", "Customers/Northwind/Roadmap.md", "Northwind/Roadmap]]"),
                c("Roadmap", "Projects/Roadmap.md", "Roadmap]]"));
    }

    @Test
    void insertsTheFullPathUnderTheAbsoluteLinkFormat() {
        testCompletionFor(withLinkFormat("absolute"), DAILY, "Met [[Bob{|}",
                c("Bob Kowalski", null, "People/Bob Kowalski]]"));
    }

    @Test
    void insertsAPathFromTheLinkingNoteUnderTheRelativeLinkFormat() {
        testCompletionFor(withLinkFormat("relative"), DAILY, "Met [[Bob{|}",
                c("Bob Kowalski", null, "../People/Bob Kowalski]]"));
        testCompletionFor(withLinkFormat("relative"), "Projects/Apollo.md", "See [[Roadm{|}",
                c("Roadmap", "Customers/Northwind/Roadmap.md", "../Customers/Northwind/Roadmap]]"),
                c("Roadmap", "Projects/Roadmap.md", "Roadmap]]"));
        testCompletionFor(withLinkFormat("relative").with("Home.md", ""), "Home.md", "[[Bob{|}",
                c("Bob Kowalski", null, "People/Bob Kowalski]]"));
    }

    @Test
    void offersAttachmentsAfterNotesInALink() {
        // "Projects/Roadmap" and "People/Ada Berg" would match only across a folder's slash
        testCompletionFor(CrmVault.of(), DAILY, "See [[or{|}",
                c("Roadmap", "Customers/Northwind/Roadmap.md"),
                c("org-chart.png", "Attachments/org-chart.png", "org-chart.png]]"));
    }

    @Test
    void offersAttachmentsFirstInAnEmbedAndNoAliases() {
        testCompletionFor(CrmVault.of(), DAILY, "![[{|}",
                c("org-chart.png", "Attachments/org-chart.png", "org-chart.png]]"), c("pricing.pdf"),
                c("2026-01-02"), c("2026-01-05 Apollo kickoff"), c("Ada Berg"), c("Apollo"), c("Bob Kowalski"),
                c("Roadmap", "Customers/Northwind/Roadmap.md"), c("Roadmap", "Projects/Roadmap.md"));
    }

    @Test
    void insertsAnAttachmentsShortestUniquePath() {
        TestVault vault = CrmVault.of().with("Archive/org-chart.png", "");
        testCompletionFor(vault, DAILY, "![[org{|}",
                c("org-chart.png", "Archive/org-chart.png", "Archive/org-chart.png]]"),
                c("org-chart.png", "Attachments/org-chart.png", "Attachments/org-chart.png]]"));
    }

    @Test
    void offersNothingWhileTheDisplayTextIsTyped() {
        testCompletionFor(CrmVault.of(), DAILY, "Met [[Ada Berg|A{|}");
    }

    @Test
    void offersNothingAfterALinkIsClosed() {
        testCompletionFor(CrmVault.of(), DAILY, "Met [[Ada Berg]] and B{|}");
    }

    @Test
    void completesLinksInQuotedFrontmatterValues() {
        testCompletionFor(CrmVault.of(), DAILY, "---\nrelated: \"[[Bob{|}\"\n---\n",
                c("Bob Kowalski", null, "Bob Kowalski]]"));
    }

    @Test
    void returnsTheBest100OfALargeVaultAndSaysTheListIsIncomplete() {
        TestVault vault = TestVault.of("Home.md", "");
        for (int i = 0; i < 440; i++) {
            vault.with(String.format("Archive/Old kickoff %03d.md", i), "");
        }
        for (int i = 0; i < 60; i++) {
            vault.with(String.format("Notes/Kickoff %03d.md", i), "");
        }
        CompletionResult result = completionsFor(vault, "Home.md", "[[kick{|}");
        assertEquals(100, result.items().size());
        assertTrue(result.incomplete());
        for (int i = 0; i < 60; i++) {
            assertEquals(String.format("Kickoff %03d", i), result.items().get(i).label(), "prefix matches first");
        }
        for (int i = 60; i < 100; i++) {
            assertEquals(String.format("Old kickoff %03d", i - 60), result.items().get(i).label());
        }
        assertEquals("0000", result.items().get(0).sortText());
        assertEquals("0099", result.items().get(99).sortText());
    }

    @Test
    void aShortListIsComplete() {
        assertFalse(completionsFor(CrmVault.of(), DAILY, "Met [[Bob{|}").incomplete());
    }

    @Test
    void matchesNamesIgnoringAccentsAndFiltersByTheUnaccentedForm() {
        TestVault vault = TestVault.of("People/José Núñez.md", "", "Home.md", "");
        CompletionCandidate jose = item(vault, "Home.md", "Met [[nunez{|}", "José Núñez");
        assertEquals("Jose Nunez", jose.filterText());
        assertEquals("José Núñez]]", jose.newText());
        testCompletionFor(vault, "Home.md", "Met [[jose n{|}", c("José Núñez"));
    }

    @Test
    void theNameWrittenWithoutAccentsAsTypedRanksFirst() {
        TestVault vault = TestVault.of("Nunez Report.md", "", "Núñez Family.md", "", "Home.md", "");
        testCompletionFor(vault, "Home.md", "[[nun{|}", c("Nunez Report"), c("Núñez Family"));
    }

    @Test
    void anAttachmentMatchesByItsFileNameAndAScatteredMatchSkipsNoDigitOrFolder() {
        TestVault vault = TestVault.of("Courses/MATA37/Calculus 2.md", "---\naliases: [MATA37]\n---\n",
                "Courses/MATA37/Attachments/Biases-2023-10-01 13.37.webp", "",
                "Courses/MATA37/Attachments/Biases-metadata-2023-10-01 13.37.webp", "",
                "Home.md", "");
        testCompletionFor(vault, "Home.md", "[[mata37{|}", c("MATA37"), c("Calculus 2"));
        testCompletionFor(vault, "Home.md", "![[bias{|}", c("Biases-2023-10-01 13.37.webp"),
                c("Biases-metadata-2023-10-01 13.37.webp"));
        testCompletionFor(vault, "Home.md", "![[Attachments/bias{|}", c("Biases-2023-10-01 13.37.webp"),
                c("Biases-metadata-2023-10-01 13.37.webp"));
    }
}
