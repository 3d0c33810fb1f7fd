package org.vaultls.features;

import org.vaultls.text.Span;

/** A place in the vault: a note's vault-relative path and a span of its text. */
public record Location(String path, Span span) {
}
