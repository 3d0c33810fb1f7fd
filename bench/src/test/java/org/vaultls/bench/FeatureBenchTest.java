package org.vaultls.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;

class FeatureBenchTest {

    @TempDir
    Path tmp;

    private Path vault() throws IOException {
        Path v = tmp.resolve("vault");
        GenerateVault.generate(v, 200, 42);
        return v;
    }

    @Test
    void theLargeNoteLinksOnlyToNotesAndPeopleTheVaultHas() throws IOException {
        Path v = vault();
        LspBench.Workload w = LspBench.Workload.scan(v, new Random(1));
        FeatureBench.LargeNote note = FeatureBench.LargeNote.build(w.people, w.noteNames, 500, new Random(2),
                LocalDate.of(2026, 12, 3));
        note.write(v);
        VaultIndex index = new VaultLoader(v, VaultConfig.defaults(), ObsidianSettings.defaults(), x -> { })
                .load((d, t) -> { });
        Note n = index.note(FeatureBench.LargeNote.path()).orElseThrow();
        assertEquals(501, n.headings().size());
        assertEquals(note.headings, n.headings().size());
        assertTrue(n.links().size() >= 4 * 500, n.links().size() + " links");
        assertTrue(n.tasks().size() >= 600, n.tasks().size() + " tasks");
        List<FindingCode> linkProblems = List.of(FindingCode.BROKEN_LINK, FindingCode.BROKEN_HEADING,
                FindingCode.UNKNOWN_OWNER);
        List<Finding> bad = new ArrayList<>();
        for (Finding f : Diagnostics.forNote(index, n)) {
            if (linkProblems.contains(f.code())) {
                bad.add(f);
            }
        }
        assertEquals(List.of(), bad);
        assertEquals("Bench edit: [[" + note.editPerson + "]]", n.text().lines().toList().get(note.editLine));
        assertEquals(FeatureBench.LINKING_NOTES, note.linking.size());
        for (String path : note.linking.keySet()) {
            assertTrue(index.note(path).isPresent(), path);
        }
    }

    @Test
    void measuresEveryRowOnACopyAndLeavesTheVaultAsItWas() throws IOException {
        Path v = vault();
        long before;
        try (var files = Files.walk(v)) {
            before = files.count();
        }
        FeatureBench.Options o = FeatureBench.parse(new String[] {v.toString(), "--iterations", "3", "--warmup", "1",
            "--headings", "30", "--log", tmp.resolve("server.log").toString()});
        FeatureBench.Result r = FeatureBench.run(o);
        assertEquals(0, r.exitCode);
        assertEquals(0, r.serverErrors);
        assertTrue(r.lenses > 1 && r.tokens > 0 && r.hints > 0, r.lenses + " " + r.tokens + " " + r.hints);
        assertEquals(3, r.lens.size());
        assertEquals(3, r.tokensDelta.size());
        assertEquals(List.of(FeatureBench.Config.values()), List.copyOf(r.rounds.keySet()));
        r.rounds.values().forEach(round -> assertEquals(3, round.diagnostics.size()));
        assertEquals(2, r.offRounds.size());
        assertEquals(0, r.offMentions);
        assertTrue(r.json(o).contains("\"diagLensAddedP50Ms\":"), r.json(o));
        assertTrue(r.table(o).contains("didChange alone (baseline)"));
        assertFalse(Files.exists(v.resolve(FeatureBench.FOLDER)));
        try (var files = Files.walk(v)) {
            assertEquals(before, files.count());
        }
    }
    @Test
    void theTargetJudgesEachFeatureAloneNotTheThreeTogether() {
        FeatureBench.Result r = new FeatureBench.Result();
        r.rounds = new java.util.EnumMap<>(FeatureBench.Config.class);
        java.util.Map<FeatureBench.Config, double[]> diagnostics = java.util.Map.of(FeatureBench.Config.BASELINE,
                new double[] {100, 102}, FeatureBench.Config.LENS, new double[] {103, 104},
                FeatureBench.Config.TOKENS, new double[] {102, 104}, FeatureBench.Config.HINTS, new double[] {104, 105},
                FeatureBench.Config.ALL, new double[] {110, 112});
        diagnostics.forEach((c, v) -> {
            FeatureBench.Round round = new FeatureBench.Round();
            for (double d : v) {
                round.diagnostics.add(d);
            }
            r.rounds.put(c, round);
        });
        assertTrue(r.addedWithinTarget(), "each of lens, tokens and hints adds at most 5 ms; the three together +10");
        FeatureBench.Round slower = new FeatureBench.Round();
        for (double d : new double[] {118, 120, 122}) {
            slower.diagnostics.add(d);
        }
        r.rounds.put(FeatureBench.Config.HINTS, slower);
        assertFalse(r.addedWithinTarget(), "hints now add about 19 ms");
    }
}
