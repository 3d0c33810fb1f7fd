package org.vaultls.features.diagnostics;

import java.util.List;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** Reports what went wrong reading or parsing a note: invalid frontmatter, unreadable files. */
final class ProblemCheck implements NoteCheck {

    @Override
    public boolean isLinkCheck() {
        return false;
    }

    @Override
    public void check(Note note, VaultIndex index, List<Finding> out) {
        for (Note.Problem p : note.problems()) {
            FindingCode code = p.kind() == Note.Problem.Kind.INVALID_FRONTMATTER
                    ? FindingCode.INVALID_FRONTMATTER : FindingCode.UNREADABLE_FILE;
            out.add(NoteCheck.finding(note, code, p.span(), p.message()));
        }
    }
}
