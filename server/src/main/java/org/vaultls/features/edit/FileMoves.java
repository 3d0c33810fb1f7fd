package org.vaultls.features.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;
import org.vaultls.vault.VaultPaths;

/**
 * Keeps links working across file moves. Every link of the vault is resolved before and after the
 * moves; a link that led to a moved file must lead to its new path, and any other link must still lead
 * where it did (a moved note's own relative links, or a bare name that a moved note now shadows). Links
 * that were broken are left alone.
 */
final class FileMoves {
    private FileMoves() {
    }

    /** The moves a rename of {@code from} to {@code to} makes: one file, or every file under a folder. */
    static Map<String, String> of(VaultIndex index, String from, String to) {
        String old = trimSlashes(from);
        String now = trimSlashes(to);
        Map<String, String> moves = new LinkedHashMap<>();
        if (old.isEmpty() || now.isEmpty() || old.equals(now)) {
            return moves;
        }
        if (index.note(old).isPresent() || index.attachments().contains(old)) {
            moves.put(old, now);
            return moves;
        }
        String prefix = old + "/";
        for (String p : index.notes().keySet()) {
            if (p.startsWith(prefix)) {
                moves.put(p, now + "/" + p.substring(prefix.length()));
            }
        }
        for (String p : index.attachments()) {
            if (p.startsWith(prefix)) {
                moves.put(p, now + "/" + p.substring(prefix.length()));
            }
        }
        return moves;
    }

    /**
     * Where links lead once the files are moved: an index of the vault's paths after the moves. Its
     * notes are empty stand-ins, as resolving a link needs only the paths (and building people from
     * every note's text would make a rename of one note cost as much as loading the vault).
     */
    static VaultIndex after(VaultIndex index, Map<String, String> moves) {
        List<Note> notes = new ArrayList<>(index.notes().size());
        List<String> attachments = new ArrayList<>(index.attachments().size());
        for (String path : index.notes().keySet()) {
            String to = moves.getOrDefault(path, path);
            if (VaultPaths.isMarkdown(to)) {
                notes.add(NoteParser.parse(to, ""));
            } else {
                attachments.add(to);
            }
        }
        for (String a : index.attachments()) {
            attachments.add(moves.getOrDefault(a, a));
        }
        return VaultIndex.build(index.config(), index.obsidian(), notes, attachments);
    }

    /** Adds the edits that keep every working link of {@code before} leading to the same file in {@code after}. */
    static void keepLinks(VaultIndex before, Map<String, String> moves, VaultIndex after, EditSet out) {
        Set<String> names = new HashSet<>();
        moves.forEach((from, to) -> {
            names.add(VaultPaths.key(VaultPaths.fileName(from)));
            names.add(VaultPaths.key(VaultPaths.fileName(to)));
        });
        // only the moved notes and the notes linking to a moved file's old or new name can hold such links
        Set<String> holders = new TreeSet<>();
        moves.forEach((from, to) -> {
            for (String p : List.of(from, to, VaultPaths.stripMd(from), VaultPaths.stripMd(to))) {
                holders.addAll(before.notesLinkingToName(VaultIndex.linkNameKey(p)));
            }
            if (before.note(from).isPresent()) {
                holders.add(from);
            }
        });
        for (String holder : holders) {
            Note note = before.note(holder).orElse(null);
            if (note == null) {
                continue;
            }
            String path = moves.get(note.path());
            Note moved = path == null ? note : after.note(path).orElseGet(() -> NoteParser.parse(path, ""));
            for (Link link : note.links()) {
                if (path == null && !mayLeadElsewhere(link, names)) {
                    continue;
                }
                Resolution was = before.resolve(note, link);
                if (was.isBroken()) {
                    continue;
                }
                String desired = moves.getOrDefault(was.path(), was.path());
                Resolution now = after.resolve(moved, link);
                if (!now.isBroken() && now.path().equals(desired)) {
                    continue;
                }
                String target = LinkText.target(after, moved, link, desired);
                out.replace(note, link.targetSpan(), LinkText.write(note, link, target));
            }
        }
    }

    /**
     * False when no move can change where the link leads: a link is resolved among the files that
     * carry its file name, so only links naming a moved file's old or new name can lead elsewhere (or
     * any link of a moved note, whose folder decides ties and relative paths).
     */
    private static boolean mayLeadElsewhere(Link link, Set<String> movedNames) {
        if (link.isSameNote()) {
            return false;
        }
        String file = VaultPaths.fileName(link.target().replace('\\', '/'));
        return movedNames.contains(VaultPaths.key(file)) || movedNames.contains(VaultPaths.key(file + ".md"));
    }

    private static String trimSlashes(String p) {
        String s = p.replace('\\', '/');
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
