package org.vaultls.features.hover;

import org.vaultls.text.Span;

/**
 * What a hover shows: markdown text, and the span of the element it describes (the editor highlights
 * it while the card is open).
 */
public record HoverCard(String markdown, Span span) {
}
