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
        // (bigram, id) pairs, sorted, then cut into one sorted id list per bigram
        long[] pairs = new long[16];
        int count = 0;
        int id = 0;
        for (String n : names) {
            String k = VaultPaths.key(n);
            entries[id] = new Entry(n, k.toCharArray(), mask(k));
            for (int bigram : bigrams(k)) {
                if (count == pairs.length) {
                    pairs = Arrays.copyOf(pairs, count * 2);
                }
                pairs[count++] = ((long) bigram << 32) | id;
            }
            id++;
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
     * <p>A name within reach shares at least {@code need} of the query's pairs, so it holds at least
     * one of the query's {@code pairs - need + 1} rarest pairs: only the names on those pairs' lists
     * are measured (prefix filtering). Pairs common to most names, like the digits of dates, are
     * never walked. Once {@code max} names are found, a name must be at least as close as the
     * farthest of them, which narrows every later measurement.
     */
    public List<String> closest(String query, int max) {
        if (max <= 0) {
            return List.of();
        }
        String q = VaultPaths.key(query);
        int limit = Math.min(4, Math.max(1, q.length() / 4));
        int[] qBigrams = bigrams(q);
        int need = qBigrams.length - 3 * limit; // a swap of two characters destroys three pairs
        Best best = new Best(q.toCharArray(), mask(q), limit, max);
        if (need > 0) {
            int[][] lists = new int[qBigrams.length][];
            for (int i = 0; i < qBigrams.length; i++) {
                lists[i] = postings.getOrDefault(qBigrams[i], EMPTY);
            }
            Arrays.sort(lists, (a, b) -> Integer.compare(a.length, b.length));
            boolean[] seen = new boolean[entries.length];
            for (int i = 0; i < qBigrams.length - need + 1; i++) {
                for (int id : lists[i]) {
                    if (!seen[id]) {
                        seen[id] = true;
                        best.consider(entries[id]);
                    }
                }
            }
        } else {
            for (Entry e : entries) {
                best.consider(e);
            }
        }
        return best.names();
    }

    private static final int[] EMPTY = new int[0];

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
     * ("Agneda" for "Agenda"); gives up (returning limit + 1) once it must exceed {@code limit}.
     */
    static int distance(String a, String b, int limit) {
        return distance(a.toCharArray(), b.toCharArray(), limit);
    }

    /**
     * The same on character arrays, computing only the band of cells within {@code limit} of the
     * diagonal: any cell outside it already costs more than {@code limit}.
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
