package org.vaultls.features.diagnostics;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.NameSuggester;
import org.vaultls.index.Person;
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
        NameSuggester suggester = null;
        for (Task t : note.tasks()) {
            for (OwnerRef o : t.owners()) {
                if (index.personByOwnerTag(o.name()).isPresent()) {
                    continue;
                }
                if (suggester == null) {
                    List<String> tags = new ArrayList<>();
                    for (Person p : index.people()) {
                        tags.addAll(p.ownerTags());
                    }
                    suggester = new NameSuggester(tags);
                }
                List<String> similar = suggester.closest(o.name(), 1);
                String msg = "No person has the owner tag @" + o.name()
                        + (similar.isEmpty() ? "; create a person note for them, or fix the tag"
                        : "; did you mean @" + similar.get(0) + "?");
                out.add(NoteCheck.finding(note, FindingCode.UNKNOWN_OWNER, o.span(), msg));
            }
        }
    }
}
