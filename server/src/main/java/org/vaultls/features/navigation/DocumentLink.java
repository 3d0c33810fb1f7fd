package org.vaultls.features.navigation;

import org.vaultls.text.Span;

/**
 * A link of a note that resolves, with where it leads, so an editor can open it on ctrl-click.
 *
 * @param span the whole link, brackets included
 * @param targetPath the vault-relative path of the note or attachment it leads to
 * @param targetLine the zero-based line of the heading or block it points at, or -1 for the top
 */
public record DocumentLink(Span span, String targetPath, int targetLine, String tooltip) {
}
