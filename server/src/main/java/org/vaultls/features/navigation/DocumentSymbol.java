package org.vaultls.features.navigation;

import java.util.List;
import org.vaultls.text.Span;

/**
 * A symbol of one note for an outline: a heading and the headings nested under it.
 *
 * @param span the heading and its whole section (trailing blank lines left out)
 * @param selection the heading's text, inside {@code span}
 */
public record DocumentSymbol(String name, SymbolKind kind, Span span, Span selection, List<DocumentSymbol> children) {
    public DocumentSymbol {
        children = List.copyOf(children);
    }
}
