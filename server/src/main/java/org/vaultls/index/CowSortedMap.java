package org.vaultls.index;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;

/**
 * A map from strings in their natural order that a new index snapshot copies in O(n / {@link #CHUNK})
 * and patches in O({@link #CHUNK}) per entry: the entries are kept in sorted chunks of up to
 * 2 × {@link #CHUNK} keys, a {@link #fork} shares every chunk, and a write copies only the chunk it
 * lands in, the first time the fork writes there. Look-ups are two binary searches. Null values are
 * not stored. A map is written only before its snapshot is published; forks may then be taken from
 * any thread.
 */
final class CowSortedMap<V> extends AbstractMap<String, V> {
    static final int CHUNK = 256;

    /** Sorted keys and their values; {@code n} are used. */
    private static final class Chunk {
        String[] keys;
        Object[] vals;
        int n;

        Chunk(int capacity) {
            keys = new String[capacity];
            vals = new Object[capacity];
        }

        Chunk copy() {
            Chunk c = new Chunk(Math.max(4, n + n / 4));
            System.arraycopy(keys, 0, c.keys, 0, n);
            System.arraycopy(vals, 0, c.vals, 0, n);
            c.n = n;
            return c;
        }

        int find(String key) {
            return Arrays.binarySearch(keys, 0, n, key);
        }
    }

    private Chunk[] chunks;
    private boolean[] owned;
    private int count;
    private int size;

    CowSortedMap() {
        chunks = new Chunk[4];
        owned = new boolean[4];
    }

    private CowSortedMap(CowSortedMap<V> from) {
        chunks = from.chunks.clone();
        owned = new boolean[chunks.length];
        count = from.count;
        size = from.size;
        Arrays.fill(from.owned, false); // and the original must not write the chunks it now shares
    }

    /** The entries of {@code sorted}, which is in the natural order of its keys. */
    static <V> CowSortedMap<V> of(SortedMap<String, V> sorted) {
        CowSortedMap<V> m = new CowSortedMap<>();
        int chunkCount = Math.max(1, (sorted.size() + CHUNK - 1) / CHUNK);
        m.chunks = new Chunk[chunkCount + 4];
        m.owned = new boolean[chunkCount + 4];
        Chunk c = null;
        for (var e : sorted.entrySet()) {
            if (c == null || c.n == CHUNK) {
                c = new Chunk(CHUNK + CHUNK / 4);
                m.owned[m.count] = true;
                m.chunks[m.count++] = c;
            }
            c.keys[c.n] = e.getKey();
            c.vals[c.n++] = e.getValue();
            m.size++;
        }
        return m;
    }

    /** A copy sharing every chunk; either map copies a chunk before it first writes there. */
    CowSortedMap<V> fork() {
        return new CowSortedMap<>(this);
    }

    /** The chunk a key belongs in: the last whose first key is not after it, else the first. */
    private int chunkFor(String key) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (chunks[mid].keys[0].compareTo(key) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private Chunk writable(int i) {
        if (!owned[i]) {
            chunks[i] = chunks[i].copy();
            owned[i] = true;
        }
        return chunks[i];
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        if (count == 0 || !(key instanceof String k)) {
            return null;
        }
        Chunk c = chunks[chunkFor(k)];
        int i = c.find(k);
        return i >= 0 ? (V) c.vals[i] : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V put(String key, V value) {
        if (value == null) {
            throw new IllegalArgumentException("null value for " + key);
        }
        if (count == 0) {
            insertChunk(0, new Chunk(8));
        }
        int ci = chunkFor(key);
        Chunk c = writable(ci);
        int i = c.find(key);
        if (i >= 0) {
            V old = (V) c.vals[i];
            c.vals[i] = value;
            return old;
        }
        i = -i - 1;
        if (c.n == c.keys.length) {
            c.keys = Arrays.copyOf(c.keys, c.n * 2);
            c.vals = Arrays.copyOf(c.vals, c.n * 2);
        }
        System.arraycopy(c.keys, i, c.keys, i + 1, c.n - i);
        System.arraycopy(c.vals, i, c.vals, i + 1, c.n - i);
        c.keys[i] = key;
        c.vals[i] = value;
        c.n++;
        size++;
        if (c.n > 2 * CHUNK) { // split in halves
            Chunk right = new Chunk(CHUNK + CHUNK / 4);
            int half = c.n / 2;
            right.n = c.n - half;
            System.arraycopy(c.keys, half, right.keys, 0, right.n);
            System.arraycopy(c.vals, half, right.vals, 0, right.n);
            Arrays.fill(c.keys, half, c.n, null);
            Arrays.fill(c.vals, half, c.n, null);
            c.n = half;
            insertChunk(ci + 1, right);
        }
        return null;
    }

    private void insertChunk(int at, Chunk c) {
        if (count == chunks.length) {
            chunks = Arrays.copyOf(chunks, count * 2);
            owned = Arrays.copyOf(owned, count * 2);
        }
        System.arraycopy(chunks, at, chunks, at + 1, count - at);
        System.arraycopy(owned, at, owned, at + 1, count - at);
        chunks[at] = c;
        owned[at] = true;
        count++;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V remove(Object key) {
        if (count == 0 || !(key instanceof String k)) {
            return null;
        }
        int ci = chunkFor(k);
        int i = chunks[ci].find(k);
        if (i < 0) {
            return null;
        }
        Chunk c = writable(ci);
        V old = (V) c.vals[i];
        System.arraycopy(c.keys, i + 1, c.keys, i, c.n - i - 1);
        System.arraycopy(c.vals, i + 1, c.vals, i, c.n - i - 1);
        c.n--;
        c.keys[c.n] = null;
        c.vals[c.n] = null;
        size--;
        if (c.n == 0) {
            System.arraycopy(chunks, ci + 1, chunks, ci, count - ci - 1);
            System.arraycopy(owned, ci + 1, owned, ci, count - ci - 1);
            count--;
            chunks[count] = null;
        }
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
                Chunk[] cs = chunks;
                int total = count;
                return new Iterator<>() {
                    private int chunk;
                    private int at;

                    @Override
                    public boolean hasNext() {
                        while (chunk < total && at >= cs[chunk].n) {
                            chunk++;
                            at = 0;
                        }
                        return chunk < total;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Entry<String, V> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Chunk c = cs[chunk];
                        int i = at++;
                        return new SimpleImmutableEntry<>(c.keys[i], (V) c.vals[i]);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
