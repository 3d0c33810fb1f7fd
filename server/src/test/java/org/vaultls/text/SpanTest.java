package org.vaultls.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SpanTest {
    /** A span on one line with small positions, nearly every span of a vault, takes the packed form. */
    @Test
    void aSpanOnOneLineIsPacked() {
        Span link = Span.of(120, 135, new Pos(7, 4), new Pos(7, 19));
        assertInstanceOf(Span.OnOneLine.class, link);
        assertEquals(new Pos(7, 4), link.start());
        assertEquals(new Pos(7, 19), link.end());
        assertEquals(15, link.length());
    }

    /** Past what packs (several lines, a long line, a far line, clamped ends), every number is kept. */
    @Test
    void anySpanGivesBackItsPositions() {
        assertInstanceOf(Span.Wide.class, Span.of(3, 9, new Pos(1, 2), new Pos(2, 0)));
        assertInstanceOf(Span.Wide.class, Span.of(5000, 5004, new Pos(0, 5000), new Pos(0, 5004)));
        assertInstanceOf(Span.Wide.class, Span.of(9, 9, new Pos(600_000, 0), new Pos(600_000, 0)));
        assertInstanceOf(Span.Wide.class, Span.of(10, 14, new Pos(0, 10), new Pos(0, 12)));
        Random r = new Random(3);
        for (int i = 0; i < 20000; i++) {
            int line = r.nextBoolean() ? r.nextInt(100) : r.nextInt(Integer.MAX_VALUE);
            int character = r.nextBoolean() ? r.nextInt(5000) : r.nextInt(Integer.MAX_VALUE / 2);
            int length = r.nextInt(200);
            int endLine = r.nextInt(4) == 0 ? line + r.nextInt(3) : line;
            int endCharacter = endLine == line && r.nextBoolean() ? character + length : r.nextInt(300);
            int offset = r.nextInt(Integer.MAX_VALUE / 2);
            Span s = Span.of(offset, offset + length, line, character, endLine, endCharacter);
            assertEquals(new Pos(line, character), s.start());
            assertEquals(new Pos(endLine, endCharacter), s.end());
            assertEquals(offset, s.startOffset());
            assertEquals(offset + length, s.endOffset());
            assertEquals(s, Span.of(offset, offset + length, new Pos(line, character), new Pos(endLine, endCharacter)));
        }
    }

    /** Order and equality go by position, whichever form a span takes. */
    @Test
    void bothFormsCompareByPosition() {
        Span packed = Span.of(0, 4, new Pos(2, 4090), new Pos(2, 4094));
        Span wide = Span.of(0, 4, new Pos(2, 4096), new Pos(2, 4100));
        assertInstanceOf(Span.OnOneLine.class, packed);
        assertInstanceOf(Span.Wide.class, wide);
        assertEquals(-1, Integer.signum(packed.compareTo(wide)));
        assertEquals(1, Integer.signum(wide.compareTo(packed)));
        assertEquals(Span.of(3, 9, new Pos(1, 2), new Pos(2, 0)), Span.of(3, 9, new Pos(1, 2), new Pos(2, 0)));
        assertEquals(Span.of(3, 9, new Pos(1, 2), new Pos(2, 0)).hashCode(),
                Span.of(3, 9, new Pos(1, 2), new Pos(2, 0)).hashCode());
    }
}
