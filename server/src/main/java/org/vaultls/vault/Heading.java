package org.vaultls.vault;

import org.vaultls.text.Span;

/** A heading: its level (1-6), its raw text, the whole heading line and the span of the text. */
public record Heading(int level, String text, Span span, Span textSpan) {
    public Heading {
        text = Shared.of(text);
    }

    @Override
    public String toString() {
        return "H" + level + " '" + text + "' " + textSpan;
    }
}
