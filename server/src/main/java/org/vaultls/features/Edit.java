package org.vaultls.features;

import org.vaultls.text.Span;

/** Replace {@code span} of the note at {@code path} with {@code newText}. */
public record Edit(String path, Span span, String newText) {
}
