package org.vaultls.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.VaultDiagnostics;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.warm.StoredFindings;
import org.vaultls.warm.WarmFindings;

/**
 * A warm {@code check} after some notes changed: the last check's report ({@link StoredFindings#CHECK})
 * and the notes that changed since make the report a full check gives ({@link WarmFindings}), or null
 * when they cannot, and the caller checks the whole vault.
 */
final class IncrementalCheck {
    /** How many checks this process answered incrementally (for tests: proof the path was taken). */
    static final AtomicInteger ANSWERED = new AtomicInteger();

    private IncrementalCheck() {
    }

    /**
     * The findings of {@code index} for {@code check}, sorted as {@code Diagnostics.forVault} sorts them,
     * made from {@code stored} (a report under the same settings and day) and the notes that changed
     * since; null when that cannot be done exactly (then check the whole vault).
     */
    static List<Finding> findings(StoredFindings.Stored stored, VaultLoader loader, VaultIndex index,
            List<VaultLoader.FileKey> keys, Clock today, PrintStream err, boolean timing) {
        long t0 = System.nanoTime();
        VaultDiagnostics diagnostics = new VaultDiagnostics(today, false);
        WarmFindings.Seeded seeded = WarmFindings.seed(diagnostics, stored, loader, index, keys);
        if (seeded == null) {
            return null;
        }
        // each note's findings are sorted, and the report is sorted by path first
        List<Finding> all = new ArrayList<>();
        new TreeMap<>(diagnostics.current()).values().forEach(all::addAll);
        if (timing) {
            err.println("vault-ls: timing: incremental check of " + seeded.touched() + " changed notes, "
                    + seeded.changed() + " notes' findings changed, in " + (System.nanoTime() - t0) / 1_000_000
                    + " ms");
        }
        ANSWERED.incrementAndGet();
        return all;
    }
}
