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
    /**
     * Answers given, by the query's compared form (and for one {@code max}): a vault's broken links repeat (a
     * person never given a note, linked from every meeting), and an editor asks again for each new
     * snapshot, which takes this suggester over while the names stay the same. Cleared once it holds
     * {@link #MEMO_LIMIT} answers.
     */
    private final java.util.concurrent.ConcurrentHashMap<String, Answer> answered =
            new java.util.concurrent.ConcurrentHashMap<>();
    static final int MEMO_LIMIT = 4096;
    private final java.util.concurrent.atomic.AtomicInteger searches = new java.util.concurrent.atomic.AtomicInteger();

    private record Entry(String name, char[] key, long mask) {
    }

    /** An answer of the memo: the names closest to a compared form, at most {@code max}. */
    private record Answer(int max, List<String> names) {
    }

    public NameSuggester(Collection<String> names) {
        Entry[] unsorted = new Entry[names.size()];
        int e = 0;
        int longest = 0;
        for (String n : names) {
            String k = VaultPaths.fold(n);
            unsorted[e++] = new Entry(n, k.toCharArray(), mask(k));
            longest = Math.max(longest, k.length());
        }
        // ids in order of length, so the names of a length range are a range of ids: a counting sort,
        // stable, so names of one length keep the order they came in
        int[] next = new int[longest + 2];
        for (Entry x : unsorted) {
            next[x.key.length + 1]++;
        }
        for (int i = 1; i < next.length; i++) {
            next[i] += next[i - 1];
        }
        entries = new Entry[unsorted.length];
        for (Entry x : unsorted) {
            entries[next[x.key.length]++] = x;
        }
        // one id list per bigram, each id appended in order, so every list comes out sorted and a
        // bigram met twice in a name is the list's last id already
        PostingTable table = new PostingTable();
        for (int id = 0; id < entries.length; id++) {
            char[] k = entries[id].key;
            char prev = '\u0001';
            for (int i = 0; i <= k.length; i++) {
                char c = i < k.length ? k[i] : '\u0002';
                table.add((prev << 16) | c, id);
                prev = c;
            }
        }
        table.copyTo(postings);
    }

    /** Bigram to growing id list, by open addressing: cheaper than boxing every pair into a map. */
    private static final class PostingTable {
        private int[] bigrams = new int[1024];
        private int[][] ids = new int[1024][];
        private int[] sizes = new int[1024];
        private int used;

        void add(int bigram, int id) {
            int mask = bigrams.length - 1;
            int slot = hash(bigram) & mask;
            while (ids[slot] != null && bigrams[slot] != bigram) {
                slot = (slot + 1) & mask;
            }
            int[] list = ids[slot];
            if (list == null) {
                bigrams[slot] = bigram;
                ids[slot] = new int[] {id};
                sizes[slot] = 1;
                if (++used * 2 > bigrams.length) {
                    grow();
                }
                return;
            }
            int size = sizes[slot];
            if (list[size - 1] == id) {
                return;
            }
            if (size == list.length) {
                list = Arrays.copyOf(list, size * 2);
                ids[slot] = list;
            }
            list[size] = id;
            sizes[slot] = size + 1;
        }

        private static int hash(int bigram) {
            int h = bigram * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        private void grow() {
            int[] oldBigrams = bigrams;
            int[][] oldIds = ids;
            int[] oldSizes = sizes;
            bigrams = new int[oldBigrams.length * 2];
            ids = new int[oldBigrams.length * 2][];
            sizes = new int[oldBigrams.length * 2];
            int mask = bigrams.length - 1;
            for (int i = 0; i < oldBigrams.length; i++) {
                if (oldIds[i] != null) {
                    int slot = hash(oldBigrams[i]) & mask;
                    while (ids[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    bigrams[slot] = oldBigrams[i];
                    ids[slot] = oldIds[i];
                    sizes[slot] = oldSizes[i];
                }
            }
        }

        void copyTo(Map<Integer, int[]> postings) {
            for (int i = 0; i < bigrams.length; i++) {
                if (ids[i] != null) {
                    postings.put(bigrams[i], sizes[i] == ids[i].length ? ids[i] : Arrays.copyOf(ids[i], sizes[i]));
                }
            }
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
        Answer known = answered.get(q);
        if (known != null && known.max() == max) {
            return known.names();
        }
        List<String> found = search(q, max);
        if (answered.size() >= MEMO_LIMIT) {
            answered.clear();
        }
        answered.put(q, new Answer(max, found));
        return found;
    }

    /** How many look-ups were searched for rather than answered from the memo (for tests). */
    int searches() {
        return searches.get();
    }

    /** How many answers the memo holds (for tests). */
    int remembered() {
        return answered.size();
    }

    /** {@link #closest} without the memo, for the compared form {@code q}. */
    private List<String> search(String q, int max) {
        searches.incrementAndGet();
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
        /** The query's character counts, by {@code c & 63}, less those of the name being compared. */
        private final int[] surplus = new int[64];
        private final int max;
        private final List<String> names = new ArrayList<>();
        private final List<Integer> dists = new ArrayList<>();
        /** The farthest a name may be and still get in. */
        private int bound;

        Best(char[] q, long qm, int limit, int max) {
            this.q = q;
            this.qm = qm;
            for (char c : q) {
                surplus[c & 63]++;
            }
            this.bound = limit;
            this.max = max;
        }

        void consider(Entry e) {
            // one edit changes the length by at most one and the character set by at most two
            if (Math.abs(e.key.length - q.length) > bound || Long.bitCount(e.mask ^ qm) > 2 * bound) {
                return;
            }
            if (countGap(surplus, q.length, e.key) > 2 * bound) {
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

    /**
     * How far apart the character counts of a query and {@code key} are (the sum of the differences,
     * characters grouped by {@code c & 63}), where {@code surplus} holds the query's counts and
     * {@code length} its length; {@code surplus} is as it was on return. An insertion or deletion
     * moves it by one, a change by at most two and a swap not at all, so a name within {@code d}
     * edits is within {@code 2d}: a check much cheaper than the distance that turns away most names
     * sharing many pairs with the query in another order or with other letters between.
     */
    static int countGap(int[] surplus, int length, char[] key) {
        int gap = length;
        for (char c : key) {
            gap += surplus[c & 63]-- > 0 ? -1 : 1;
        }
        for (char c : key) {
            surplus[c & 63]++;
        }
        return gap;
    }

    /** {@link #countGap} of two strings. */
    static int countGap(char[] a, char[] b) {
        int[] surplus = new int[64];
        for (char c : a) {
            surplus[c & 63]++;
        }
        return countGap(surplus, a.length, b);
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
