package org.vaultls.features.diagnostics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.Person;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Heading;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Task;
import org.vaultls.vault.VaultPaths;

/**
 * The findings of every note of a vault, kept up to date as notes change. After a change only the
 * notes whose findings could change are checked again: the changed notes; when a note appears,
 * vanishes or changes its aliases, headings or block ids, the notes linking to its name; when a
 * person's owner tags change, the notes with tasks naming them; when the set of names changes, the
 * notes whose broken-link messages suggest names. Not thread-safe: one updater owns it.
 */
public final class VaultDiagnostics {
    private final Map<String, List<Finding>> current = new HashMap<>();

    /** Checks the whole vault; returns the notes whose findings changed (on the first run, those with findings). */
    public Map<String, List<Finding>> reset(VaultIndex index) {
        Map<String, List<Finding>> changed = new LinkedHashMap<>();
        Set<String> gone = new HashSet<>(current.keySet());
        gone.removeAll(index.notes().keySet());
        gone.forEach(p -> {
            current.remove(p);
            changed.put(p, List.of());
        });
        Map<String, List<Finding>> all = new HashMap<>();
        index.notes().values().parallelStream()
                .map(n -> Map.entry(n.path(), Diagnostics.forNote(index, n)))
                .toList().forEach(e -> all.put(e.getKey(), e.getValue()));
        all.forEach((p, f) -> {
            List<Finding> before = current.put(p, f);
            // a note never reported and still clean needs no (empty) publication
            if (!f.equals(before == null ? List.of() : before)) {
                changed.put(p, f);
            }
        });
        return changed;
    }

    /** The findings now known, by note path. */
    public Map<String, List<Finding>> current() {
        return current;
    }

    /**
     * Brings the findings up to date after {@code changedNotes} (added, removed or edited notes) and
     * {@code changedAttachments} changed from {@code before} to {@code after}. Returns the notes whose
     * findings changed (an empty list for a note that is gone or now clean).
     */
    public Map<String, List<Finding>> update(VaultIndex before, VaultIndex after, Collection<String> changedNotes,
                                             Collection<String> changedAttachments) {
        Set<String> affected = new TreeSet<>();
        Set<String> nameKeys = new HashSet<>();
        Set<String> ownerKeys = new HashSet<>();
        boolean namesChanged = !changedAttachments.isEmpty();
        for (String a : changedAttachments) {
            nameKeys.add(VaultPaths.key(VaultPaths.fileName(a)));
        }
        for (String p : changedNotes) {
            Note old = before.note(p).orElse(null);
            Note now = after.note(p).orElse(null);
            if (now != null) {
                affected.add(p);
            }
            if (old == null || now == null) {
                namesChanged = true;
            }
            if (old == null || now == null || !sameSurface(old, now)) {
                nameKeys.add(VaultPaths.key(VaultPaths.stem(p)));
                for (Note n : new Note[] {old, now}) {
                    if (n != null) {
                        n.aliases().forEach(a -> nameKeys.add(VaultPaths.key(a)));
                    }
                }
            }
            List<String> oldTags = before.person(p).map(Person::ownerTags).orElse(List.of());
            List<String> newTags = after.person(p).map(Person::ownerTags).orElse(List.of());
            if (!oldTags.equals(newTags)) {
                oldTags.forEach(t -> ownerKeys.add(VaultPaths.key(t)));
                newTags.forEach(t -> ownerKeys.add(VaultPaths.key(t)));
            }
        }
        if (!before.config().equals(after.config()) || !before.obsidian().equals(after.obsidian())) {
            affected.addAll(after.notes().keySet());
        } else if (!nameKeys.isEmpty() || !ownerKeys.isEmpty() || namesChanged) {
            // the notes linking to the names or naming the owners, from the index's maps
            Set<String> linking = new HashSet<>();
            for (String k : nameKeys) { // a link names k as it is, or as the file name of a path ending in k
                linking.addAll(after.notesLinkingToName(k));
                linking.addAll(after.notesLinkingToName(VaultIndex.linkNameKey(k)));
            }
            for (String k : ownerKeys) {
                after.tasksTagged(k).forEach(t -> linking.add(t.path()));
            }
            for (String p : linking) {
                Note n = after.note(p).orElse(null);
                if (n != null && (linksTo(n, nameKeys) || ownsTasksOf(n, ownerKeys))) {
                    affected.add(p);
                }
            }
            // the notes whose suggestions may change, from the findings they have now
            for (String p : current.keySet()) {
                if (((namesChanged && has(p, FindingCode.BROKEN_LINK))
                        || (!ownerKeys.isEmpty() && has(p, FindingCode.UNKNOWN_OWNER))) && after.note(p).isPresent()) {
                    affected.add(p);
                }
            }
        }
        Map<String, List<Finding>> changed = new LinkedHashMap<>();
        for (String p : changedNotes) {
            if (after.note(p).isEmpty() && current.remove(p) != null) {
                changed.put(p, List.of());
            }
        }
        for (String p : affected) {
            Note n = after.note(p).orElse(null);
            if (n == null) {
                continue;
            }
            List<Finding> f = Diagnostics.forNote(after, n);
            if (!f.equals(current.put(p, f))) {
                changed.put(p, f);
            }
        }
        return changed;
    }

    private boolean has(String path, FindingCode code) {
        for (Finding f : current.getOrDefault(path, List.of())) {
            if (f.code() == code) {
                return true;
            }
        }
        return false;
    }

    private static boolean linksTo(Note n, Set<String> nameKeys) {
        if (nameKeys.isEmpty()) {
            return false;
        }
        for (Link l : n.links()) {
            if (!l.isSameNote() && nameKeys.contains(VaultPaths.key(VaultPaths.stem(l.target())))) {
                return true;
            }
            if (!l.isSameNote() && !l.target().contains("/") && nameKeys.contains(VaultPaths.key(l.target()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownsTasksOf(Note n, Set<String> ownerKeys) {
        if (ownerKeys.isEmpty()) {
            return false;
        }
        for (Task t : n.tasks()) {
            for (OwnerRef o : t.owners()) {
                if (ownerKeys.contains(VaultPaths.key(o.name()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when nothing other notes can link to (aliases, headings, block ids) differs. */
    private static boolean sameSurface(Note a, Note b) {
        if (!a.aliases().equals(b.aliases()) || a.headings().size() != b.headings().size()
                || a.blocks().size() != b.blocks().size()) {
            return false;
        }
        for (int i = 0; i < a.headings().size(); i++) {
            Heading x = a.headings().get(i);
            Heading y = b.headings().get(i);
            if (x.level() != y.level() || !Objects.equals(VaultIndex.headingKey(x.text()), VaultIndex.headingKey(y.text()))) {
                return false;
            }
        }
        List<String> ia = new ArrayList<>();
        List<String> ib = new ArrayList<>();
        a.blocks().stream().map(BlockId::id).forEach(ia::add);
        b.blocks().stream().map(BlockId::id).forEach(ib::add);
        return ia.equals(ib);
    }
}
