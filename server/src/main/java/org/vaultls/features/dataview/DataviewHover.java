package org.vaultls.features.dataview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import org.vaultls.features.dataview.DataviewBlocks.Block;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;

/**
 * The hover of a dataview block: anywhere inside the block (fences included), its result as markdown
 * ({@link ResultMarkdown}: clickable links, at most {@link #ROWS} rows), or its error.
 * {@code features/hover} shows it as a card.
 */
public final class DataviewHover {
    /** Rows a hover shows before "… and N more". */
    public static final int ROWS = 20;

    private DataviewHover() {
    }

    /** Markdown and the span of the block it describes. */
    public record Card(String markdown, Span span) {
    }

    /** The card of the block at {@code offset}, or empty outside every dataview block. */
    public static Optional<Card> at(VaultIndex index, Note note, int offset, Function<String, String> uriOf,
            BlockResults results, Clock clock) {
        Optional<Block> block = DataviewBlocks.at(note, offset);
        if (block.isEmpty()) {
            return Optional.empty();
        }
        BlockResult r = results.of(index, note, block.get());
        String md = ResultMarkdown.hover(index, r, ResultSummary.of(r, LocalDate.now(clock)), uriOf, ROWS);
        return Optional.of(new Card(md, note.lines().span(block.get().start(), block.get().end())));
    }
}
