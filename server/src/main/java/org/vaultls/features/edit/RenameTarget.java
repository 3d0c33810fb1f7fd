package org.vaultls.features.edit;

import org.vaultls.text.Span;

/**
 * What a rename at the cursor would change: the span the editor highlights (a link's target, a heading's
 * text, an owner tag) and the current name it offers for editing (a note's name without {@code .md}, an
 * attachment's file name, a heading's text).
 */
public record RenameTarget(Span span, String placeholder) {
}
