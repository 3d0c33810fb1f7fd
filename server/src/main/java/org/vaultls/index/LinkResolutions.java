package org.vaultls.index;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * Where each of one note's links leads in one snapshot, resolved once when first asked and then
 * shared: the link check, the semantic tokens and the inlay hints of an open note all walk its links
 * right after an edit, and a note with thousands of links would otherwise resolve each of them three
 * times. Slot {@code i} is {@code note.links().get(i)}. Safe to share between threads: a slot two
 * threads fill at once gets equal values, and {@link Resolution} is immutable.
 *
 * <p>Made by {@link VaultIndex#resolutions}, which keeps the last few per snapshot; a new snapshot
 * starts empty, so an answer never outlives the maps it was read from.
 */
public final class LinkResolutions {
    private final VaultIndex index;
    private final Note note;
    private final List<Link> links;
    private final AtomicReferenceArray<Resolution> slots;
    private final AtomicInteger computed = new AtomicInteger();

    LinkResolutions(VaultIndex index, Note note) {
        this.index = index;
        this.note = note;
        this.links = note.links();
        this.slots = new AtomicReferenceArray<>(links.size());
    }

    /** The note these are the links of. */
    public Note note() {
        return note;
    }

    /** Where the note's {@code i}th link leads (as {@link VaultIndex#resolve}). */
    public Resolution at(int i) {
        Resolution r = slots.get(i);
        if (r == null) {
            r = index.resolve(note, links.get(i));
            if (slots.compareAndSet(i, null, r)) {
                computed.incrementAndGet();
            } else {
                r = slots.get(i);
            }
        }
        return r;
    }

    /** How many links have been resolved so far: each at most once, however often asked. */
    public int computed() {
        return computed.get();
    }
}
