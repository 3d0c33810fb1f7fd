package org.vaultls.warm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.VaultDiagnostics;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;

/**
 * Findings of a vault made from stored ones ({@link StoredFindings}) and the notes that changed since:
 * the stored findings are taken as those of the vault as it was, the notes as they were come from the
 * note cache, and only the notes whose findings the change may alter are checked again, as the editor
 * does after an edit ({@link VaultDiagnostics#update}). The findings are those a full check gives.
 * Whenever the old vault cannot be rebuilt exactly (a changed note whose old version the note cache no
 * longer holds, unreadable findings), or so much changed that checking everything is as quick, it
 * answers null and the caller checks the whole vault. Used by a warm {@code check} and by the language
 * server's start.
 */
public final class WarmFindings {
    private static final Logger LOG = Logger.getLogger(WarmFindings.class.getName());
    /** Past this share of the vault's notes changed, a full check is about as fast and simpler. */
    public static final double MAX_TOUCHED_SHARE = 0.2;
    /** ... unless so few changed that the share does not matter (a small vault). */
    public static final int MIN_TOUCHED_LIMIT = 64;

    /**
     * What {@link #seed} did: how many notes and attachments changed since the findings were stored,
     * and how many notes' findings differ from the stored ones.
     */
    public record Seeded(int touched, int attachments, int changed) {
        /** True when nothing changed: the stored findings are the vault's as they are. */
        public boolean unchanged() {
            return touched == 0 && attachments == 0;
        }
    }

    private WarmFindings() {
    }

    /**
     * Makes {@code diagnostics} hold the findings of {@code index} (read by {@code loader}, whose last
     * load gave {@code keys}) from {@code stored} (made under the same settings and day) and the notes
     * that changed since; null when that cannot be done exactly, and then {@code diagnostics} is to be
     * {@link VaultDiagnostics#reset reset}.
     */
    public static Seeded seed(VaultDiagnostics diagnostics, StoredFindings.Stored stored, VaultLoader loader,
            VaultIndex index, List<VaultLoader.FileKey> keys) {
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
                        return null; // the note cache holds another version than the findings'
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
            StoredFindings.Report report = stored.report();
            if (report == null) {
                return null;
            }
            Map<String, List<Finding>> byNote = new HashMap<>();
            for (Finding f : report.findings()) {
                byNote.computeIfAbsent(f.path(), p -> new ArrayList<>()).add(f);
            }
            for (Map.Entry<String, List<Finding>> e : byNote.entrySet()) {
                e.setValue(List.copyOf(e.getValue()));
            }
            if (touched.isEmpty() && attachmentsAdded.isEmpty() && attachmentsRemoved.isEmpty()) {
                diagnostics.seed(byNote); // nothing changed: the stored findings are today's
                return new Seeded(0, 0, 0);
            }
            // the vault as the findings saw it: today's index with the touched notes put back as they were
            VaultIndex before = index.with(olds, added, attachmentsRemoved, attachmentsAdded);
            VaultChange change = VaultChange.between(before, index, touched, attachmentsAdded, attachmentsRemoved);
            diagnostics.seed(byNote);
            Map<String, List<Finding>> changed = diagnostics.update(change);
            return new Seeded(touched.size(), attachmentsAdded.size() + attachmentsRemoved.size(), changed.size());
        } catch (RuntimeException e) {
            // an old version that does not index (its text is not kept) or any other surprise: check all
            LOG.log(Level.FINE, "findings not made from the stored ones", e);
            return null;
        }
    }
}
