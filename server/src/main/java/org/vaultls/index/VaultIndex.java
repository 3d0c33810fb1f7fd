package org.vaultls.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 */
public final class VaultIndex {
    private static final Comparator<TaskRef> TASK_ORDER = Comparator.comparing(TaskRef::path)
            .thenComparingInt(r -> r.task().span().startOffset());

    private final VaultConfig config;
    private final ObsidianSettings obsidian;
    private final Map<String, Note> notes;
    private final List<String> attachments;
    private final Map<String, String> notePathByKey;
    private final Map<String, List<String>> notePathsByName;
    private final Map<String, String> attachmentPathByKey;
    private final Map<String, List<String>> attachmentPathsByName;
    private final Map<String, List<String>> notesByAlias;
    private final Map<String, Person> people;
    private final Map<String, Person> peopleByOwnerKey = new HashMap<>();
    private final Map<String, List<TaskRef>> tasksByOwnerKey;
    /** Paths of the notes holding a link to a file of this name (see {@link #linkNameKey}). */
    private final Map<String, List<String>> linkersByName;
    private volatile NameSuggester suggester;

    /** Indexes every note and attachment. */
    private VaultIndex(VaultConfig config, ObsidianSettings obsidian, TreeMap<String, Note> notes,
                       List<String> attachments) {
        this(config, obsidian, notes, attachments, new HashMap<>(), new HashMap<>(), new HashMap<>(),
                new HashMap<>(), new HashMap<>(), new TreeMap<>(), new HashMap<>(), new HashMap<>());
        attachments.forEach(this::addAttachment);
        notes.values().forEach(this::addNote);
        finish(tasksByOwnerKey.keySet());
    }

    private VaultIndex(VaultConfig config, ObsidianSettings obsidian, TreeMap<String, Note> notes,
                       List<String> attachments, Map<String, String> notePathByKey,
                       Map<String, List<String>> notePathsByName, Map<String, String> attachmentPathByKey,
                       Map<String, List<String>> attachmentPathsByName, Map<String, List<String>> notesByAlias,
                       Map<String, Person> people, Map<String, List<TaskRef>> tasksByOwnerKey,
                       Map<String, List<String>> linkersByName) {
        this.config = config;
        this.obsidian = obsidian;
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

    /** Lists in the maps are copied on write, so a patched snapshot never changes the one it came from. */
    private static <T> void append(Map<String, List<T>> map, String key, T value) {
        List<T> old = map.get(key);
        List<T> list = new ArrayList<>(old == null ? 1 : old.size() + 1);
        if (old != null) {
            list.addAll(old);
        }
        list.add(value);
        if (value instanceof String) {
            list.sort(null); // path lists stay in path order however the snapshot was made
        }
        map.put(key, list);
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

    /** Orders the task lists of these owner keys and maps owner tags to people. */
    private void finish(Collection<String> taskKeys) {
        for (String k : taskKeys) {
            List<TaskRef> l = tasksByOwnerKey.get(k);
            if (l != null) {
                l.sort(TASK_ORDER);
            }
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
        TreeMap<String, Note> byPath = new TreeMap<>(notes);
        List<String> att = new ArrayList<>(attachments);
        VaultIndex next = new VaultIndex(config, obsidian, byPath, att, new HashMap<>(notePathByKey),
                new HashMap<>(notePathsByName), new HashMap<>(attachmentPathByKey),
                new HashMap<>(attachmentPathsByName), new HashMap<>(notesByAlias), new TreeMap<>(people),
                new HashMap<>(tasksByOwnerKey), new HashMap<>(linkersByName));
        Set<String> taskKeys = new java.util.HashSet<>();
        List<String> gone = new ArrayList<>(removed);
        upserts.forEach(n -> gone.add(n.path()));
        for (String path : gone) {
            Note old = byPath.remove(path);
            if (old != null) {
                next.removeNote(old);
                old.tasks().forEach(t -> t.owners().forEach(o -> taskKeys.add(VaultPaths.key(o.name()))));
            }
        }
        for (Note n : upserts) {
            byPath.put(n.path(), n);
            next.addNote(n);
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
        next.finish(taskKeys);
        VaultChange change = VaultChange.between(this, next, gone, attCame, attGone);
        if (change.added().isEmpty() && change.removed().isEmpty()) {
            next.suggester = suggester; // the same note names: the suggestions stay valid
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
        NameSuggester s = suggester;
        if (s == null) {
            List<String> names = new ArrayList<>(notes.size());
            notes.values().forEach(n -> names.add(n.name()));
            s = new NameSuggester(names);
            suggester = s;
        }
        return s.closest(name, max);
    }

    /** Where {@code link}, written in {@code from}, leads. */
    public Resolution resolve(Note from, Link link) {
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

    /**
     * The heading a chain {@code A#B#C} names in {@code note}: each heading must exist inside the section
     * of the one before it. Headings compare after Obsidian's stripping.
     */
    public static Optional<Heading> findHeading(Note note, List<String> chain) {
        List<Heading> hs = note.headings();
        return findChain(hs, chain, 0, 0, hs.size());
    }

    private static Optional<Heading> findChain(List<Heading> hs, List<String> chain, int depth, int from, int to) {
        String want = headingKey(chain.get(depth));
        for (int i = from; i < to; i++) {
            Heading h = hs.get(i);
            if (!headingKey(h.text()).equals(want)) {
                continue;
            }
            if (depth == chain.size() - 1) {
                return Optional.of(h);
            }
            int end = i + 1;
            while (end < to && hs.get(end).level() > h.level()) {
                end++;
            }
            Optional<Heading> found = findChain(hs, chain, depth + 1, i + 1, end);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Obsidian's comparison form of a heading: {@code [ ] | ^ # : %} dropped, spaces collapsed. */
    public static String headingKey(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        boolean space = false;
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if ("[]|^#:%".indexOf(c) >= 0) {
                continue;
            }
            if (Character.isWhitespace(c)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.append(c);
        }
        return VaultPaths.key(sb.toString());
    }

    public static Optional<BlockId> findBlock(Note note, String id) {
        for (BlockId b : note.blocks()) {
            if (b.id().equals(id)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
