package org.vaultls.features.dataview;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;

/**
 * What a vault's dataview queries can name: its folders (every folder a note is in, and their parents),
 * its tags (lowercased, with their parent tags, since {@code #a} also matches {@code #a/b}) and its field
 * names (frontmatter keys, inline fields {@code key:: value} of pages and tasks), each counted by notes.
 * Field names are in Dataview's canonical form ({@link #fieldKey}). One value per index snapshot, kept
 * for the last few and carried over a {@link VaultChange} for only the notes it touched, so a keystroke
 * does not rescan the vault.
 */
final class DataviewCheckVocabulary {
    /** A page's inline field: at a line's start (after a list marker or quote), or in brackets. */
    private static final Pattern INLINE = Pattern.compile(
            "(?m)^[ \\t>]*(?:(?:[-*+]|\\d+[.)])[ \\t]+(?:\\[.\\][ \\t]+)?)?([^\\s:\\[\\]()][^:\\[\\]()\\n]*?)::"
                    + "|[\\[(]([^\\s:\\[\\]()][^:\\[\\]()\\n]*?)::");
    private static final int KEEP = 4;
    private static final List<Entry> RECENT = new ArrayList<>();

    private record Entry(WeakReference<VaultIndex> index, DataviewCheckVocabulary value) {
    }

    final Map<String, Integer> folders;
    final Map<String, Integer> tags;
    final Map<String, Integer> fields;

    private DataviewCheckVocabulary(Map<String, Integer> folders, Map<String, Integer> tags,
                                    Map<String, Integer> fields) {
        this.folders = folders;
        this.tags = tags;
        this.fields = fields;
    }

    /** Dataview's form of a field name for comparing: lower case, spaces as dashes, no markdown emphasis. */
    static String fieldKey(String name) {
        // as strip, then removing [*_~`], then each run of \s as one dash, then lower case; by hand,
        // since two regular expressions per field were a tenth of a 100k-note check
        String t = name.strip();
        StringBuilder sb = null;
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean removed = c == '*' || c == '_' || c == '~' || c == '`';
            boolean ws = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (sb == null) {
                if (!removed && !ws) {
                    continue;
                }
                sb = new StringBuilder(t.length()).append(t, 0, i);
            }
            if (removed) {
                continue;
            }
            if (ws) {
                if (!space) {
                    sb.append('-');
                }
                space = true;
            } else {
                sb.append(c);
                space = false;
            }
        }
        return (sb == null ? t : sb.toString()).toLowerCase(Locale.ROOT);
    }

    /** The vocabulary of {@code index}. */
    static DataviewCheckVocabulary of(VaultIndex index) {
        DataviewCheckVocabulary known = recent(index);
        if (known != null) {
            return known;
        }
        // one scan per snapshot: a check's threads all ask at once, and each would scan the vault
        synchronized (COMPUTING) {
            known = recent(index);
            if (known != null) {
                return known;
            }
            DataviewCheckVocabulary v = new DataviewCheckVocabulary(new HashMap<>(), new HashMap<>(), new HashMap<>());
            for (Note n : index.notes().values()) {
                v.count(n, 1);
            }
            keep(index, v);
            return v;
        }
    }

    private static final Object COMPUTING = new Object();

    private static DataviewCheckVocabulary recent(VaultIndex index) {
        synchronized (RECENT) {
            for (Entry e : RECENT) {
                if (e.index().get() == index) {
                    return e.value();
                }
            }
        }
        return null;
    }

    /** Carries the vocabulary of the snapshot before {@code change} over to the one after, if it was made. */
    static void follow(VaultChange change) {
        DataviewCheckVocabulary before = null;
        synchronized (RECENT) {
            for (Entry e : RECENT) {
                if (e.index().get() == change.after()) {
                    return;
                }
                if (e.index().get() == change.before()) {
                    before = e.value();
                }
            }
        }
        if (before == null || change.settingsChanged()) {
            return;
        }
        DataviewCheckVocabulary v = new DataviewCheckVocabulary(new HashMap<>(before.folders),
                new HashMap<>(before.tags), new HashMap<>(before.fields));
        change.oldVersions().forEach(n -> v.count(n, -1));
        change.newVersions().forEach(n -> v.count(n, 1));
        keep(change.after(), v);
    }

    /**
     * Which notes' queries may name something {@code change} made appear in or vanish from the vault
     * (see {@link DataviewCheck#mayAlter}). Every note's, when a note or an attachment came or went
     * (folders and notes) or a person's owner tags changed. Else only tags and field names of changed
     * notes can differ, and a query names a tag or a field only in its note's text: the notes whose text
     * holds one of the tags (as {@code #tag}) or field names a changed note gained or lost (in the form
     * the check compares, so a query naming one is never missed); every note's for a name beyond ASCII,
     * whose case folding may depend on its context. Empty when no tag or field name changed.
     */
    static Optional<Predicate<Note>> mayAlter(VaultChange change) {
        if (change.pathsChanged() || !change.ownerTags().isEmpty()) {
            return Optional.of(n -> true);
        }
        Map<String, Note> old = new HashMap<>();
        change.oldVersions().forEach(n -> old.put(n.path(), n));
        Set<String> tags = new HashSet<>();
        Set<String> fields = new HashSet<>();
        for (Note now : change.newVersions()) {
            Note was = old.get(now.path());
            if (was == null) {
                return Optional.of(n -> true);
            }
            differences(tagsOf(was), tagsOf(now), tags);
            differences(fieldsOf(was), fieldsOf(now), fields);
        }
        if (tags.isEmpty() && fields.isEmpty()) {
            return Optional.empty();
        }
        if (!ascii(tags) || !ascii(fields)) {
            return Optional.of(n -> true);
        }
        return Optional.of(n -> {
            String lower = n.text().toLowerCase(Locale.ROOT);
            for (String t : tags) {
                if (lower.contains("#" + t)) { // a FROM names a tag as #tag
                    return true;
                }
            }
            if (fields.isEmpty()) {
                return false;
            }
            String keyed = fieldKey(n.text()); // a field name in a query, in key form, is a part of this
            for (String f : fields) {
                if (keyed.contains(f)) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Adds to {@code out} what is in only one of {@code a} and {@code b}. */
    private static void differences(Set<String> a, Set<String> b, Set<String> out) {
        for (String s : a) {
            if (!b.contains(s)) {
                out.add(s);
            }
        }
        for (String s : b) {
            if (!a.contains(s)) {
                out.add(s);
            }
        }
    }

    private static boolean ascii(Set<String> names) {
        for (String s : names) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void keep(VaultIndex index, DataviewCheckVocabulary v) {
        synchronized (RECENT) {
            RECENT.removeIf(e -> e.index().get() == null || e.index().get() == index);
            RECENT.add(0, new Entry(new WeakReference<>(index), v));
            while (RECENT.size() > KEEP) {
                RECENT.remove(RECENT.size() - 1);
            }
        }
    }

    private void count(Note n, int by) {
        String folder = n.folder();
        Set<String> fs = new LinkedHashSet<>();
        fs.add("");
        while (!folder.isEmpty()) {
            fs.add(folder);
            int slash = folder.lastIndexOf('/');
            folder = slash < 0 ? "" : folder.substring(0, slash);
        }
        fs.forEach(f -> add(folders, f, by));
        tagsOf(n).forEach(t -> add(tags, t, by));
        fieldsOf(n).forEach(f -> add(fields, f, by));
    }

    private static void add(Map<String, Integer> m, String key, int by) {
        int v = m.getOrDefault(key, 0) + by;
        if (v <= 0) {
            m.remove(key);
        } else {
            m.put(key, v);
        }
    }

    /** A note's tags, lowercased, with every parent of each ({@code a/b/c} gives {@code a}, {@code a/b}). */
    static Set<String> tagsOf(Note n) {
        Set<String> out = new HashSet<>();
        for (Tag t : n.tags()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            out.add(name);
            for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) {
                out.add(name.substring(0, i));
            }
        }
        return out;
    }

    /** A note's field names in key form: frontmatter keys, task fields and inline fields outside code. */
    static Set<String> fieldsOf(Note n) {
        Set<String> out = new HashSet<>();
        n.frontmatter().ifPresent(fm -> {
            for (Frontmatter.Field f : fm.fields()) {
                out.add(fieldKey(f.key()));
            }
        });
        for (Task t : n.tasks()) {
            t.fields().keySet().forEach(k -> out.add(fieldKey(k)));
        }
        String text = n.text();
        if (text.indexOf("::") >= 0) {
            Matcher m = INLINE.matcher(text);
            while (m.find()) {
                int at = m.start(1) >= 0 ? m.start(1) : m.start(2);
                if (!n.regions().isCode(at)) {
                    out.add(fieldKey(m.group(1) != null ? m.group(1) : m.group(2)));
                }
            }
        }
        return out;
    }
}
