package org.vaultls.features.completion;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;

/**
 * What completion derived from the last few snapshots asked about, so the next snapshot's can be
 * carried over a {@link NoteDiff} instead of built from every note. The index's {@link VaultChange}s are
 * followed as they happen ({@link #follow}), cheaply: a followed snapshot only notes the diff since one
 * whose value is made, and the value is carried over when a request asks for it. A few are kept, not
 * one, so that two vaults open side by side do not rebuild on each other's requests. Holds snapshots
 * weakly.
 *
 * @param <T> the derived value
 */
final class Recent<T> {
    private static final int KEEP = 4;

    /** A snapshot's value, or the value of an earlier one and the notes that changed since. */
    private static final class Entry<T> {
        final WeakReference<VaultIndex> index;
        T value;
        T earlier;
        NoteDiff since;

        Entry(VaultIndex index, T value, T earlier, NoteDiff since) {
            this.index = new WeakReference<>(index);
            this.value = value;
            this.earlier = earlier;
            this.since = since;
        }
    }

    /** Derives a snapshot's value from an earlier one's and the notes that changed since. */
    interface Carry<T> {
        T apply(T earlier, NoteDiff diff, VaultIndex index);
    }

    private final List<Entry<T>> entries = new ArrayList<>();

    /** True when the value for {@code index} is made. */
    synchronized boolean holds(VaultIndex index) {
        Entry<T> e = find(index);
        return e != null && e.value != null;
    }

    /**
     * Follows a change of a snapshot kept here to its next one, which then carries the value over; a
     * change to a snapshot not kept here, or one too large to be worth carrying, is left alone.
     */
    synchronized void follow(VaultChange change) {
        Entry<T> from = find(change.before());
        if (from == null || find(change.after()) != null) {
            return;
        }
        NoteDiff diff = NoteDiff.of(change);
        T earlier = from.value != null ? from.value : from.earlier;
        NoteDiff since = from.value != null ? diff : from.since.then(diff);
        if (since.size() > Math.max(16, change.after().notes().size() / 8)) {
            return; // starting afresh is as quick
        }
        keep(new Entry<>(change.after(), null, earlier, since));
    }

    /**
     * The value for {@code index}: the one kept for it, else one carried over from an earlier snapshot
     * by {@code carry}, else {@code build}'s.
     */
    synchronized T get(VaultIndex index, Function<VaultIndex, T> build, Carry<T> carry) {
        Entry<T> e = find(index);
        if (e == null) {
            e = new Entry<>(index, build.apply(index), null, null);
        } else if (e.value == null) {
            e.value = carry.apply(e.earlier, e.since, index);
            e.earlier = null;
            e.since = null;
        }
        entries.remove(e);
        keep(e);
        return e.value;
    }

    private Entry<T> find(VaultIndex index) {
        for (Entry<T> e : entries) {
            if (e.index.get() == index) {
                return e;
            }
        }
        return null;
    }

    /**
     * Keeps {@code e} first, and up to {@link #KEEP} made values and as many followed snapshots: a burst of
     * keystrokes in one vault never pushes out the made value of another, and a request that still holds
     * the snapshot before the last keystroke finds it followed.
     */
    private void keep(Entry<T> e) {
        entries.add(0, e);
        entries.removeIf(x -> x.index.get() == null);
        int made = 0;
        int followed = 0;
        for (var it = entries.iterator(); it.hasNext(); ) {
            Entry<T> x = it.next();
            if (x.value != null ? ++made > KEEP : ++followed > KEEP) {
                it.remove();
            }
        }
    }
}
