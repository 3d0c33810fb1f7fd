package org.vaultls.dataview;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Dataview object whose fields are computed on first access and then kept: a page, its {@code file.*}
 * fields, a task. A {@code TASK FROM ""} query touches every note of the vault but reads two or three
 * fields of each; building all of them (inlinks, lists, inline fields) for every note would cost far more
 * than the query. Only iterating the object (printing it, {@code length}, {@code extract}) computes every
 * field. The keys every object of a kind has are a shared {@link Keys}, so a fresh object costs two small
 * arrays.
 */
final class LazyObject extends KeyedMap {
    /** The keys every object of one kind has, in order, each with its slot. */
    static final class Keys {
        final List<String> names;
        final Map<String, Integer> slots = new HashMap<>();

        Keys(String... names) {
            if (names.length > 64) {
                throw new IllegalArgumentException("at most 64 fixed keys");
            }
            this.names = List.of(names);
            for (int i = 0; i < names.length; i++) {
                slots.put(names[i], i);
            }
        }
    }

    private final Keys fixed;
    private final Supplier<Collection<String>> more;
    private final Function<String, Object> compute;
    private final Object[] values;
    /** Bit i is set once the value of fixed key i is computed (a computed value may be null). */
    private long computed;
    private Map<String, Object> moreValues;
    private Collection<String> moreKeys;
    /** What the object was made from (a task's {@link org.vaultls.vault.Task}), not one of its fields. */
    Object source;

    /**
     * {@code fixed} are the keys every such object has, {@code more} (computed once, when asked) the keys
     * this one has besides; {@code compute} gives a key's value, called at most once per key.
     */
    LazyObject(Keys fixed, Supplier<Collection<String>> more, Function<String, Object> compute) {
        this.fixed = fixed;
        this.more = more;
        this.compute = compute;
        this.values = new Object[fixed.names.size()];
    }

    private Collection<String> moreKeys() {
        if (moreKeys == null) {
            moreKeys = more.get();
        }
        return moreKeys;
    }

    @Override
    public boolean containsKey(Object key) {
        return fixed.slots.containsKey(key) || moreKeys().contains(key);
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String k)) {
            return null;
        }
        Integer slot = fixed.slots.get(k);
        if (slot != null) {
            long bit = 1L << slot;
            if ((computed & bit) == 0) {
                values[slot] = compute.apply(k);
                computed |= bit;
            }
            return values[slot];
        }
        if (!moreKeys().contains(k)) {
            return null;
        }
        if (moreValues == null) {
            moreValues = new HashMap<>();
        }
        if (!moreValues.containsKey(k)) {
            moreValues.put(k, compute.apply(k));
        }
        return moreValues.get(k);
    }

    @Override
    Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>(fixed.names);
        keys.addAll(moreKeys());
        return keys;
    }

}
