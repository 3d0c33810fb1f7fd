package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * Which notes were edited last, most recent first, as each snapshot of a session knows it: Obsidian's
 * link suggester offers the recently edited files first when nothing is typed yet after {@code [[}.
 * The order follows the index's changes ({@link #follow}): the notes a change adds or changes go to the
 * front, removed ones drop out. A change of many notes at once (a vault loaded, a folder renamed, a
 * rename's link updates) is no edit of the user's and leaves the order alone. A snapshot never followed
 * (a vault just loaded, a test's) has no recent notes. Snapshots are held weakly.
 */
final class EditOrder {
    /** How many recent notes are kept. */
    static final int KEEP = 20;
    /** The largest change that counts as the user editing notes. */
    private static final int EDIT_SIZE = 3;

    private static final Map<VaultIndex, List<String>> ORDERS = new WeakHashMap<>();

    private EditOrder() {
    }

    /** The paths of the recently edited notes of {@code index}, most recent first. */
    static synchronized List<String> of(VaultIndex index) {
        return ORDERS.getOrDefault(index, List.of());
    }

    /** Carries the order of {@code change.before()} to {@code change.after()}, with the edited notes first. */
    static synchronized void follow(VaultChange change) {
        List<String> before = ORDERS.getOrDefault(change.before(), List.of());
        int edited = change.added().size() + change.changed().size();
        if (edited == 0 && change.removed().isEmpty() && before.isEmpty()) {
            return;
        }
        List<String> after = new ArrayList<>(KEEP);
        if (edited <= EDIT_SIZE) {
            for (Note n : change.newVersions()) {
                after.add(n.path());
            }
        }
        for (String p : before) {
            if (after.size() < KEEP && !after.contains(p) && !change.removed().contains(p)) {
                after.add(p);
            }
        }
        ORDERS.put(change.after(), List.copyOf(after));
    }
}
