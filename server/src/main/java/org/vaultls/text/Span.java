package org.vaultls.text;

/**
 * A half-open range of a document, held both as offsets into the note's text (Java {@code String}
 * indices, which are UTF-16 code units) and as LSP positions.
 */
public record Span(int startOffset, int endOffset, Pos start, Pos end) implements Comparable<Span> {

    public boolean contains(int offset) {
        return offset >= startOffset && offset <= endOffset;
    }

    public int length() {
        return endOffset - startOffset;
    }

    @Override
    public int compareTo(Span o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : end.compareTo(o.end);
    }

    @Override
    public String toString() {
        return "(" + start + ")-(" + end + ")";
    }
}
