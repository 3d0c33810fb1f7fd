package org.vaultls.features.edit;

import java.util.List;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.OwnerDiagnosis;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;

/**
 * Quick fixes for an {@code @Owner} tag that names no person: change it to the closest owner tag of a
 * person, or create the person it spells ({@code @AdaBerg} creates "Ada Berg").
 */
final class OwnerFixes {
    private OwnerFixes() {
    }

    static void unknownOwner(VaultIndex index, Note note, OwnerRef owner, Finding f, List<CodeAction> out) {
        List<String> similar = OwnerDiagnosis.of(index, owner).map(OwnerDiagnosis::tags).orElse(List.of());
        for (String tag : similar) {
            Edit edit = new Edit(note.path(), owner.span(), "@" + tag);
            out.add(CodeAction.quickfix("Change to @" + tag, new WorkspaceChange(List.of(edit), List.of(), List.of()),
                    f, similar.size() == 1));
        }
        NewNote.forOwner(index, owner.name()).ifPresent(create -> out.add(CodeAction.quickfix(
                NewNote.title(create, true), new WorkspaceChange(List.of(), List.of(), List.of(create)), f, false)));
    }
}
