package org.vaultls.text;

/**
 * A half-open range of a document, held both as offsets into the note's text (Java {@code String}
 * indices, which are UTF-16 code units) and as LSP positions.
 *
 * <p>A vault holds about fifty spans per note, so a span keeps its positions as plain numbers (40
 * bytes) rather than as two {@link Pos} objects (80 bytes with theirs); {@link #start()} and
 * {@link #end()} make them on demand.
 */
public final class Span implements Comparable<Span> {
    private final int startOffset;
    private final int endOffset;
    private final int startLine;
    private final int startCharacter;
    private final int endLine;
    private final int endCharacter;

    public Span(int startOffset, int endOffset, Pos start, Pos end) {
        this.startOffset = startOffset;
        this.endOffset = endOffset;
        this.startLine = start.line();
        this.startCharacter = start.character();
        this.endLine = end.line();
        this.endCharacter = end.character();
    }

    public int startOffset() {
        return startOffset;
    }

    public int endOffset() {
        return endOffset;
    }

    public Pos start() {
        return new Pos(startLine, startCharacter);
    }

    public Pos end() {
        return new Pos(endLine, endCharacter);
    }

    public boolean contains(int offset) {
        return offset >= startOffset && offset <= endOffset;
    }

    public int length() {
        return endOffset - startOffset;
    }

    @Override
    public int compareTo(Span o) {
        int c = startLine != o.startLine ? Integer.compare(startLine, o.startLine)
                : Integer.compare(startCharacter, o.startCharacter);
        if (c != 0) {
            return c;
        }
        return endLine != o.endLine ? Integer.compare(endLine, o.endLine) : Integer.compare(endCharacter, o.endCharacter);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Span s && s.startOffset == startOffset && s.endOffset == endOffset
                && s.startLine == startLine && s.startCharacter == startCharacter && s.endLine == endLine
                && s.endCharacter == endCharacter;
    }

    @Override
    public int hashCode() {
        int h = startOffset;
        h = 31 * h + endOffset;
        h = 31 * h + startLine;
        h = 31 * h + startCharacter;
        h = 31 * h + endLine;
        return 31 * h + endCharacter;
    }

    @Override
    public String toString() {
        return "(" + startLine + "," + startCharacter + ")-(" + endLine + "," + endCharacter + ")";
    }
}
