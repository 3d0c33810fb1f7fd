package org.vaultls.dataview;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;

/**
 * A read-only map given by its keys and {@link #get}: entries are made on iteration, so values that are
 * computed on access (a lazy page field, an overlaid FLATTEN element) are computed only when read.
 */
abstract class KeyedMap extends AbstractMap<String, Object> {
    /** The keys, in order; called once per iteration or size. */
    abstract Set<String> keys();

    @Override
    public abstract Object get(Object key);

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                Iterator<String> it = keys().iterator();
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
                return keys().size();
            }
        };
    }
}
