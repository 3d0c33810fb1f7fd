package org.vaultls.features.edit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.query.References;
import org.vaultls.features.query.References.OwnerSite;
import org.vaultls.features.query.References.Site;
import org.vaultls.features.query.Title;
import org.vaultls.index.Person;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Renames a note or attachment within its folder and keeps the vault consistent: every link that led
 * to it leads to the new name; the note's title heading and frontmatter {@code title} follow when they
 * were the old name; and a person's {@code @Owner} tags (in tasks, and in the dataview queries of
 * person notes) follow their new title.
 */
final class NoteRename {
    private NoteRename() {
    }

    /** Renames the file at {@code path}; {@code sites} are its {@link References} sites. */
    static Result<WorkspaceChange> rename(VaultIndex index, String path, String newName, List<Site> sites) {
        Optional<Note> note = index.note(path);
        String name = newName.strip();
        if (note.isPresent() && VaultPaths.isMarkdown(name)) {
            name = VaultPaths.stripMd(name).strip();
        }
        Optional<String> problem = NameRules.fileNameProblem(name);
        if (problem.isPresent()) {
            return Result.error(problem.get());
        }
        String fileName = note.isPresent() ? name + ".md" : withExtensionOf(path, name);
        String folder = VaultPaths.parent(path);
        String newPath = folder.isEmpty() ? fileName : folder + "/" + fileName;
        if (newPath.equals(path)) {
            return Result.ok(new WorkspaceChange(List.of(), List.of(), List.of()));
        }
        Optional<String> taken = taken(index, path, newPath);
        if (taken.isPresent()) {
            return Result.error("cannot rename: " + taken.get() + " already exists"
                    + (taken.get().equals(newPath) ? "" : " (names compare case-insensitively)"));
        }
        Optional<Person> person = index.person(path);
        String oldTag = "";
        String newTag = "";
        if (note.isPresent() && person.isPresent() && titleFollows(note.get())) {
            oldTag = OwnerTags.of(person.get().title());
            newTag = OwnerTags.of(name);
            Optional<Person> holder = index.personByOwnerTag(newTag);
            if (!VaultPaths.key(oldTag).equals(VaultPaths.key(newTag)) && holder.isPresent()
                    && !holder.get().path().equals(path)) {
                return Result.error("cannot rename: " + holder.get().path() + " already has the owner tag @" + newTag
                        + ", and tasks of both people would then share it");
            }
        }

        Map<String, String> moves = Map.of(path, newPath);
        EditSet edits = new EditSet();
        FileMoves.keepLinks(index, moves, FileMoves.after(index, moves), edits);
        if (note.isPresent()) {
            renameTitle(note.get(), name, edits);
        }
        boolean ownsTag = !oldTag.isEmpty() && index.personByOwnerTag(oldTag).map(Person::path)
                .filter(path::equals).isPresent();
        if (ownsTag && !oldTag.equals(newTag)) {
            renameOwnerTag(index, sites, oldTag, newTag, edits);
            DataviewLiterals.replace(note.get(), person.get().title(), name, edits);
        }
        return Result.ok(new WorkspaceChange(edits.list(), List.of(new WorkspaceChange.FileRename(path, newPath)),
                List.of()));
    }

    /** A new attachment name keeps the old extension unless it names the same one. */
    private static String withExtensionOf(String path, String name) {
        String ext = VaultPaths.extension(path);
        if (ext.isEmpty() || VaultPaths.extension(name).equals(ext)) {
            return name;
        }
        return name + path.substring(path.length() - ext.length() - 1);
    }

    /** Another file with the new path, compared as Obsidian compares names (case-insensitively). */
    private static Optional<String> taken(VaultIndex index, String path, String newPath) {
        String key = VaultPaths.key(newPath);
        for (String p : index.notes().keySet()) {
            if (!p.equals(path) && VaultPaths.key(p).equals(key)) {
                return Optional.of(p);
            }
        }
        for (String p : index.attachments()) {
            if (!p.equals(path) && VaultPaths.key(p).equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** True when the note's title is its file name: no frontmatter {@code title}, or one equal to the name. */
    private static boolean titleFollows(Note note) {
        Optional<String> title = note.frontmatter().flatMap(f -> f.string("title"));
        return title.isEmpty() || VaultPaths.key(title.get()).equals(VaultPaths.key(note.name()));
    }

    private static void renameTitle(Note note, String name, EditSet edits) {
        String old = VaultPaths.key(note.name());
        Optional<Heading> h = Title.heading(note);
        if (h.isPresent() && VaultPaths.key(h.get().text()).equals(old)) {
            edits.replace(note, h.get().textSpan(), name);
        }
        Optional<Frontmatter.Field> title = note.frontmatter().flatMap(f -> f.field("title"));
        if (title.isPresent() && title.get().value() instanceof String s && VaultPaths.key(s.strip()).equals(old)) {
            Frontmatter.Field f = title.get();
            String raw = note.text().substring(f.valueSpan().startOffset(), f.valueSpan().endOffset());
            edits.replace(note, f.valueSpan(), YamlScalar.like(raw, name));
        }
    }

    /**
     * The owner tags among the person's sites that are the tag their old title gives (a tag from an
     * alias still names them), and the same tag quoted in dataview queries.
     */
    private static void renameOwnerTag(VaultIndex index, List<Site> sites, String oldTag, String newTag,
                                       EditSet edits) {
        String key = VaultPaths.key(oldTag);
        for (Site s : sites) {
            if (s instanceof OwnerSite o && VaultPaths.key(o.owner().name()).equals(key)) {
                edits.replace(index.note(o.path()).orElseThrow(), o.span(), "@" + newTag);
            }
        }
        for (Note n : index.notes().values()) {
            DataviewLiterals.replace(n, "@" + oldTag, "@" + newTag, edits);
        }
    }
}
