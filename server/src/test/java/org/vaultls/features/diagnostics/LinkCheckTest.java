package org.vaultls.features.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.VaultAssert.d;
import static org.vaultls.VaultAssert.testDiagnosticsFor;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/** The link check: broken links, alias links, ambiguous links, broken headings and block ids. */
class LinkCheckTest {
    private static final String ADA = """
            ---
            type: people
            aliases: [Ada]
            ---
            # Ada Berg
            ## Contact
            """;
    private static final String SPECS = """
            # Specs
            ## Overview
            ## Goals
            ## Risks
            Main risk. ^risk-1
            """;

    private static TestVault vault(String path, String text) {
        return TestVault.of(
                "people/Ada Berg.md", ADA,
                "docs/Specs.md", SPECS,
                "a/Note.md", "",
                "b/Note.md", "",
                "assets/manual.pdf", "",
                path, text);
    }

    @Test
    void flagsALinkToNoNoteAtItsTargetAndSuggestsTheClosestName() {
        List<Finding> f = testDiagnosticsFor(vault("meetings/Sync.md", "Met [[Ada Burg]] today.\n"),
                "meetings/Sync.md", d(0, 6, 14, FindingCode.BROKEN_LINK));
        assertEquals("No note named 'Ada Burg'; did you mean 'Ada Berg'?", f.get(0).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void everyNameEquallyCloseIsSuggested() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Ada Burg]]\n").with("people/Ada Borg.md", ""),
                "Home.md", d(0, 2, 10, FindingCode.BROKEN_LINK));
        assertEquals("No note named 'Ada Burg'; did you mean 'Ada Berg' or 'Ada Borg'?", f.get(0).message());
    }

    @Test
    void aSwapOfTwoLettersIsCloseEnoughToSuggest() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Sepcs]]\n"),
                "Home.md", d(0, 2, 7, FindingCode.BROKEN_LINK));
        assertEquals("No note named 'Sepcs'; did you mean 'Specs'?", f.get(0).message());
    }

    @Test
    void theRangeOfABrokenLinkIsItsTargetNotItsDisplayText() {
        testDiagnosticsFor(vault("meetings/Sync.md", "Met [[Ada Burg|Ada]] today.\n"),
                "meetings/Sync.md", d(0, 6, 14, FindingCode.BROKEN_LINK));
    }

    @Test
    void aBrokenLinkWithNothingCloseSaysToCreateTheNote() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Zebra crossing]]\n"),
                "Home.md", d(0, 2, 16, FindingCode.BROKEN_LINK));
        assertEquals("No note named 'Zebra crossing'; create it, or fix the link", f.get(0).message());
    }

    @Test
    void aBrokenEmbedOfAnAttachmentNamesTheFile() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "![[diagram.png]]\n"),
                "Home.md", d(0, 3, 14, FindingCode.BROKEN_LINK));
        assertEquals("No attachment named 'diagram.png' in the vault", f.get(0).message());
    }

    @Test
    void aBrokenRelativeLinkSaysWhereItLooked() {
        List<Finding> f = testDiagnosticsFor(vault("meetings/Sync.md", "[[./Ada Berg]]\n"),
                "meetings/Sync.md", d(0, 2, 12, FindingCode.BROKEN_LINK));
        assertEquals("No note or attachment at './Ada Berg' relative to meetings/; did you mean 'Ada Berg'?",
                f.get(0).message());
    }

    @Test
    void aLinkThatClimbsAboveTheVaultRootLeavesTheVault() {
        List<Finding> f = testDiagnosticsFor(vault("meetings/Sync.md", """
                [x](../../outside.md) and [[../../../etc/passwd]]
                [[People/../../outside]] but [[../Ada Berg]] stays inside
                """), "meetings/Sync.md",
                d(0, 4, 20, FindingCode.LINK_OUTSIDE_VAULT),
                d(0, 28, 47, FindingCode.LINK_OUTSIDE_VAULT),
                d(1, 2, 22, FindingCode.LINK_OUTSIDE_VAULT),
                d(1, 31, 42, FindingCode.BROKEN_LINK));
        assertEquals("'../../outside.md' leaves the vault: from meetings/ it climbs above the vault's root folder,"
                + " where Obsidian cannot open or create notes; link to a note inside the vault", f.get(0).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
        testDiagnosticsFor(vault("Home.md", "[[../Specs]]\n"), "Home.md", d(0, 2, 10, FindingCode.LINK_OUTSIDE_VAULT));
    }

    @Test
    void aTemplatePlaceholderIsNeverABrokenLink() {
        testDiagnosticsFor(vault("Daily/2025-12-19.md", """
                Yesterday: [[<% tp.date.yesterday("YYYY-MM-DD") %>]]
                Today: [[{{date}}]] and [[{{date:YYYY-MM-DD}}|today]], ![[{{title}}.png]]
                But [[Nowhere]] is broken.
                """), "Daily/2025-12-19.md", d(2, 6, 13, FindingCode.BROKEN_LINK));
    }

    @Test
    void aBrokenLinkInFrontmatterIsFlaggedWhereItIsWritten() {
        testDiagnosticsFor(vault("Home.md", """
                ---
                related: "[[Ada Burg]]"
                ---
                """), "Home.md", d(1, 12, 20, FindingCode.BROKEN_LINK));
    }

    @Test
    void aBareLinkToAnAliasNamesTheNoteAndGivesTheFix() {
        List<Finding> f = testDiagnosticsFor(vault("meetings/Sync.md", "Ask [[Ada]] first.\n"),
                "meetings/Sync.md", d(0, 6, 9, FindingCode.ALIAS_LINK));
        assertEquals("'Ada' is an alias of 'Ada Berg' (people/Ada Berg.md), and Obsidian does not resolve links"
                + " by alias: write [[Ada Berg|Ada]]", f.get(0).message());
    }

    @Test
    void theFixForAnAliasLinkKeepsItsSubpathAndDisplayText() {
        List<Finding> f = testDiagnosticsFor(vault("meetings/Sync.md", "Ask [[Ada#Contact|her]].\n"),
                "meetings/Sync.md", d(0, 6, 9, FindingCode.ALIAS_LINK));
        assertEquals("'Ada' is an alias of 'Ada Berg' (people/Ada Berg.md), and Obsidian does not resolve links"
                + " by alias: write [[Ada Berg#Contact|her]]", f.get(0).message());
    }

    @Test
    void aLinkSeveralNotesMatchIsInformationWithEveryCandidateRelated() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "See [[Note]].\n"),
                "Home.md", d(0, 6, 10, FindingCode.AMBIGUOUS_LINK));
        Finding amb = f.get(0);
        assertEquals(Severity.INFORMATION, amb.severity());
        assertEquals("'Note' matches 2 notes (a/Note.md, b/Note.md); Obsidian picks a/Note.md by shortest path:"
                + " write [[a/Note]] to make it explicit", amb.message());
        assertEquals(List.of("a/Note.md chosen: shortest path", "b/Note.md also matches"),
                amb.related().stream().map(r -> r.path() + " " + r.message()).toList());
    }

    @Test
    void aLinkFromTheFolderOfOneCandidateIsNotAmbiguous() {
        testDiagnosticsFor(vault("b/Other.md", "See [[Note]].\n"), "b/Other.md");
    }

    @Test
    void aPathInTheLinkSettlesTheAmbiguity() {
        testDiagnosticsFor(vault("Home.md", "See [[b/Note]] and [[a/Note.md]].\n"), "Home.md");
    }

    @Test
    void flagsAMissingHeadingAtTheSubpathAndSuggestsTheClosest() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Specs#Overveiw]]\n"),
                "Home.md", d(0, 8, 16, FindingCode.BROKEN_HEADING));
        assertEquals("No heading 'Overveiw' in 'Specs'; did you mean 'Overview'?", f.get(0).message());
    }

    @Test
    void aHeadingNestedUnderItsSiblingIsBrokenAndTheFixIsGiven() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Specs#Goals#Risks]]\n"),
                "Home.md", d(0, 8, 19, FindingCode.BROKEN_HEADING));
        assertEquals("No heading 'Risks' under 'Goals' in 'Specs'; it is a heading of its own there:"
                + " write [[Specs#Risks]]", f.get(0).message());
    }

    @Test
    void aHeadingChainThatNestsIsFine() {
        testDiagnosticsFor(vault("Home.md", "[[Specs#Specs#Risks]] and [[Specs#specs#GOALS]]\n"), "Home.md");
    }

    @Test
    void aMissingHeadingWithNothingCloseListsTheNotesHeadings() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Specs#Zzzqqq]]\n"),
                "Home.md", d(0, 8, 14, FindingCode.BROKEN_HEADING));
        assertEquals("No heading 'Zzzqqq' in 'Specs'; its headings: 'Specs', 'Overview', 'Goals' or 'Risks'",
                f.get(0).message());
    }

    @Test
    void flagsAMissingHeadingInTheSameNote() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "## Agenda\nSee [[#Agneda]].\n"),
                "Home.md", d(1, 7, 13, FindingCode.BROKEN_HEADING));
        assertEquals("No heading 'Agneda' in 'Home'; did you mean 'Agenda'?", f.get(0).message());
    }

    @Test
    void flagsAMissingBlockIdAndSuggestsTheClosest() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Specs#^risk-2]] [[Specs#^risk-1]]\n"),
                "Home.md", d(0, 8, 15, FindingCode.BROKEN_BLOCK));
        assertEquals("No block '^risk-2' in 'Specs'; did you mean '^risk-1'?", f.get(0).message());
    }

    @Test
    void aBlockLinkToANoteWithoutBlockIdsSaysHowToAddOne() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Ada Berg#^intro]]\n"),
                "Home.md", d(0, 11, 17, FindingCode.BROKEN_BLOCK));
        assertEquals("No block '^intro' in 'Ada Berg'; it has no block ids (add ' ^intro' at the end of a paragraph)",
                f.get(0).message());
    }

    @Test
    void aSubpathOfAnAttachmentIsNotAHeading() {
        testDiagnosticsFor(vault("Home.md", "![[manual.pdf#page=3]]\n"), "Home.md");
    }

    @Test
    void aBrokenLinkIsNotAlsoABrokenHeading() {
        testDiagnosticsFor(vault("Home.md", "[[Nowhere at all#Intro]]\n"), "Home.md",
                d(0, 2, 16, FindingCode.BROKEN_LINK));
    }

    @Test
    void aLinkWrittenWithoutItsAccentsGetsTheAccentedName() {
        List<Finding> f = testDiagnosticsFor(vault("Home.md", "[[Jose Nunez]]\n").with("people/José Núñez.md", ""),
                "Home.md", d(0, 2, 12, FindingCode.BROKEN_LINK));
        assertEquals("No note named 'Jose Nunez'; did you mean 'José Núñez'?", f.get(0).message());
    }

    /**
     * A long note whose sections link two others ({@code [[#Section i]]}, {@code [[Long#Section j]]}):
     * each link's heading chain is matched among thousands of headings whose comparison forms the note
     * made once. CPU time of this thread, so a busy machine does not count: ~180 ms here (load 9), ~1,000
     * ms when each lookup remade every heading's comparison form.
     */
    @Test
    void aNoteLinkingThousandsOfItsOwnHeadingsIsCheckedInLinearTime() {
        int sections = 3000;
        StringBuilder text = new StringBuilder("# Long\n");
        for (int i = 1; i <= sections; i++) {
            text.append("\n## Section ").append(i).append("\n\nSee [[#Section ").append(i == 1 ? sections : i - 1)
                    .append("]] and [[Long#Section ").append(sections + 1 - i).append("]].\n");
        }
        text.append("\nAnd [[#Section 1 missing]].\n");
        VaultIndex index = TestVault.of("Long.md", text.toString()).index();
        Note note = index.note("Long.md").orElseThrow();
        Diagnostics.forNote(index, note); // warm-up
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t = cpu.getCurrentThreadCpuTime();
        List<Finding> findings = Diagnostics.forNote(index, note);
        long ms = (cpu.getCurrentThreadCpuTime() - t) / 1_000_000;
        assertEquals(1, findings.stream().filter(f -> f.code() == FindingCode.BROKEN_HEADING).count());
        assertTrue(ms < 500, "the findings of " + sections + " sections took " + ms + " ms of CPU");
    }
}
