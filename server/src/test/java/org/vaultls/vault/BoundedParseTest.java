package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Issue 8: any text parses, within bounds. Lines that overflowed flexmark's regex stack are thematic
 * breaks again, link syntax repeated thousands of times parses in linear time, and a note nested past
 * the limit keeps its frontmatter and gets one TOO_COMPLEX problem instead of stalling the parse.
 * The timeouts are hang guards for noisy CI machines, not performance figures.
 */
class BoundedParseTest {

    /** Parses on a thread with a small stack, as a thread of a busy server may have: no regex may recurse per character. */
    private static Note parseOnSmallStack(String text) throws InterruptedException {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                out.set(NoteParser.parse("Notes/n.md", text));
            } catch (Throwable e) {
                out.set(e);
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (out.get() instanceof Throwable e) {
            throw new AssertionError("parse threw " + e, e);
        }
        return (Note) out.get();
    }

    private static List<String> problems(Note note) {
        return note.problems().stream().map(p -> p.kind() + " " + p.span() + " " + p.message()).toList();
    }

    @Test
    void aLineOfThreeThousandDashesIsAThematicBreak() throws Exception {
        Note note = parseOnSmallStack("-".repeat(3000) + "\n\nSee [[Ada]]\n");
        assertEquals("[WL 'Ada' (2,4)-(2,11)]", note.links().toString());
        assertEquals(List.of(), note.problems());
    }

    @Test
    void aLineOfThreeThousandUnderscoresIsAThematicBreak() throws Exception {
        Note note = parseOnSmallStack("_".repeat(3000) + "\nSee [[Ada]]\n");
        assertEquals("[WL 'Ada' (1,4)-(1,11)]", note.links().toString());
    }

    @Test
    void aLineOfThreeThousandSpacedStarsIsAThematicBreak() throws Exception {
        Note note = parseOnSmallStack("* ".repeat(3000) + "\nSee [[Ada]]\n");
        assertEquals("[WL 'Ada' (1,4)-(1,11)]", note.links().toString());
    }

    @Test
    void aLineOfAHundredThousandStarsIsAThematicBreak() throws Exception {
        Note note = parseOnSmallStack("*".repeat(100_000) + "\nSee [[Ada]]\n");
        assertEquals("[WL 'Ada' (1,4)-(1,11)]", note.links().toString());
    }

    @Test
    void thematicBreaksStillEndParagraphsAndSetextHeadingsStillForm() {
        Note note = NoteParser.parse("n.md", "Title\n---\n\npara\n* * *\n# After\n");
        assertEquals("[H2 'Title' (0,0)-(0,5), H1 'After' (5,2)-(5,7)]", note.headings().toString());
        assertTrue(LinearThematicBreak.isBreak(" - - -\t", 1));
        assertTrue(!LinearThematicBreak.isBreak("--", 0) && !LinearThematicBreak.isBreak("-*-", 0)
                && !LinearThematicBreak.isBreak("--- x", 0));
    }

    @Test
    void thirtyThousandUnclosedLinkOpenersParseInLinearTime() {
        // was 80 s: every "](" copied the whole paragraph (Matcher.toMatchResult) and scanned to its end
        Note note = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> BoundedParse.parse("n.md", "[a](".repeat(30_000) + " [[Ada]]"));
        assertEquals(1, note.links().size());
        assertEquals(List.of(), note.problems());
    }

    @Test
    void thirtyThousandUnclosedLinkTitlesParseInLinearTime() {
        Note note = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> BoundedParse.parse("n.md", "[a](x (".repeat(30_000) + " [[Ada]]"));
        assertEquals(1, note.links().size());
    }

    @Test
    void linksWithTitlesAndDestinationsStillParse() {
        Note note = NoteParser.parse("n.md", "[a](Ada.md \"t\") [b](<Bo Cho.md> 'u') [c](Cy.md (v)) [d](x(y).md)\n");
        assertEquals("[MD 'Ada.md' (0,0)-(0,15), MD 'Bo Cho.md' (0,16)-(0,36), MD 'Cy.md' (0,37)-(0,51), "
                + "MD 'x(y).md' (0,52)-(0,64)]",
                note.links().toString());
    }

    @Test
    void aListNestedTwoThousandDeepIsOneProblemAndKeepsItsFrontmatter() {
        StringBuilder text = new StringBuilder("---\naliases: [Deep]\ntags: [crm]\n---\n");
        for (int i = 0; i < 2000; i++) {
            text.append("  ".repeat(i)).append("- item [[L").append(i).append("]]\n");
        }
        Note note = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> BoundedParse.parse("n.md", text.toString()));
        assertEquals(List.of("TOO_COMPLEX (516,0)-(516,1039) Note too complex to parse: nested 512 lists, over the "
                + "limit of 1,024 open blocks (a list level is two); links, tags and tasks in its body are not checked"),
                problems(note));
        assertEquals(List.of("Deep"), note.aliases());
        assertEquals("[#crm (2,7)-(2,10) fm]", note.tags().toString());
        assertEquals(List.of(), note.links());
    }

    @Test
    void fiveThousandQuoteMarkersOnOneLineAreOneProblem() {
        Note note = BoundedParse.parse("n.md", "> ".repeat(5000) + "[[Nope]]");
        assertEquals(List.of("TOO_COMPLEX (0,0)-(0,10008) Note too complex to parse: nested 1,025 block quotes, over the "
                + "limit of 1,024 open blocks (a list level is two); links, tags and tasks in its body are not checked"),
                problems(note));
    }

    @Test
    void aListNestedFiveHundredDeepIsWithinTheLimit() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("  ".repeat(i)).append("- [ ] item [[L").append(i).append("]]\n");
        }
        Note note = BoundedParse.parse("n.md", text.toString());
        assertEquals(500, note.links().size());
        assertEquals(500, note.tasks().size());
        assertEquals(List.of(), note.problems());
    }

    @Test
    void aNoteOverItsTimeBudgetIsOneProblemWithItsTextKept() {
        String text = "---\ntitle: Big\n---\n" + "Met [[Ada]] about *this* and `that` #crm\n".repeat(50_000);
        Note note = BoundedParse.parse("n.md", text, List.of(), 1);
        assertEquals(List.of("TOO_COMPLEX (3,0)-(3,40) Note too complex to parse: it took longer than the parse budget "
                + "of 0.001 s; links, tags and tasks in its body are not checked"), problems(note));
        assertEquals(text, note.text());
        assertEquals(List.of(), note.links());
    }

    @Test
    void anEditorTextOverTwentyMegabytesIsNotParsed() {
        String text = "[[Ada]] ".repeat(BoundedParse.MAX_CHARS / 8 + 1);
        Note note = BoundedParse.parse("n.md", text);
        assertEquals(List.of("TOO_COMPLEX (0,0)-(0,20971528) Note too complex to parse: it holds 20,971,528 characters, "
                + "over the limit of 20,971,520; links, tags and tasks in its body are not checked"), problems(note));
    }

    @Test
    void manyBlockIdsAmongManyHeadingsParseInLinearTime() {
        // each block id was compared with every heading's line
        String blocks = "# h ^a\npara ^b\n".repeat(50_000);
        Note b = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> BoundedParse.parse("b.md", blocks));
        assertEquals(50_000, b.blocks().size());
        assertEquals(List.of(), b.problems());
    }

    @Test
    void aParagraphOfManyLinesStartingWithPunctuationParsesInLinearTime() {
        // flexmark's heading parser copied the paragraph so far on each such line
        Note note = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> BoundedParse.parse("n.md", "![[Ada]]\n".repeat(50_000)));
        assertEquals(50_000, note.links().size());
        assertEquals(List.of(), note.problems());
    }

    @Test
    void headingsAreFoundAsFlexmarksOwnParserFoundThem() {
        Note note = NoteParser.parse("n.md", "# A\n#tag line\npara\n===\n####### seven\n##\ntext\n-- \n");
        assertEquals("[H1 'A' (0,2)-(0,3), H1 '#tag line\npara' (1,0)-(2,4), H2 '' (5,2)-(5,2), H2 'text' (6,0)-(6,4)]",
                note.headings().toString());
    }

    @Test
    void aFrontmatterLineOfTwentyThousandQuotedLinksParsesInLinearTime() {
        // each link's column was counted from the start of its line
        String text = "---\naliases: [" + "\"[[Ada]]\", ".repeat(20_000) + "]\n---\n";
        Note note = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> BoundedParse.parse("n.md", text));
        assertEquals(20_000, note.links().size());
        assertEquals("WL 'Ada' (1,11)-(1,18) fm", note.links().get(0).toString());
        assertEquals("WL 'Ada' (1,220000)-(1,220007) fm", note.links().get(19_999).toString());
    }

    @Test
    void aParseOverItsBudgetStopsItselfInsteadOfRunningOnInTheBackground() {
        // nested [[...]] grow quadratically in flexmark's wikilink extension: fenced by the budget, which
        // the parse itself notices at each ']' (the caller's fallback would say "took longer than 0.5 s")
        String text = "[".repeat(100_000) + "x" + "]".repeat(100_000);
        Note note = BoundedParse.parse("n.md", text, List.of(), 500);
        assertEquals(List.of("TOO_COMPLEX (0,0)-(0,200001) Note too complex to parse: it took longer than the parse budget "
                + "of 0.5 s; links, tags and tasks in its body are not checked"), problems(note));
    }
}
