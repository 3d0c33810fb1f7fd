package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultls.index.VaultIndex;

/**
 * What completion carries over the index's changes equals what it builds afresh, after random runs of
 * edits, creations and deletions, with a request only now and then (so diffs are composed over many
 * changes).
 */
class CarriedCachesParanoidTest {
    private static final List<String> PATHS = List.of("Daily/2026-01-02.md", "People/Ada Berg.md", "Projects/Z.md",
            "Notes/a.md", "Notes/b.md");
    private static final List<String> TEXTS = List.of("", "#followup", "---\naliases: [Zed]\ntags: [x]\n---\n",
            "---\nstatus: active\n---\n#project/apollo", "---\ntitle: Other title\n---\n[[Ada]]",
            "---\ntype: people\naliases: [Addy]\nrole: CTO\n---\n");

    /** The targets, each with the folded forms the ranker reads for it. */
    private static List<String> targets(LinkTargets t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.notesAndAliases.length; i++) {
            LinkTargets.Target x = t.notesAndAliases[i];
            StringBuilder forms = new StringBuilder();
            for (int e = t.noteNames.first(i); e < t.noteNames.first(i) + t.noteNames.forms(i); e++) {
                forms.append(" | ").append(t.noteNames.chars(), t.noteNames.start(e), t.noteNames.length(e));
            }
            out.add(x.kind() + " " + x.label() + " " + x.path() + forms);
        }
        assertEquals(t.notesAndAliases.length, t.noteNames.items());
        return out;
    }

    /** The people, each with the folded forms the ranker reads for them. */
    private static List<String> people(OwnerTargets t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.people.length; i++) {
            StringBuilder forms = new StringBuilder();
            for (int e = t.names.first(i); e < t.names.first(i) + t.names.forms(i); e++) {
                forms.append(" | ").append(t.names.chars(), t.names.start(e), t.names.length(e));
            }
            out.add(t.people[i] + forms.toString());
        }
        assertEquals(t.people.length, t.names.items());
        return out;
    }

    private static Map<String, Integer> counted(Tally tally) {
        Map<String, Integer> out = new TreeMap<>();
        for (Tally.Count c : tally.counts()) {
            out.put(c.key(), c.notes());
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void carriedEqualsFreshAfterRandomChanges(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Snapshots s = Snapshots.of(CrmVault.of().index());
        LinkTargets.of(s.index());
        OwnerTargets.of(s.index());
        VaultTallies.of(s.index());
        for (int step = 0; step < 150; step++) {
            String path = PATHS.get(rnd.nextInt(PATHS.size()));
            s = rnd.nextInt(4) == 0 ? s.without(path) : s.with(path, TEXTS.get(rnd.nextInt(TEXTS.size())) + step);
            if (rnd.nextInt(10) == 0 || step == 149) {
                VaultIndex index = s.index();
                String where = "seed " + seed + " step " + step;
                assertEquals(targets(LinkTargets.fresh(index)), targets(LinkTargets.of(index)), where);
                assertEquals(people(OwnerTargets.fresh(index)), people(OwnerTargets.of(index)), where);
                VaultTallies fresh = VaultTallies.fresh(index);
                VaultTallies carried = VaultTallies.of(index);
                assertEquals(counted(fresh.tags), counted(carried.tags), where);
                assertEquals(counted(fresh.keys), counted(carried.keys), where);
                for (String key : counted(fresh.keys).keySet()) {
                    assertEquals(counted(fresh.values(key)), counted(carried.values(key)), where + " " + key);
                }
            }
        }
    }
}
