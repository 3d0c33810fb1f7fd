package org.vaultls.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Task;
import org.vaultls.vault.VaultPaths;

/**
 * An immutable snapshot of a vault: its notes and attachments, the maps Obsidian resolves links by,
 * its people and the tasks they own. Readers share a snapshot freely; a change makes a new one.
 *
 * <p>Link resolution follows Obsidian: names compare case-insensitively after NFC normalisation;
 * {@code .md} is optional for notes and the extension required for attachments; a link resolves to the
 * exact vault path, else to a note whose path ends with the link's path; among several, one in the
 * linking note's folder wins, else the shortest path. {@code ./} and {@code ../} are relative to the
 * linking note, with no fallback. Aliases do not resolve links.
 *
 * <p>The snapshot keeps the maps and patches them on a change; {@link LinkResolver} resolves links
 * over them, {@link Headings} finds a subpath's heading or block in a note, and {@link Suggestions}
 * answers "did you mean" once asked. This class is the facade the features call.
 */
public final class VaultIndex {
    private static final Comparator<TaskRef> TASK_ORDER = Comparator.comparing(TaskRef::path)
            .thenComparingInt(r -> r.task().span().startOffset());

    private final VaultConfig config;
    private final ObsidianSettings obsidian;
    // Copy-on-write maps: a patched snapshot shares every part of them its patch did not touch.
    private final CowSortedMap<Note> noteMap;
    private final Map<String, Note> notes;
    private final List<String> attachments;
    private final CowMap<String> notePathByKey;
    private final CowMap<List<String>> notePathsByName;
    private final CowMap<String> attachmentPathByKey;
    private final CowMap<List<String>> attachmentPathsByName;
    private final CowMap<List<String>> notesByAlias;
    private final CowSortedMap<Person> people;
    private Map<String, Person> peopleByOwnerKey = new HashMap<>();
    private final CowMap<List<TaskRef>> tasksByOwnerKey;
    /** Paths of the notes holding a link to a file of this name (see {@link #linkNameKey}). */
    private final CowMap<List<String>> linkersByName;
    private final LinkResolver resolver;
    /** True only while the first constructor indexes the notes: see {@link #append}. */
    private boolean building;
    private final Suggestions suggestions = new Suggestions(this::noteNames, this::attachmentNames,
            this::ownerTags);
    /**
     * Each note's link resolutions once asked, by path with the note version they were made for; shared
     * by the next snapshot when it has the same note and attachment paths (resolution reads nothing
     * else), so an edit re-resolves only the edited note's links.
     */
    private java.util.concurrent.ConcurrentHashMap<String, Resolved> resolved = new java.util.concurrent.ConcurrentHashMap<>();

    private record Resolved(Note note, List<Resolution> resolutions) {
    }

    /** Indexes every note and attachment. */
    private VaultIndex(VaultConfig config, ObsidianSettings obsidian, TreeMap<String, Note> notes,
                       List<String> attachments) {
        this(config, obsidian, CowSortedMap.of(notes), attachments, new CowMap<>(), new CowMap<>(), new CowMap<>(),
                new CowMap<>(), new CowMap<>(), new CowSortedMap<>(), new CowMap<>(), new CowMap<>());
        building = true;
        attachments.forEach(this::addAttachment);
        notes.values().forEach(this::addNote);
        building = false;
        finish(tasksByOwnerKey.keySet(), null);
    }

    private VaultIndex(VaultConfig config, ObsidianSettings obsidian, CowSortedMap<Note> notes,
                       List<String> attachments, CowMap<String> notePathByKey,
                       CowMap<List<String>> notePathsByName, CowMap<String> attachmentPathByKey,
                       CowMap<List<String>> attachmentPathsByName, CowMap<List<String>> notesByAlias,
                       CowSortedMap<Person> people, CowMap<List<TaskRef>> tasksByOwnerKey,
                       CowMap<List<String>> linkersByName) {
        this.config = config;
        this.obsidian = obsidian;
        this.noteMap = notes;
        this.notes = Collections.unmodifiableMap(notes);
        this.attachments = Collections.unmodifiableList(attachments);
        this.notePathByKey = notePathByKey;
        this.notePathsByName = notePathsByName;
        this.attachmentPathByKey = attachmentPathByKey;
        this.attachmentPathsByName = attachmentPathsByName;
        this.notesByAlias = notesByAlias;
        this.people = people;
        this.tasksByOwnerKey = tasksByOwnerKey;
        this.linkersByName = linkersByName;
        this.resolver = new LinkResolver(notePathByKey, notePathsByName, attachmentPathByKey, attachmentPathsByName);
    }

    private void addNote(Note n) {
        notePathByKey.put(VaultPaths.key(VaultPaths.stripMd(n.path())), n.path());
        append(notePathsByName, VaultPaths.key(n.name()), n.path());
        for (String alias : n.aliases()) {
            append(notesByAlias, VaultPaths.key(alias), n.path());
        }
        if (People.isPerson(n, config)) {
            people.put(n.path(), People.person(n, config));
        }
        for (Task t : n.tasks()) {
            for (OwnerRef o : t.owners()) {
                append(tasksByOwnerKey, VaultPaths.key(o.name()), new TaskRef(n.path(), t));
            }
        }
        for (String name : linkedNames(n)) {
            append(linkersByName, name, n.path());
        }
    }

    /** The name keys of the files {@code n} links to, each once. */
    private static Set<String> linkedNames(Note n) {
        Set<String> names = new java.util.HashSet<>();
        for (Link l : n.links()) {
            if (!l.isSameNote()) {
                names.add(linkNameKey(l.target()));
            }
        }
        return names;
    }

    /**
     * The key of the file name a link target ends in, without {@code .md}: every way Obsidian
     * resolves a link (exact path, path suffix, relative path) ends in a file of that name.
     */
    public static String linkNameKey(String target) {
        return VaultPaths.key(VaultPaths.stripMd(VaultPaths.fileName(target.replace('\\', '/'))));
    }

    private void removeNote(Note n) {
        notePathByKey.remove(VaultPaths.key(VaultPaths.stripMd(n.path())));
        drop(notePathsByName, VaultPaths.key(n.name()), p -> p.equals(n.path()));
        for (String alias : n.aliases()) {
            drop(notesByAlias, VaultPaths.key(alias), p -> p.equals(n.path()));
        }
        people.remove(n.path());
        for (Task t : n.tasks()) {
            for (OwnerRef o : t.owners()) {
                drop(tasksByOwnerKey, VaultPaths.key(o.name()), r -> r.path().equals(n.path()));
            }
        }
        for (String name : linkedNames(n)) {
            drop(linkersByName, name, p -> p.equals(n.path()));
        }
    }

    private void addAttachment(String a) {
        attachmentPathByKey.put(VaultPaths.key(a), a);
        append(attachmentPathsByName, VaultPaths.key(VaultPaths.fileName(a)), a);
    }

    private void removeAttachment(String a) {
        attachmentPathByKey.remove(VaultPaths.key(a));
        drop(attachmentPathsByName, VaultPaths.key(VaultPaths.fileName(a)), a::equals);
    }

    /**
     * Adds {@code value} to the list under {@code key}; a path list stays in path order however the
     * snapshot was made. While the index is first built ({@link #building}) its lists are its own and
     * grow in place (notes come in path order, so a path lands at the end); afterwards lists are copied
     * on write, so a patched snapshot never changes the one it came from. Either way no list is sorted
     * again: re-sorting on every append made building 100k notes quadratic in a popular name's linkers.
     */
    private <T> void append(Map<String, List<T>> map, String key, T value) {
        List<T> old = map.get(key);
        List<T> list;
        if (building) {
            list = old;
            if (list == null) {
                list = new ArrayList<>(2);
                map.put(key, list);
            }
        } else {
            list = new ArrayList<>(old == null ? 1 : old.size() + 1);
            if (old != null) {
                list.addAll(old);
            }
        }
        int at = list.size();
        if (value instanceof String v) {
            // after the last element not greater: the place a stable sort would give it
            int lo = 0;
            int hi = list.size();
            if (hi > 0 && ((String) list.get(hi - 1)).compareTo(v) > 0) {
                while (lo < hi) {
                    int mid = (lo + hi) >>> 1;
                    if (((String) list.get(mid)).compareTo(v) <= 0) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                at = lo;
            }
        }
        list.add(at, value);
        if (!building) {
            map.put(key, list);
        }
    }

    private static <T> void drop(Map<String, List<T>> map, String key, java.util.function.Predicate<T> which) {
        List<T> old = map.get(key);
        if (old == null) {
            return;
        }
        List<T> list = new ArrayList<>(old);
        list.removeIf(which);
        if (list.isEmpty()) {
            map.remove(key);
        } else {
            map.put(key, list);
        }
    }

    /**
     * Orders the task lists of these owner keys and maps owner tags to people; the map of
     * {@code samePeople}, a snapshot with the same people, is shared instead.
     */
    private void finish(Collection<String> taskKeys, VaultIndex samePeople) {
        for (String k : taskKeys) {
            List<TaskRef> l = tasksByOwnerKey.get(k);
            if (l != null) {
                l.sort(TASK_ORDER);
            }
        }
        if (samePeople != null) {
            peopleByOwnerKey = samePeople.peopleByOwnerKey;
            return;
        }
        for (Person p : people.values()) { // in path order, so the first path wins a shared tag
            for (String tag : p.ownerTags()) {
                peopleByOwnerKey.putIfAbsent(VaultPaths.key(tag), p);
            }
        }
    }

    /** Builds an index of these notes and attachment paths. */
    public static VaultIndex build(VaultConfig config, ObsidianSettings obsidian, Collection<Note> notes,
                                   Collection<String> attachments) {
        TreeMap<String, Note> byPath = new TreeMap<>();
        notes.forEach(n -> byPath.put(n.path(), n));
        List<String> att = new ArrayList<>(new java.util.TreeSet<>(attachments));
        return new VaultIndex(config, obsidian, byPath, att);
    }

    /**
     * A new snapshot with {@code upserts} added or replaced, {@code removed} notes gone, and the
     * attachment list changed likewise. Parsed notes are shared, and the maps are patched from the
     * difference, not rebuilt: a keystroke in a 10k-note vault copies maps but parses one note.
     */
    public VaultIndex with(Collection<Note> upserts, Collection<String> removed, Collection<String> addedAttachments,
                           Collection<String> removedAttachments) {
        return apply(upserts, removed, addedAttachments, removedAttachments).after();
    }

    /**
     * Patches the index as {@link #with} does, and says what the patch changed: the one place an edit's
     * change is worked out, for everything that keeps something derived from the notes.
     */
    public VaultChange apply(Collection<Note> upserts, Collection<String> removed,
                             Collection<String> addedAttachments, Collection<String> removedAttachments) {
        CowSortedMap<Note> byPath = noteMap.fork();
        List<String> att = new ArrayList<>(attachments);
        VaultIndex next = new VaultIndex(config, obsidian, byPath, att, notePathByKey.fork(),
                notePathsByName.fork(), attachmentPathByKey.fork(), attachmentPathsByName.fork(),
                notesByAlias.fork(), people.fork(), tasksByOwnerKey.fork(), linkersByName.fork());
        Set<String> taskKeys = new java.util.HashSet<>();
        List<String> gone = new ArrayList<>(removed);
        upserts.forEach(n -> gone.add(n.path()));
        boolean peopleTouched = false;
        for (String path : gone) {
            Note old = byPath.remove(path);
            if (old != null) {
                peopleTouched |= people.containsKey(path);
                next.removeNote(old);
                old.tasks().forEach(t -> t.owners().forEach(o -> taskKeys.add(VaultPaths.key(o.name()))));
            }
        }
        for (Note n : upserts) {
            byPath.put(n.path(), n);
            next.addNote(n);
            peopleTouched |= next.people.containsKey(n.path());
            n.tasks().forEach(t -> t.owners().forEach(o -> taskKeys.add(VaultPaths.key(o.name()))));
        }
        List<String> attGone = new ArrayList<>();
        List<String> attCame = new ArrayList<>();
        for (String a : removedAttachments) {
            if (att.remove(a)) {
                next.removeAttachment(a);
                attGone.add(a);
            }
        }
        for (String a : addedAttachments) {
            if (!next.attachmentPathByKey.containsKey(VaultPaths.key(a)) && !att.contains(a)) {
                att.add(a);
                next.addAttachment(a);
                attCame.add(a);
            }
        }
        att.sort(null);
        next.finish(taskKeys, peopleTouched ? null : this);
        VaultChange change = VaultChange.between(this, next, gone, attCame, attGone);
        if (change.added().isEmpty() && change.removed().isEmpty()) {
            suggestions.noteNames.shareWith(next.suggestions.noteNames); // the same note names: still valid
        }
        if (attCame.isEmpty() && attGone.isEmpty()) {
            suggestions.attachmentNames.shareWith(next.suggestions.attachmentNames);
            if (change.added().isEmpty() && change.removed().isEmpty()) {
                next.resolved = resolved; // the same paths: every untouched note's links lead where they did
            }
        }
        return change;
    }

    /** The same notes under other settings. */
    public VaultIndex withSettings(VaultConfig newConfig, ObsidianSettings newObsidian) {
        return build(newConfig, newObsidian, notes.values(), attachments);
    }

    /** The same notes under other settings, and the change: the same notes, every finding to check again. */
    public VaultChange applySettings(VaultConfig newConfig, ObsidianSettings newObsidian) {
        return VaultChange.between(this, withSettings(newConfig, newObsidian), List.of(), List.of(), List.of());
    }

    public VaultConfig config() {
        return config;
    }

    public ObsidianSettings obsidian() {
        return obsidian;
    }

    /**
     * Paths, in order, of the notes that hold a link to a file whose name has this key
     * ({@link #linkNameKey}): the only notes whose links can lead to a file of that name.
     */
    public List<String> notesLinkingToName(String nameKey) {
        return linkersByName.getOrDefault(nameKey, List.of());
    }

    /**
     * Backlinks of a note or attachment: paths, in order, of the other notes holding a link that
     * resolves to {@code path}. Only the notes linking to a file of its name are read.
     */
    public List<String> backlinks(String path) {
        List<String> out = new ArrayList<>();
        for (String holder : notesLinkingToName(linkNameKey(path))) {
            Note n = notes.get(holder);
            if (n == null || holder.equals(path)) {
                continue;
            }
            List<Link> links = n.links();
            List<Resolution> resolutions = resolutions(n);
            for (int i = 0; i < links.size(); i++) {
                if (!links.get(i).isSameNote() && path.equals(resolutions.get(i).path())) {
                    out.add(holder);
                    break;
                }
            }
        }
        return out;
    }

    /** Notes by vault-relative path, in path order. */
    public Map<String, Note> notes() {
        return notes;
    }

    public Optional<Note> note(String path) {
        return Optional.ofNullable(notes.get(path));
    }

    public List<String> attachments() {
        return attachments;
    }

    public int linkCount() {
        return notes.values().stream().mapToInt(n -> n.links().size()).sum();
    }

    /** People by note path, in path order. */
    public Collection<Person> people() {
        return people.values();
    }

    public Optional<Person> person(String path) {
        return Optional.ofNullable(people.get(path));
    }

    /** The person an {@code @Owner} tag (without {@code @}) names, compared case-insensitively. */
    public Optional<Person> personByOwnerTag(String tag) {
        return Optional.ofNullable(peopleByOwnerKey.get(VaultPaths.key(tag)));
    }

    /** Tasks that carry any of this person's owner tags, each once, in path and line order. */
    public List<TaskRef> tasksOwnedBy(Person p) {
        // A task may name the person by several tags (title and alias), or by one tag twice.
        Set<TaskRef> owned = new LinkedHashSet<>();
        for (String tag : p.ownerTags()) {
            owned.addAll(tasksByOwnerKey.getOrDefault(VaultPaths.key(tag), List.of()));
        }
        List<TaskRef> out = new ArrayList<>(owned);
        out.sort(TASK_ORDER);
        return out;
    }

    /** Tasks that name this owner tag (without {@code @}, compared case-insensitively), in path and line order. */
    public List<TaskRef> tasksWithOwnerTag(String tag) {
        return tasksByOwnerKey.getOrDefault(VaultPaths.key(tag), List.of());
    }

    /** Notes that carry this alias in their frontmatter. */
    public List<String> notesWithAlias(String alias) {
        return notesByAlias.getOrDefault(VaultPaths.key(alias), List.of());
    }

    /** Up to {@code max} note names close to a misspelt one. */
    public List<String> similarNoteNames(String name, int max) {
        return suggestions.noteNames.closest(name, max);
    }

    /** Up to {@code max} attachment file names close to a misspelt one. */
    public List<String> similarAttachmentNames(String fileName, int max) {
        return suggestions.attachmentNames.closest(fileName, max);
    }

    /** Up to {@code max} owner tags of people close to a misspelt one (without {@code @}). */
    public List<String> similarOwnerTags(String tag, int max) {
        return suggestions.ownerTags.closest(tag, max);
    }

    private List<String> noteNames() {
        List<String> names = new ArrayList<>(notes.size());
        notes.values().forEach(n -> names.add(n.name()));
        return names;
    }

    private List<String> attachmentNames() {
        List<String> names = new ArrayList<>(attachments.size());
        attachments.forEach(a -> names.add(VaultPaths.fileName(a)));
        return names;
    }

    private List<String> ownerTags() {
        List<String> tags = new ArrayList<>();
        people.values().forEach(p -> tags.addAll(p.ownerTags()));
        return tags;
    }

    /** Paths, in order, of the notes with this name (the file name without {@code .md}, compared as keys). */
    public List<String> notesNamed(String name) {
        return notePathsByName.getOrDefault(VaultPaths.key(name), List.of());
    }

    /** Paths, in order, of the attachments with this file name (compared as keys). */
    public List<String> attachmentsNamed(String fileName) {
        return attachmentPathsByName.getOrDefault(VaultPaths.key(fileName), List.of());
    }

    /** Where {@code link}, written in {@code from}, leads. */
    public Resolution resolve(Note from, Link link) {
        return resolver.resolve(from, link);
    }

    /**
     * Where each of {@code from}'s links leads, in {@link Note#links()} order: {@link #resolve} of each,
     * worked out once per note version and kept while the vault's paths stay the same (edits of other
     * notes keep it). Safe to call from several threads.
     */
    public List<Resolution> resolutions(Note from) {
        Resolved r = resolved.get(from.path());
        if (r != null && r.note() == from) {
            return r.resolutions();
        }
        List<Resolution> out = new ArrayList<>(from.links().size());
        for (Link l : from.links()) {
            out.add(resolver.resolve(from, l));
        }
        List<Resolution> list = Collections.unmodifiableList(out);
        if (notes.get(from.path()) == from) { // a note of this snapshot, not one only being checked
            resolved.put(from.path(), new Resolved(from, list));
        }
        return list;
    }

    /**
     * True when {@code from}'s {@link #resolutions} are made and kept, so the next caller shares them
     * (for tests: which features go through them).
     */
    public boolean hasResolutions(Note from) {
        Resolved r = resolved.get(from.path());
        return r != null && r.note() == from;
    }

    /** Resolves {@code ./x} and {@code ../x} against a folder; null when it climbs out of the vault. */
    static String relative(String folder, String target) {
        return LinkResolver.relative(folder, target);
    }

    /** The heading a chain {@code A#B#C} names in {@code note} (see {@link Headings#find}). */
    public static Optional<Heading> findHeading(Note note, List<String> chain) {
        return Headings.find(note, chain);
    }

    /** {@link #findHeading} for many chains of one note, its headings' comparison forms made once. */
    public static java.util.function.Function<List<String>, Optional<Heading>> headingFinder(Note note) {
        return Headings.finder(note);
    }

    /** Obsidian's comparison form of a heading (see {@link Headings#key}). */
    public static String headingKey(String heading) {
        return Headings.key(heading);
    }

    public static Optional<BlockId> findBlock(Note note, String id) {
        return Headings.findBlock(note, id);
    }
}
