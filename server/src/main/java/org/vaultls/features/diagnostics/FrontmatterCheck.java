package org.vaultls.features.diagnostics;

import java.util.List;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Note;

/**
 * Flags frontmatter fields with an empty value (at the key), and keys that the configured schema
 * requires for the note's {@code type} but that are absent (at the opening {@code ---}).
 */
final class FrontmatterCheck implements NoteCheck {

    @Override
    public boolean isLinkCheck() {
        return true; // templates hold empty fields on purpose
    }

    @Override
    public void check(Note note, VaultIndex index, List<Finding> out) {
        Frontmatter fm = note.frontmatter().orElse(null);
        if (fm == null || !fm.isValid()) {
            return;
        }
        for (Frontmatter.Field f : fm.fields()) {
            if (f.isEmpty()) {
                out.add(NoteCheck.finding(note, FindingCode.EMPTY_FRONTMATTER_FIELD, f.keySpan(),
                        "Frontmatter field '" + f.key() + "' is empty: give it a value or remove it"));
            }
        }
        for (String type : fm.lowerList("type")) {
            for (String key : index.config().requiredFields().getOrDefault(type, List.of())) {
                if (fm.field(key).isEmpty()) {
                    out.add(NoteCheck.finding(note, FindingCode.MISSING_FRONTMATTER_FIELD,
                            note.lines().span(0, note.lines().lineEnd(0)), "Frontmatter has no '" + key
                                    + "', which notes of type '" + type + "' require: add '" + key + ": ...'"));
                }
            }
        }
    }
}
