package org.vaultls.features.diagnostics;

import java.util.List;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** Reports what went wrong reading or parsing a note: invalid frontmatter, unreadable files, too complex bodies. */
final class ProblemCheck implements NoteCheck {

    @Override
    public boolean isLinkCheck() {
        return false;
    }

    @Override
    public void check(Note note, VaultIndex index, List<Finding> out) {
        for (Note.Problem p : note.problems()) {
            FindingCode code = switch (p.kind()) {
                case INVALID_FRONTMATTER -> FindingCode.INVALID_FRONTMATTER;
                case UNREADABLE -> FindingCode.UNREADABLE_FILE;
                case TOO_COMPLEX -> FindingCode.NOTE_TOO_COMPLEX;
            };
            out.add(NoteCheck.finding(note, code, p.span(), p.message()));
        }
    }
}
