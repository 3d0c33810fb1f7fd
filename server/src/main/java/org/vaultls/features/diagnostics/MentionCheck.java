package org.vaultls.features.diagnostics;

import java.util.List;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * {@code unlinked-mention}: text that names another note without linking it (see
 * {@link UnlinkedMentions}), pointing at the note it names. Diagnostics runs it only where the
 * {@code unlinkedMentions} setting reports mentions (the editor, by default).
 */
final class MentionCheck implements NoteCheck {

    @Override
    public boolean isLinkCheck() {
        return true; // a template's text is a placeholder, not a mention
    }

    @Override
    public void check(Note note, VaultIndex index, List<Finding> out) {
        for (UnlinkedMentions.Mention m : UnlinkedMentions.of(index, note)) {
            String target = index.note(m.path()).map(Note::name).orElse(m.name());
            String message = "Unlinked mention of " + target
                    + (m.byAlias() ? " (by its " + (m.name().equals(target) ? "title" : "name '" + m.name() + "'") + ")" : "");
            Note named = index.note(m.path()).orElse(null);
            List<Finding.Related> related = named == null ? List.of()
                    : List.of(new Finding.Related(m.path(), named.lines().span(0, 0), "the note " + target));
            out.add(new Finding(note.path(), m.span(), FindingCode.UNLINKED_MENTION.defaultSeverity(),
                    FindingCode.UNLINKED_MENTION, message, related));
        }
    }
}
