package org.vaultls.features.dataview;

import java.util.Optional;
import org.vaultls.dataview.DqlEngine;
import org.vaultls.features.dataview.DataviewBlocks.Block;

/**
 * A block's evaluation: the {@code result} when the query ran, else the {@code error} to show (a syntax
 * error with its line and column in the block, the engine's message, a dataviewjs block, or an evaluation
 * that is still running past its time cap). A result the engine refused (its {@code error()}) counts as
 * an error here too.
 */
public record BlockResult(Block block, Optional<DqlEngine.Result> result, Optional<String> error, Kind kind) {
    /** What went wrong, for a short summary; {@code OK} when {@code result} holds rows to show. */
    public enum Kind {
        OK, SYNTAX, EVALUATION, JAVASCRIPT, TIMED_OUT
    }

    static BlockResult ok(Block block, DqlEngine.Result result) {
        if (result.error().isPresent()) {
            return new BlockResult(block, Optional.empty(), result.error(), Kind.EVALUATION);
        }
        return new BlockResult(block, Optional.of(result), Optional.empty(), Kind.OK);
    }

    static BlockResult failed(Block block, Kind kind, String error) {
        return new BlockResult(block, Optional.empty(), Optional.of(error), kind);
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }
}
