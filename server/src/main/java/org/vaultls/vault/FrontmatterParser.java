package org.vaultls.vault;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Finds and parses a note's frontmatter with snakeyaml. Obsidian's rules: the block starts on the
 * first line with {@code ---} and ends at the next line that is {@code ---} (or {@code ...}); links in
 * values count only inside quoted strings ({@code "[[Ada Berg]]"}), since an unquoted {@code [[A]]} is a
 * YAML nested list. Never throws: YAML that does not parse yields {@link Frontmatter#invalid}.
 */
public final class FrontmatterParser {
    private static final Pattern WIKILINK = Pattern.compile("(!?)\\[\\[([^\\[\\]\\n]*)\\]\\]");
    /** What separates tags in one scalar, compiled once rather than by a split per value. */
    private static final Pattern TAG_SEPARATORS = Pattern.compile("[,\\s]+");
    private static final int MAX_DEPTH = 64;
    /** Only read after construction, so one instance serves every parsing thread. */
    private static final Resolver RESOLVER = new Resolver();

    /** What the frontmatter contributes to a note. {@code bodyStart} is where markdown begins. */
    public record Result(Frontmatter frontmatter, int bodyStart, List<Link> links, List<Tag> tags,
                         List<String> aliases, String unclosedReason) {
    }

    private FrontmatterParser() {
    }

    public static Result parse(String text, LineMap lines) {
        return parse(text, lines, true);
    }

    /**
     * As {@link #parse(String, LineMap)}; with {@code simple} false, snakeyaml reads even the YAML that
     * {@link SimpleYaml} reads, so tests can compare the two.
     */
    static Result parse(String text, LineMap lines, boolean simple) {
        if (!isDelimiter(text, lines, 0, false)) {
            return new Result(null, 0, List.of(), List.of(), List.of(), null);
        }
        int close = -1;
        for (int line = 1; line < lines.lineCount(); line++) {
            if (isDelimiter(text, lines, line, true)) {
                close = line;
                break;
            }
        }
        if (close < 0) {
            // Obsidian then reads the whole note as markdown: report it, but parse the body from the top.
            return new Result(null, 0, List.of(), List.of(), List.of(),
                    "Frontmatter opened with '---' on line 1 is never closed: add a '---' line after it");
        }
        int contentStart = lines.lineStart(1);
        int contentEnd = lines.lineStart(close);
        Span whole = lines.span(0, lines.lineEnd(close));
        int bodyStart = lines.lineStart(close + 1);
        if (close + 1 >= lines.lineCount()) {
            bodyStart = text.length();
        }
        Builder b = new Builder(text, lines, 1);
        Node root = simple ? SimpleYaml.compose(text, lines, 1, close) : null;
        if (root == null) {
            try {
                root = snakeyaml(text.substring(contentStart, contentEnd));
            } catch (MarkedYAMLException e) {
                Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
                String reason = describe(e);
                if (e.getContext() != null && e.getContextMark() != null && m != e.getContextMark()) {
                    reason += " (" + e.getContext() + " started on line " + (e.getContextMark().getLine() + 2) + ")";
                }
                Span at = m != null ? b.lineSpanAt(m) : whole;
                return new Result(Frontmatter.invalid(whole, reason, at), bodyStart, List.of(), List.of(), List.of(),
                        null);
            } catch (YAMLException | IllegalStateException | IllegalArgumentException | StackOverflowError e) {
                String reason = "Frontmatter is not valid YAML: " + oneLine(String.valueOf(e.getMessage()));
                return new Result(Frontmatter.invalid(whole, reason, lines.span(0, lines.lineEnd(0))), bodyStart,
                        List.of(), List.of(), List.of(), null);
            }
        }
        if (root == null) {
            return new Result(new Frontmatter(whole, List.of(), null, null), bodyStart, List.of(), List.of(),
                    List.of(), null);
        }
        if (!(root instanceof MappingNode map)) {
            return new Result(Frontmatter.invalid(whole, "Frontmatter must be a map of 'key: value' lines, "
                    + "not a " + kindOf(root), b.span(root)), bodyStart, List.of(), List.of(), List.of(), null);
        }
        List<Frontmatter.Field> fields = new ArrayList<>();
        List<Tag> tags = new ArrayList<>();
        List<String> aliases = new ArrayList<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode keyNode)) {
                continue;
            }
            String key = keyNode.getValue();
            Object value;
            try {
                value = b.value(t.getValueNode(), 0, new IdentityHashMap<>());
            } catch (IllegalStateException e) {
                return new Result(Frontmatter.invalid(whole, "Frontmatter value of '" + key + "' is nested too deeply "
                        + "or refers to itself", b.span(keyNode)), bodyStart, List.of(), List.of(), List.of(), null);
            }
            Frontmatter.Field field = new Frontmatter.Field(key, b.span(keyNode), value, b.span(t.getValueNode()));
            fields.add(field);
            String k = key.toLowerCase(Locale.ROOT);
            if (k.equals("tags") || k.equals("tag")) {
                b.collectTags(t.getValueNode(), tags);
            } else if (k.equals("aliases") || k.equals("alias")) {
                aliases.addAll(field.stringList());
            }
        }
        return new Result(new Frontmatter(whole, fields, null, null), bodyStart, b.links, tags, aliases, null);
    }

    /** snakeyaml's node tree of {@code yaml}; throws what snakeyaml throws. */
    private static Node snakeyaml(String yaml) {
        LoaderOptions opts = new LoaderOptions();
        opts.setMaxAliasesForCollections(50);
        opts.setAllowRecursiveKeys(false);
        opts.setNestingDepthLimit(MAX_DEPTH);
        opts.setProcessComments(false);
        Composer composer = new Composer(new ParserImpl(new StreamReader(new StringReader(yaml)), opts), RESOLVER, opts);
        return composer.getSingleNode();
    }

    /** Whether the line is {@code ---} (or, closing, {@code ...}) then only whitespace, read in place. */
    private static boolean isDelimiter(String text, LineMap lines, int line, boolean closing) {
        int start = lines.lineStart(line);
        int end = lines.lineEnd(line);
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--; // what stripTrailing drops: no surrogate is whitespace
        }
        if (end - start != 3) {
            return false;
        }
        char c = text.charAt(start);
        return (c == '-' || (closing && c == '.')) && text.charAt(start + 1) == c && text.charAt(start + 2) == c;
    }

    private static String describe(MarkedYAMLException e) {
        StringBuilder sb = new StringBuilder("Frontmatter is not valid YAML: ");
        sb.append(e.getProblem() != null ? e.getProblem() : "parse error");
        return oneLine(sb.toString());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ").trim();
    }

    private static String kindOf(Node n) {
        return n instanceof SequenceNode ? "list" : "single value";
    }

    /** Converts YAML nodes to values and spans, keeping the offsets of the original note text. */
    private static final class Builder {
        final String text;
        final LineMap lines;
        final int firstLine;
        final List<Link> links = new ArrayList<>();
        /** Scalars already searched for links: a YAML alias ({@code *x}) reaches the same scalar again. */
        final Set<Node> linked = Collections.newSetFromMap(new IdentityHashMap<>());

        Builder(String text, LineMap lines, int firstLine) {
            this.text = text;
            this.lines = lines;
            this.firstLine = firstLine;
        }

        /** Lines known to hold no surrogate pair, where a code point column is a char column. */
        final java.util.BitSet plainLines = new java.util.BitSet();
        final java.util.BitSet checkedLines = new java.util.BitSet();

        int offset(Mark m) {
            int line = firstLine + m.getLine();
            int start = lines.lineStart(line);
            int end = lines.lineEnd(line);
            if (!checkedLines.get(line)) {
                // once per line: a long flow list of quoted links asked for columns across one line
                checkedLines.set(line);
                boolean plain = true;
                for (int i = start; i < end && plain; i++) {
                    plain = !Character.isSurrogate(text.charAt(i));
                }
                plainLines.set(line, plain);
            }
            if (plainLines.get(line)) {
                return Math.min(start + m.getColumn(), end);
            }
            int off = start;
            for (int cp = 0; cp < m.getColumn() && off < end; cp++) {
                off += Character.charCount(text.codePointAt(off));
            }
            return off;
        }

        Span span(Node n) {
            int s = offset(n.getStartMark());
            int e = Math.max(s, offset(n.getEndMark()));
            return lines.span(s, e);
        }

        Span lineSpanAt(Mark m) {
            int s = offset(m);
            int line = lines.lineOf(s);
            int e = lines.lineEnd(line);
            if (s >= e) {
                s = lines.lineStart(line);
            }
            return lines.span(s, e);
        }

        Object value(Node n, int depth, IdentityHashMap<Node, Boolean> onPath) {
            if (depth > MAX_DEPTH || onPath.containsKey(n)) {
                throw new IllegalStateException("too deep");
            }
            if (n instanceof ScalarNode s) {
                if (s.getTag() == org.yaml.snakeyaml.nodes.Tag.NULL && s.getScalarStyle() == DumperOptions.ScalarStyle.PLAIN) {
                    return null;
                }
                if (s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
                    collectLinks(s);
                }
                return s.getValue();
            }
            onPath.put(n, Boolean.TRUE);
            try {
                if (n instanceof SequenceNode seq) {
                    List<Object> out = new ArrayList<>();
                    for (Node item : seq.getValue()) {
                        out.add(value(item, depth + 1, onPath));
                    }
                    return out;
                }
                if (n instanceof MappingNode m) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    for (NodeTuple t : m.getValue()) {
                        String k = t.getKeyNode() instanceof ScalarNode ks ? ks.getValue() : "?";
                        out.put(k, value(t.getValueNode(), depth + 1, onPath));
                    }
                    return out;
                }
                return null;
            } finally {
                onPath.remove(n);
            }
        }

        /** Finds {@code [[...]]} in the source text of a quoted scalar, so each link has its exact place. */
        void collectLinks(ScalarNode s) {
            if (!s.getValue().contains("[[") || !linked.add(s)) {
                return;
            }
            int start = offset(s.getStartMark());
            int end = Math.max(start, offset(s.getEndMark()));
            Matcher m = WIKILINK.matcher(text).region(start, end);
            // The places come from the source; the names from the value, which YAML unescaped
            // ('[[Tomás O''Neil]]' names Tomás O'Neil). Without escapes the two are the same text.
            String value = s.getValue();
            Matcher v = WIKILINK.matcher(value);
            LineMap valueLines = null;
            while (m.find()) {
                Link link = WikiLinkSyntax.parse(text, lines, m.start(), m.end(), !m.group(1).isEmpty(), true);
                if (link == null) {
                    continue;
                }
                if (v.find() && !v.group().equals(m.group())) {
                    valueLines = valueLines != null ? valueLines : new LineMap(value);
                    Link named = WikiLinkSyntax.parse(value, valueLines, v.start(), v.end(), link.embed(), true);
                    if (named != null) {
                        link = new Link(link.kind(), link.embed(), link.span(), named.target(), link.targetSpan(),
                                named.headings(), link.subpathSpan(), named.blockId(), named.alias(), link.aliasSpan(),
                                true);
                    }
                }
                links.add(link);
            }
        }

        void collectTags(Node n, List<Tag> out) {
            if (n instanceof ScalarNode s) {
                if (s.getTag() == org.yaml.snakeyaml.nodes.Tag.NULL) {
                    return;
                }
                int base = offset(s.getStartMark());
                boolean quoted = s.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
                String v = s.getValue();
                int from = 0;
                for (String part : TAG_SEPARATORS.split(v)) {
                    int idx = v.indexOf(part, from);
                    from = idx + part.length();
                    String name = part.startsWith("#") ? part.substring(1) : part;
                    if (!name.isEmpty()) {
                        // Offsets of a plain or simply quoted scalar map one-to-one onto the source.
                        int s0 = base + (quoted ? 1 : 0) + idx + (part.startsWith("#") ? 1 : 0);
                        int s1 = Math.min(s0 + name.length(), text.length());
                        out.add(new Tag(name, lines.span(Math.min(s0, s1), s1), true));
                    }
                }
            } else if (n instanceof SequenceNode seq) {
                for (Node item : seq.getValue()) {
                    if (item instanceof ScalarNode) {
                        collectTags(item, out);
                    }
                }
            }
        }
    }
}
