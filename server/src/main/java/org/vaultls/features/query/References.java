package org.vaultls.features.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.Location;
import org.vaultls.features.query.ElementAt.BlockAt;
import org.vaultls.features.query.ElementAt.Element;
import org.vaultls.features.query.ElementAt.HeadingAt;
import org.vaultls.features.query.ElementAt.LinkAt;
import org.vaultls.features.query.ElementAt.OwnerAt;
import org.vaultls.features.query.ElementAt.TagAt;
import org.vaultls.features.query.ElementAt.TitleAt;
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
import org.vaultls.vault.VaultPaths;

/**
 * The sites that point where an element points: what find references lists and what rename rewrites,
 * so the two can never disagree. A note's sites are its backlinks (links of any subpath that resolve to
 * it) and, for a person, the {@code @Owner} tags of their tasks; a heading's are the links whose heading
 * chain passes through it ({@code [[Note#Heading]]}, {@code [[Note#Heading#Sub]]}, compared as Obsidian
 * compares headings); a block's are the links to that block. Tags are found by name,
 * case-insensitively as Obsidian does, with their nested tags ({@code #project} finds
 * {@code #project/alpha}, not {@code #projects}), the tags a tag rename rewrites. The declaration is the target itself: the note's title (see
 * {@link Title}), the heading line or the block id.
 *
 * <p>Only the notes that the index lists as linking to a file of the target's name are read, and only
 * their links of that name are resolved (a link can only resolve to a file of its own name), so the
 * cost follows the number of backlinks, not the size of the vault.
 */
public final class References {
    private static final Comparator<Site> ORDER = Comparator.comparing(Site::path)
            .thenComparingInt(s -> s.span().startOffset());

    private References() {
    }

    /** One place that points at the target, or the target itself. */
    public sealed interface Site permits LinkSite, OwnerSite, TagSite, Declaration {
        /** The note (or file) the site is in. */
        String path();

        /** Where the site is written. */
        Span span();

        default Location location() {
            return new Location(path(), span());
        }
    }

    /** A link or embed in {@code note}; the span is the whole link. */
    public record LinkSite(Note note, Link link) implements Site {
        @Override
        public String path() {
            return note.path();
        }

        @Override
        public Span span() {
            return link.span();
        }
    }

    /** An {@code @Owner} tag of a task. */
    public record OwnerSite(String path, OwnerRef owner) implements Site {
        @Override
        public Span span() {
            return owner.span();
        }
    }

    /** A tag (its span leaves out the {@code #}). */
    public record TagSite(String path, Tag tag) implements Site {
        @Override
        public Span span() {
            return tag.span();
        }
    }

    /** The target itself: a note's title, a heading line, a block id, or the top of an attachment. */
    public record Declaration(String path, Span span) implements Site {
    }

    /** The sites of what {@code element} points at, in path and offset order. */
    public static List<Site> of(VaultIndex index, Note note, Element element, boolean includeDeclaration) {
        return of(index, note, element, includeDeclaration, CancelCheck.NEVER);
    }

    /** {@link #of(VaultIndex, Note, Element, boolean)}, stopping with the request when it is cancelled. */
    public static List<Site> of(VaultIndex index, Note note, Element element, boolean includeDeclaration,
            CancelCheck cancel) {
        Sites out = new Sites(note, cancel);
        if (element instanceof LinkAt l) {
            out.declaration = link(index, note, l.link(), out);
        } else if (element instanceof OwnerAt o) {
            Optional<Person> p = index.personByOwnerTag(o.owner().name());
            if (p.isPresent() && index.note(p.get().path()).isPresent()) {
                Note person = index.note(p.get().path()).get();
                noteRefs(index, person, out);
                out.declaration = new Declaration(person.path(), Title.declaration(person));
            } else {
                sameOwnerTag(index, o.owner().name(), out);
            }
        } else if (element instanceof TitleAt t) {
            noteRefs(index, note, out);
            out.declaration = new Declaration(note.path(), t.span());
        } else if (element instanceof HeadingAt h) {
            Sites heading = new Sites(note, cancel);
            headingRefs(index, note, h.heading(), heading);
            heading.declaration = new Declaration(note.path(), h.heading().span());
            return heading.sorted(includeDeclaration);
        } else if (element instanceof BlockAt b) {
            blockRefs(index, note.path(), b.block().id(), out);
            out.declaration = new Declaration(note.path(), b.block().span());
        } else if (element instanceof TagAt t) {
            sameTag(index, t.tag().name(), out);
        }
        return out.sorted(includeDeclaration);
    }

    /**
     * The sites of a file: for a note its backlinks, a person's owner tags, and its title; for an
     * attachment its links and embeds, and its top.
     */
    public static List<Site> ofFile(VaultIndex index, String path, boolean includeDeclaration) {
        Sites out = new Sites(null, CancelCheck.NEVER);
        Optional<Note> note = index.note(path);
        if (note.isPresent()) {
            noteRefs(index, note.get(), out);
            out.declaration = new Declaration(path, Title.declaration(note.get()));
        } else {
            linksTo(index, path, l -> true, out);
            out.declaration = new Declaration(path, Title.TOP);
        }
        return out.sorted(includeDeclaration);
    }

    /** The sites of {@code heading} of {@code target}: the links through it, and the heading line. */
    public static List<Site> ofHeading(VaultIndex index, Note target, Heading heading, boolean includeDeclaration) {
        Sites out = new Sites(target, CancelCheck.NEVER);
        headingRefs(index, target, heading, out);
        out.declaration = new Declaration(target.path(), heading.span());
        return out.sorted(includeDeclaration);
    }

    /** The places of the sites, in their order. */
    public static List<Location> locations(List<Site> sites) {
        List<Location> out = new ArrayList<>(sites.size());
        sites.forEach(s -> out.add(s.location()));
        return out;
    }

    /** Collects the references of the link's target; returns the target's own place. */
    private static Declaration link(VaultIndex index, Note note, Link link, Sites out) {
        Resolution r = index.resolve(note, link);
        if (r.isBroken()) {
            String key = VaultPaths.key(VaultPaths.stripMd(link.target()));
            linksNamed(index, link.target(), (n, l) -> index.resolve(n, l).isBroken()
                    && VaultPaths.key(VaultPaths.stripMd(l.target())).equals(key), out);
            return null;
        }
        if (r.isAttachment()) {
            linksTo(index, r.path(), l -> true, out);
            return new Declaration(r.path(), Title.TOP);
        }
        Note target = link.isSameNote() ? note : index.note(r.path()).orElse(null);
        if (target == null) {
            return null;
        }
        if (!link.headings().isEmpty()) {
            Optional<Heading> h = VaultIndex.findHeading(target, link.headings());
            if (h.isPresent()) {
                headingRefs(index, target, h.get(), out);
                return new Declaration(target.path(), h.get().span());
            }
            String want = VaultIndex.headingKey(last(link.headings()));
            linksTo(index, target.path(), l -> !l.headings().isEmpty()
                    && VaultIndex.findHeading(target, l.headings()).isEmpty()
                    && VaultIndex.headingKey(last(l.headings())).equals(want), out);
            return null;
        }
        if (link.blockId() != null) {
            blockRefs(index, target.path(), link.blockId(), out);
            return VaultIndex.findBlock(target, link.blockId()).map(b -> new Declaration(target.path(), b.span()))
                    .orElse(null);
        }
        noteRefs(index, target, out);
        return new Declaration(target.path(), Title.declaration(target));
    }

    /** Backlinks of a note, and for a person the {@code @Owner} tags of their tasks. */
    private static void noteRefs(VaultIndex index, Note target, Sites out) {
        linksTo(index, target.path(), l -> true, out);
        index.person(target.path()).ifPresent(p -> ownerTagsOf(index, p, out));
    }

    /** Links whose heading chain passes through {@code heading}: renaming it would change them. */
    private static void headingRefs(VaultIndex index, Note target, Heading heading, Sites out) {
        linksTo(index, target.path(), l -> throughHeading(target, l.headings(), heading), out);
    }

    private static boolean throughHeading(Note target, List<String> chain, Heading heading) {
        for (int i = 0; i < chain.size(); i++) {
            if (VaultIndex.findHeading(target, chain.subList(0, i + 1)).filter(heading::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static void blockRefs(VaultIndex index, String path, String id, Sites out) {
        linksTo(index, path, l -> id.equals(l.blockId()), out);
    }

    private static void ownerTagsOf(VaultIndex index, Person person, Sites out) {
        Set<String> keys = new LinkedHashSet<>();
        person.ownerTags().forEach(t -> keys.add(VaultPaths.key(t)));
        for (TaskRef ref : index.tasksOwnedBy(person)) {
            for (OwnerRef o : ref.task().owners()) {
                if (keys.contains(VaultPaths.key(o.name()))) {
                    out.add(new OwnerSite(ref.path(), o));
                }
            }
        }
    }

    private static void sameOwnerTag(VaultIndex index, String name, Sites out) {
        String key = VaultPaths.key(name);
        for (TaskRef ref : index.tasksWithOwnerTag(name)) {
            out.cancel.check();
            for (OwnerRef o : ref.task().owners()) {
                if (VaultPaths.key(o.name()).equals(key)) {
                    out.add(new OwnerSite(ref.path(), o));
                }
            }
        }
    }

    private static void sameTag(VaultIndex index, String name, Sites out) {
        String key = VaultPaths.key(name);
        for (Note n : index.notes().values()) {
            out.cancel.check();
            for (Tag t : n.tags()) {
                String k = VaultPaths.key(t.name());
                if (k.equals(key) || k.startsWith(key + "/")) { // #project finds #project/alpha, as rename renames it
                    out.add(new TagSite(n.path(), t));
                }
            }
        }
    }

    /** Links that resolve to {@code path} and pass {@code keep}. */
    private static void linksTo(VaultIndex index, String path, Predicate<Link> keep, Sites out) {
        linksNamed(index, path, (n, l) -> keep.test(l) && path.equals(index.resolve(n, l).path()), out);
    }

    /**
     * Links whose file name is that of {@code path} (and same-note links inside {@code path}) that pass
     * {@code keep}. Every way Obsidian resolves a link (exact path, path suffix, relative path) ends in
     * the file name, so no other link can lead there; the index knows which notes hold such links, so
     * only those are read.
     */
    private static void linksNamed(VaultIndex index, String path, LinkTest keep, Sites out) {
        String name = VaultPaths.stem(path.replace('\\', '/'));
        String nameKey = VaultPaths.key(name);
        Set<String> holders = new TreeSet<>(index.notesLinkingToName(VaultIndex.linkNameKey(path)));
        holders.add(path); // its own [[#Heading]] links
        if (out.self != null) {
            holders.add(out.self.path()); // its text may be newer than the index's list of holders
        }
        for (String holder : holders) {
            out.cancel.check();
            boolean self = out.self != null && out.self.path().equals(holder);
            Note n = self ? out.self : index.note(holder).orElse(null);
            if (n == null) {
                continue;
            }
            for (Link l : n.links()) {
                boolean candidate = l.isSameNote() ? n.path().equals(path) : sameName(l.target(), name, nameKey);
                if (candidate && keep.test(n, l)) {
                    out.add(new LinkSite(n, l));
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

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }

    /**
     * The sites found so far, one per place, and the declaration once known. {@code self} is the note
     * the request is about, read for its own links in place of the index's copy, so that the spans of
     * its sites are spans of the text the request saw.
     */
    private static final class Sites {
        final Map<Location, Site> byPlace = new LinkedHashMap<>();
        final Note self;
        final CancelCheck cancel;
        Declaration declaration;

        Sites(Note self, CancelCheck cancel) {
            this.self = self;
            this.cancel = cancel;
        }

        void add(Site s) {
            byPlace.putIfAbsent(s.location(), s);
        }

        List<Site> sorted(boolean includeDeclaration) {
            if (includeDeclaration && declaration != null) {
                add(declaration);
            }
            List<Site> out = new ArrayList<>(byPlace.values());
            out.sort(ORDER);
            return out;
        }
    }
}
