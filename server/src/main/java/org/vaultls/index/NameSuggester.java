package org.vaultls.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultls.vault.VaultPaths;

/**
 * Finds the names closest to a misspelt one, by edit distance on the compared form. Built for many
 * look-ups against tens of thousands of names: an index of character pairs (bigrams) rules out, before
 * any distance is computed, every name that shares too few pairs with the query to be within reach,
 * since one edit destroys at most three pairs (a swap; an insertion, deletion or change two).
 */
public final class NameSuggester {
    private final Entry[] entries;
    private final Map<Integer, int[]> postings = new HashMap<>();

    private record Entry(String name, char[] key, long mask) {
    }

    public NameSuggester(Collection<String> names) {
        entries = new Entry[names.size()];
        int e = 0;
        for (String n : names) {
            String k = VaultPaths.fold(n);
            entries[e++] = new Entry(n, k.toCharArray(), mask(k));
        }
        // ids in order of length, so the names of a length range are a range of ids
        Arrays.sort(entries, (a, b) -> Integer.compare(a.key.length, b.key.length));
        // (bigram, id) pairs, sorted, then cut into one sorted id list per bigram
        long[] pairs = new long[16];
        int count = 0;
        for (int id = 0; id < entries.length; id++) {
            for (int bigram : bigrams(new String(entries[id].key))) {
                if (count == pairs.length) {
                    pairs = Arrays.copyOf(pairs, count * 2);
                }
                pairs[count++] = ((long) bigram << 32) | id;
            }
        }
        Arrays.sort(pairs, 0, count);
        for (int i = 0; i < count;) {
            int bigram = (int) (pairs[i] >>> 32);
            int j = i;
            while (j < count && (int) (pairs[j] >>> 32) == bigram) {
                j++;
            }
            int[] ids = new int[j - i];
            for (int x = i; x < j; x++) {
                ids[x - i] = (int) pairs[x];
            }
            postings.put(bigram, ids);
            i = j;
        }
    }

    /**
     * Up to {@code max} names within a small edit distance of {@code query}, closest first, then by name.
     *
     * <p>Only names of a length within reach are looked at, and of those only the ones sharing at
     * least {@code need} of the query's character pairs are measured. Once {@code max} names are
     * found, a name must be at least as close as the farthest of them, which narrows every later
     * measurement.
     */
    public List<String> closest(String query, int max) {
        if (max <= 0) {
            return List.of();
        }
        String q = VaultPaths.fold(query);
        int limit = Math.min(4, Math.max(1, q.length() / 4));
        int[] qBigrams = bigrams(q);
        int need = qBigrams.length - 3 * limit; // a swap of two characters destroys three pairs
        Best best = new Best(q.toCharArray(), mask(q), limit, max);
        // one edit changes the length by at most one: only names of these lengths can be in reach
        int lo = firstOfLength(q.length() - limit);
        int hi = firstOfLength(q.length() + limit + 1);
        if (need > 0) {
            // count, per name in the length range, the query's pairs it shares; measure those with enough
            int[] shared = new int[hi - lo];
            for (int b : qBigrams) {
                int[] ids = postings.getOrDefault(b, EMPTY);
                int from = Arrays.binarySearch(ids, lo);
                for (int i = from < 0 ? -from - 1 : from; i < ids.length && ids[i] < hi; i++) {
                    if (++shared[ids[i] - lo] == need) {
                        best.consider(entries[ids[i]]);
                    }
                }
            }
        } else {
            for (int id = lo; id < hi; id++) {
                best.consider(entries[id]);
            }
        }
        return best.names();
    }

    private static final int[] EMPTY = new int[0];

    /** The first id whose name is at least {@code length} long (ids are in order of length). */
    private int firstOfLength(int length) {
        int lo = 0;
        int hi = entries.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[mid].key.length < length) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The closest distinct names so far, at most {@code max}, ordered by distance and then name. */
    private static final class Best {
        private final char[] q;
        private final long qm;
        private final int max;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> dists = new ArrayList<>();
        /** The farthest a name may be and still get in. */
        private int bound;

        Best(char[] q, long qm, int limit, int max) {
            this.q = q;
            this.qm = qm;
            this.bound = limit;
            this.max = max;
        }

        void consider(Entry e) {
            // one edit changes the length by at most one and the character set by at most two
            if (Math.abs(e.key.length - q.length) > bound || Long.bitCount(e.mask ^ qm) > 2 * bound) {
                return;
            }
            int d = distance(q, e.key, bound);
            if (d > bound) {
                return;
            }
            int i = 0;
            while (i < names.size() && (dists.get(i) < d || (dists.get(i) == d && names.get(i).compareTo(e.name) < 0))) {
                i++;
            }
            if (i < names.size() && dists.get(i) == d && names.get(i).equals(e.name)) {
                return; // the same name in another folder
            }
            if (i >= max) {
                return;
            }
            names.add(i, e.name);
            dists.add(i, d);
            if (names.size() > max) {
                names.remove(max);
                dists.remove(max);
            }
            if (names.size() == max) {
                bound = dists.get(max - 1);
            }
        }

        List<String> names() {
            return List.copyOf(names);
        }
    }

    /** The distinct character pairs of the name padded at both ends, so its first and last characters count. */
    private static int[] bigrams(String s) {
        int[] all = new int[s.length() + 1];
        char prev = '\u0001';
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : '\u0002';
            all[i] = (prev << 16) | c;
            prev = c;
        }
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[n++] = all[i];
            }
        }
        return Arrays.copyOf(all, n);
    }

    private static long mask(String s) {
        long m = 0;
        for (int i = 0; i < s.length(); i++) {
            m |= 1L << (s.charAt(i) & 63);
        }
        return m;
    }

    /**
     * Edit distance counting a swap of two adjacent characters as one edit, the commonest typo
     * ("Agneda" for "Agenda"); gives up (returning limit + 1) once it must exceed {@code limit}. Only
     * the band of cells within {@code limit} of the diagonal is computed: any cell outside it already
     * costs more than {@code limit}.
     */
    static int distance(char[] a, char[] b, int limit) {
        int n = a.length;
        int m = b.length;
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int far = limit + 1;
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = Math.min(j, far);
        }
        for (int i = 1; i <= n; i++) {
            int lo = Math.max(1, i - limit);
            int hi = Math.min(m, i + limit);
            cur[lo - 1] = lo == 1 ? Math.min(i, far) : far;
            if (hi < m) {
                cur[hi + 1] = far;
            }
            int rowMin = cur[lo - 1];
            char ca = a[i - 1];
            for (int j = lo; j <= hi; j++) {
                int cost = ca == b[j - 1] ? 0 : 1;
                int v = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b[j - 2] && a[i - 2] == b[j - 1]) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = Math.min(v, far);
                rowMin = Math.min(rowMin, cur[j]);
            }
            // A row's minimum grows by at most one per row, so no later swap can bring it back.
            if (rowMin > limit) {
                return far;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
