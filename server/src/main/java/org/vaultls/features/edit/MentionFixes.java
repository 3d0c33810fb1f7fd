package org.vaultls.features.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.UnlinkedMentions;
import org.vaultls.features.diagnostics.UnlinkedMentions.Mention;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * Links unlinked mentions: the quick fix {@code Link to [[Ada Berg]]} for one {@code unlinked-mention}
 * finding, and the source action "Link all mentions in this note". The link's target is written by
 * {@link LinkText#forNewLink} (Obsidian's {@code newLinkFormat}); the mentioned words stay as the
 * display text when they differ from it, as Obsidian links a mention by alias:
 * {@code [[Ada Berg|Ada]]}. In a table row the {@code |} is escaped, so the row keeps its cells.
 */
final class MentionFixes {
    /** The LSP kind of the action that links every mention of a note. */
    static final String LINK_ALL_KIND = "source.linkMentions";

    private MentionFixes() {
    }

    /** The fix of one finding: the mention at its span, linked. */
    static void linkOne(VaultIndex index, Note note, Finding f, List<CodeAction> out) {
        for (Mention m : UnlinkedMentions.of(index, note)) {
            if (m.span().equals(f.span())) {
                Edit e = edit(index, note, m);
                out.add(CodeAction.quickfix("Link to " + e.newText(),
                        new WorkspaceChange(List.of(e), List.of(), List.of()), f, true));
                return;
            }
        }
    }

    /** "Link all mentions in this note", when it has any. */
    static Optional<CodeAction> linkAll(VaultIndex index, Note note) {
        List<Mention> mentions = UnlinkedMentions.of(index, note);
        if (mentions.isEmpty()) {
            return Optional.empty();
        }
        List<Edit> edits = new ArrayList<>(mentions.size());
        mentions.forEach(m -> edits.add(edit(index, note, m)));
        String title = "Link all mentions in this note (" + mentions.size() + ")";
        return Optional.of(new CodeAction(title, LINK_ALL_KIND, new WorkspaceChange(edits, List.of(), List.of()),
                null, false));
    }

    /** The mention's words replaced by a link to the note they name. */
    static Edit edit(VaultIndex index, Note note, Mention m) {
        String target = LinkText.forNewLink(index, note, m.path());
        String bar = inTableRow(note, m) ? "\\|" : "|";
        String text = m.words().equals(target) ? "[[" + target + "]]" : "[[" + target + bar + m.words() + "]]";
        return new Edit(note.path(), m.span(), text);
    }

    private static boolean inTableRow(Note note, Mention m) {
        return note.lines().lineText(m.span().start().line()).stripLeading().startsWith("|");
    }
}
