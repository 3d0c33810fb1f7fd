package org.vaultls.features.diagnostics;

import java.util.List;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Task;

/** Flags {@code @Owner} tags in tasks that name no person of the vault (compared case-insensitively). */
final class OwnerCheck implements NoteCheck {

    @Override
    public boolean isLinkCheck() {
        return true;
    }

    @Override
    public void check(Note note, VaultIndex index, List<Finding> out) {
        for (Task t : note.tasks()) {
            for (OwnerRef o : t.owners()) {
                OwnerDiagnosis.of(index, o).ifPresent(d -> out.add(NoteCheck.finding(note,
                        FindingCode.UNKNOWN_OWNER, o.span(), "No person has the owner tag @" + o.name()
                                + d.best().map(tag -> "; did you mean @" + tag + "?")
                                .orElse("; create a person note for them, or fix the tag"))));
            }
        }
    }
}
