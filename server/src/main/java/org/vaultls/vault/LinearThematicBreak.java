package org.vaultls.vault;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.block.MatchedBlockParser;
import com.vladsch.flexmark.parser.block.ParserState;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.Set;

/**
 * flexmark's thematic break ({@code ***}, {@code - - -}, {@code ___}) read by a loop instead of its regex
 * {@code (?:\*[ \t]*){3,}}, which recurses once per character and overflowed the stack on a line of
 * 3,000 {@code -}. Same rule, same place among the block parsers; flexmark's own is switched off.
 */
final class LinearThematicBreak implements CustomBlockParserFactory {

    @Override
    public BlockParserFactory apply(DataHolder options) {
        boolean relaxedStart = Parser.THEMATIC_BREAK_RELAXED_START.get(options);
        return (ParserState state, MatchedBlockParser matched) -> {
            if (state.getIndent() >= 4 || matched.getBlockParser().isParagraphParser() && !relaxedStart) {
                return BlockStart.none();
            }
            BasedSequence line = state.getLine();
            if (!isBreak(line, state.getNextNonSpaceIndex())) {
                return BlockStart.none();
            }
            return BlockStart.of(new ThematicBreakParser(line.subSequence(state.getIndex())))
                    .atIndex(line.length());
        };
    }

    /** Three or more of one of {@code * - _}, with only spaces and tabs around and between them. */
    static boolean isBreak(CharSequence line, int from) {
        if (from >= line.length()) {
            return false;
        }
        char mark = line.charAt(from);
        if (mark != '*' && mark != '-' && mark != '_') {
            return false;
        }
        int marks = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == mark) {
                marks++;
            } else if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return marks >= 3;
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return Set.of(BlockQuoteParser.Factory.class, CheapHeadingStart.class, CheapFenceStart.class,
                HtmlBlockParser.Factory.class);
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return Set.of(ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class);
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }
}
