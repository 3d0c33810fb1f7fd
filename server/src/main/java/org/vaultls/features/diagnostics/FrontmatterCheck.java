package org.vaultls.features.diagnostics;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Note;

/**
 * Flags frontmatter fields with an empty value (at the key), and keys that the configured schema
 * requires for the note's {@code type} but that are absent (at the opening {@code ---}). An empty key
 * of {@code emptyFieldsAllowed} (by default Obsidian's own list properties {@code tags},
 * {@code aliases} and {@code cssclasses}, which Obsidian writes empty itself) is no finding unless
 * {@code requiredFields} names it for one of the note's types.
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
        Set<String> required = new HashSet<>();
        for (String type : fm.lowerList("type")) {
            index.config().requiredFields().getOrDefault(type, List.of())
                    .forEach(k -> required.add(k.toLowerCase(Locale.ROOT)));
        }
        Set<String> allowed = index.config().emptyFieldsAllowed();
        for (Frontmatter.Field f : fm.fields()) {
            String key = f.key().toLowerCase(Locale.ROOT);
            if (f.isEmpty() && (!allowed.contains(key) || required.contains(key))) {
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
