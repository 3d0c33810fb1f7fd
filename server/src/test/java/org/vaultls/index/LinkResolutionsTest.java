package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

class LinkResolutionsTest {
    private static final VaultIndex VAULT = TestVault.of(
            "Home.md", "[[Plan]] [[Nowhere]] [[Twin]] ![[logo.png]] [[Plan#Goals]] [[#Top]] [[Plan]]\n# Top\n",
            "Plan.md", "# Plan\n## Goals\n",
            "a/Twin.md", "", "b/Twin.md", "",
            "logo.png", "").index();

    @Test
    void eachLinkResolvesAsTheIndexResolvesIt() {
        Note home = VAULT.note("Home.md").orElseThrow();
        LinkResolutions shared = VAULT.resolutions(home);
        List<Resolution> want = new ArrayList<>();
        List<Resolution> got = new ArrayList<>();
        for (int i = 0; i < home.links().size(); i++) {
            want.add(VAULT.resolve(home, home.links().get(i)));
            got.add(shared.at(i));
        }
        assertEquals(want, got);
        assertEquals(7, got.size());
        assertTrue(got.get(1).isBroken());
        assertTrue(got.get(2).ambiguous());
        assertTrue(got.get(3).isAttachment());
    }

    @Test
    void aNotesResolutionsAreMadeOnceAndShared() {
        VaultIndex index = VAULT.with(List.of(NoteParser.parse("Home.md", "[[Plan]] [[Nowhere]]\n")), List.of(), List.of(), List.of());
        Note home = index.note("Home.md").orElseThrow();
        LinkResolutions first = index.resolutions(home);
        first.at(0);
        first.at(0);
        LinkResolutions again = index.resolutions(home);
        again.at(0);
        again.at(1);
        assertSame(first, again);
        assertEquals(2, again.computed(), "each link resolved once");
    }

    @Test
    void aNewSnapshotStartsAfresh() {
        Note home = VAULT.note("Home.md").orElseThrow();
        LinkResolutions before = VAULT.resolutions(home);
        // Plan is gone in the next snapshot: the old answer must not leak into it
        VaultIndex next = VAULT.with(List.of(), List.of("Plan.md"), List.of(), List.of());
        LinkResolutions after = next.resolutions(next.note("Home.md").orElseThrow());
        assertNotSame(before, after);
        assertEquals("Plan.md", before.at(0).path());
        assertTrue(after.at(0).isBroken());
        // a note edited in place is a new Note, so it gets new resolutions too
        VaultIndex edited = VAULT.with(List.of(NoteParser.parse("Home.md", "[[Nowhere]]\n")), List.of(), List.of(), List.of());
        Note newHome = edited.note("Home.md").orElseThrow();
        assertTrue(edited.resolutions(newHome).at(0).isBroken());
    }

    @Test
    void onlyTheLastFewNotesAreKept() {
        Note home = VAULT.note("Home.md").orElseThrow();
        VaultIndex index = VAULT.with(List.of(NoteParser.parse("Other.md", "[[Plan]]\n")), List.of(), List.of(), List.of());
        Note kept = index.note("Home.md").orElseThrow();
        LinkResolutions first = index.resolutions(kept);
        for (int i = 0; i < VaultIndex.SHARED_RESOLUTIONS; i++) {
            index.resolutions(NoteParser.parse("n" + i + ".md", "[[Plan]]"));
        }
        assertNotSame(first, index.resolutions(kept), "the least recently asked note was dropped");
        assertSame(VAULT.resolutions(home), VAULT.resolutions(home));
    }

    @Test
    void threadsSharingANoteGetTheSameAnswers() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append(i % 3 == 0 ? "[[Plan]] " : i % 3 == 1 ? "[[Nowhere]] " : "[[Twin]] ");
        }
        VaultIndex index = VAULT.with(List.of(NoteParser.parse("Big.md", text.toString())), List.of(), List.of(), List.of());
        Note big = index.note("Big.md").orElseThrow();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Resolution>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    List<Resolution> out = new ArrayList<>();
                    LinkResolutions r = index.resolutions(big);
                    for (int i = 0; i < big.links().size(); i++) {
                        out.add(r.at(i));
                    }
                    return out;
                }));
            }
            List<Resolution> want = new ArrayList<>();
            for (Link l : big.links()) {
                want.add(index.resolve(big, l));
            }
            for (Future<List<Resolution>> f : runs) {
                assertEquals(want, f.get());
            }
            assertEquals(500, index.resolutions(big).computed());
        } finally {
            pool.shutdown();
        }
    }
}
