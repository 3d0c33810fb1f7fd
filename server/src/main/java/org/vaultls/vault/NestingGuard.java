package org.vaultls.vault;

import com.vladsch.flexmark.parser.block.BlockParser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.util.data.DataHolder;
import java.util.List;
import java.util.Set;

/**
 * A block "parser" that never starts a block: flexmark asks it first whenever a line may open one, and
 * it stops the parse when too many blocks are open ({@link ParseBudget#MAX_OPEN_BLOCKS}) or the
 * deadline has passed.
 */
final class NestingGuard implements CustomBlockParserFactory {

    @Override
    public BlockParserFactory apply(DataHolder options) {
        return NestingGuard::tryStart;
    }

    private static BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
        List<BlockParser> open = state.getActiveBlockParsers();
        if (open.size() - 1 > ParseBudget.MAX_OPEN_BLOCKS) { // the document is not nested
            throw new ParseBudget.TooComplex(what(open) + ", over the limit of "
                    + String.format("%,d", ParseBudget.MAX_OPEN_BLOCKS) + " open blocks (a list level is two)",
                    state.getLineNumber());
        }
        ParseBudget.check();
        return BlockStart.none();
    }

    /** What is nested: "1,000 nested lists and 1 block quote". */
    private static String what(List<BlockParser> open) {
        int quotes = 0;
        int items = 0;
        for (BlockParser p : open) {
            String name = p.getClass().getSimpleName();
            quotes += name.startsWith("BlockQuote") ? 1 : 0;
            items += name.startsWith("ListItem") ? 1 : 0;
        }
        String lists = String.format("%,d list%s", items, items == 1 ? "" : "s");
        String blockQuotes = String.format("%,d block quote%s", quotes, quotes == 1 ? "" : "s");
        return "nested " + (quotes == 0 ? lists : items == 0 ? blockQuotes : lists + " and " + blockQuotes);
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return Set.of(BlockQuoteParser.Factory.class, CheapHeadingStart.class, CheapFenceStart.class,
                HtmlBlockParser.Factory.class, LinearThematicBreak.class, ListBlockParser.Factory.class,
                IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }
}
