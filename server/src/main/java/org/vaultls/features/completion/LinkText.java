package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * The text a new link to a file is written with, following Obsidian's {@code newLinkFormat} in
 * {@code .obsidian/app.json}: {@code shortest} (the default) is the bare name when no other file
 * competes for it, else the shortest trailing part of the path that leads only to the file;
 * {@code absolute} is the full vault path; {@code relative} is the path from the linking note's folder,
 * with {@code ../} to climb. Notes are written without {@code .md}, attachments with their extension.
 */
final class LinkText {
    private LinkText() {
    }

    static String of(VaultIndex index, Note from, String path, boolean note) {
        String full = note ? VaultPaths.stripMd(path) : path;
        return switch (index.obsidian().newLinkFormat()) {
            case "absolute" -> full;
            case "relative" -> relative(index, from, full, path);
            default -> shortest(index, from, full, path);
        };
    }

    private static String shortest(VaultIndex index, Note from, String full, String path) {
        String[] parts = full.split("/");
        for (int k = 1; k < parts.length; k++) {
            String suffix = String.join("/", Arrays.copyOfRange(parts, parts.length - k, parts.length));
            if (LinkProbe.leadsOnlyTo(index, from, suffix, path)) {
                return suffix;
            }
        }
        return full;
    }

    private static String relative(VaultIndex index, Note from, String full, String path) {
        List<String> folder = from.folder().isEmpty() ? List.of() : List.of(from.folder().split("/"));
        List<String> target = List.of(full.split("/"));
        int common = 0;
        while (common < folder.size() && common < target.size() - 1 && folder.get(common).equals(target.get(common))) {
            common++;
        }
        List<String> parts = new ArrayList<>();
        for (int i = common; i < folder.size(); i++) {
            parts.add("..");
        }
        parts.addAll(target.subList(common, target.size()));
        String rel = String.join("/", parts);
        if (rel.startsWith("../") || path.equals(LinkProbe.resolve(index, from, rel).path())) {
            return rel;
        }
        return "./" + rel; // a bare path below the note's folder would be read from the vault root
    }
}
