package org.vaultls.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Obsidian's link resolution over a snapshot's name maps: the exact vault path, else a note whose path
 * ends with the link's path (an attachment likewise, when the link names one by its extension); among
 * several, the one in the linking note's folder, else the shortest path. {@code ./} and {@code ../}
 * are relative to the linking note, with no fallback. The maps belong to the snapshot, which patches
 * them before it is shared; the resolver only reads them.
 */
final class LinkResolver {
    private final Map<String, String> notePathByKey;
    private final Map<String, List<String>> notePathsByName;
    private final Map<String, String> attachmentPathByKey;
    private final Map<String, List<String>> attachmentPathsByName;

    LinkResolver(Map<String, String> notePathByKey, Map<String, List<String>> notePathsByName,
                 Map<String, String> attachmentPathByKey, Map<String, List<String>> attachmentPathsByName) {
        this.notePathByKey = notePathByKey;
        this.notePathsByName = notePathsByName;
        this.attachmentPathByKey = attachmentPathByKey;
        this.attachmentPathsByName = attachmentPathsByName;
    }

    /** Where {@code link}, written in {@code from}, leads. */
    Resolution resolve(Note from, Link link) {
        if (link.isSameNote()) {
            return new Resolution(from.path(), true, List.of(), false);
        }
        String target = link.target().replace('\\', '/');
        if (target.startsWith("./") || target.startsWith("../")) {
            String path = relative(from.folder(), target);
            return path == null ? Resolution.BROKEN : exact(path).orElse(Resolution.BROKEN);
        }
        while (target.startsWith("/")) {
            target = target.substring(1);
        }
        Optional<Resolution> exact = exact(target);
        if (exact.isPresent()) {
            return exact.get();
        }
        String noteTarget = VaultPaths.key(VaultPaths.stripMd(target));
        List<String> candidates = suffixMatches(notePathsByName.get(VaultPaths.key(VaultPaths.stripMd(
                VaultPaths.fileName(target)))), noteTarget, true);
        if (!candidates.isEmpty()) {
            return pick(from, candidates, true);
        }
        if (!VaultPaths.extension(target).isEmpty() && !VaultPaths.isMarkdown(target)) {
            List<String> att = suffixMatches(attachmentPathsByName.get(VaultPaths.key(VaultPaths.fileName(target))),
                    VaultPaths.key(target), false);
            if (!att.isEmpty()) {
                return pick(from, att, false);
            }
        }
        return Resolution.BROKEN;
    }

    private Optional<Resolution> exact(String path) {
        String note = notePathByKey.get(VaultPaths.key(VaultPaths.stripMd(path)));
        if (note != null) {
            return Optional.of(new Resolution(note, true, List.of(), false));
        }
        String att = attachmentPathByKey.get(VaultPaths.key(path));
        return att == null ? Optional.empty() : Optional.of(new Resolution(att, false, List.of(), false));
    }

    private static List<String> suffixMatches(List<String> paths, String targetKey, boolean notes) {
        if (paths == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            String k = VaultPaths.key(notes ? VaultPaths.stripMd(p) : p);
            if (k.equals(targetKey) || k.endsWith("/" + targetKey)) {
                out.add(p);
            }
        }
        return out;
    }

    private static Resolution pick(Note from, List<String> candidates, boolean note) {
        if (candidates.size() == 1) {
            return new Resolution(candidates.get(0), note, List.of(), false);
        }
        List<String> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        for (String c : sorted) {
            if (VaultPaths.parent(c).equals(from.folder())) {
                sorted.remove(c);
                sorted.add(0, c);
                return new Resolution(c, note, sorted, false);
            }
        }
        return new Resolution(sorted.get(0), note, sorted, true);
    }

    /** Resolves {@code ./x} and {@code ../x} against a folder; null when it climbs out of the vault. */
    static String relative(String folder, String target) {
        List<String> parts = new ArrayList<>();
        if (!folder.isEmpty()) {
            parts.addAll(List.of(folder.split("/")));
        }
        for (String seg : target.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return String.join("/", parts);
    }

}
