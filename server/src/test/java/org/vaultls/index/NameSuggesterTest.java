package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.vaultls.vault.VaultPaths;

class NameSuggesterTest {
    @Test
    void aTypoFindsTheNameCaseAndAccentsAside() {
        var s = new NameSuggester(List.of("Agenda", "Ada Berg", "Björn Ekdahl", "2025-11-14"));
        assertEquals(List.of("Agenda"), s.closest("Agneda", 3), "a swap is one edit");
        assertEquals(List.of("Björn Ekdahl"), s.closest("bjorn ekdahl", 3));
        assertEquals(List.of("2025-11-14"), s.closest("2025-11-15", 3));
        assertEquals(List.of(), s.closest("Zebra crossing", 3));
    }

    @Test
    void closestFirstThenByName() {
        var s = new NameSuggester(List.of("Project Kestrel", "Project Kestrels", "Project Kestral"));
        assertEquals(List.of("Project Kestral", "Project Kestrel", "Project Kestrels"), s.closest("Project Kestrl", 3),
                "one edit each, by name, then two edits");
        assertEquals(List.of("Project Kestral"), s.closest("Project Kestrl", 1));
    }

    /** The pair filter only skips work: the answers are those of measuring every name. */
    @Test
    void answersEqualMeasuringEveryName() {
        Random r = new Random(7);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            if (i % 500 == 0) {
                names.add("Project Kestrel"); // the same name in several folders is suggested once
            }
            names.add(switch (i % 4) {
                case 0 -> String.format("2025-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28));
                case 1 -> String.format("2025-%02d-%02d - Meeting %s", 1 + r.nextInt(12), 1 + r.nextInt(28), word(r));
                case 2 -> word(r) + " " + word(r);
                default -> "Project " + word(r);
            });
        }
        NameSuggester s = new NameSuggester(names);
        for (int i = 0; i < 400; i++) {
            String q = typo(names.get(r.nextInt(names.size())), r);
            List<String> all = bruteForce(names, q);
            assertEquals(all, s.closest(q, 1000), "query " + q);
            assertEquals(all.subList(0, Math.min(3, all.size())), s.closest(q, 3), "best three for " + q);
        }
    }

    /** A target asked for again (in any case or accents) is answered from the memo, which stays bounded. */
    @Test
    void aRepeatedQueryIsSearchedOnce() {
        NameSuggester s = new NameSuggester(List.of("Project Kestrel", "Project Kestral", "Ada Lovelace"));
        List<String> first = s.closest("Project Kestrl", 3);
        assertEquals(first, s.closest("project kestrl", 3));
        assertEquals(first, s.closest("Project Kestrl", 3));
        assertEquals(1, s.searches(), "the same compared form and limit: one search");
        assertEquals(List.of("Project Kestral"), s.closest("Project Kestrl", 1), "another limit is its own answer");
        assertEquals(2, s.searches());
        assertEquals(first, s.closest("Project Kestrl", 3));
        assertEquals(3, s.searches(), "one limit remembered per query");
        for (int i = 0; i < 2 * NameSuggester.MEMO_LIMIT; i++) {
            s.closest("Missing " + i, 3);
        }
        assertTrue(s.remembered() <= NameSuggester.MEMO_LIMIT, "bounded: " + s.remembered());
        assertEquals(first, s.closest("Project Kestrl", 3));
    }

    /** The banded distance agrees with the full table wherever it is within the limit. */
    @Test
    void bandedDistanceEqualsTheFullTable() {
        Random r = new Random(11);
        for (int i = 0; i < 20000; i++) {
            String a = randomString(r);
            String b = r.nextBoolean() ? typo(a, r) : randomString(r);
            int limit = 1 + r.nextInt(4);
            int full = fullDistance(a, b);
            int banded = NameSuggester.distance(a.toCharArray(), b.toCharArray(), limit);
            assertEquals(Math.min(full, limit + 1), Math.min(banded, limit + 1),
                    a + " / " + b + " within " + limit);
        }
    }

    /**
     * The count gap never exceeds twice the distance (else the suggester would lose names), and it
     * counts an edit as the distance does, apart from a swap (which moves no letter).
     */
    @Test
    void countGapIsAtMostTwiceTheDistance() {
        Random r = new Random(13);
        for (int i = 0; i < 20000; i++) {
            String a = randomString(r);
            String b = r.nextBoolean() ? typo(a, r) : randomString(r);
            assertTrue(NameSuggester.countGap(a.toCharArray(), b.toCharArray()) <= 2 * fullDistance(a, b),
                    a + " / " + b);
        }
        assertEquals(0, NameSuggester.countGap("agenda".toCharArray(), "agneda".toCharArray()), "a swap");
        assertEquals(1, NameSuggester.countGap("agenda".toCharArray(), "agend".toCharArray()), "a deletion");
        assertEquals(2, NameSuggester.countGap("agenda".toCharArray(), "agendo".toCharArray()), "a change");
        assertEquals(4, NameSuggester.countGap("2025-03-14".toCharArray(), "2025-01-10".toCharArray()),
                "two changes (3 to 1, 4 to 0)");
    }

    /** Optimal string alignment distance, the whole table, as a textbook writes it. */
    private static int fullDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String randomString(Random r) {
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = r.nextInt(12); i < n; i++) {
            b.append("abcde".charAt(r.nextInt(5)));
        }
        return b.toString();
    }

    private static List<String> bruteForce(List<String> names, String query) {
        String q = VaultPaths.key(query);
        int limit = Math.min(4, Math.max(1, q.length() / 4));
        record Hit(String name, int d) {
        }
        List<Hit> hits = new ArrayList<>();
        for (String n : names) {
            int d = NameSuggester.distance(q.toCharArray(), VaultPaths.key(n).toCharArray(), limit);
            if (d <= limit) {
                hits.add(new Hit(n, d));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::d).thenComparing(Hit::name));
        return hits.stream().map(Hit::name).distinct().toList();
    }

    private static String word(Random r) {
        String letters = "aeioubcdfgklmnprstvz";
        StringBuilder b = new StringBuilder();
        b.append(Character.toUpperCase(letters.charAt(r.nextInt(letters.length()))));
        for (int i = 0, n = 2 + r.nextInt(6); i < n; i++) {
            b.append(letters.charAt(r.nextInt(letters.length())));
        }
        return b.toString();
    }

    private static String typo(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        for (int edits = r.nextInt(4); edits > 0 && b.length() > 1; edits--) {
            int i = r.nextInt(b.length() - 1);
            switch (r.nextInt(4)) {
                case 0 -> b.deleteCharAt(i);
                case 1 -> b.insert(i, (char) ('a' + r.nextInt(26)));
                case 2 -> b.setCharAt(i, (char) ('0' + r.nextInt(10)));
                default -> {
                    char c = b.charAt(i);
                    b.setCharAt(i, b.charAt(i + 1));
                    b.setCharAt(i + 1, c);
                }
            }
        }
        return b.toString();
    }
}
