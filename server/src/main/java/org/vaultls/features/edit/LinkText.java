package org.vaultls.features.edit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.vaultls.text.Span;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * Writes a value into a part of an existing link in the link's own syntax: a markdown link's path is
 * percent-encoded ({@code Ada%20Berg.md}) unless it is written between angle brackets, and a wikilink
 * inside a quoted frontmatter value is escaped for that YAML quote ({@code ''} or {@code \"}).
 */
final class LinkText {
    private static final String ENCODED = " %()<>[]#^|\"\\`";
    private static final Pattern ENCODED_NON_ASCII = Pattern.compile("%[89A-Fa-f][0-9A-Fa-f]");

    private LinkText() {
    }

    /** {@code value} (decoded, as the parser reports it) written for a part of {@code link}. */
    static String write(Note note, Link link, String value) {
        if (link.kind() == Link.Kind.MARKDOWN) {
            if (isAngle(note, link)) {
                return value;
            }
            String raw = note.text().substring(link.span().startOffset(), link.span().endOffset());
            return percentEncode(value, ENCODED_NON_ASCII.matcher(raw).find());
        }
        if (link.inFrontmatter()) {
            char quote = yamlQuoteBefore(note.text(), link.span().startOffset());
            return yamlEscape(value, quote);
        }
        return value;
    }

    /** True for a markdown link whose destination is written {@code <...>}. */
    static boolean isAngle(Note note, Link link) {
        int at = link.targetSpan().startOffset() - 1;
        return link.kind() == Link.Kind.MARKDOWN && at >= 0 && note.text().charAt(at) == '<';
    }

    /** Encodes what a markdown destination cannot hold; non-ASCII too when the link already did so. */
    static String percentEncode(String s, boolean nonAscii) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            boolean encode = cp < 0x20 || cp == 0x7f || (cp < 0x80 && ENCODED.indexOf(cp) >= 0)
                    || (nonAscii && cp >= 0x80) || Character.isWhitespace(cp);
            if (encode) {
                for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * The quote of the YAML scalar that holds {@code offset}, read from the start of its line: a quote
     * opens a scalar after the line start, a space, {@code :}, {@code -}, {@code [}, {@code ,} or
     * an opening brace; 0 when {@code offset} is in no quoted scalar.
     */
    static char yamlQuoteBefore(String text, int offset) {
        int lineStart = offset;
        while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
            lineStart--;
        }
        char open = 0;
        for (int i = lineStart; i < offset; i++) {
            char c = text.charAt(i);
            if (open == 0) {
                if ((c == '"' || c == '\'') && (i == lineStart || " \t:-[,{".indexOf(text.charAt(i - 1)) >= 0)) {
                    open = c;
                }
            } else if (open == '"' && c == '\\') {
                i++;
            } else if (open == '\'' && c == '\'' && i + 1 < offset && text.charAt(i + 1) == '\'') {
                i++;
            } else if (c == open) {
                open = 0;
            }
        }
        return open;
    }

    static String yamlEscape(String s, char quote) {
        if (quote == '\'') {
            return s.replace("'", "''");
        }
        if (quote == '"') {
            return s.replace("\\", "\\\\").replace("\"", "\\\"");
        }
        return s;
    }

    /**
     * A heading as a link names it: without the characters Obsidian drops when it compares headings
     * ({@code [ ] | ^ # : %}), spaces collapsed.
     */
    static String headingForLink(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if ("[]|^#:%".indexOf(c) >= 0) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
                continue;
            }
            sb.append(c);
        }
        return sb.toString().strip();
    }

    /**
     * Where each heading of the link's chain {@code A#B} is written, trimmed; empty when the written
     * parts do not line up with the parsed chain (an encoded {@code %23}, say).
     */
    static List<Span> headingSpans(Note note, Link link) {
        if (link.subpathSpan() == null || link.headings().isEmpty()) {
            return List.of();
        }
        String text = note.text();
        int end = link.subpathSpan().endOffset();
        List<Span> out = new ArrayList<>();
        int partStart = link.subpathSpan().startOffset();
        for (int i = partStart; i <= end; i++) {
            if (i == end || text.charAt(i) == '#') {
                int s = partStart;
                int e = i;
                while (s < e && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    out.add(note.lines().span(s, e));
                }
                partStart = i + 1;
            }
        }
        return out.size() == link.headings().size() ? out : List.of();
    }
}
