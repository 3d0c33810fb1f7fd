package org.vaultls.vault;

import com.vladsch.flexmark.parser.InlineParser;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.InlineParserImpl;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser for {@link NoteParser}, which reads only some inline nodes: content that
 * cannot hold one of them is not parsed at all (see {@link #mayHoldReadNodes}). Otherwise it is
 * flexmark's parser with two changes. Its {@code match} called {@link Matcher#toMatchResult()},
 * which on Java 17 copies the whole paragraph, so every {@code ](} (and every other construct read by a
 * regex) cost the paragraph's length: {@code "[a](" * 30000} took 80 s. Here the match is read from the
 * matcher itself, with the same result. A link destination is read to the next space and a title to
 * its closing quote or parenthesis, so many links opened in one stretch cost that stretch each time:
 * once {@link #SCANS_PER_STRETCH} destinations (or titles) have been tried to the same end, later ones
 * there are not links, which no real note notices; a title with no closing character at all is not
 * read. And each inline element checks the parse deadline.
 */
final class LinearInlineParser extends InlineParserImpl {

    static final InlineParserFactory FACTORY = new InlineParserFactory() {
        @Override
        public InlineParser inlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                                         Map<Character, DelimiterProcessor> delimiterProcessors,
                                         LinkRefProcessorData linkRefProcessors,
                                         List<InlineParserExtensionFactory> inlineParserExtensions) {
            return new LinearInlineParser(options, specialCharacters, delimiterCharacters, delimiterProcessors,
                    linkRefProcessors, inlineParserExtensions);
        }
    };

    /** Link destinations, or titles, tried to the same end before later ones there are not links. */
    static final int SCANS_PER_STRETCH = 32;

    private final Stretch destinations = new Stretch();
    private final Stretch titles = new Stretch();

    private LinearInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                               Map<Character, DelimiterProcessor> delimiterProcessors,
                               LinkRefProcessorData linkRefProcessors,
                               List<InlineParserExtensionFactory> inlineParserExtensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors,
                inlineParserExtensions);
    }

    @Override
    public void parse(BasedSequence content, com.vladsch.flexmark.util.ast.Node block) {
        if (!mayHoldReadNodes(content)) {
            return; // only text and emphasis, which no one reads: a third of parsing a vault's inlines
        }
        destinations.reset();
        titles.reset();
        super.parse(content, block);
    }

    @Override
    public BasedSequence parseLinkDestination() {
        int end = nextOf(index, true, ' ');
        return destinations.admit(end) ? super.parseLinkDestination() : null;
    }

    @Override
    public BasedSequence parseLinkTitle() {
        char open = peek();
        if (open != '"' && open != '\'' && open != '(') {
            return super.parseLinkTitle();
        }
        int close = nextOf(index + 1, false, open == '(' ? ')' : open);
        if (close < 0 || !titles.admit(close)) {
            return null; // no closing character: flexmark's regex would scan to the end and fail
        }
        return super.parseLinkTitle();
    }

    /**
     * Whether inline content can hold a node {@link NoteParser} reads: every one of them (a link or
     * image, a wikilink or embed, a code span, inline HTML or an HTML comment, an autolink) starts with
     * {@code [}, {@code `} or {@code <}. Looked for in the document's text from the content's start to
     * its end, which holds all its characters (and those of prefixes such as list indents between its
     * lines), so content with none of them truly has none.
     */
    static boolean mayHoldReadNodes(BasedSequence content) {
        if (!(content.getBase() instanceof String text)) {
            return true;
        }
        int end = Math.min(content.getEndOffset(), text.length());
        for (int i = Math.max(0, content.getStartOffset()); i < end; i++) {
            char c = text.charAt(i);
            if (c == '[' || c == '`' || c == '<') {
                return true;
            }
        }
        return false;
    }

    /** The first {@code c} (or, when {@code space}, whitespace) at or after {@code from}; -1 if none. */
    private int nextOf(int from, boolean space, char c) {
        Stretch s = space ? destinations : titles;
        if (s.char0 == c && s.from <= from && (from <= s.found || s.found < 0)) {
            return s.found < 0 || s.found >= from ? s.found : search(s, from, space, c);
        }
        return search(s, from, space, c);
    }

    private int search(Stretch s, int from, boolean space, char c) {
        int found = -1;
        for (int i = from; i < input.length(); i++) {
            char ch = input.charAt(i);
            if (space ? ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' : ch == c) {
                found = i;
                break;
            }
        }
        s.char0 = c;
        s.from = from;
        s.found = found;
        return found;
    }

    /** Scans that end at one place: the memo of the last search, and how many scans ended there. */
    private static final class Stretch {
        char char0;
        int from = Integer.MAX_VALUE;
        int found = -1;
        int end = Integer.MIN_VALUE;
        int count;

        void reset() {
            from = Integer.MAX_VALUE;
            found = -1;
            end = Integer.MIN_VALUE;
            count = 0;
        }

        /** Counts a scan to {@code to}; false once too many have ended there. */
        boolean admit(int to) {
            if (to != end) {
                end = to;
                count = 0;
            }
            return ++count <= SCANS_PER_STRETCH;
        }
    }

    @Override
    protected boolean parseInline() {
        ParseBudget.check();
        return super.parseInline();
    }

    @Override
    protected boolean parseInline(boolean inCustom) {
        ParseBudget.check(); // the entry flexmark's own loop calls
        return super.parseInline(inCustom);
    }

    @Override
    protected boolean parseCloseBracket() {
        ParseBudget.check(); // a ']' may build a node of all the nested text before it
        return super.parseCloseBracket();
    }

    @Override
    public BasedSequence match(Pattern re) {
        ParseBudget.check();
        if (index >= input.length()) {
            return null;
        }
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        if (!m.find()) {
            return null;
        }
        index = m.end();
        return input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        if (index >= input.length()) {
            return null;
        }
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        if (!m.find()) {
            return null;
        }
        index = m.end();
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        groups[0] = input.subSequence(m.start(), m.end());
        for (int i = 1; i <= m.groupCount(); i++) {
            groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
        }
        return groups;
    }
}
