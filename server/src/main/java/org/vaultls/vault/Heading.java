package org.vaultls.vault;

import org.vaultls.text.Span;

/** A heading: its level (1-6), its raw text, the whole heading line and the span of the text. */
public record Heading(int level, String text, Span span, Span textSpan) {
    public Heading {
        text = Shared.of(text);
    }

    /**
     * Obsidian's comparison form of a heading's text: {@code [ ] | ^ # : %} dropped, runs of white space
     * one space (none at the ends), then compared as names are ({@link VaultPaths#key}: NFC, lower case).
     */
    public static String key(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        boolean space = false;
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if ("[]|^#:%".indexOf(c) >= 0) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return VaultPaths.key(sb.toString());
    }

    @Override
    public String toString() {
        return "H" + level + " '" + text + "' " + textSpan;
    }
}
