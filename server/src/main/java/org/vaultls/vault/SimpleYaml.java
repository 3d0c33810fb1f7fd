package org.vaultls.vault;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.text.LineMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The YAML most frontmatter is written in, read without snakeyaml, which cost a fifth of parsing a
 * vault: lines of {@code key: value} at the left margin, where a value is one line of plain,
 * single-quoted or escape-free double-quoted text, a one-line {@code [list]} of such scalars, or nothing
 * followed by {@code - item} lines. It gives the nodes snakeyaml's composer gives for that YAML (values,
 * styles, null tags and marks), so what {@link FrontmatterParser} makes of them is the same. Anything
 * else (comments, blank lines, other flow collections, nested maps, block scalars, anchors, tags, tabs,
 * escapes, a value over several lines, characters snakeyaml rejects or counts differently) gives null,
 * and snakeyaml reads it.
 */
final class SimpleYaml {
    private static final int MAX_KEY = 512;
    private static final int[] NO_BUFFER = new int[0];

    private final String text;
    private final LineMap lines;
    private final int firstLine;

    private SimpleYaml(String text, LineMap lines, int firstLine) {
        this.text = text;
        this.lines = lines;
        this.firstLine = firstLine;
    }

    /**
     * The mapping of lines {@code [firstLine, endLine)} of {@code text}, with marks counted from
     * {@code firstLine}, or null when they are not in the simple form (or hold no key at all).
     */
    static MappingNode compose(String text, LineMap lines, int firstLine, int endLine) {
        if (endLine <= firstLine) {
            return null;
        }
        return new SimpleYaml(text, lines, firstLine).mapping(endLine);
    }

    private MappingNode mapping(int endLine) {
        for (int line = firstLine; line < endLine; line++) {
            if (!plainCharacters(lines.lineStart(line), lines.lineEnd(line))) {
                return null;
            }
        }
        List<NodeTuple> tuples = new ArrayList<>();
        int line = firstLine;
        while (line < endLine) {
            int start = lines.lineStart(line);
            int end = lines.lineEnd(line);
            int colon = keyEnd(start, end);
            if (colon < 0) {
                return null;
            }
            String name = text.substring(start, colon);
            ScalarNode key = new ScalarNode(isNull(name) ? Tag.NULL : Tag.STR, name, mark(line, start, start),
                    mark(line, start, colon), DumperOptions.ScalarStyle.PLAIN);
            int v = skipSpaces(colon + 1, end);
            Node value;
            if (v < end) {
                value = text.charAt(v) == '[' ? flowSequence(line, start, v, end) : scalar(line, start, v, end);
                line++;
            } else if (line + 1 < endLine && isItem(line + 1)) {
                int itemIndent = indent(line + 1);
                List<Node> items = new ArrayList<>();
                Mark first = mark(line + 1, lines.lineStart(line + 1), lines.lineStart(line + 1) + itemIndent);
                line++;
                while (line < endLine && isItem(line) && indent(line) == itemIndent) {
                    items.add(item(line, itemIndent));
                    if (items.get(items.size() - 1) == null) {
                        return null;
                    }
                    line++;
                }
                if (line < endLine && text.charAt(lines.lineStart(line)) == ' ') {
                    return null; // indented differently: a nested map, a continuation or an error
                }
                value = new SequenceNode(Tag.SEQ, true, items, first, new Mark("", 0, line - firstLine, 0, NO_BUFFER, 0),
                        DumperOptions.FlowStyle.BLOCK);
            } else {
                // nothing after the colon: snakeyaml's empty scalar, placed just after the colon
                Mark at = mark(line, start, colon + 1);
                value = new ScalarNode(Tag.NULL, "", at, at, DumperOptions.ScalarStyle.PLAIN);
                line++;
            }
            if (value == null) {
                return null;
            }
            tuples.add(new NodeTuple(key, value));
        }
        Mark start = mark(firstLine, lines.lineStart(firstLine), lines.lineStart(firstLine));
        Mark end = new Mark("", 0, endLine - firstLine, 0, NO_BUFFER, 0);
        return new MappingNode(Tag.MAP, true, tuples, start, end, DumperOptions.FlowStyle.BLOCK);
    }

    /**
     * The offset of the colon after a simple key starting at the line's start, followed by a space or
     * the line's end; -1 when the line does not start with such a key.
     */
    private int keyEnd(int start, int end) {
        if (start >= end) {
            return -1; // a blank line
        }
        char c0 = text.charAt(start);
        if (!(Character.isLetterOrDigit(c0) || c0 == '_')) {
            return -1;
        }
        for (int i = start + 1; i < end && i - start <= MAX_KEY; i++) {
            char c = text.charAt(i);
            if (c == ':') {
                boolean spaceBefore = text.charAt(i - 1) == ' ';
                return !spaceBefore && (i + 1 == end || text.charAt(i + 1) == ' ') ? i : -1;
            }
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == ' ')) {
                return -1;
            }
        }
        return -1;
    }

    /** Whether the line is {@code - ...} after some spaces: a block sequence entry. */
    private boolean isItem(int line) {
        int start = lines.lineStart(line);
        int end = lines.lineEnd(line);
        int i = skipSpaces(start, end);
        return i < end && text.charAt(i) == '-' && (i + 1 == end || text.charAt(i + 1) == ' ');
    }

    private int indent(int line) {
        int start = lines.lineStart(line);
        return skipSpaces(start, lines.lineEnd(line)) - start;
    }

    /** The entry's value; an entry of {@code -} alone is snakeyaml's empty scalar just after the dash. */
    private Node item(int line, int indent) {
        int start = lines.lineStart(line);
        int end = lines.lineEnd(line);
        int dash = start + indent;
        int v = skipSpaces(dash + 1, end);
        if (v >= end) {
            Mark at = mark(line, start, dash + 1);
            return new ScalarNode(Tag.NULL, "", at, at, DumperOptions.ScalarStyle.PLAIN);
        }
        return scalar(line, start, v, end);
    }

    /** The one-line scalar at {@code [from, end)}, or null when it is not in the simple form. */
    private ScalarNode scalar(int line, int lineStart, int from, int end) {
        char c = text.charAt(from);
        if (c == '\'' || c == '"') {
            StringBuilder value = new StringBuilder();
            int i = from + 1;
            while (true) {
                if (i >= end) {
                    return null; // continues on the next line
                }
                char ch = text.charAt(i);
                if (c == '"' && ch == '\\') {
                    return null; // an escape
                }
                if (ch == c) {
                    if (c == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                        continue;
                    }
                    break;
                }
                value.append(ch);
                i++;
            }
            if (skipSpaces(i + 1, end) != end) {
                return null; // text or a comment after the closing quote
            }
            return new ScalarNode(Tag.STR, value.toString(), mark(line, lineStart, from), mark(line, lineStart, i + 1),
                    c == '\'' ? DumperOptions.ScalarStyle.SINGLE_QUOTED : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        }
        if ("-?:,[]{}#&*!|>%@`".indexOf(c) >= 0) {
            return null; // an indicator: a collection, a comment, an alias, a tag or a block scalar
        }
        int last = from;
        for (int i = from; i < end; i++) {
            char ch = text.charAt(i);
            if (ch == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                return null; // a nested mapping, or an error
            }
            if (ch == '#' && text.charAt(i - 1) == ' ') {
                return null; // a comment
            }
            if (ch != ' ') {
                last = i + 1;
            }
        }
        String value = text.substring(from, last);
        return new ScalarNode(isNull(value) ? Tag.NULL : Tag.STR, value, mark(line, lineStart, from),
                mark(line, lineStart, last), DumperOptions.ScalarStyle.PLAIN);
    }

    /**
     * {@code [item, item]} on one line, of quoted scalars and plain words, or null when it is not that
     * simple. Its marks are those of the brackets.
     */
    private SequenceNode flowSequence(int line, int lineStart, int open, int end) {
        List<Node> items = new ArrayList<>();
        int i = skipSpaces(open + 1, end);
        if (i < end && text.charAt(i) != ']') {
            while (true) {
                int itemEnd = flowItemEnd(i, end);
                if (itemEnd < 0) {
                    return null;
                }
                ScalarNode item = scalar(line, lineStart, i, itemEnd);
                if (item == null) {
                    return null;
                }
                items.add(item);
                i = skipSpaces(itemEnd, end);
                if (i >= end) {
                    return null;
                }
                if (text.charAt(i) == ']') {
                    break;
                }
                if (text.charAt(i) != ',') {
                    return null;
                }
                i = skipSpaces(i + 1, end);
                if (i >= end || text.charAt(i) == ']') {
                    return null; // a trailing comma, or the list goes on on the next line
                }
            }
        }
        if (i >= end || skipSpaces(i + 1, end) != end) {
            return null;
        }
        return new SequenceNode(Tag.SEQ, true, items, mark(line, lineStart, open), mark(line, lineStart, i + 1),
                DumperOptions.FlowStyle.FLOW);
    }

    /**
     * The end of a flow sequence's item at {@code from}: after the closing quote of a quoted scalar, or
     * after the last word character of a plain one made of letters, digits, spaces and {@code _-./};
     * -1 for any other item.
     */
    private int flowItemEnd(int from, int end) {
        char c = text.charAt(from);
        if (c == '\'' || c == '"') {
            for (int i = from + 1; i < end; i++) {
                char ch = text.charAt(i);
                if (ch == c) {
                    if (c == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                        i++;
                        continue;
                    }
                    return i + 1;
                }
            }
            return -1;
        }
        if (!(Character.isLetterOrDigit(c) || c == '_')) {
            return -1;
        }
        int last = from + 1;
        for (int i = from + 1; i < end; i++) {
            char ch = text.charAt(i);
            if (ch == ',' || ch == ']') {
                return last;
            }
            if (!(Character.isLetterOrDigit(ch) || ch == '_' || ch == '-' || ch == '.' || ch == '/' || ch == ' ')) {
                return -1;
            }
            if (ch != ' ') {
                last = i + 1;
            }
        }
        return -1;
    }

    /** snakeyaml's implicit null for a plain scalar. */
    private static boolean isNull(String v) {
        return v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
    }

    /**
     * Characters snakeyaml reads one per column and as no line break: printable, no tab, no surrogate
     * (a code point column), no byte order mark and none of NEL, LS, PS (line breaks to YAML only).
     */
    private boolean plainCharacters(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c <= 0x7E) {
                continue;
            }
            if (c < 0xA0 || c > 0xFFFD || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFEFF || c == 0x2028 || c == 0x2029) {
                return false;
            }
        }
        return true;
    }

    private int skipSpaces(int from, int end) {
        int i = from;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private Mark mark(int line, int lineStart, int offset) {
        return new Mark("", 0, line - firstLine, offset - lineStart, NO_BUFFER, 0);
    }
}
