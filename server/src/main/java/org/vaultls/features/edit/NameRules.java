package org.vaultls.features.edit;

import java.util.List;
import java.util.Optional;

/**
 * What a new name may hold. Obsidian refuses file names with {@code # | ^ :} or {@code %%}, {@code [[}
 * and {@code ]]}, since links could not name them; a rename keeps the folder, so {@code /} and
 * {@code \} are refused too, and a leading dot would hide the file from the vault. Headings may hold
 * {@code :} (links write the heading without it), but not the characters that end a link's parts.
 */
final class NameRules {
    private static final List<String> FILE_FORBIDDEN = List.of("[[", "]]", "%%", "#", "|", "^", ":", "/", "\\");
    private static final List<String> HEADING_FORBIDDEN = List.of("[[", "]]", "%%", "#", "|", "^");

    private NameRules() {
    }

    /** Why {@code name} (already stripped) cannot be a note or attachment name, or empty when it can. */
    static Optional<String> fileNameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("The new name is empty");
        }
        Optional<String> lineBreak = lineBreak(name);
        if (lineBreak.isPresent()) {
            return lineBreak;
        }
        for (String s : FILE_FORBIDDEN) {
            if (name.contains(s)) {
                String why = s.equals("/") || s.equals("\\")
                        ? ": a rename keeps the file in its folder (move the file to change its folder)"
                        : ": Obsidian does not allow it in file names, as links could not name the file";
                return Optional.of("A name cannot contain '" + s + "'" + why);
            }
        }
        if (name.startsWith(".")) {
            return Optional.of("A name cannot start with '.': the file would be hidden from the vault");
        }
        return Optional.empty();
    }

    /** Why {@code text} (already stripped) cannot be a heading that links point at, or empty when it can. */
    static Optional<String> headingProblem(String text) {
        if (text.isEmpty()) {
            return Optional.of("The new heading is empty");
        }
        Optional<String> lineBreak = lineBreak(text);
        if (lineBreak.isPresent()) {
            return lineBreak;
        }
        for (String s : HEADING_FORBIDDEN) {
            if (text.contains(s)) {
                return Optional.of("A heading that links point at cannot contain '" + s + "': the links could not name it");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> lineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                ? Optional.of("A name cannot span several lines") : Optional.empty();
    }
}
