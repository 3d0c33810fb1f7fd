package org.vaultls.text;

/** A position in a document: zero-based line and UTF-16 character, as LSP counts them. */
public record Pos(int line, int character) implements Comparable<Pos> {
    @Override
    public int compareTo(Pos o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(character, o.character);
    }

    @Override
    public String toString() {
        return line + "," + character;
    }
}
