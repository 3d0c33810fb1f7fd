package org.vaultls.vault;

import org.vaultls.text.Span;

/**
 * A block id {@code ^id} that ends a paragraph, list item or quote line, or stands on its own line
 * after a list, quote or table. {@code span} covers the caret and the id.
 */
public record BlockId(String id, Span span) {
    @Override
    public String toString() {
        return "^" + id + " " + span;
    }
}
