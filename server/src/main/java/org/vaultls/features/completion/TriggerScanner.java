package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.features.completion.CompletionTrigger.LinkBlock;
import org.vaultls.features.completion.CompletionTrigger.LinkHeading;
import org.vaultls.features.completion.CompletionTrigger.LinkTarget;
import org.vaultls.features.completion.CompletionTrigger.Owner;
import org.vaultls.features.completion.CompletionTrigger.PropertyKey;
import org.vaultls.features.completion.CompletionTrigger.PropertyValue;
import org.vaultls.features.completion.CompletionTrigger.TagRef;
import org.vaultls.features.completion.CompletionTrigger.Tail;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Note;
import org.vaultls.vault.Regions;

/**
 * Reads the text around the cursor, on the cursor's line only, to find the {@link CompletionTrigger}.
 * Wikilinks are looked for first, in the body and in frontmatter values; then frontmatter keys and
 * values; then, in the body, owner tags on task lines and tags.
 */
final class TriggerScanner {
    /** A task list item up to its checkbox, possibly inside a quote, as Obsidian and the Tasks plugin read it. */
    /** A task's marker, after any block quote markers (skipped by hand: a regex group loop recurses per '>'). */
    private static final Pattern TASK = Pattern.compile("(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\[[^\\]]\\](?=[ \\t]|$)");
    /** A frontmatter line holding {@code key:} and possibly a value. */
    private static final Pattern KEY_LINE = Pattern.compile("([^\\s:#\\-\"'\\[\\]{}][^:]*?)[ \\t]*:(?:[ \\t]+(.*)|)$");
    /** A frontmatter list item {@code - value}. */
    private static final Pattern LIST_ITEM = Pattern.compile("[ \\t]*-[ \\t]+(.*)$");
    /** A key being typed: letters, digits, {@code _ - .} and inner spaces, not starting a list item. */
    private static final Pattern KEY_PARTIAL = Pattern.compile("(?:[\\p{L}\\p{N}_][\\p{L}\\p{N}_\\-. ]*)?");

    private TriggerScanner() {
    }

    static Optional<CompletionTrigger> scan(Note note, int offset) {
        String text = note.text();
        LineMap lines = note.lines();
        int off = Math.max(0, Math.min(offset, text.length()));
        int line = lines.lineOf(off);
        int ls = lines.lineStart(line);
        int le = lines.lineEnd(line);
        if (off > le) {
            return Optional.empty();
        }
        Frontmatter fm = note.frontmatter().orElse(null);
        int fmClose = fm == null ? -1 : fm.span().end().line();
        boolean inFrontmatter = fm != null && line >= 1 && line < fmClose;
        if (fm != null && !inFrontmatter && line <= fmClose) {
            return Optional.empty(); // on a --- delimiter line
        }
        if (!inFrontmatter && inRegion(note, off)) {
            return Optional.empty();
        }
        int open = linkOpen(text, ls, off);
        if (open >= 0) {
            return link(text, open, off, le);
        }
        if (inFrontmatter) {
            return property(text, lines, line, off);
        }
        Optional<CompletionTrigger> owner = owner(text, ls, le, off);
        return owner.isPresent() ? owner : tag(text, ls, le, off);
    }

    /** The wikilink being typed at {@code offset}, even in code: for a dataview query's {@code FROM [[}. */
    static Optional<CompletionTrigger> linkAt(Note note, int offset) {
        String text = note.text();
        int off = Math.max(0, Math.min(offset, text.length()));
        int line = note.lines().lineOf(off);
        int open = linkOpen(text, note.lines().lineStart(line), off);
        return open >= 0 ? link(text, open, off, note.lines().lineEnd(line)) : Optional.empty();
    }

    /**
     * True when what was typed just before the cursor lies in code, a comment or HTML, where the parser
     * finds no link, tag or task and so nothing completes. The note's region map was made from the text
     * being completed, so it describes the very characters before the cursor.
     */
    private static boolean inRegion(Note note, int off) {
        return off > 0 && note.regions().kindAt(off - 1).filter(k -> k != Regions.Kind.FRONTMATTER).isPresent();
    }

    /** The offset of the {@code [[} whose unclosed target the cursor is in, or -1; looks at this line only. */
    private static int linkOpen(String text, int ls, int off) {
        for (int i = off - 2; i >= ls; i--) {
            char c = text.charAt(i);
            if (c == ']' && text.charAt(i + 1) == ']') {
                return -1; // the nearest link before the cursor is closed
            }
            if (c == '[' && text.charAt(i + 1) == '[') {
                return i;
            }
        }
        return -1;
    }

    private static Optional<CompletionTrigger> link(String text, int open, int off, int le) {
        int innerStart = open + 2;
        String inner = text.substring(innerStart, off);
        if (inner.indexOf('|') >= 0) {
            return Optional.empty(); // typing the display text, not the target
        }
        int hash = inner.indexOf('#');
        if (hash < 0) {
            boolean embed = open > 0 && text.charAt(open - 1) == '!';
            LinkEnd tail = tail(text, off, le);
            return Optional.of(new LinkTarget(embed, inner, innerStart, tail.end(), tail.tail()));
        }
        String target = inner.substring(0, hash).strip();
        String sub = inner.substring(hash + 1);
        LinkEnd tail = tail(text, off, le);
        if (sub.startsWith("^")) {
            return Optional.of(new LinkBlock(target, sub.substring(1), innerStart + hash + 2, tail.end(),
                    tail.tail()));
        }
        int lastHash = inner.lastIndexOf('#');
        List<String> chain = new ArrayList<>();
        for (String h : inner.substring(hash + 1, lastHash + 1).split("#")) {
            if (!h.isBlank()) {
                chain.add(h.strip());
            }
        }
        return Optional.of(new LinkHeading(target, chain, inner.substring(lastHash + 1), innerStart + lastHash + 1,
                tail.end(), tail.tail()));
    }

    /** Where a link completion ends, and what follows the cursor there. */
    private record LinkEnd(int end, Tail tail) {
    }

    private static LinkEnd tail(String text, int off, int le) {
        for (int i = off; i < le; i++) {
            char c = text.charAt(i);
            boolean pair = i + 1 < le && text.charAt(i + 1) == c;
            if (c == ']') {
                // "]]" closes the link; a lone "]" is the editor auto-closing only one "[" (names cannot hold "]")
                return new LinkEnd(i + (pair ? 2 : 1), Tail.CLOSED);
            }
            if (c == '|' || c == '#') {
                return new LinkEnd(i, Tail.CONTINUES);
            }
            if (c == '[' && pair) {
                break;
            }
        }
        return new LinkEnd(off, Tail.OPEN);
    }

    /** Where a line's content starts after its indentation and any {@code >} block quote markers. */
    private static int afterQuoteMarkers(String text, int ls, int le) {
        int i = ls;
        while (i < le && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '>')) {
            i++;
        }
        return i;
    }

    private static Optional<CompletionTrigger> owner(String text, int ls, int le, int off) {
        Matcher task = TASK.matcher(text).region(afterQuoteMarkers(text, ls, le), le);
        if (!task.lookingAt() || off < task.end()) {
            return Optional.empty();
        }
        int start = wordStart(text, task.end(), off, TriggerScanner::isNameChar);
        if (start <= task.end() || text.charAt(start - 1) != '@') {
            return Optional.empty();
        }
        int at = start - 1;
        if (at > ls) {
            int before = text.codePointBefore(at);
            if (isNameChar(before) || "@.-/".indexOf(before) >= 0) {
                return Optional.empty(); // an e-mail address or a path, not an owner tag
            }
        }
        int end = wordEnd(text, off, le, TriggerScanner::isNameChar);
        return Optional.of(new Owner(text.substring(start, off), at, end));
    }

    private static Optional<CompletionTrigger> tag(String text, int ls, int le, int off) {
        int start = wordStart(text, ls, off, TriggerScanner::isTagChar);
        if (start <= ls || text.charAt(start - 1) != '#') {
            return Optional.empty();
        }
        int hash = start - 1;
        if (hash > ls && !Character.isWhitespace(text.charAt(hash - 1))) {
            return Optional.empty(); // ## or a#b: a heading marker or part of a word
        }
        int end = wordEnd(text, off, le, TriggerScanner::isTagChar);
        return Optional.of(new TagRef(text.substring(start, off), hash, end));
    }

    private static Optional<CompletionTrigger> property(String text, LineMap lines, int line, int off) {
        int ls = lines.lineStart(line);
        int le = lines.lineEnd(line);
        String before = text.substring(ls, off);
        if (KEY_PARTIAL.matcher(before).matches()) {
            int end = off;
            while (end < le && isKeyChar(text.charAt(end))) {
                end++;
            }
            String rest = text.substring(end, le).stripLeading();
            return Optional.of(new PropertyKey(before, ls, end, rest.startsWith(":")));
        }
        Matcher key = KEY_LINE.matcher(before);
        if (key.matches() && key.group(2) != null) {
            int valueStart = ls + key.start(2);
            String value = key.group(2);
            if (value.startsWith("[")) {
                return flowItem(text, key.group(1).strip(), valueStart + 1, off, le);
            }
            return scalar(text, key.group(1).strip(), valueStart, off, le, false);
        }
        Matcher item = LIST_ITEM.matcher(before);
        if (item.matches()) {
            String owner = listKey(text, lines, line);
            return owner == null ? Optional.empty() : scalar(text, owner, ls + item.start(1), off, le, false);
        }
        return Optional.empty();
    }

    /** A value in {@code key: [a, b, par}: from after the last {@code [} or {@code ,} to the next {@code ,} or {@code ]}. */
    private static Optional<CompletionTrigger> flowItem(String text, String key, int listStart, int off, int le) {
        int start = listStart;
        for (int i = listStart; i < off; i++) {
            char c = text.charAt(i);
            if (c == ']') {
                return Optional.empty(); // the list is already closed before the cursor
            }
            if (c == ',') {
                start = i + 1;
            }
        }
        int end = off;
        while (end < le && text.charAt(end) != ',' && text.charAt(end) != ']') {
            end++;
        }
        return scalar(text, key, start, off, end, true);
    }

    /** A value token starting at {@code start} (after blanks), optionally quoted, ending at {@code limit} less trailing blanks. */
    private static Optional<CompletionTrigger> scalar(String text, String key, int start, int off, int limit,
                                                      boolean flow) {
        int s = start;
        while (s < off && (text.charAt(s) == ' ' || text.charAt(s) == '\t')) {
            s++;
        }
        int end = limit;
        while (end > off && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        char quote = s < off && (text.charAt(s) == '"' || text.charAt(s) == '\'') ? text.charAt(s) : 0;
        String partial = text.substring(quote != 0 ? s + 1 : s, off);
        return Optional.of(new PropertyValue(key, partial, s, Math.max(end, off), quote, flow));
    }

    /** The key a {@code - item} line belongs to: the nearest line above that is {@code key:} with no value. */
    private static String listKey(String text, LineMap lines, int line) {
        for (int l = line - 1; l >= 1; l--) {
            String t = lines.lineText(l);
            if (t.isBlank() || LIST_ITEM.matcher(t).matches()) {
                continue;
            }
            Matcher m = KEY_LINE.matcher(t);
            return m.matches() && (m.group(2) == null || m.group(2).isBlank()) ? m.group(1).strip() : null;
        }
        return null;
    }

    private interface CharTest {
        boolean test(int codePoint);
    }

    private static int wordStart(String text, int limit, int off, CharTest test) {
        int i = off;
        while (i > limit) {
            int cp = text.codePointBefore(i);
            if (!test.test(cp)) {
                break;
            }
            i -= Character.charCount(cp);
        }
        return i;
    }

    private static int wordEnd(String text, int off, int le, CharTest test) {
        int i = off;
        while (i < le) {
            int cp = text.codePointAt(i);
            if (!test.test(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    /** A character of an {@code @Owner} tag: letters, digits, marks and {@code _}, as the parser reads them. */
    static boolean isNameChar(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }

    /** A character of a {@code #tag}: a name character, {@code -} or {@code /}. */
    static boolean isTagChar(int cp) {
        return isNameChar(cp) || cp == '-' || cp == '/';
    }
}
