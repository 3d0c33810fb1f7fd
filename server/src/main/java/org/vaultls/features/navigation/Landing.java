package org.vaultls.features.navigation;

import org.vaultls.features.query.Title;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * Where a link lands in the note it resolves to: the heading line for {@code #H}, the line of the
 * block for {@code #^id}, else the top of the note (also when the heading or block is missing, since
 * Obsidian then still opens the note).
 */
final class Landing {
    /** The start of a file. */
    static final Span TOP = Title.TOP;

    private Landing() {
    }

    static Span in(Note target, Link link) {
        if (!link.headings().isEmpty()) {
            return VaultIndex.findHeading(target, link.headings()).map(Heading::span).orElse(TOP);
        }
        if (link.blockId() != null) {
            return VaultIndex.findBlock(target, link.blockId()).map(b -> blockLine(target, b)).orElse(TOP);
        }
        return TOP;
    }

    /** The whole line that ends with the block id. */
    static Span blockLine(Note note, BlockId block) {
        int line = block.span().start().line();
        return note.lines().span(note.lines().lineStart(line), note.lines().lineEnd(line));
    }
}
