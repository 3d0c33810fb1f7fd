package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.bench.GenerateVault;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * Completion on a generated 10,000-note vault stays under 10 ms per request at the 95th percentile,
 * both right after an edit made a new snapshot and on the same snapshot again. Time is the requesting
 * thread's CPU time, so other processes on a busy build machine do not count. Slow to set up (it
 * generates, loads and re-indexes the vault), so it runs only with {@code -Dvaultls.perf=true}.
 */
@EnabledIfSystemProperty(named = "vaultls.perf", matches = "true")
class CompletionPerformanceTest {
    private static final String[] TYPED = {"Met [[{|}", "Met [[a{|}", "Met [[mee{|}", "Met [[2025-1{|}",
        "Met [[Meetings/{|}", "Met [[xq{|}", "- [ ] Follow up @{|}", "- [ ] Follow up @an{|}", "Idea #{|}",
        "Idea #pro{|}", "---\ntype: {|}\n---\n", "---\n{|}\n---\n", "---\ntitle: a{|}\n---\n"};

    @Test
    void completesWithin10MillisecondsOn10000Notes(@TempDir Path dir) throws IOException {
        GenerateVault.generate(dir, 10_000, GenerateVault.DEFAULT_SEED);
        VaultConfig cfg = VaultConfig.defaults();
        VaultIndex index = new VaultLoader(dir, cfg, ObsidianSettings.load(dir, cfg.configFolder(), w -> { }), w -> { })
                .load();
        String path = index.notes().keySet().stream().filter(p -> p.startsWith("Daily/")).findFirst().orElseThrow();
        VaultIndex current = index;

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long[] settled = new long[TYPED.length * 2 * 10];
        int k = 0;
        for (int round = 0; round < 15; round++) {
            for (String typed : TYPED) {
                Cursor c = Cursor.parse(typed);
                // each keystroke patches the snapshot and hands its change to completion, as the server does
                VaultChange change = current.apply(List.of(NoteParser.parse(path, c.text())), List.of(), List.of(),
                        List.of());
                Completions.changed(change);
                VaultIndex snapshot = change.after();
                current = snapshot;
                Note note = snapshot.note(path).orElseThrow();
                long t0 = cpu.getCurrentThreadCpuTime();
                CompletionResult r = Completions.complete(snapshot, note, c.offset()); // right after the edit
                long afterEdit = cpu.getCurrentThreadCpuTime() - t0;
                t0 = cpu.getCurrentThreadCpuTime();
                Completions.complete(snapshot, note, c.offset()); // same snapshot again
                long again = cpu.getCurrentThreadCpuTime() - t0;
                if (round >= 5) { // the first rounds warm the JIT up
                    settled[k++] = afterEdit;
                    settled[k++] = again;
                }
                if (!typed.contains("xq")) {
                    assertFalse(r.items().isEmpty(), "nothing offered for " + typed);
                }
            }
        }
        Arrays.sort(settled);
        long p95 = settled[(int) (settled.length * 0.95)];
        System.out.printf("completion on %d notes (CPU time): p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", index.notes().size(),
                settled[settled.length / 2] / 1e6, p95 / 1e6, settled[settled.length - 1] / 1e6);
        assertTrue(p95 < 10_000_000L, "p95 " + p95 / 1e6 + " ms");
    }
    /** A text with a {@code {|}} cursor marker: the text without it and the marker's offset. */
    private record Cursor(String text, int offset) {
        static Cursor parse(String marked) {
            int at = marked.indexOf("{|}");
            return new Cursor(marked.substring(0, at) + marked.substring(at + 3), at);
        }
    }
}
