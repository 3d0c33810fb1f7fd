package org.vaultls.vault;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ext.wikilink.WikiImage;
import com.vladsch.flexmark.ext.wikilink.WikiLink;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;

/**
 * Parses a note's text into a {@link Note}: flexmark-java finds the markdown structure (code, HTML,
 * headings, list items, wikilinks, markdown links) and this class adds what flexmark does not know of
 * Obsidian: {@code %% comments %%}, {@code #tags}, {@code ^block-ids}, tasks with {@code @Owner} tags,
 * Tasks-plugin dates and Dataview inline fields. Nothing inside code, HTML or comments is a link or a
 * tag. Never throws on any input text.
 */
public final class NoteParser {
    private static final Logger LOG = Logger.getLogger(NoteParser.class.getName());
    private static final Parser PARSER;

    static {
        MutableDataSet opts = new MutableDataSet();
        // No tables extension: a table row parses as a paragraph, which finds the same links, code and
        // tags (`\\|` aliases are split by WikiLinkSyntax), and parsing is about 15% cheaper.
        opts.set(Parser.EXTENSIONS, List.of(WikiLinkExtension.create()));
        // Reference definitions ([id]: url) name no note; skipping them saves a pass over every paragraph.
        opts.set(Parser.REFERENCE_PARAGRAPH_PRE_PROCESSOR, false);
        opts.set(WikiLinkExtension.LINK_FIRST_SYNTAX, true);
        opts.set(WikiLinkExtension.ALLOW_ANCHORS, true);
        opts.set(WikiLinkExtension.IMAGE_LINKS, true);
        opts.set(Parser.HTML_BLOCK_DEEP_PARSER, false);
        // Bounded parsing (BoundedParse): a thematic break without a recursive regex, headings not asked
        // about lines that cannot be one, an inline parser without a quadratic match, and a guard on
        // nesting depth and time.
        // And fenced code asked only about lines that can open it (CheapFenceStart).
        opts.set(Parser.THEMATIC_BREAK_PARSER, false);
        opts.set(Parser.HEADING_PARSER, false);
        opts.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        PARSER = Parser.builder(opts).customBlockParserFactory(new NestingGuard())
                .customBlockParserFactory(new CheapHeadingStart()).customBlockParserFactory(new CheapFenceStart())
                .customBlockParserFactory(new LinearThematicBreak())
                .customInlineParserFactory(LinearInlineParser.FACTORY).build();
    }

    /** A tag's name, after its {@code #}. */
    private static final Pattern TAG_BODY = Pattern.compile("[\\p{L}\\p{M}\\p{N}_\\-/]+");
    /** A block id after its {@code ^}, up to the end of the line. */
    private static final Pattern BLOCK_ID_BODY = Pattern.compile("([A-Za-z0-9\\-]+)[ \\t]*$", Pattern.MULTILINE);
    /** A task's marker; read by {@link #taskMarkerEnd}, kept as its definition for the tests. */
    static final Pattern TASK = Pattern.compile("^(?:[-*+]|\\d{1,9}[.)])[ \\t]+\\[([^\\]\\r\\n])\\](?=[ \\t]|$)[ \\t]*");
    private static final Pattern OWNER = Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}_@.\\-/])@([\\p{L}\\p{M}\\p{N}_]+)");
    /** A Tasks-plugin date; read by {@link #emojiDates}, kept as its definition for the tests. */
    static final Pattern EMOJI_DATE = Pattern.compile(
            "(\uD83D\uDCC5|\u23F3|\uD83D\uDEEB|\u2795|\u2705|\u274C)\uFE0F?[ \\t]*(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern INLINE_FIELD = Pattern.compile("[\\[(]([\\p{L}\\p{N}_][\\p{L}\\p{N}_ \\-]*)::[ \\t]*([^\\])\\r\\n]*)[\\])]");
    private static final Pattern ANGLE_DESTINATION = Pattern.compile("\\]\\(<([^<>\\r\\n]*)>");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:");

    private NoteParser() {
    }

    public static Note parse(String path, String text) {
        return parse(path, text, List.of());
    }

    /** A note known by its path only, before its text is read: a link target with no content. */
    public static Note placeholder(String path) {
        return new Note(path, "", new LineMap(""), null, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of());
    }

    /**
     * Parses {@code text}; {@code problems} are carried over from reading the file (encoding, size). A
     * body nested deeper than {@link ParseBudget#MAX_OPEN_BLOCKS} blocks, over the time budget of a
     * {@link BoundedParse}, or that breaks flexmark, leaves a note of its frontmatter alone with a
     * {@code TOO_COMPLEX} problem.
     */
    public static Note parse(String path, String text, List<Note.Problem> problems) {
        LineMap lines = new LineMap(text);
        List<Note.Problem> allProblems = new ArrayList<>(problems);
        FrontmatterParser.Result fm = frontmatter(text, lines, allProblems);
        Frontmatter frontmatter = fm.frontmatter();
        Body body = new Body(text, lines, fm.bodyStart());
        try {
            body.walk();
        } catch (ParseBudget.TooComplex e) {
            return frontmatterOnly(path, text, lines, fm, allProblems, e.line, e.getMessage());
        } catch (StackOverflowError e) {
            return frontmatterOnly(path, text, lines, fm, allProblems, -1, "it is nested too deeply for the parser");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "flexmark failed on " + path, e);
            return frontmatterOnly(path, text, lines, fm, allProblems, -1, "the markdown parser failed on it ("
                    + e.getClass().getSimpleName() + ")");
        }
        List<Link> links = new ArrayList<>(fm.links());
        links.addAll(body.links);
        List<Tag> tags = new ArrayList<>(fm.tags());
        tags.addAll(body.tags);
        return new Note(path, text, lines, frontmatter, links, body.headings, body.blocks, tags, body.tasks,
                fm.aliases(), allProblems, body.regions.build());
    }

    /** Parses the frontmatter, adding its problems to {@code problems}. */
    private static FrontmatterParser.Result frontmatter(String text, LineMap lines, List<Note.Problem> problems) {
        FrontmatterParser.Result fm = FrontmatterParser.parse(text, lines);
        if (fm.unclosedReason() != null) {
            problems.add(new Note.Problem(Note.Problem.Kind.INVALID_FRONTMATTER, lines.span(0, lines.lineEnd(0)),
                    fm.unclosedReason()));
        }
        Frontmatter frontmatter = fm.frontmatter();
        if (frontmatter != null && !frontmatter.isValid()) {
            problems.add(new Note.Problem(Note.Problem.Kind.INVALID_FRONTMATTER, frontmatter.errorSpan(),
                    frontmatter.error()));
        }
        return fm;
    }

    /**
     * A note that could not be parsed at all (not even its frontmatter, which may be what took too long):
     * its text, no elements, and the reason.
     */
    static Note tooComplex(String path, String text, List<Note.Problem> problems, String why) {
        LineMap lines = new LineMap(text);
        FrontmatterParser.Result none = new FrontmatterParser.Result(null, 0, List.of(), List.of(), List.of(), null);
        return frontmatterOnly(path, text, lines, none, problems, 0, why);
    }

    private static Note frontmatterOnly(String path, String text, LineMap lines, FrontmatterParser.Result fm,
                                        List<Note.Problem> problems, int line, String why) {
        int at = line >= 0 && line < lines.lineCount() ? line : lines.lineOf(Math.min(fm.bodyStart(), text.length()));
        List<Note.Problem> all = new ArrayList<>(problems);
        all.add(new Note.Problem(Note.Problem.Kind.TOO_COMPLEX, lines.span(lines.lineStart(at), lines.lineEnd(at)),
                "Note too complex to parse: " + why + "; links, tags and tasks in its body are not checked"));
        return new Note(path, text, lines, fm.frontmatter(), fm.links(), List.of(), List.of(), fm.tags(), List.of(),
                fm.aliases(), all);
    }

    /** The markdown after the frontmatter, and what is found in it. */
    private static final class Body {
        final String text;
        final LineMap lines;
        final int start;
        final List<Link> links = new ArrayList<>();
        final List<org.vaultls.vault.Heading> headings = new ArrayList<>();
        final List<BlockId> blocks = new ArrayList<>();
        final List<Tag> tags = new ArrayList<>();
        final List<Task> tasks = new ArrayList<>();
        /** Code (where {@code %%} does not open a comment). */
        final Ranges code = new Ranges();
        /** Everything where a tag, block id or owner tag cannot be: code, HTML, links, comments. */
        final Ranges excluded = new Ranges();
        final List<ListItem> items = new ArrayList<>();
        /** The note's region map: frontmatter, code, comments, HTML and dataview, by kind. */
        final Regions.Builder regions = new Regions.Builder();

        Body(String text, LineMap lines, int start) {
            this.text = text;
            this.lines = lines;
            this.start = start;
        }

        void walk() {
            if (start > 0) {
                excluded.add(0, start);
                regions.add(Regions.Kind.FRONTMATTER, 0, start);
            }
            String source = unspaceAngleDestinations(start == 0 ? text : maskPrefix(text, start));
            Document doc = PARSER.parse(source);
            Deque<Node> stack = new ArrayDeque<>();
            stack.push(doc);
            while (!stack.isEmpty()) {
                Node n = stack.pop();
                if (visit(n)) {
                    // push children in reverse so they are visited in document order
                    Node child = n.getLastChild();
                    while (child != null) {
                        stack.push(child);
                        child = child.getPrevious();
                    }
                }
            }
            code.sort();
            Ranges comments = comments();
            for (int[] c : comments.list) {
                excluded.add(c[0], c[1]);
                regions.add(Regions.Kind.COMMENT, c[0], c[1]);
            }
            excluded.sort();
            if (!comments.list.isEmpty()) {
                links.removeIf(l -> comments.contains(l.span().startOffset()));
                headings.removeIf(h -> comments.contains(h.span().startOffset()));
            }
            links.sort(Comparator.comparingInt(l -> l.span().startOffset()));
            for (ListItem item : items) {
                if (!excluded.contains(item.getStartOffset())) {
                    task(item);
                }
            }
            scanTags();
            scanBlockIds();
        }

        /** Handles one node; true when its children are to be visited. */
        boolean visit(Node n) {
            if (n instanceof Code || n instanceof FencedCodeBlock || n instanceof IndentedCodeBlock) {
                code.add(n.getStartOffset(), n.getEndOffset());
                excluded.add(n.getStartOffset(), n.getEndOffset());
                regions.add(codeKind(n), n.getStartOffset(), n.getEndOffset());
                return false;
            }
            if (n instanceof HtmlBlock || n instanceof HtmlCommentBlock || n instanceof HtmlInline
                    || n instanceof HtmlInlineComment || n instanceof AutoLink || n instanceof MailLink) {
                excluded.add(n.getStartOffset(), n.getEndOffset());
                if (!(n instanceof AutoLink || n instanceof MailLink)) {
                    boolean comment = n instanceof HtmlCommentBlock || n instanceof HtmlInlineComment;
                    regions.add(comment ? Regions.Kind.HTML_COMMENT : Regions.Kind.HTML, n.getStartOffset(),
                            n.getEndOffset());
                }
                return false;
            }
            if (n instanceof WikiLink || n instanceof WikiImage) {
                excluded.add(n.getStartOffset(), n.getEndOffset());
                Link link = WikiLinkSyntax.parse(text, lines, n.getStartOffset(), n.getEndOffset(),
                        n instanceof WikiImage, false);
                if (link != null) {
                    links.add(link);
                }
                return false;
            }
            if (n instanceof com.vladsch.flexmark.ast.Link l) {
                markdownLink(l.getUrl(), n, false);
                return true;
            }
            if (n instanceof Image img) {
                markdownLink(img.getUrl(), n, true);
                return true;
            }
            if (n instanceof Heading h) {
                BasedSequence t = h.getText();
                int ts = t.isNull() ? h.getEndOffset() : t.getStartOffset();
                int te = t.isNull() ? h.getEndOffset() : t.getEndOffset();
                int hs = h.getStartOffset();
                int he = lines.lineEnd(lines.lineOf(Math.max(hs, h.getEndOffset() - 1)));
                headings.add(new org.vaultls.vault.Heading(h.getLevel(), text.substring(ts, te).strip(),
                        lines.span(hs, Math.max(hs, he)), lines.span(ts, te)));
                return true;
            }
            if (n instanceof ListItem li) {
                items.add(li);
            }
            return true;
        }

        /**
         * The kind of a code node: {@code ```dataview} and {@code ```dataviewjs} blocks, and inline
         * {@code `= expr`} / {@code `$= js`} spans, are Dataview's, as its default query prefixes say.
         */
        static Regions.Kind codeKind(Node n) {
            if (n instanceof FencedCodeBlock f) {
                String info = f.getInfo().toString().strip().toLowerCase(Locale.ROOT);
                String lang = info.split("[\\s{]", 2)[0];
                return lang.equals("dataview") || lang.equals("dataviewjs")
                        ? Regions.Kind.DATAVIEW : Regions.Kind.FENCED_CODE;
            }
            if (n instanceof Code c) {
                String inner = c.getText().toString().strip();
                return inner.startsWith("=") || inner.startsWith("$=")
                        ? Regions.Kind.INLINE_DATAVIEW : Regions.Kind.CODE_SPAN;
            }
            return Regions.Kind.INDENTED_CODE;
        }

        void markdownLink(BasedSequence url, Node n, boolean image) {
            if (url.isNull() || url.isEmpty()) {
                return;
            }
            int us = url.getStartOffset();
            int ue = url.getEndOffset();
            if (us < ue && text.charAt(us) == '<' && text.charAt(ue - 1) == '>') {
                us++;
                ue--;
            }
            excluded.add(us, ue);
            String raw = text.substring(us, ue);
            if (SCHEME.matcher(raw).find() || raw.startsWith("//")) {
                return; // external: https:, mailto:, obsidian: ...
            }
            int hash = raw.indexOf('#');
            String pathPart = hash < 0 ? raw : raw.substring(0, hash);
            String target = percentDecode(pathPart).strip();
            List<String> headings = new ArrayList<>();
            String blockId = null;
            Span subSpan = null;
            if (hash >= 0) {
                subSpan = lines.span(us + hash + 1, ue);
                String sub = percentDecode(raw.substring(hash + 1)).strip();
                if (sub.startsWith("^")) {
                    blockId = sub.substring(1).isBlank() ? null : sub.substring(1).strip();
                } else {
                    for (String h : sub.split("#")) {
                        if (!h.isBlank()) {
                            headings.add(h.strip());
                        }
                    }
                }
            }
            if (target.isEmpty() && headings.isEmpty() && blockId == null) {
                return;
            }
            Span targetSpan = lines.span(us, us + pathPart.length());
            links.add(new Link(Link.Kind.MARKDOWN, image, lines.span(n.getStartOffset(), n.getEndOffset()), target,
                    targetSpan, headings, subSpan, blockId, null, null, false));
        }

        void task(ListItem item) {
            int s = item.getStartOffset();
            int lineEnd = lines.lineEnd(lines.lineOf(s));
            int body = taskMarkerEnd(text, s, Math.max(s, lineEnd));
            if (body < 0) {
                return;
            }
            char status = text.charAt(text.indexOf('[', s) + 1);
            String taskText = text.substring(body, lineEnd).strip();
            List<OwnerRef> owners = new ArrayList<>();
            // from '@' to '@': the owner regex starts with a look-behind, which a find tries at every offset
            Matcher o = OWNER.matcher(text).useTransparentBounds(true);
            for (int at = indexWithin('@', body, lineEnd); at >= 0; at = indexWithin('@', at + 1, lineEnd)) {
                if (o.region(at, lineEnd).lookingAt() && !excluded.contains(at)) {
                    owners.add(new OwnerRef(o.group(1), lines.span(o.start(), o.end())));
                }
            }
            Map<String, String> fields = new LinkedHashMap<>();
            if (hasEmojiDateMarker(body, lineEnd)) {
                emojiDates(text, body, lineEnd, fields);
            }
            if (hasWithin(':', body, lineEnd)) {
                Matcher f = INLINE_FIELD.matcher(text).region(body, lineEnd);
                while (f.find()) {
                    if (!excluded.contains(f.start())) {
                        fields.putIfAbsent(f.group(1).strip().toLowerCase(Locale.ROOT), f.group(2).strip());
                    }
                }
            }
            tasks.add(new Task(status, taskText, lines.span(s, lineEnd), owners, fields));
        }

        /** Whether {@code c} occurs in {@code [from, to)}: a cheap test before a regex scans a line. */
        boolean hasWithin(char c, int from, int to) {
            return indexWithin(c, from, to) >= 0;
        }

        /** The first {@code c} in {@code [from, to)}, or -1: never looks past the line, unlike indexOf. */
        int indexWithin(char c, int from, int to) {
            for (int i = from; i < to; i++) {
                if (text.charAt(i) == c) {
                    return i;
                }
            }
            return -1;
        }

        /** Whether {@code [from, to)} holds a character that can start a Tasks-plugin date marker. */
        boolean hasEmojiDateMarker(int from, int to) {
            for (int i = from; i < to; i++) {
                char c = text.charAt(i);
                if (c >= '\u23F3' && (c == '\u23F3' || c == '\u2705' || c == '\u274C' || c == '\u2795'
                        || c == '\uD83D')) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Tags: a {@code #} at the start or after whitespace, then tag characters. The scan jumps from
         * {@code #} to {@code #}; a regex tried at every offset cost a tenth of all parsing.
         */
        void scanTags() {
            Matcher m = TAG_BODY.matcher(text);
            for (int i = text.indexOf('#', start); i >= 0; i = text.indexOf('#', i + 1)) {
                if (i > start && !isSpace(text.charAt(i - 1)) || excluded.contains(i)) {
                    continue;
                }
                if (!m.region(i + 1, text.length()).lookingAt()) {
                    continue;
                }
                String name = m.group();
                while (name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1);
                }
                if (name.isEmpty() || name.chars().allMatch(Character::isDigit)) {
                    continue; // #2024 is not a tag in Obsidian
                }
                tags.add(new Tag(name, lines.span(i + 1, i + 1 + name.length()), false));
            }
        }

        /**
         * Block ids: {@code ^id} at the end of a line, at its start or after a space or tab, and not on
         * a heading's line.
         */
        void scanBlockIds() {
            int[] headingLines = headings.stream().mapToInt(h -> h.span().start().line()).sorted().toArray();
            Matcher m = BLOCK_ID_BODY.matcher(text);
            for (int caret = text.indexOf('^', start); caret >= 0; caret = text.indexOf('^', caret + 1)) {
                if (caret > start && !isBlockIdLead(text.charAt(caret - 1))) {
                    continue;
                }
                if (!m.region(caret + 1, text.length()).lookingAt()) {
                    continue;
                }
                int line = lines.lineOf(caret);
                if (excluded.contains(caret) || Arrays.binarySearch(headingLines, line) >= 0) {
                    continue;
                }
                blocks.add(new BlockId(m.group(1), lines.span(caret, m.end(1))));
            }
        }

        /** {@code %% ... %%} outside code; an unclosed one runs to the end of the note, as in Obsidian. */
        Ranges comments() {
            Ranges out = new Ranges();
            int i = text.indexOf("%%", start);
            int open = -1;
            while (i >= 0) {
                if (code.contains(i)) {
                    i = text.indexOf("%%", i + 1);
                    continue;
                }
                if (open < 0) {
                    open = i;
                } else {
                    out.add(open, i + 2);
                    open = -1;
                }
                i = text.indexOf("%%", i + 2);
            }
            if (open >= 0) {
                out.add(open, text.length());
            }
            out.sort();
            return out;
        }
    }

    /**
     * Where a task's text starts when {@code [s, end)} of {@code text} opens with a task's marker
     * ({@code - [x] }, {@code 12. [ ] }), else -1: where {@link #TASK} matches there, found without a
     * regex (a tenth of the walk). The status is one code point, as a regex class reads it.
     */
    static int taskMarkerEnd(String text, int s, int end) {
        int i = s;
        if (i >= end) {
            return -1;
        }
        char c = text.charAt(i);
        if (c == '-' || c == '*' || c == '+') {
            i++;
        } else {
            while (i < end && i - s < 9 && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            if (i == s || i >= end || (text.charAt(i) != '.' && text.charAt(i) != ')')) {
                return -1;
            }
            i++;
        }
        int spaces = i;
        while (i < end && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
            i++;
        }
        if (i == spaces || i + 2 >= end || text.charAt(i) != '[') {
            return -1;
        }
        char status = text.charAt(i + 1);
        if (status == ']' || status == '\r' || status == '\n') {
            return -1;
        }
        int close = i + 2;
        if (Character.isHighSurrogate(status) && Character.isLowSurrogate(text.charAt(close))) {
            close++;
        }
        if (close >= end || text.charAt(close) != ']') {
            return -1;
        }
        int after = close + 1;
        // (?=[ \t]|$): a blank, the end, or (as $ reads it) a last character that ends a line
        if (after < end && text.charAt(after) != ' ' && text.charAt(after) != '\t'
                && !(after == end - 1 && isRegexLineEnd(text.charAt(after)))) {
            return -1;
        }
        while (after < end && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
            after++;
        }
        return after;
    }

    /**
     * The Tasks-plugin dates in {@code [from, to)} of {@code text} ({@code 📅 2026-01-02}), the first of
     * each kind kept: what finding {@link #EMOJI_DATE} along the line gives, found without a regex.
     */
    static void emojiDates(String text, int from, int to, Map<String, String> fields) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            String field;
            int j = i + 1;
            if (c == '\uD83D' && j < to && (text.charAt(j) == '\uDCC5' || text.charAt(j) == '\uDEEB')) {
                field = text.charAt(j) == '\uDCC5' ? "due" : "start";
                j++;
            } else if (c == '\u23F3') {
                field = "scheduled";
            } else if (c == '\u2795') {
                field = "created";
            } else if (c == '\u2705') {
                field = "done";
            } else if (c == '\u274C') {
                field = "cancelled";
            } else {
                continue;
            }
            if (j < to && text.charAt(j) == '\uFE0F') {
                j++;
            }
            while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
                j++;
            }
            if (isDate(text, j, to)) {
                fields.putIfAbsent(field, text.substring(j, j + 10));
                i = j + 9;
            }
        }
    }

    /** The field a Tasks-plugin date marker ({@link #EMOJI_DATE}'s first group) sets. */
    static String emojiField(String emoji) {
        switch (emoji) {
            case "\uD83D\uDCC5": return "due";
            case "\u23F3": return "scheduled";
            case "\uD83D\uDEEB": return "start";
            case "\u2795": return "created";
            case "\u2705": return "done";
            default: return "cancelled";
        }
    }

    /** {@code \\d{4}-\\d{2}-\\d{2}} at {@code at}, ending by {@code to}. */
    private static boolean isDate(String text, int at, int to) {
        if (at + 10 > to) {
            return false;
        }
        for (int k = 0; k < 10; k++) {
            char c = text.charAt(at + k);
            if (k == 4 || k == 7 ? c != '-' : c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A character before which, as the last one, a regex's {@code $} matches: one that ends a line. */
    private static boolean isRegexLineEnd(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Whitespace as a regex's {@code \\s} knows it, which ends a word before a {@code #tag}. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }

    /** What may stand before a block id's {@code ^}: a space, a tab, or a line break. */
    private static boolean isBlockIdLead(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** Blanks the frontmatter so flexmark sees the body at its own offsets. */
    private static String maskPrefix(String text, int end) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < end; i++) {
            if (chars[i] != '\n' && chars[i] != '\r') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }

    /**
     * Obsidian writes links to names with spaces as {@code [t](<Note name.md>)}, which CommonMark allows but
     * flexmark only parses when the destination holds no spaces. Spaces inside {@code ](<...>)} are replaced
     * for flexmark; offsets stay the same and the link's target is read from the original text.
     */
    private static String unspaceAngleDestinations(String source) {
        int first = source.indexOf("](<");
        if (first < 0) {
            return source;
        }
        Matcher m = ANGLE_DESTINATION.matcher(source).region(first, source.length());
        if (!m.find()) {
            return source;
        }
        char[] chars = source.toCharArray();
        do {
            for (int i = m.start(1); i < m.end(1); i++) {
                if (chars[i] == ' ' || chars[i] == '\t') {
                    chars[i] = '_';
                }
            }
        } while (m.find());
        return new String(chars);
    }

    /** Decodes {@code %XX} escapes as UTF-8; {@code +} stays a plus, as in Obsidian. Malformed escapes are kept. */
    public static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                bytes.reset();
                while (i < s.length() && s.charAt(i) == '%' && isHex(s, i + 1) && isHex(s, i + 2)) {
                    bytes.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 3;
                }
                out.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    /** A set of half-open offset intervals, sorted once and then queried by binary search. */
    static final class Ranges {
        final List<int[]> list = new ArrayList<>();
        private int[] starts = new int[0];
        private int[] maxEnds = new int[0];

        void add(int s, int e) {
            if (e > s) {
                list.add(new int[] {s, e});
            }
        }

        void sort() {
            list.sort(Comparator.comparingInt(r -> r[0]));
            starts = new int[list.size()];
            maxEnds = new int[list.size()];
            int max = Integer.MIN_VALUE;
            for (int i = 0; i < list.size(); i++) {
                starts[i] = list.get(i)[0];
                max = Math.max(max, list.get(i)[1]);
                maxEnds[i] = max;
            }
        }

        boolean contains(int offset) {
            int i = Arrays.binarySearch(starts, offset);
            if (i < 0) {
                i = -i - 2;
            } else {
                while (i + 1 < starts.length && starts[i + 1] == offset) {
                    i++;
                }
            }
            return i >= 0 && maxEnds[i] > offset;
        }
    }
}
