package org.vaultls.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * One edit to a vault as the index took it, worked out once where the index is patched
 * ({@link VaultIndex#apply}) and handed to whoever keeps something derived from the notes: the findings,
 * completion's caches, and later queries.
 *
 * <p>It says which notes were added, changed or removed (with their old and new versions), which
 * attachments came and went, and which names' resolution may differ: the name of a note that appeared or
 * vanished, and of one whose aliases, headings or block ids changed (what links can point at); the file
 * name of an attachment that came or went; the aliases of those notes. Names are in
 * {@link VaultIndex#linkNameKey} form, so {@code after().notesLinkingToName(name)} are the notes whose
 * links may now lead elsewhere. Owner tags are those of people whose tags changed.
 */
public final class VaultChange {
    private final VaultIndex before;
    private final VaultIndex after;
    private final Set<String> added;
    private final Set<String> changed;
    private final Set<String> removed;
    private final List<Note> oldVersions;
    private final List<Note> newVersions;
    private final Set<String> addedAttachments;
    private final Set<String> removedAttachments;
    private final Set<String> names;
    private final Set<String> ownerTags;
    private final boolean settingsChanged;

    private VaultChange(VaultIndex before, VaultIndex after, Collection<String> touchedNotes,
                        Collection<String> addedAtt, Collection<String> removedAtt) {
        this.before = before;
        this.after = after;
        Set<String> add = new TreeSet<>();
        Set<String> chg = new TreeSet<>();
        Set<String> rem = new TreeSet<>();
        List<Note> olds = new ArrayList<>();
        List<Note> news = new ArrayList<>();
        Set<String> nameKeys = new TreeSet<>();
        Set<String> owners = new TreeSet<>();
        for (String p : new TreeSet<>(touchedNotes)) {
            Note old = before.note(p).orElse(null);
            Note now = after.note(p).orElse(null);
            if (old == now) {
                continue; // nothing happened to this path
            }
            (old == null ? add : now == null ? rem : chg).add(p);
            if (old != null) {
                olds.add(old);
            }
            if (now != null) {
                news.add(now);
            }
            if (old == null || now == null || !sameSurface(old, now)) {
                nameKeys.add(VaultIndex.linkNameKey(p));
                for (Note n : new Note[] {old, now}) {
                    if (n != null) {
                        n.aliases().forEach(a -> nameKeys.add(VaultPaths.key(a)));
                    }
                }
            }
            List<String> oldTags = before.person(p).map(Person::ownerTags).orElse(List.of());
            List<String> newTags = after.person(p).map(Person::ownerTags).orElse(List.of());
            if (!oldTags.equals(newTags)) {
                oldTags.forEach(t -> owners.add(VaultPaths.key(t)));
                newTags.forEach(t -> owners.add(VaultPaths.key(t)));
            }
        }
        this.added = Collections.unmodifiableSet(add);
        this.changed = Collections.unmodifiableSet(chg);
        this.removed = Collections.unmodifiableSet(rem);
        this.oldVersions = Collections.unmodifiableList(olds);
        this.newVersions = Collections.unmodifiableList(news);
        this.addedAttachments = Collections.unmodifiableSet(new TreeSet<>(addedAtt));
        this.removedAttachments = Collections.unmodifiableSet(new TreeSet<>(removedAtt));
        addedAttachments.forEach(a -> nameKeys.add(VaultIndex.linkNameKey(a)));
        removedAttachments.forEach(a -> nameKeys.add(VaultIndex.linkNameKey(a)));
        this.names = Collections.unmodifiableSet(nameKeys);
        this.ownerTags = Collections.unmodifiableSet(owners);
        this.settingsChanged = !before.config().equals(after.config()) || !before.obsidian().equals(after.obsidian());
    }

    /**
     * The change from {@code before} to {@code after}, looking at the notes at {@code touchedNotes} and the
     * attachments really added and removed; a touched path whose note did not change is left out.
     */
    public static VaultChange between(VaultIndex before, VaultIndex after, Collection<String> touchedNotes,
                               Collection<String> addedAttachments, Collection<String> removedAttachments) {
        return new VaultChange(before, after, touchedNotes, addedAttachments, removedAttachments);
    }

    public VaultIndex before() {
        return before;
    }

    public VaultIndex after() {
        return after;
    }

    /** Paths of the notes that are new. */
    public Set<String> added() {
        return added;
    }

    /** Paths of the notes whose text changed in place. */
    public Set<String> changed() {
        return changed;
    }

    /** Paths of the notes that are gone. */
    public Set<String> removed() {
        return removed;
    }

    /** Added, changed and removed notes' paths, in path order. */
    public Set<String> touched() {
        Set<String> all = new TreeSet<>(added);
        all.addAll(changed);
        all.addAll(removed);
        return all;
    }

    /** The versions that left the index: removed notes, and the old text of changed ones. */
    public List<Note> oldVersions() {
        return oldVersions;
    }

    /** The versions that entered the index: added notes, and the new text of changed ones. */
    public List<Note> newVersions() {
        return newVersions;
    }

    public Set<String> addedAttachments() {
        return addedAttachments;
    }

    public Set<String> removedAttachments() {
        return removedAttachments;
    }

    /** Name keys ({@link VaultIndex#linkNameKey}) whose resolution may differ after the change. */
    public Set<String> names() {
        return names;
    }

    /** Owner tags (in key form) of people whose tags changed: tasks naming them may now be owned otherwise. */
    public Set<String> ownerTags() {
        return ownerTags;
    }

    /** True when a note or an attachment appeared or vanished: the vault's set of file names differs. */
    public boolean pathsChanged() {
        return !added.isEmpty() || !removed.isEmpty() || !addedAttachments.isEmpty()
                || !removedAttachments.isEmpty();
    }

    /** True when the vault's settings differ: everything derived from them must be made again. */
    public boolean settingsChanged() {
        return settingsChanged;
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty() && addedAttachments.isEmpty()
                && removedAttachments.isEmpty() && !settingsChanged;
    }

    @Override
    public String toString() {
        return "VaultChange[added=" + added + ", changed=" + changed + ", removed=" + removed + ", attachments +"
                + addedAttachments + " -" + removedAttachments + ", names=" + names + ", ownerTags=" + ownerTags
                + (settingsChanged ? ", settings" : "") + "]";
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
            if (x.level() != y.level() || !Objects.equals(VaultIndex.headingKey(x.text()),
                    VaultIndex.headingKey(y.text()))) {
                return false;
            }
        }
        for (int i = 0; i < a.blocks().size(); i++) {
            BlockId x = a.blocks().get(i);
            BlockId y = b.blocks().get(i);
            if (!x.id().equals(y.id())) {
                return false;
            }
        }
        return true;
    }
}
