package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.features.completion.CrmVault.DAILY;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.vaultls.index.VaultIndex;

class VaultTalliesTest {
    private final Snapshots start = Snapshots.of(CrmVault.of().index());

    private static Map<String, Integer> counted(Tally tally) {
        Map<String, Integer> out = new TreeMap<>();
        for (Tally.Count c : tally.counts()) {
            out.put(c.key(), c.notes());
        }
        return out;
    }

    /** The counts carried over from the snapshot before equal those counted afresh. */
    private static VaultTallies assertSameAsFresh(VaultIndex index) {
        VaultTallies carried = VaultTallies.of(index);
        VaultTallies fresh = VaultTallies.fresh(index);
        assertEquals(counted(fresh.tags), counted(carried.tags), "tags");
        assertEquals(counted(fresh.keys), counted(carried.keys), "keys");
        for (String key : counted(fresh.keys).keySet()) {
            assertEquals(counted(fresh.values(key)), counted(carried.values(key)), "values of " + key);
        }
        return carried;
    }

    @Test
    void countsEachTagOncePerNote() {
        Map<String, Integer> tags = counted(VaultTallies.fresh(start.index()).tags);
        assertEquals(2, tags.get("project/apollo"));
        assertEquals(1, tags.get("followup"));
    }

    @Test
    void followsEditsAcrossSnapshots() {
        VaultTallies.of(start.index());
        Snapshots tagged = start.with(DAILY, "---\ntype: daily\ntags: [project/apollo]\n---\n#followup");
        assertEquals(3, counted(assertSameAsFresh(tagged.index()).tags).get("project/apollo"));
        Snapshots retyped = tagged.with(DAILY, "---\ntype: project\n---\n");
        VaultTallies counts = assertSameAsFresh(retyped.index());
        assertEquals(2, counted(counts.tags).get("project/apollo"));
        assertEquals(3, counted(counts.values("type")).get("project"));
    }

    @Test
    void followsNotesAddedAndRemoved() {
        VaultTallies.of(start.index());
        Snapshots grown = start.with("Projects/Zephyr.md", "---\nstatus: active\n---\n#zephyr");
        assertEquals(1, counted(assertSameAsFresh(grown.index()).tags).get("zephyr"));
        Snapshots shrunk = grown.without("Projects/Apollo.md").without("People/Bob Kowalski.md");
        VaultTallies counts = assertSameAsFresh(shrunk.index());
        assertEquals(1, counted(counts.tags).get("type/people"));
        assertEquals(null, counted(counts.values("status")).get("planning"));
    }
}
