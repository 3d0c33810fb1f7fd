package org.vaultls.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offsets to LSP positions and back: lines end at {@code \n}, {@code \r\n} or a lone {@code \r}, and a
 * character is a UTF-16 code unit, so an emoji counts as two.
 */
class LineMapTest {

    /** Every line as "start-end:text", the shape the assertions below read. */
    private static List<String> lines(String text) {
        LineMap map = new LineMap(text);
        List<String> out = new ArrayList<>();
        for (int line = 0; line < map.lineCount(); line++) {
            out.add(map.lineStart(line) + "-" + map.lineEnd(line) + ":" + map.lineText(line));
        }
        return out;
    }

    @Test
    void splitsLinesAtLineFeeds() {
        assertEquals(List.of("0-3:one", "4-7:two", "8-8:"), lines("one\ntwo\n"));
    }

    @Test
    void treatsCarriageReturnLineFeedAsOneLineBreak() {
        assertEquals(List.of("0-3:one", "5-8:two", "10-10:"), lines("one\r\ntwo\r\n"));
    }

    @Test
    void treatsALoneCarriageReturnAsALineBreak() {
        assertEquals(List.of("0-3:one", "4-7:two", "9-14:three"), lines("one\rtwo\r\nthree"));
    }

    @Test
    void keepsEmptyLinesBetweenBreaks() {
        assertEquals(List.of("0-0:", "1-1:", "3-3:", "4-5:x"), lines("\n\r\n\rx"));
    }

    @Test
    void anEmptyTextHasOneEmptyLine() {
        LineMap map = new LineMap("");
        assertEquals(1, map.lineCount());
        assertEquals(new Pos(0, 0), map.pos(0));
        assertEquals(0, map.offset(new Pos(0, 0)));
        assertEquals("", map.lineText(0));
    }

    @Test
    void positionsCountUtf16CodeUnitsSoAnEmojiTakesTwoCharacters() {
        String text = "a\uD83D\uDE00b\n\uD83D\uDCC5 due";
        LineMap map = new LineMap(text);
        assertEquals(new Pos(0, 3), map.pos(text.indexOf('b')));
        assertEquals(new Pos(1, 2), map.pos(text.indexOf(" due")));
        assertEquals(text.indexOf("due"), map.offset(new Pos(1, 3)));
    }

    @Test
    void positionsOnCrLfLinesMatchTheSameTextWithLineFeeds() {
        String lf = "# Title\nMet [[Ada]]\n\n- [ ] task\n";
        String crlf = lf.replace("\n", "\r\n");
        LineMap a = new LineMap(lf);
        LineMap b = new LineMap(crlf);
        assertEquals(a.pos(lf.indexOf("[[Ada]]")), b.pos(crlf.indexOf("[[Ada]]")));
        assertEquals(a.pos(lf.indexOf("task")), b.pos(crlf.indexOf("task")));
        assertEquals(new Pos(3, 6), b.pos(crlf.indexOf("task")));
        assertEquals(a.lineCount(), b.lineCount());
    }

    @Test
    void offsetAndPositionRoundTripOutsideLineBreaks() {
        String text = "ab\r\n\uD83D\uDE00c\rd\n\ne";
        LineMap map = new LineMap(text);
        for (int offset = 0; offset <= text.length(); offset++) {
            boolean insideCrLf = offset > 0 && text.charAt(offset - 1) == '\r' && offset < text.length()
                    && text.charAt(offset) == '\n';
            if (!insideCrLf) {
                assertEquals(offset, map.offset(map.pos(offset)), "offset " + offset);
            }
        }
    }

    @Test
    void theEndOfTheTextIsOnTheLastLine() {
        LineMap map = new LineMap("one\ntwo");
        assertEquals(new Pos(1, 3), map.pos(7));
        assertEquals(new Pos(1, 3), map.pos(99), "offsets past the end are clamped");
        assertEquals(new Pos(0, 0), map.pos(-5), "negative offsets are clamped");
    }

    @Test
    void anOffsetOnALineBreakBelongsToTheLineItEnds() {
        LineMap map = new LineMap("ab\r\ncd");
        assertEquals(new Pos(0, 2), map.pos(2));
        assertEquals(1, map.lineOf(4));
        assertEquals(0, map.lineOf(3));
    }

    @Test
    void positionsBeyondALineAreClampedToItsEndAndNeverIntoTheLineBreak() {
        LineMap map = new LineMap("ab\r\ncd\n");
        assertEquals(2, map.offset(new Pos(0, 40)));
        assertEquals(6, map.offset(new Pos(1, 40)));
        assertEquals(7, map.offset(new Pos(2, 0)));
        assertEquals(7, map.offset(new Pos(9, 0)), "a line past the last is the end of the text");
        assertEquals(0, map.offset(new Pos(-1, 3)));
        assertEquals(4, map.offset(new Pos(1, -2)), "a negative character is the start of its line");
    }

    @Test
    void lineStartAndEndOutsideTheTextAreClamped() {
        LineMap map = new LineMap("ab\ncd");
        assertEquals(0, map.lineStart(-1));
        assertEquals(5, map.lineStart(7));
        assertEquals(5, map.lineEnd(7));
    }

    @Test
    void aSpanHoldsOffsetsAndPositions() {
        String text = "x\n\uD83D\uDE00 [[Ada]]";
        LineMap map = new LineMap(text);
        int start = text.indexOf("[[");
        Span span = map.span(start, text.length());
        assertEquals(Span.of(5, 12, new Pos(1, 3), new Pos(1, 10)), span);
        assertEquals("(1,3)-(1,10)", span.toString());
        assertEquals(7, span.length());
        assertTrue(span.contains(5));
        assertTrue(span.contains(12), "the end is inside, so a cursor just after a link is on it");
        assertFalse(span.contains(13));
    }

    @Test
    void spansAndPositionsSortByLineThenCharacter() {
        LineMap map = new LineMap("abc\nd");
        List<Span> spans = new ArrayList<>(List.of(map.span(4, 5), map.span(1, 3), map.span(1, 2)));
        spans.sort(null);
        assertEquals("[(0,1)-(0,2), (0,1)-(0,3), (1,0)-(1,1)]", spans.toString());
        assertTrue(new Pos(0, 99).compareTo(new Pos(1, 0)) < 0);
    }
}
