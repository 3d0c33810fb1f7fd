package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;
import org.vaultls.vault.VaultPaths;

/**
 * How many notes of a snapshot use each tag, each frontmatter key, and each value of each key. Counting
 * a large vault takes longer than a keystroke allows, and every keystroke makes a new snapshot, so the
 * counts of recent snapshots are kept ({@link Recent}) and the next ones derived from them over a
 * {@link NoteDiff}: only notes added, removed or changed since are counted again.
 */
final class VaultTallies {
    private static final Recent<VaultTallies> RECENT = new Recent<>();

    final Tally tags;
    final Tally keys;
    /** Values by property key in key form. */
    private final Map<String, Tally> values;

    private VaultTallies(Tally tags, Tally keys, Map<String, Tally> values) {
        this.tags = tags;
        this.keys = keys;
        this.values = values;
    }

    Tally values(String propertyKey) {
        return values.getOrDefault(VaultPaths.key(propertyKey), Tally.EMPTY);
    }

    /** Follows a change of the index, so the next snapshot's value is carried over it. */
    static void follow(VaultChange change) {
        RECENT.follow(change);
    }

    /** True when this snapshot's counts are already made. */
    static boolean isKept(VaultIndex index) {
        return RECENT.holds(index);
    }

    /** The counts of {@code index}, carried over from a recent snapshot where possible. */
    static VaultTallies of(VaultIndex index) {
        return RECENT.get(index, VaultTallies::fresh, VaultTallies::carry);
    }

    /** Counts every note of {@code index} afresh, as the first request on a vault does. */
    static VaultTallies fresh(VaultIndex index) {
        Tally.Builder tags = new Tally.Builder(Tally.EMPTY);
        Tally.Builder keys = new Tally.Builder(Tally.EMPTY);
        Map<String, Tally.Builder> values = new HashMap<>();
        for (Note n : index.notes().values()) {
            tags.add(tagsOf(n));
            keys.add(keysOf(n));
            valuesOf(n).forEach((k, v) -> values.computeIfAbsent(k, x -> new Tally.Builder(Tally.EMPTY)).add(v));
        }
        Map<String, Tally> built = new HashMap<>();
        values.forEach((k, b) -> built.put(k, b.build()));
        return new VaultTallies(tags.build(), keys.build(), built);
    }

    /** These counts with the diff's removed notes taken out and its added notes counted in. */
    private VaultTallies carry(NoteDiff diff, VaultIndex index) {
        if (diff.isEmpty()) {
            return this;
        }
        Tally.Builder t = new Tally.Builder(tags);
        Tally.Builder k = new Tally.Builder(keys);
        Map<String, Tally.Builder> v = new HashMap<>();
        for (Note n : diff.removed()) {
            t.remove(tagsOf(n));
            k.remove(keysOf(n));
            valuesOf(n).forEach((key, vals) -> builder(v, key).remove(vals));
        }
        for (Note n : diff.added()) {
            t.add(tagsOf(n));
            k.add(keysOf(n));
            valuesOf(n).forEach((key, vals) -> builder(v, key).add(vals));
        }
        Map<String, Tally> vals = new HashMap<>(values);
        v.forEach((key, b) -> vals.put(key, b.build()));
        return new VaultTallies(t.build(), k.build(), vals);
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
