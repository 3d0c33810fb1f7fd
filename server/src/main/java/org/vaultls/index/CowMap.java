package org.vaultls.index;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A hash map from strings that a new index snapshot copies in O(1) and patches in O(change): the
 * entries are spread over {@link #SHARDS} small hash maps by the top bits of a mixed hash, a
 * {@link #fork} shares every shard, and a write copies only the shard it lands in, the first time
 * the fork writes there. Null values are not stored. A map is written only before its snapshot is
 * published; forks may then be taken from any thread.
 */
final class CowMap<V> extends AbstractMap<String, V> {
    static final int SHARDS = 256;
    private final HashMap<String, V>[] shards;
    /** Shards this map made itself and may write in place; the others are shared with a fork. */
    private final boolean[] owned = new boolean[SHARDS];
    private int size;

    @SuppressWarnings("unchecked")
    CowMap() {
        shards = new HashMap[SHARDS];
        Arrays.fill(owned, true);
    }

    private CowMap(CowMap<V> from) {
        shards = from.shards.clone();
        size = from.size;
        Arrays.fill(from.owned, false); // and the original must not write the shards it now shares
    }

    /** A copy sharing every shard; either map copies a shard before it first writes there. */
    CowMap<V> fork() {
        return new CowMap<>(this);
    }

    private static int shard(Object key) {
        // top bits of a multiplicative hash: the low bits index the buckets inside each shard
        return (key.hashCode() * 0x9E3779B9) >>> 24;
    }

    private HashMap<String, V> writable(int i) {
        if (!owned[i] || shards[i] == null) {
            shards[i] = shards[i] == null ? new HashMap<>() : new HashMap<>(shards[i]);
            owned[i] = true;
        }
        return shards[i];
    }

    @Override
    public V get(Object key) {
        HashMap<String, V> s = shards[shard(key)];
        return s == null ? null : s.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        HashMap<String, V> s = shards[shard(key)];
        return s != null && s.containsKey(key);
    }

    @Override
    public V put(String key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for " + key);
        }
        V old = writable(shard(key)).put(key, value);
        if (old == null) {
            size++;
        }
        return old;
    }

    @Override
    public V remove(Object key) {
        int i = shard(key);
        if (shards[i] == null || !shards[i].containsKey(key)) {
            return null; // nothing to copy
        }
        V old = writable(i).remove(key);
        size--;
        return old;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;
                    private Iterator<Entry<String, V>> in = java.util.Collections.emptyIterator();

                    @Override
                    public boolean hasNext() {
                        while (!in.hasNext() && next < SHARDS) {
                            HashMap<String, V> s = shards[next++];
                            if (s != null) {
                                in = s.entrySet().iterator();
                            }
                        }
                        return in.hasNext();
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, V> e = in.next();
                        return new SimpleImmutableEntry<>(e.getKey(), e.getValue());
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Puts every entry of {@code m}. */
    static <V> CowMap<V> of(Map<String, V> m) {
        CowMap<V> c = new CowMap<>();
        m.forEach(c::put);
        return c;
    }
}
