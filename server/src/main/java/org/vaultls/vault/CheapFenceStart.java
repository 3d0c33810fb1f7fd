package org.vaultls.vault;

import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark's fenced code parser, asked only about lines whose first non-blank character is a backtick
 * or a tilde: the only lines its opening-fence regex ({@code ^`{3,}...|^~{3,}...}, run from that
 * character) can match. flexmark's own runs the regex on every line that may start a block, a
 * twentieth of parsing a vault. It keeps the place among the block parsers of the one it replaces.
 */
final class CheapFenceStart implements CustomBlockParserFactory {
    private final FencedCodeBlockParser.Factory fences = new FencedCodeBlockParser.Factory();

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory delegate = fences.apply(options);
        return (ParserState state, MatchedBlockParser matched) -> mayBeFence(state.getLine(),
                state.getNextNonSpaceIndex()) ? delegate.tryStart(state, matched) : BlockStart.none();
    }

    static boolean mayBeFence(BasedSequence line, int from) {
        if (from >= line.length()) {
            return false;
        }
        char c = line.charAt(from);
        return c == '`' || c == '~';
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return Set.of(BlockQuoteParser.Factory.class, CheapHeadingStart.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return Set.of(HtmlBlockParser.Factory.class, LinearThematicBreak.class, ListBlockParser.Factory.class,
                IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }
}
