package org.vaultls.text;

/**
 * A half-open range of a document, held both as offsets into the note's text (Java {@code String}
 * indices, which are UTF-16 code units) and as LSP positions.
 *
 * <p>A vault holds about fifty spans per note (five million at 100k notes), so a span keeps its
 * positions as plain numbers rather than as two {@link Pos} objects, and a span within one line whose
 * positions are small, nearly every span, packs its line and character into one number: 24 bytes
 * instead of the 40 of six numbers. {@link #start()} and {@link #end()} make positions on demand;
 * {@link #of} picks the form, and the two are equal wherever their positions are.
 */
public abstract sealed class Span implements Comparable<Span> permits Span.OnOneLine, Span.Wide {
    /** Bits of a packed span's character; the rest of the number holds its line. */
    private static final int CHARACTER_BITS = 12;
    private static final int MAX_PACKED_LINE = (1 << (31 - CHARACTER_BITS)) - 1;

    private final int startOffset;
    private final int endOffset;

    private Span(int startOffset, int endOffset) {
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }

    /** The span from {@code start} to {@code end}, at these offsets. */
    public static Span of(int startOffset, int endOffset, Pos start, Pos end) {
        return of(startOffset, endOffset, start.line(), start.character(), end.line(), end.character());
    }

    /** The span from ({@code startLine}, {@code startCharacter}) to ({@code endLine}, {@code endCharacter}). */
    public static Span of(int startOffset, int endOffset, int startLine, int startCharacter, int endLine,
            int endCharacter) {
        if (startLine == endLine && startLine >= 0 && startLine <= MAX_PACKED_LINE && startCharacter >= 0
                && startCharacter < (1 << CHARACTER_BITS)
                && (long) endCharacter - startCharacter == (long) endOffset - startOffset) {
            return new OnOneLine(startOffset, endOffset, (startLine << CHARACTER_BITS) | startCharacter);
        }
        return new Wide(startOffset, endOffset, startLine, startCharacter, endLine, endCharacter);
    }

    public int startOffset() {
        return startOffset;
    }

    public int endOffset() {
        return endOffset;
    }

    public abstract int startLine();

    public abstract int startCharacter();

    public abstract int endLine();

    public abstract int endCharacter();

    public Pos start() {
        return new Pos(startLine(), startCharacter());
    }

    public Pos end() {
        return new Pos(endLine(), endCharacter());
    }

    public boolean contains(int offset) {
        return offset >= startOffset && offset <= endOffset;
    }

    public int length() {
        return endOffset - startOffset;
    }

    @Override
    public int compareTo(Span o) {
        int c = startLine() != o.startLine() ? Integer.compare(startLine(), o.startLine())
                : Integer.compare(startCharacter(), o.startCharacter());
        if (c != 0) {
            return c;
        }
        return endLine() != o.endLine() ? Integer.compare(endLine(), o.endLine())
                : Integer.compare(endCharacter(), o.endCharacter());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && s.startOffset == startOffset && s.endOffset == endOffset
                && s.startLine() == startLine() && s.startCharacter() == startCharacter()
                && s.endLine() == endLine() && s.endCharacter() == endCharacter();
    }

    @Override
    public int hashCode() {
        int h = startOffset;
        h = 31 * h + endOffset;
        h = 31 * h + startLine();
        h = 31 * h + startCharacter();
        h = 31 * h + endLine();
        return 31 * h + endCharacter();
    }

    @Override
    public String toString() {
        return "(" + startLine() + "," + startCharacter() + ")-(" + endLine() + "," + endCharacter() + ")";
    }

    /** A span within one line: its line and start character packed, its end character from its length. */
    static final class OnOneLine extends Span {
        private final int lineAndCharacter;

        private OnOneLine(int startOffset, int endOffset, int lineAndCharacter) {
            super(startOffset, endOffset);
            this.lineAndCharacter = lineAndCharacter;
        }

        @Override
        public int startLine() {
            return lineAndCharacter >>> CHARACTER_BITS;
        }

        @Override
        public int startCharacter() {
            return lineAndCharacter & ((1 << CHARACTER_BITS) - 1);
        }

        @Override
        public int endLine() {
            return startLine();
        }

        @Override
        public int endCharacter() {
            return startCharacter() + length();
        }
    }

    /** Any other span: every position number kept. */
    static final class Wide extends Span {
        private final int startLine;
        private final int startCharacter;
        private final int endLine;
        private final int endCharacter;

        private Wide(int startOffset, int endOffset, int startLine, int startCharacter, int endLine,
                int endCharacter) {
            super(startOffset, endOffset);
            this.startLine = startLine;
            this.startCharacter = startCharacter;
            this.endLine = endLine;
            this.endCharacter = endCharacter;
        }

        @Override
        public int startLine() {
            return startLine;
        }

        @Override
        public int startCharacter() {
            return startCharacter;
        }

        @Override
        public int endLine() {
            return endLine;
        }

        @Override
        public int endCharacter() {
            return endCharacter;
        }
    }
}
