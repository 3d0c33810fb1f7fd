package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.BlockQuoteParser;
import com.vladsch.flexmark.parser.core.HtmlBlockParser;
import com.vladsch.flexmark.parser.core.IndentedCodeBlockParser;
import com.vladsch.flexmark.parser.core.ListBlockParser;
import com.vladsch.flexmark.parser.internal.DocumentParser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The block parsers that stand in for flexmark's heading, fenced code and thematic break parsers are
 * asked about a line in the places of those they replace, after the nesting guard: flexmark's order.
 */
class BlockParserOrderTest {

    @Test
    void replacementsTakeThePlacesOfFlexmarksOwnParsers() {
        MutableDataSet opts = new MutableDataSet();
        opts.set(Parser.THEMATIC_BREAK_PARSER, false);
        opts.set(Parser.HEADING_PARSER, false);
        opts.set(Parser.FENCED_CODE_BLOCK_PARSER, false);
        List<CustomBlockParserFactory> custom = List.of(new NestingGuard(), new CheapHeadingStart(),
                new CheapFenceStart(), new LinearThematicBreak());
        List<Class<?>> order = DocumentParser.calculateBlockParserFactories(opts, custom).stream()
                .<Class<?>>map(Object::getClass).toList();
        assertEquals(List.of(NestingGuard.class, BlockQuoteParser.Factory.class, CheapHeadingStart.class,
                CheapFenceStart.class, HtmlBlockParser.Factory.class, LinearThematicBreak.class,
                ListBlockParser.Factory.class, IndentedCodeBlockParser.Factory.class), order);
    }
}
