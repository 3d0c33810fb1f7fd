package org.vaultls.dataview;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vaultls.dataview.DqlEngine.LinkValue;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;

/**
 * The Dataview objects of one evaluation: pages, their {@code file} fields, tasks and list items, each built
 * lazily (a field on first access, inlinks only when asked) and kept for the evaluation's duration, so a
 * {@code TASK FROM ""} over the whole vault pays only for the fields its WHERE reads.
 *
 * <p>Page fields: the frontmatter's keys and the body's inline fields, each under the key as written and its
 * canonical form ({@link DqlValues#canonical}); a key given twice (frontmatter and inline, or two inline
 * lines) holds a list of all its values. {@code file.*}: name, path, folder, ext, link, size (the text's
 * UTF-8 length), outlinks, inlinks, tags (with their parents, {@code #a/b} also gives {@code #a}), etags
 * (as written), aliases, day (a {@code YYYY-MM-DD} name, else the frontmatter {@code date}), frontmatter,
 * tasks, lists, starred (false).
 *
 * <p>Tasks and list items: text, status, checked, completed, fullyCompleted, task, line, lineCount, path,
 * link, section (a link to the heading above), tags, outlinks, children, parent (the parent's line),
 * annotated, due, scheduled, start, created, completion (the Tasks plugin's emoji 📅 ⏳ 🛫 ➕ ✅ or inline
 * fields of those names) and every inline field of the line.
 *
 * <p>Not available, so left null rather than invented: {@code file.ctime}, {@code file.mtime},
 * {@code file.cday} and {@code file.mday} (the index keeps no file times). List items other than tasks come
 * from a scan of the body's list lines, outside code, comments and HTML.
 */
final class Pages {
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final LazyObject.Keys FILE_KEYS = new LazyObject.Keys("name", "path", "folder", "ext", "link", "size", "ctime",
            "cday", "mtime", "mday", "day", "outlinks", "inlinks", "tags", "etags", "aliases", "frontmatter",
            "tasks", "lists", "starred");
    private static final LazyObject.Keys ITEM_KEYS = new LazyObject.Keys("text", "status", "checked", "completed", "fullyCompleted",
            "task", "line", "lineCount", "path", "link", "section", "tags", "outlinks", "children", "parent",
            "annotated", "due", "scheduled", "start", "created", "completion", "real", "position");

    private final VaultIndex index;
    private final Map<String, LazyObject> pages = new HashMap<>();
    private final Map<String, NoteBody> bodies = new HashMap<>();
    private final Map<String, List<Object>> items = new HashMap<>();

    Pages(VaultIndex index) {
        this.index = index;
    }

    private static final LazyObject.Keys PAGE_KEYS = new LazyObject.Keys("file");

    /** A link to the note a written target names, or to the target itself when no note does. */
    LinkValue link(String target) {
        return new LinkValue(resolve(target).orElse(target));
    }

    Optional<String> resolve(String name) {
        String n = name.endsWith(".md") ? name : name + ".md";
        if (index.note(n).isPresent()) {
            return Optional.of(n);
        }
        List<String> named = index.notesNamed(name);
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
    }

    /** The page object of a note path, or null when no note has it. */
    Map<String, Object> page(String path) {
        LazyObject page = pages.get(path);
        if (page == null) {
            Note n = index.note(path).orElse(null);
            if (n == null) {
                return null;
            }
            page = newPage(n);
            pages.put(path, page);
        }
        return page;
    }

    /** The page object of a note of the index. */
    Map<String, Object> page(Note n) {
        LazyObject page = pages.get(n.path());
        if (page == null) {
            page = newPage(n);
            pages.put(n.path(), page);
        }
        return page;
    }

    private LazyObject newPage(Note n) {
        Map<String, Object>[] fields = new Map[1];
        java.util.function.Supplier<Map<String, Object>> f = () -> {
            if (fields[0] == null) {
                fields[0] = fields(n);
            }
            return fields[0];
        };
        return new LazyObject(PAGE_KEYS, () -> f.get().keySet(),
                k -> k.equals("file") ? new LazyObject(FILE_KEYS, List::of, fk -> fileField(n, fk, f)) : f.get().get(k));
    }

    NoteBody body(Note n) {
        return bodies.computeIfAbsent(n.path(), p -> NoteBody.of(n));
    }

    private Map<String, Object> fields(Note n) {
        Map<String, Object> out = new LinkedHashMap<>();
        n.frontmatter().ifPresent(fm -> {
            for (Frontmatter.Field field : fm.fields()) {
                put(out, field.key(), DqlValues.typed(field.value(), false, this::link));
            }
        });
        for (NoteBody.Field field : body(n).fields) {
            put(out, field.key(), DqlValues.typed(field.value(), true, this::link));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> out, String key, Object value) {
        for (String k : new LinkedHashSet<>(List.of(key, DqlValues.canonical(key)))) {
            if (k.isEmpty()) {
                continue;
            }
            if (out.containsKey(k)) {
                Object old = out.get(k);
                List<Object> merged = old instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
                if (!(old instanceof List<?>)) {
                    merged.add(old);
                }
                if (value instanceof List<?> l) {
                    merged.addAll(l);
                } else {
                    merged.add(value);
                }
                out.put(k, merged);
            } else {
                out.put(k, value);
            }
        }
    }

    private Object fileField(Note n, String key, java.util.function.Supplier<Map<String, Object>> fields) {
        switch (key) {
            case "name":
                return n.name();
            case "path":
                return n.path();
            case "folder":
                return n.folder();
            case "ext":
                return "md";
            case "link":
                return new LinkValue(n.path());
            case "size":
                return (double) n.text().getBytes(StandardCharsets.UTF_8).length;
            case "day": {
                if (DAY.matcher(n.name()).lookingAt()) {
                    return DqlValues.parseDate(n.name().substring(0, 10));
                }
                Object d = fields.get().get("date");
                return d instanceof java.time.LocalDateTime ? d : null;
            }
            case "outlinks":
                return outlinks(n, 0, n.text().length());
            case "inlinks": {
                List<Object> out = new ArrayList<>();
                index.backlinks(n.path()).forEach(p -> out.add(new LinkValue(p)));
                return out;
            }
            case "tags":
            case "etags": {
                Set<String> out = new LinkedHashSet<>();
                for (Tag t : n.tags()) {
                    if (key.equals("etags")) {
                        out.add("#" + t.name());
                    } else {
                        String[] parts = t.name().split("/");
                        for (int i = 1; i <= parts.length; i++) {
                            out.add("#" + String.join("/", java.util.Arrays.copyOf(parts, i)));
                        }
                    }
                }
                return new ArrayList<Object>(out);
            }
            case "aliases":
                return new ArrayList<Object>(n.aliases());
            case "frontmatter": {
                Map<String, Object> out = new LinkedHashMap<>();
                n.frontmatter().ifPresent(fm -> fm.fields().forEach(
                        fl -> out.put(fl.key(), DqlValues.typed(fl.value(), false, this::link))));
                return out;
            }
            case "tasks": {
                List<Object> out = new ArrayList<>();
                for (Object item : items(n)) {
                    if (Boolean.TRUE.equals(((Map<?, ?>) item).get("task"))) {
                        out.add(item);
                    }
                }
                return out;
            }
            case "lists":
                return new ArrayList<>(items(n));
            case "starred":
                return false;
            default:
                return null; // ctime, mtime, cday, mday: the index keeps no file times
        }
    }

    /** The links in {@code [from, to)} of the note, each to the note it resolves to (or its written target). */
    List<Object> outlinks(Note n, int from, int to) {
        List<Object> out = new ArrayList<>();
        List<Link> links = n.links();
        List<Resolution> resolutions = index.resolutions(n); // kept by the index: not resolved again per query
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            if (l.isSameNote() || l.span().startOffset() < from || l.span().endOffset() > to) {
                continue;
            }
            Resolution r = resolutions.get(i);
            out.add(new LinkValue(r.isBroken() ? l.target() : r.path()));
        }
        return out;
    }

    /** Every list item of the note (tasks included) as Dataview objects, in line order. */
    List<Object> items(Note n) {
        return items.computeIfAbsent(n.path(), p -> {
            List<Object> out = new ArrayList<>();
            for (NoteBody.Item it : body(n).items) {
                out.add(it.task() != null ? task(n, it.task()) : item(n, it.line(), it.text(), null));
            }
            return out;
        });
    }

    /**
     * The task objects of the note, in line order, made from the index's tasks: the body is scanned only
     * when a query reads {@code children}, {@code parent} or {@code fullyCompleted}.
     */
    List<Map<String, Object>> tasks(Note n) {
        List<Map<String, Object>> out = new ArrayList<>(n.tasks().size());
        for (Task t : n.tasks()) {
            out.add(task(n, t));
        }
        return out;
    }

    /** The task object of one of the note's tasks. */
    LazyObject task(Note n, Task t) {
        return item(n, t.span().start().line(), t.text(), t);
    }

    /** The index's task behind a task object made here. */
    static Task taskOf(Map<String, Object> item) {
        return item instanceof LazyObject l && l.source instanceof Task t ? t : null;
    }

    private int position(Note n, int line) {
        List<NoteBody.Item> all = body(n).items;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).line() == line) {
                return i;
            }
        }
        return -1;
    }

    /** The fields of a task or list item that its line alone gives, with no object or body scan. */
    static final Set<String> PLAIN_FIELDS = Set.of("text", "task", "status", "checked", "completed", "line", "path");

    /** The value of one of {@link #PLAIN_FIELDS} of the item at {@code line} ({@code t} null for a list item). */
    static Object plainField(Note n, int line, String text, Task t, String k) {
        switch (k) {
            case "text":
                return text;
            case "task":
                return t != null;
            case "status":
                return t != null ? String.valueOf(t.status()) : null;
            case "checked":
                return t != null && t.status() != ' ';
            case "completed":
                return t != null && (t.status() == 'x' || t.status() == 'X');
            case "line":
                return (double) line;
            case "path":
                return n.path();
            default:
                throw new IllegalArgumentException("not a plain field: " + k);
        }
    }

    /**
     * One task's {@link #PLAIN_FIELDS} as an object that is pointed at each task in turn: what a TASK
     * query's first WHERE reads to drop a task before its object is built. Only those keys are in it, so
     * an expression reading another name must not be evaluated on it.
     */
    static final class PlainTask extends KeyedMap {
        private Note note;
        private Task task;

        void at(Note n, Task t) {
            note = n;
            task = t;
        }

        @Override
        public boolean containsKey(Object key) {
            return PLAIN_FIELDS.contains(key);
        }

        @Override
        public Object get(Object key) {
            if (!(key instanceof String k)) {
                return null;
            }
            switch (k) { // no set lookup first: this runs for every task of the vault
                case "text":
                    return task.text();
                case "completed":
                    return task.status() == 'x' || task.status() == 'X';
                case "task":
                case "status":
                case "checked":
                case "line":
                case "path":
                    return plainField(note, task.span().start().line(), task.text(), task, k);
                default:
                    return null;
            }
        }

        @Override
        Set<String> keys() {
            return PLAIN_FIELDS;
        }
    }

    private LazyObject item(Note n, int line, String text, Task t) {
        Map<String, String> raw = t != null ? t.fields() : Map.of();
        Set<String> extra = raw.keySet();
        LazyObject o = new LazyObject(ITEM_KEYS, () -> extra, k -> {
            switch (k) {
                case "text":
                case "task":
                case "status":
                case "checked":
                case "completed":
                case "line":
                case "path":
                    return plainField(n, line, text, t, k);
                case "fullyCompleted": {
                    int i = position(n, line);
                    return i < 0 ? t != null && (t.status() == 'x' || t.status() == 'X') : fullyCompleted(body(n), i);
                }
                case "lineCount":
                    return 1.0;
                case "position":
                    return null;
                case "real":
                    return true;
                case "link":
                case "section": {
                    Heading h = null;
                    for (Heading candidate : n.headings()) {
                        if (candidate.span().start().line() < line) {
                            h = candidate;
                        }
                    }
                    return h == null ? new LinkValue(n.path()) : new LinkValue(n.path(), h.text(), null, false);
                }
                case "tags": {
                    List<Object> tags = new ArrayList<>();
                    int start = n.lines().lineStart(line);
                    int end = n.lines().lineEnd(line);
                    for (Tag tag : n.tags()) {
                        if (tag.span().startOffset() >= start && tag.span().endOffset() <= end) {
                            tags.add("#" + tag.name());
                        }
                    }
                    return tags;
                }
                case "outlinks":
                    return outlinks(n, n.lines().lineStart(line), n.lines().lineEnd(line));
                case "children": {
                    List<Object> children = new ArrayList<>();
                    int i = position(n, line);
                    if (i >= 0) {
                        List<Object> all = items(n);
                        body(n).items.get(i).children().forEach(c -> children.add(all.get(c)));
                    }
                    return children;
                }
                case "parent": {
                    int i = position(n, line);
                    return i < 0 || body(n).items.get(i).parent() < 0 ? null
                            : (double) body(n).items.get(body(n).items.get(i).parent()).line();
                }
                case "annotated":
                    return !raw.isEmpty();
                case "completion":
                    return typedField(raw, raw.containsKey("completion") ? "completion" : "done");
                default:
                    return typedField(raw, k);
            }
        });
        o.source = t;
        return o;
    }

    private Object typedField(Map<String, String> raw, String k) {
        String v = raw.get(k);
        return v == null ? null : DqlValues.typed(v, true, this::link);
    }

    private static boolean fullyCompleted(NoteBody body, int i) {
        NoteBody.Item it = body.items.get(i);
        if (it.task() != null && it.task().status() != 'x' && it.task().status() != 'X') {
            return false;
        }
        for (int c : it.children()) {
            if (!fullyCompleted(body, c)) {
                return false;
            }
        }
        return true;
    }
}
