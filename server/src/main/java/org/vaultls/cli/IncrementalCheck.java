package org.vaultls.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.VaultDiagnostics;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;

/**
 * A warm {@code check} after some notes changed: the last check's report (its {@link FindingsCache}) is
 * taken as the findings of the vault as it was, the notes as they were come from the note cache, and
 * only the notes whose findings the change may alter are checked again, as the editor does after an
 * edit ({@link VaultDiagnostics#update}). The report is the one a full check gives. Whenever the old
 * vault cannot be rebuilt exactly (a changed note whose old version the note cache no longer holds, an
 * unreadable report), or so much changed that checking everything is as quick, it answers null and
 * the caller checks the whole vault.
 */
final class IncrementalCheck {
    private static final Logger LOG = Logger.getLogger(IncrementalCheck.class.getName());
    /** Past this share of the vault's notes changed, a full check is about as fast and simpler. */
    static final double MAX_TOUCHED_SHARE = 0.2;
    /** ... unless so few changed that the share does not matter (a small vault). */
    static final int MIN_TOUCHED_LIMIT = 64;
    /** How many checks this process answered incrementally (for tests: proof the path was taken). */
    static final AtomicInteger ANSWERED = new AtomicInteger();

    private IncrementalCheck() {
    }

    /**
     * The findings of {@code index} for {@code check}, sorted as {@code Diagnostics.forVault} sorts them,
     * made from {@code stored} (a report under the same settings and day) and the notes that changed
     * since; null when that cannot be done exactly (then check the whole vault).
     */
    static List<Finding> findings(FindingsCache.Stored stored, VaultLoader loader, VaultIndex index,
            List<VaultLoader.FileKey> keys, Clock today, PrintStream err, boolean timing) {
        long t0 = System.nanoTime();
        try {
            Map<String, VaultLoader.FileKey> now = new HashMap<>(keys.size() * 2);
            keys.forEach(k -> now.put(k.path(), k));
            Set<String> touched = new TreeSet<>();
            List<Note> olds = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (VaultLoader.FileKey k : keys) {
                VaultLoader.FileKey was = stored.notes.get(k.path());
                if (was == null) {
                    added.add(k.path());
                    touched.add(k.path());
                } else if (!was.equals(k)) {
                    touched.add(k.path());
                }
            }
            for (VaultLoader.FileKey was : stored.notes.values()) {
                if (!now.containsKey(was.path())) {
                    touched.add(was.path());
                }
            }
            if (touched.size() > MIN_TOUCHED_LIMIT
                    && touched.size() > MAX_TOUCHED_SHARE * Math.max(keys.size(), stored.notes.size())) {
                return null;
            }
            for (String p : touched) {
                VaultLoader.FileKey was = stored.notes.get(p);
                if (was != null) {
                    Note old = loader.cachedVersion(was).orElse(null);
                    if (old == null) {
                        return null; // the note cache holds another version than the report's
                    }
                    olds.add(old);
                }
            }
            Set<String> attachmentsNow = new HashSet<>(index.attachments());
            Set<String> attachmentsThen = new HashSet<>(stored.attachments);
            List<String> attachmentsAdded = index.attachments().stream().filter(a -> !attachmentsThen.contains(a))
                    .toList();
            List<String> attachmentsRemoved = stored.attachments.stream().filter(a -> !attachmentsNow.contains(a))
                    .toList();
            FindingsCache.Report report = stored.report();
            if (report == null) {
                return null;
            }
            // the vault as the report saw it: today's index with the touched notes put back as they were
            VaultIndex before = index.with(olds, added, attachmentsRemoved, attachmentsAdded);
            VaultChange change = VaultChange.between(before, index, touched, attachmentsAdded, attachmentsRemoved);
            Map<String, List<Finding>> byNote = new HashMap<>();
            for (Finding f : report.findings()) {
                byNote.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f);
            }
            VaultDiagnostics diagnostics = new VaultDiagnostics(today, false);
            diagnostics.seed(byNote);
            Map<String, List<Finding>> changed = diagnostics.update(change);
            // each note's findings are sorted, and the report is sorted by path first
            List<Finding> all = new ArrayList<>(report.findings().size() + 16);
            new TreeMap<>(diagnostics.current()).values().forEach(all::addAll);
            if (timing) {
                err.println("vault-ls: timing: incremental check of " + touched.size() + " changed notes, "
                        + changed.size() + " notes' findings changed, in " + (System.nanoTime() - t0) / 1_000_000
                        + " ms");
            }
            ANSWERED.incrementAndGet();
            return all;
        } catch (RuntimeException e) {
            // an old version that does not index (its text is not kept) or any other surprise: check all
            LOG.log(Level.FINE, "incremental check gave up", e);
            return null;
        }
    }
}
