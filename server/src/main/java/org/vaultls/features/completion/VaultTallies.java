package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;
import org.vaultls.vault.VaultPaths;

/**
 * How many notes of a snapshot use each tag, each frontmatter key, and each value of each key. Counting
 * a large vault takes longer than a keystroke allows, and every keystroke makes a new snapshot, so the
 * counts of the last snapshot asked about are kept and the next ones derived from them: only notes
 * added, removed or changed since are counted again. Notes are compared by identity, since a snapshot
 * keeps the {@link Note} objects of every file that did not change.
 */
final class VaultTallies {
    private static final AtomicReference<VaultTallies> LAST = new AtomicReference<>();

    private final VaultIndex index;
    private final Note[] notes;
    final Tally tags;
    final Tally keys;
    /** Values by property key in key form. */
    private final Map<String, Tally> values;

    private VaultTallies(VaultIndex index, Note[] notes, Tally tags, Tally keys, Map<String, Tally> values) {
        this.index = index;
        this.notes = notes;
        this.tags = tags;
        this.keys = keys;
        this.values = values;
    }

    Tally values(String propertyKey) {
        return values.getOrDefault(VaultPaths.key(propertyKey), Tally.EMPTY);
    }

    static VaultTallies of(VaultIndex index) {
        VaultTallies last = LAST.get();
        if (last != null && last.index == index) {
            return last;
        }
        Note[] notes = index.notes().values().toArray(new Note[0]);
        VaultTallies made = last == null ? null : last.derive(index, notes);
        if (made == null) {
            made = build(index, notes);
        }
        LAST.set(made);
        return made;
    }

    /** Counts every note; the list is copied into path order, which {@link #derive} relies on. */
    private static VaultTallies build(VaultIndex index, Note[] notes) {
        notes = notes.clone();
        Arrays.sort(notes, Comparator.comparing(Note::path));
        Tally.Builder tags = new Tally.Builder(Tally.EMPTY);
        Tally.Builder keys = new Tally.Builder(Tally.EMPTY);
        Map<String, Tally.Builder> values = new HashMap<>();
        for (Note n : notes) {
            tags.add(tagsOf(n));
            keys.add(keysOf(n));
            valuesOf(n).forEach((k, v) -> values.computeIfAbsent(k, x -> new Tally.Builder(Tally.EMPTY)).add(v));
        }
        Map<String, Tally> built = new HashMap<>();
        values.forEach((k, b) -> built.put(k, b.build()));
        return new VaultTallies(index, notes, tags.build(), keys.build(), built);
    }

    /**
     * The tallies of {@code index} from these, walking both note lists in path order; null when the new
     * list is out of order or so much changed that counting afresh is as quick. Two neighbours that are
     * both carried over unchanged need no order check: the old list was in order.
     */
    private VaultTallies derive(VaultIndex index, Note[] now) {
        List<Note> removed = new ArrayList<>();
        List<Note> added = new ArrayList<>();
        int limit = Math.max(16, now.length / 8);
        int i = 0;
        int j = 0;
        boolean previousCarried = false;
        while (i < notes.length || j < now.length) {
            Note old = i < notes.length ? notes[i] : null;
            Note cur = j < now.length ? now[j] : null;
            boolean carried = old != null && old == cur;
            if (cur != null && j > 0 && !(carried && previousCarried)
                    && now[j - 1].path().compareTo(cur.path()) >= 0) {
                return null;
            }
            int c = carried ? 0 : old == null ? 1 : cur == null ? -1 : old.path().compareTo(cur.path());
            if (c == 0) {
                if (!carried) {
                    removed.add(old);
                    added.add(cur);
                }
                i++;
                j++;
                previousCarried = carried;
            } else if (c < 0) {
                removed.add(old);
                i++;
            } else {
                added.add(cur);
                j++;
                previousCarried = false;
            }
            if (added.size() + removed.size() > limit) {
                return null;
            }
        }
        if (added.isEmpty() && removed.isEmpty()) {
            return new VaultTallies(index, now, tags, keys, values);
        }
        Tally.Builder t = new Tally.Builder(tags);
        Tally.Builder k = new Tally.Builder(keys);
        Map<String, Tally.Builder> v = new HashMap<>();
        for (Note n : removed) {
            t.remove(tagsOf(n));
            k.remove(keysOf(n));
            valuesOf(n).forEach((key, vals) -> builder(v, key).remove(vals));
        }
        for (Note n : added) {
            t.add(tagsOf(n));
            k.add(keysOf(n));
            valuesOf(n).forEach((key, vals) -> builder(v, key).add(vals));
        }
        Map<String, Tally> vals = new HashMap<>(values);
        v.forEach((key, b) -> vals.put(key, b.build()));
        return new VaultTallies(index, now, t.build(), k.build(), vals);
    }

    private Tally.Builder builder(Map<String, Tally.Builder> builders, String key) {
        return builders.computeIfAbsent(key, x -> new Tally.Builder(values.getOrDefault(x, Tally.EMPTY)));
    }

    /** A note's distinct tags, body and frontmatter alike. */
    static Map<String, String> tagsOf(Note n) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : n.tags()) {
            Tally.collect(out, t.name());
        }
        return out;
    }

    /** A note's frontmatter keys. */
    static Map<String, String> keysOf(Note n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.frontmatter().ifPresent(fm -> fm.fields().forEach(f -> Tally.collect(out, f.key())));
        return out;
    }

    /** A note's distinct frontmatter values by key in key form: scalars, and the scalar items of lists. */
    static Map<String, Map<String, String>> valuesOf(Note n) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        if (n.frontmatter().isPresent()) {
            for (Frontmatter.Field f : n.frontmatter().get().fields()) {
                Map<String, String> vals = out.computeIfAbsent(VaultPaths.key(f.key()), x -> new LinkedHashMap<>());
                scalars(f.value()).forEach(s -> Tally.collect(vals, s));
            }
        }
        return out;
    }

    static List<String> scalars(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s && !s.isBlank()) {
            out.add(s.strip());
        } else if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
