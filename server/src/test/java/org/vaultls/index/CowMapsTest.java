package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index's copy-on-write maps behave as a TreeMap under random puts and removes, and a fork and
 * the map it came from never see each other's later writes, however many forks are taken.
 */
class CowMapsTest {
    private static String key(SplittableRandom rnd, int range) {
        return "Notes/" + Integer.toString(rnd.nextInt(range), 36) + ".md";
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 2_000, 20_000})
    void forksOfBothMapsStayEqualToCopiedTreeMaps(int range) {
        SplittableRandom rnd = new SplittableRandom(range);
        TreeMap<String, Integer> start = new TreeMap<>();
        for (int i = 0; i < range / 2; i++) {
            start.put(key(rnd, range), i);
        }
        CowSortedMap<Integer> sorted = CowSortedMap.of(start);
        CowMap<Integer> hashed = CowMap.of(start);
        TreeMap<String, Integer> model = new TreeMap<>(start);
        List<Object[]> snapshots = new ArrayList<>(); // {sorted, hashed, model copy} kept while the others change
        for (int step = 0; step < 200; step++) {
            if (rnd.nextInt(10) == 0) {
                snapshots.add(new Object[] {sorted, hashed, new TreeMap<>(model)});
                sorted = sorted.fork();
                hashed = hashed.fork();
            }
            int ops = 1 + rnd.nextInt(range < 100 ? 5 : 700); // enough at once to split and empty chunks
            for (int i = 0; i < ops; i++) {
                String k = key(rnd, range);
                if (rnd.nextInt(3) == 0) {
                    Integer was = model.remove(k);
                    assertEquals(was, sorted.remove(k));
                    assertEquals(was, hashed.remove(k));
                } else {
                    int v = rnd.nextInt();
                    assertEquals(model.get(k), sorted.put(k, v));
                    assertEquals(model.get(k), hashed.put(k, v));
                    model.put(k, v);
                }
            }
            if (step % 40 == 0) {
                assertSame(model, sorted, hashed);
            }
        }
        assertSame(model, sorted, hashed);
        for (Object[] s : snapshots) {
            @SuppressWarnings("unchecked")
            TreeMap<String, Integer> was = (TreeMap<String, Integer>) s[2];
            @SuppressWarnings("unchecked")
            CowSortedMap<Integer> sortedThen = (CowSortedMap<Integer>) s[0];
            @SuppressWarnings("unchecked")
            CowMap<Integer> hashedThen = (CowMap<Integer>) s[1];
            assertSame(was, sortedThen, hashedThen);
        }
    }

    private static void assertSame(TreeMap<String, Integer> model, CowSortedMap<Integer> sorted,
                                   CowMap<Integer> hashed) {
        assertEquals(model.size(), sorted.size());
        assertEquals(model.size(), hashed.size());
        assertEquals(new ArrayList<>(model.entrySet()), new ArrayList<>(sorted.entrySet()), "in key order");
        assertEquals(model, new TreeMap<>(hashed));
        for (Map.Entry<String, Integer> e : model.entrySet()) {
            assertEquals(e.getValue(), sorted.get(e.getKey()));
            assertEquals(e.getValue(), hashed.get(e.getKey()));
        }
        assertNull(sorted.get("absent"));
        assertNull(hashed.get("absent"));
    }
}
