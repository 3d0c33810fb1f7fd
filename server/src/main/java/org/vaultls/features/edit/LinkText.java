package org.vaultls.features.edit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * The one writer of link text: completion, rename, quick fixes and file moves all ask it what a link
 * to a file reads.
 *
 * <p>A link is <em>unambiguous</em> when, written in the linking note, it resolves to the file by the
 * index's rules without a guess: the exact path, the only note whose path ends with it, or the one in
 * the linking note's own folder among several (Obsidian's tie-break); not the shortest-path fallback
 * that the {@code ambiguous-link} check reports.
 *
 * <ul>
 *   <li>A new link ({@link #forNewLink}) follows Obsidian's {@code newLinkFormat} in
 *   {@code .obsidian/app.json}: {@code shortest} (the default) is the shortest trailing part of the path
 *   that is unambiguous; {@code absolute} is the full vault path; {@code relative} is the path from the
 *   linking note's folder, with {@code ../} to climb. Notes are written without {@code .md},
 *   attachments with their extension.</li>
 *   <li>An existing link pointed at a file ({@link #pointing}) keeps its style: a bare name stays bare
 *   while it is unambiguous (else it reads as a new link), a path-qualified link keeps its folder part when it still fits (else it names
 *   the full path), {@code ./}/{@code ../} links stay relative to the linking note and {@code /} links stay
 *   vault-absolute; a written {@code .md} is kept.</li>
 *   <li>The text goes into the link's own syntax ({@link #write}): a markdown link's path is
 *   percent-encoded ({@code Ada%20Berg.md}) unless it is written between angle brackets, and a wikilink
 *   inside a quoted frontmatter value is escaped for that YAML quote ({@code ''} or {@code \"}).</li>
 * </ul>
 */
public final class LinkText {
    private static final String ENCODED = " %()<>[]#^|\"\\`";
    private static final Pattern ENCODED_NON_ASCII = Pattern.compile("%[89A-Fa-f][0-9A-Fa-f]");

    private LinkText() {
    }

    /** The target a new link from {@code from} to the file at {@code path} is written with. */
    public static String forNewLink(VaultIndex index, Note from, String path) {
        return newLink(index, from, index.note(path).isPresent() ? VaultPaths.stripMd(path) : path, path);
    }

    /**
     * The destination of a new markdown link from {@code from} to the file at {@code path}: the path
     * relative to the linking note's folder, extension included ({@code ../People/Ada Berg.md}, without a
     * leading {@code ./} when the bare path leads there too), percent-encoded ({@code Ada%20Berg.md}) unless
     * it goes between angle brackets ({@code angle}), where Obsidian writes it raw.
     */
    public static String forMarkdownLink(VaultIndex index, Note from, String path, boolean angle) {
        String rel = relative(from.folder(), path);
        String bare = rel.startsWith("./") ? rel.substring(2) : rel;
        String written = !bare.equals(rel) && leadsTo(index, from, bare, path) ? bare : rel;
        return angle ? written : percentEncode(written, false);
    }

    /** A heading as a markdown link's {@code #} part writes it: encoded unless between angle brackets. */
    public static String markdownSubpath(String heading, boolean angle) {
        String h = headingForLink(heading);
        return angle ? h : percentEncode(h, false);
    }

    /** A new link to {@code path} whose full form is {@code full} (the path, without {@code .md} or with it). */
    private static String newLink(VaultIndex index, Note from, String full, String path) {
        return switch (index.obsidian().newLinkFormat()) {
            case "absolute" -> full;
            case "relative" -> {
                String rel = relative(from.folder(), full);
                String bare = rel.startsWith("./") ? rel.substring(2) : rel;
                // a bare path below the note's folder would be read from the vault root
                yield bare.equals(rel) || !leadsTo(index, from, bare, path) ? rel : bare;
            }
            default -> shortest(index, from, full, path);
        };
    }

    private static String shortest(VaultIndex index, Note from, String full, String path) {
        String[] parts = full.split("/");
        for (int k = 1; k < parts.length; k++) {
            String suffix = String.join("/", Arrays.copyOfRange(parts, parts.length - k, parts.length));
            if (leadsTo(index, from, suffix, path)) {
                return suffix;
            }
        }
        return full;
    }

    /**
     * The text of {@code link}'s target (in {@code from} as it is in {@code index}) that makes it lead to
     * {@code desired}, in the link's style and syntax.
     */
    static String pointing(VaultIndex index, Note from, Link link, String desired) {
        return write(from, link, target(index, from, link, desired));
    }

    /** The decoded target {@link #pointing} writes: the path part, in the link's style. */
    static String target(VaultIndex index, Note from, Link link, String desired) {
        String written = link.target().replace('\\', '/');
        boolean note = index.note(desired).isPresent();
        String full = note ? VaultPaths.stripMd(desired) + (VaultPaths.isMarkdown(written) ? ".md" : "") : desired;
        if (written.startsWith("./") || written.startsWith("../")) {
            return relative(from.folder(), full); // relative links resolve exactly, with no fallback
        }
        if (written.startsWith("/")) {
            return "/" + full;
        }
        List<String> candidates = new ArrayList<>();
        if (written.contains("/")) {
            String folderPart = VaultPaths.parent(written);
            String folder = VaultPaths.parent(desired);
            String lower = folder.toLowerCase(Locale.ROOT);
            String want = folderPart.toLowerCase(Locale.ROOT);
            if (lower.equals(want) || lower.endsWith("/" + want)) {
                candidates.add(folder.substring(folder.length() - folderPart.length()) + "/" + VaultPaths.fileName(full));
            }
        } else {
            candidates.add(VaultPaths.fileName(full));
        }
        for (String c : candidates) {
            if (leadsTo(index, from, c, desired)) {
                return c;
            }
        }
        // a bare name that no longer fits reads as a new link does
        return written.contains("/") ? full : newLink(index, from, full, desired);
    }

    /** True when {@code [[target]]}, written in {@code from}, is unambiguous and leads to {@code desired}. */
    static boolean leadsTo(VaultIndex index, Note from, String target, String desired) {
        Span at = from.lines().span(0, 0);
        Link probe = new Link(Link.Kind.WIKI, false, at, target, at, List.of(), null, null, null, null, false);
        Resolution r = index.resolve(from, probe);
        return !r.isBroken() && r.path().equals(desired) && !r.ambiguous();
    }

    /** {@code path} relative to {@code folder}, always starting with {@code ./} or {@code ../}. */
    static String relative(String folder, String path) {
        String[] from = folder.isEmpty() ? new String[0] : folder.split("/");
        String[] to = path.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            sb.append("../");
        }
        if (sb.length() == 0) {
            sb.append("./");
        }
        for (int i = common; i < to.length; i++) {
            sb.append(to[i]);
            if (i < to.length - 1) {
                sb.append('/');
            }
        }
        return sb.toString();
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
