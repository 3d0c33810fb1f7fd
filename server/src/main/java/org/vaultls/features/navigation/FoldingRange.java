package org.vaultls.features.navigation;

/** Lines an editor can fold, zero-based and inclusive; the start line stays visible. */
public record FoldingRange(int startLine, int endLine, Kind kind) {
    /** What is folded. */
    public enum Kind {
        /** A heading's section or a fenced code block. */
        REGION,
        /** A {@code %% comment %%} or HTML comment over several lines. */
        COMMENT,
        /** The YAML frontmatter block. */
        FRONTMATTER
    }
}
