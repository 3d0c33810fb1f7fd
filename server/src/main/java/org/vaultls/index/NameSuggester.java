package org.vaultls.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.vaultls.vault.VaultPaths;

/**
 * Finds the names closest to a misspelt one, by edit distance on the compared form. Built for many
 * look-ups against tens of thousands of names: names are bucketed by length and each carries a bit set
 * of its characters, so most are ruled out before any distance is computed.
 */
public final class NameSuggester {
    private final Map<Integer, List<Entry>> byLength = new HashMap<>();

    private record Entry(String name, String key, long mask) {
    }

    public NameSuggester(Collection<String> names) {
        for (String n : names) {
            String k = VaultPaths.key(n);
            byLength.computeIfAbsent(k.length(), x -> new ArrayList<>()).add(new Entry(n, k, mask(k)));
        }
    }

    /** Up to {@code max} names within a small edit distance of {@code query}, closest first. */
    public List<String> closest(String query, int max) {
        String q = VaultPaths.key(query);
        int limit = Math.min(4, Math.max(1, q.length() / 4));
        long qm = mask(q);
        List<Entry> hits = new ArrayList<>();
        List<Integer> dists = new ArrayList<>();
        for (int len = q.length() - limit; len <= q.length() + limit; len++) {
            for (Entry e : byLength.getOrDefault(len, List.of())) {
                if (Long.bitCount(e.mask ^ qm) > 2 * limit) {
                    continue;
                }
                int d = distance(q, e.key, limit);
                if (d <= limit) {
                    int i = 0;
                    while (i < dists.size() && (dists.get(i) < d
                            || (dists.get(i) == d && hits.get(i).name.compareTo(e.name) <= 0))) {
                        i++;
                    }
                    dists.add(i, d);
                    hits.add(i, e);
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < hits.size() && out.size() < max; i++) {
            if (!out.contains(hits.get(i).name)) {
                out.add(hits.get(i).name);
            }
        }
        return out;
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
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > limit) {
            return limit + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                int cost = ca == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
                }
                rowMin = Math.min(rowMin, cur[j]);
            }
            // A row's minimum grows by at most one per row, so no later swap can bring it back.
            if (rowMin > limit) {
                return limit + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }
}
