package org.vaultls.features.navigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.Location;
import org.vaultls.features.navigation.ElementAt.BlockAt;
import org.vaultls.features.navigation.ElementAt.Element;
import org.vaultls.features.navigation.ElementAt.HeadingAt;
import org.vaultls.features.navigation.ElementAt.LinkAt;
import org.vaultls.features.navigation.ElementAt.OwnerAt;
import org.vaultls.features.navigation.ElementAt.TagAt;
import org.vaultls.features.navigation.ElementAt.TitleAt;
import org.vaultls.index.Person;
import org.vaultls.index.Resolution;
import org.vaultls.index.TaskRef;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;
import org.vaultls.vault.VaultPaths;

/**
 * Find references: every place in the vault that points where the element under the cursor points.
 * A note's references are its backlinks (links of any subpath that resolve to it); a heading's or
 * block's are only the links to that heading (compared as Obsidian compares headings) or block. A
 * person is also pointed at by the {@code @Owner} tags of their tasks. Tags are found by name,
 * case-insensitively as Obsidian does.
 *
 * <p>Only the notes that the index lists as linking to a file of the target's name are read, and only
 * their links of that name are resolved (a link can only resolve to a file of its own name), so the
 * cost follows the number of backlinks, not the size of the vault.
 */
final class References {
    private static final Comparator<Location> ORDER = Comparator.comparing(Location::path)
            .thenComparingInt(l -> l.span().startOffset());

    private References() {
    }

    static List<Location> of(VaultIndex index, Note note, Element element, boolean includeDeclaration,
            CancelCheck cancel) {
        Set<Location> out = new LinkedHashSet<>();
        Optional<Location> declaration = Optional.empty();
        if (element instanceof LinkAt l) {
            declaration = link(index, note, l.link(), out, cancel);
        } else if (element instanceof OwnerAt o) {
            Optional<Person> p = index.personByOwnerTag(o.owner().name());
            if (p.isPresent() && index.note(p.get().path()).isPresent()) {
                Note person = index.note(p.get().path()).get();
                noteRefs(index, person, out, cancel);
                declaration = Optional.of(new Location(person.path(), titleSpan(person)));
            } else {
                sameOwnerTag(index, o.owner().name(), out, cancel);
            }
        } else if (element instanceof TitleAt t) {
            noteRefs(index, note, out, cancel);
            declaration = Optional.of(new Location(note.path(), t.span()));
        } else if (element instanceof HeadingAt h) {
            headingRefs(index, note, h.heading(), out, cancel);
            declaration = Optional.of(new Location(note.path(), h.heading().span()));
        } else if (element instanceof BlockAt b) {
            blockRefs(index, note.path(), b.block().id(), out, cancel);
            declaration = Optional.of(new Location(note.path(), b.block().span()));
        } else if (element instanceof TagAt t) {
            sameTag(index, t.tag().name(), out, cancel);
        }
        if (includeDeclaration) {
            declaration.ifPresent(out::add);
        }
        List<Location> sorted = new ArrayList<>(out);
        sorted.sort(ORDER);
        return sorted;
    }

    /** Collects the references of the link's target; returns the target's own place. */
    private static Optional<Location> link(VaultIndex index, Note note, Link link, Set<Location> out,
            CancelCheck cancel) {
        Resolution r = index.resolve(note, link);
        if (r.isBroken()) {
            String key = VaultPaths.key(VaultPaths.stripMd(link.target()));
            linksNamed(index, link.target(), (n, l) -> index.resolve(n, l).isBroken()
                    && VaultPaths.key(VaultPaths.stripMd(l.target())).equals(key), out, cancel);
            return Optional.empty();
        }
        if (r.isAttachment()) {
            linksTo(index, r.path(), l -> true, out, cancel);
            return Optional.of(new Location(r.path(), Landing.TOP));
        }
        Note target = link.isSameNote() ? note : index.note(r.path()).orElse(null);
        if (target == null) {
            return Optional.empty();
        }
        if (!link.headings().isEmpty()) {
            Optional<Heading> h = VaultIndex.findHeading(target, link.headings());
            if (h.isPresent()) {
                headingRefs(index, target, h.get(), out, cancel);
                return Optional.of(new Location(target.path(), h.get().span()));
            }
            String want = VaultIndex.headingKey(last(link.headings()));
            linksTo(index, target.path(), l -> !l.headings().isEmpty()
                    && VaultIndex.findHeading(target, l.headings()).isEmpty()
                    && VaultIndex.headingKey(last(l.headings())).equals(want), out, cancel);
            return Optional.empty();
        }
        if (link.blockId() != null) {
            blockRefs(index, target.path(), link.blockId(), out, cancel);
            return VaultIndex.findBlock(target, link.blockId()).map(b -> new Location(target.path(), b.span()));
        }
        noteRefs(index, target, out, cancel);
        return Optional.of(new Location(target.path(), titleSpan(target)));
    }

    /** Backlinks of a note, and for a person the {@code @Owner} tags of their tasks. */
    private static void noteRefs(VaultIndex index, Note target, Set<Location> out, CancelCheck cancel) {
        linksTo(index, target.path(), l -> true, out, cancel);
        index.person(target.path()).ifPresent(p -> ownerTagsOf(index, p, out));
    }

    private static void headingRefs(VaultIndex index, Note target, Heading heading, Set<Location> out,
            CancelCheck cancel) {
        linksTo(index, target.path(), l -> !l.headings().isEmpty()
                && VaultIndex.findHeading(target, l.headings()).filter(heading::equals).isPresent(), out, cancel);
    }

    private static void blockRefs(VaultIndex index, String path, String id, Set<Location> out,
            CancelCheck cancel) {
        linksTo(index, path, l -> id.equals(l.blockId()), out, cancel);
    }

    private static void ownerTagsOf(VaultIndex index, Person person, Set<Location> out) {
        Set<String> keys = new LinkedHashSet<>();
        person.ownerTags().forEach(t -> keys.add(VaultPaths.key(t)));
        for (TaskRef ref : index.tasksOwnedBy(person)) {
            for (OwnerRef o : ref.task().owners()) {
                if (keys.contains(VaultPaths.key(o.name()))) {
                    out.add(new Location(ref.path(), o.span()));
                }
            }
        }
    }

    private static void sameOwnerTag(VaultIndex index, String name, Set<Location> out, CancelCheck cancel) {
        String key = VaultPaths.key(name);
        for (Note n : index.notes().values()) {
            cancel.check();
            for (Task t : n.tasks()) {
                for (OwnerRef o : t.owners()) {
                    if (VaultPaths.key(o.name()).equals(key)) {
                        out.add(new Location(n.path(), o.span()));
                    }
                }
            }
        }
    }

    private static void sameTag(VaultIndex index, String name, Set<Location> out, CancelCheck cancel) {
        String key = VaultPaths.key(name);
        for (Note n : index.notes().values()) {
            cancel.check();
            for (Tag t : n.tags()) {
                if (VaultPaths.key(t.name()).equals(key)) {
                    out.add(new Location(n.path(), t.span()));
                }
            }
        }
    }

    /** Links that resolve to {@code path} and pass {@code keep}. */
    private static void linksTo(VaultIndex index, String path, Predicate<Link> keep, Set<Location> out,
            CancelCheck cancel) {
        linksNamed(index, path, (n, l) -> keep.test(l) && path.equals(index.resolve(n, l).path()), out, cancel);
    }

    /**
     * Links whose file name is that of {@code path} (and same-note links inside {@code path}) that pass
     * {@code keep}. Every way Obsidian resolves a link (exact path, path suffix, relative path) ends in
     * the file name, so no other link can lead there; the index knows which notes hold such links, so
     * only those are read.
     */
    private static void linksNamed(VaultIndex index, String path, LinkTest keep, Set<Location> out,
            CancelCheck cancel) {
        String name = VaultPaths.stem(path.replace('\\', '/'));
        String nameKey = VaultPaths.key(name);
        Set<String> holders = new java.util.TreeSet<>(index.notesLinkingToName(VaultIndex.linkNameKey(path)));
        holders.add(path); // its own [[#Heading]] links
        for (String holder : holders) {
            cancel.check();
            Note n = index.note(holder).orElse(null);
            if (n == null) {
                continue;
            }
            for (Link l : n.links()) {
                boolean candidate = l.isSameNote() ? n.path().equals(path) : sameName(l.target(), name, nameKey);
                if (candidate && keep.test(n, l)) {
                    out.add(new Location(n.path(), l.span()));
                }
            }
        }
    }

    /**
     * True when the file name of a link's target (without {@code .md}) is {@code name} as Obsidian
     * compares names. Plain ASCII is compared in place, since this runs for every link of the vault.
     */
    static boolean sameName(String target, String name, String nameKey) {
        int from = Math.max(target.lastIndexOf('/'), target.lastIndexOf('\\')) + 1;
        int end = target.length();
        if (end - from > 3 && target.regionMatches(true, end - 3, ".md", 0, 3)) {
            end -= 3;
        }
        if (end - from == name.length() && target.regionMatches(true, from, name, 0, name.length())) {
            return true;
        }
        if (isAscii(target, from, end) && isAscii(name, 0, name.length())) {
            return false;
        }
        return VaultPaths.key(target.substring(from, end)).equals(nameKey);
    }

    private static boolean isAscii(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** A test of a link written in a note. */
    private interface LinkTest {
        boolean test(Note from, Link link);
    }

    /** The place of a note's title: its first H1, its frontmatter title line, else its top. */
    static Span titleSpan(Note note) {
        return ElementAt.titleHeading(note).map(Heading::span)
                .or(() -> ElementAt.titleField(note)).orElse(Landing.TOP);
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }
}
