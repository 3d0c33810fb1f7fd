package org.vaultls.vault;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark's heading parser, asked only about lines that can be a heading: {@code #} then a space, or a
 * setext underline of {@code =} or {@code -}. flexmark's own copies the whole paragraph so far on every
 * line of it that does not start with a letter, so a paragraph of 20,000 lines starting with {@code !}
 * took seconds, growing with the square of its length.
 */
final class CheapHeadingStart implements CustomBlockParserFactory {
    private final HeadingParser.Factory headings = new HeadingParser.Factory();
    /**
     * The factory made for the last options seen. flexmark asks for one per document, and a new
     * heading factory compiles its regexes: 2-3% of parsing a vault. It holds no state of a parse, so
     * every document (and thread) of one {@link Parser}, which always passes the same options, shares it.
     */
    private volatile Made made;

    private record Made(DataHolder options, BlockParserFactory factory) {
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        Made m = made;
        if (m == null || m.options() != options) {
            m = new Made(options, make(options));
            made = m;
        }
        return m.factory();
    }

    private BlockParserFactory make(DataHolder options) {
        BlockParserFactory delegate = headings.apply(options);
        boolean noAtxSpace = Parser.HEADING_NO_ATX_SPACE.get(options);
        return (ParserState state, MatchedBlockParser matched) -> mayBeHeading(state.getLine(),
                state.getNextNonSpaceIndex(), noAtxSpace) ? delegate.tryStart(state, matched) : BlockStart.none();
    }

    /** {@code #} up to six times then a space, tab or the end; or a line of one {@code =} or {@code -} run. */
    static boolean mayBeHeading(BasedSequence line, int from, boolean noAtxSpace) {
        if (from >= line.length()) {
            return false;
        }
        char c = line.charAt(from);
        int i = from;
        while (i < line.length() && line.charAt(i) == c) {
            i++;
        }
        if (c == '#') {
            return noAtxSpace || i - from > 6 || i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
        }
        if (c != '=' && c != '-') {
            return false;
        }
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i == line.length();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return Set.of(BlockQuoteParser.Factory.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return Set.of(CheapFenceStart.class, HtmlBlockParser.Factory.class, LinearThematicBreak.class,
                ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }
}
