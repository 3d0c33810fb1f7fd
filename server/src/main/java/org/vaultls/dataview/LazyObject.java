package org.vaultls.dataview;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A Dataview object whose fields are computed on first access and then kept: a page's {@code file.*}
 * fields, a task's fields. A {@code TASK FROM ""} query touches every note of the vault but reads two or
 * three fields of each; building all of them (inlinks, lists, inline fields) for every note would cost far
 * more than the query. Only iterating the object (printing it, {@code length}, {@code extract}) computes
 * every field.
 */
final class LazyObject extends AbstractMap<String, Object> {
    private static final Object ABSENT = new Object();

    private final Set<String> fixed;
    private final Supplier<Collection<String>> more;
    private final Function<String, Object> compute;
    private final Map<String, Object> cache = new HashMap<>();
    private Collection<String> moreKeys;
    /** What the object was made from (a task's {@link org.vaultls.vault.Task}), not one of its fields. */
    Object source;

    /**
     * {@code fixed} are the keys every such object has, {@code more} (computed once, when asked) the keys
     * this one has besides; {@code compute} gives a key's value, called at most once per key.
     */
    LazyObject(Set<String> fixed, Supplier<Collection<String>> more, Function<String, Object> compute) {
        this.fixed = fixed;
        this.more = more;
        this.compute = compute;
    }

    LazyObject(Set<String> fixed, Function<String, Object> compute) {
        this(fixed, List::of, compute);
    }

    private Collection<String> moreKeys() {
        if (moreKeys == null) {
            moreKeys = more.get();
        }
        return moreKeys;
    }

    @Override
    public boolean containsKey(Object key) {
        return fixed.contains(key) || moreKeys().contains(key);
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String k)) {
            return null;
        }
        Object v = cache.get(k);
        if (v == null && !cache.containsKey(k)) {
            v = fixed.contains(k) || moreKeys().contains(k) ? compute.apply(k) : ABSENT;
            cache.put(k, v);
        }
        return v == ABSENT ? null : v;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(fixed);
                keys.addAll(moreKeys());
                Iterator<String> it = keys.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return it.hasNext();
                    }

                    @Override
                    public Entry<String, Object> next() {
                        String k = it.next();
                        return new SimpleImmutableEntry<>(k, get(k));
                    }
                };
            }

            @Override
            public int size() {
                java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>(fixed);
                keys.addAll(moreKeys());
                return keys.size();
            }
        };
    }
}
