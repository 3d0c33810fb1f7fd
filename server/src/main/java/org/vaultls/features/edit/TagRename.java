package org.vaultls.features.edit;

import java.util.regex.Pattern;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;
import org.vaultls.vault.VaultPaths;
import org.vaultls.index.VaultIndex;
import java.util.List;

/**
 * Renames a tag in every note, body {@code #tags} and frontmatter {@code tags} entries alike, compared
 * case-insensitively as Obsidian compares tags; its nested tags follow ({@code #project/apollo}
 * becomes {@code #work/apollo} when {@code project} becomes {@code work}), since Obsidian's tag pane
 * nests them under it. A new name must be one Obsidian reads as a tag: letters, digits, {@code _},
 * {@code -} and {@code /} only, not all digits, and no empty level ({@code a//b}, a leading or
 * trailing {@code /}). A leading {@code #} in the new name is dropped.
 */
final class TagRename {
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_\\-]+(/[\\p{L}\\p{M}\\p{N}_\\-]+)*");

    private TagRename() {
    }

    /** Why Obsidian would not read {@code name} as a tag, or null when it would. */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "a tag needs a name";
        }
        if (!TAG.matcher(name).matches()) {
            return "Obsidian tags hold only letters, digits, _, - and / between levels: '" + name + "'";
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return "Obsidian does not read an all-digit #" + name + " as a tag";
        }
        return null;
    }

    static Result<WorkspaceChange> rename(VaultIndex index, String oldName, String newName) {
        String name = newName.strip().startsWith("#") ? newName.strip().substring(1) : newName.strip();
        String why = problem(name);
        if (why != null) {
            return Result.error("cannot rename the tag: " + why);
        }
        String key = VaultPaths.key(oldName);
        EditSet edits = new EditSet();
        for (Note n : index.notes().values()) {
            for (Tag t : n.tags()) {
                String k = VaultPaths.key(t.name());
                if (!k.equals(key) && !k.startsWith(key + "/")) {
                    continue;
                }
                // the part naming the renamed tag: the tag up to its first level after oldName's
                int levels = oldName.split("/", -1).length;
                String[] parts = t.name().split("/", -1);
                int len = String.join("/", List.of(parts).subList(0, levels)).length();
                Span s = t.span();
                if (s.endOffset() - s.startOffset() != t.name().length()
                        || !n.text().regionMatches(s.startOffset(), t.name(), 0, t.name().length())) {
                    continue; // written in a way the span does not map one-to-one (a folded YAML scalar)
                }
                edits.replace(n, n.lines().span(s.startOffset(), s.startOffset() + len), name);
            }
        }
        return Result.ok(new WorkspaceChange(edits.list(), List.of(), List.of()));
    }
}
