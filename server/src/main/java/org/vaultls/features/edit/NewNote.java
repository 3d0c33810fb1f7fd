package org.vaultls.features.edit;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vaultls.config.DailyNotes;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.index.Person;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * The note a broken link or an unknown owner asks for. Like Obsidian, a link to a path creates the note
 * at that path ({@code ./} and {@code ../} from the linking note), and a bare name creates it in the
 * folder for new notes (Settings → Files and links, {@code ""} for the vault root). A person (named by
 * an {@code @Owner} tag or in a people field such as {@code attendees}) goes where the vault's people
 * already live, and starts with the person frontmatter and a key facts section. A name shaped like a
 * daily note's date goes to the Daily notes folder, from its template ({@link DailyNotes}).
 */
final class NewNote {
    /** Frontmatter keys whose links name people. */
    static final Set<String> PEOPLE_FIELDS = Set.of("attendees", "attendee", "people", "person", "persons",
            "owner", "owners", "participants", "contact", "contacts");

    private NewNote() {
    }

    /** The note {@code link} asks for, or empty when it names an attachment or a path outside the vault. */
    static Optional<WorkspaceChange.FileCreate> forLink(VaultIndex index, Note from, Link link) {
        String target = link.target().replace('\\', '/');
        if (!VaultPaths.extension(target).isEmpty() && !VaultPaths.isMarkdown(target)) {
            return Optional.empty();
        }
        String name = VaultPaths.stem(target).strip();
        if (NameRules.fileNameProblem(name).isPresent()) {
            return Optional.empty();
        }
        boolean person = isPeopleField(from, link);
        String folder;
        if (target.startsWith("./") || target.startsWith("../")) {
            String joined = (from.folder().isEmpty() ? "" : from.folder() + "/") + VaultPaths.parent(target);
            Optional<String> resolved = VaultBoundary.normalise(joined);
            if (resolved.isEmpty()) {
                return Optional.empty(); // it climbs out of the vault
            }
            folder = resolved.get();
        } else if (target.contains("/")) {
            folder = VaultPaths.parent(target.replaceFirst("^/+", ""));
            if (!VaultBoundary.normalise(folder).filter(folder::equals).isPresent()) {
                // `a/../b`: links read such a path literally (only a leading ./ or ../ is relative),
                // so no note made for it would fix the link, and its `..` may climb out of the vault
                return Optional.empty();
            }
        } else if (!person && index.obsidian().dailyNotes().isDailyName(name)) {
            DailyNotes daily = index.obsidian().dailyNotes();
            return create(index, daily.folder(), name, dailyText(index, daily, name));
        } else {
            folder = person ? peopleFolder(index)
                    : index.obsidian().newFileNextToCurrent() ? from.folder() : index.obsidian().newFileFolderPath();
        }
        return create(index, folder, name, person ? personText(index, name) : "# " + name + "\n");
    }

    /**
     * A daily note's first text: the Daily notes template with {@code {{date}}} and {@code {{title}}}
     * filled in (the name is the date in the default format), or a title when there is no template.
     */
    private static String dailyText(VaultIndex index, DailyNotes daily, String name) {
        if (daily.template() == null) {
            return "# " + name + "\n";
        }
        return index.note(daily.template() + ".md").map(Note::text)
                .map(t -> t.replaceAll("\\{\\{\\s*(date|title)(:\\s*YYYY-MM-DD\\s*)?\\s*}}", name))
                .orElse("# " + name + "\n");
    }

    /** The person note an unknown {@code @Owner} tag asks for: {@code @AdaBerg} is "Ada Berg". */
    static Optional<WorkspaceChange.FileCreate> forOwner(VaultIndex index, String tag) {
        String name = OwnerTags.toName(tag);
        if (name.isEmpty() || NameRules.fileNameProblem(name).isPresent()) {
            return Optional.empty();
        }
        return create(index, peopleFolder(index), name, personText(index, name));
    }

    private static Optional<WorkspaceChange.FileCreate> create(VaultIndex index, String folder, String name,
                                                                String text) {
        String path = (folder.isEmpty() ? "" : folder + "/") + name + ".md";
        String key = VaultPaths.key(path);
        boolean exists = index.notes().keySet().stream().anyMatch(p -> VaultPaths.key(p).equals(key))
                || index.attachments().stream().anyMatch(p -> VaultPaths.key(p).equals(key));
        return exists ? Optional.empty() : Optional.of(new WorkspaceChange.FileCreate(path, text));
    }

    /** True for a link in a frontmatter field that names people ({@code attendees: ["[[Ada Berg]]"]}). */
    static boolean isPeopleField(Note note, Link link) {
        if (!link.inFrontmatter() || note.frontmatter().isEmpty()) {
            return false;
        }
        Frontmatter.Field holder = null;
        for (Frontmatter.Field f : note.frontmatter().get().fields()) {
            if (f.keySpan().startOffset() < link.span().startOffset()) {
                holder = f;
            }
        }
        return holder != null && PEOPLE_FIELDS.contains(holder.key().toLowerCase(Locale.ROOT));
    }

    /** The folder most people notes are in (the first by name on a tie); else the folder for new notes. */
    static String peopleFolder(VaultIndex index) {
        Map<String, Integer> counts = new HashMap<>();
        for (Person p : index.people()) {
            counts.merge(VaultPaths.parent(p.path()), 1, Integer::sum);
        }
        return mostCommon(counts).orElse(index.obsidian().newFileFolderPath());
    }

    /** The menu title of a fix that creates {@code create}. */
    static String title(WorkspaceChange.FileCreate create, boolean person) {
        String folder = VaultPaths.parent(create.path());
        return (person ? "Create person '" : "Create note '") + VaultPaths.stem(create.path()) + "'"
                + (folder.isEmpty() ? "" : " in " + folder + "/");
    }

    /**
     * A person note: the {@code type} and tag that mark people (the ones the vault's people use most,
     * else {@code people} and {@code type/people} when configured), the title, and the key facts heading.
     */
    static String personText(VaultIndex index, String name) {
        VaultConfig config = index.config();
        Map<String, Integer> types = new HashMap<>();
        Map<String, Integer> tags = new HashMap<>();
        for (Person p : index.people()) {
            index.note(p.path()).ifPresent(n -> {
                n.frontmatter().ifPresent(f -> f.lowerList("type").stream().filter(config.peopleTypes()::contains)
                        .forEach(t -> types.merge(t, 1, Integer::sum)));
                n.tags().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).filter(config.peopleTags()::contains)
                        .distinct().forEach(t -> tags.merge(t, 1, Integer::sum));
            });
        }
        StringBuilder sb = new StringBuilder("---\n");
        mostUsed(types, config.peopleTypes(), "people").ifPresent(t -> sb.append("type: ").append(t).append('\n'));
        sb.append("title: ").append(YamlScalar.of(name)).append('\n');
        mostUsed(tags, config.peopleTags(), "type/people").ifPresent(t -> sb.append("tags:\n- ").append(t).append('\n'));
        sb.append("---\n\n# ").append(name).append("\n\n## ").append(config.keyFactsHeading()).append("\n\n");
        return sb.toString();
    }

    /** The most counted key, the first by name on a tie. */
    private static Optional<String> mostCommon(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .min(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    private static Optional<String> mostUsed(Map<String, Integer> counts, Set<String> allowed, String preferred) {
        Optional<String> used = mostCommon(counts);
        if (used.isPresent()) {
            return used;
        }
        return allowed.contains(preferred) ? Optional.of(preferred) : allowed.stream().sorted().findFirst();
    }
}
