package org.vaultls.features.lens;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.Location;
import org.vaultls.features.dataview.BlockResults;
import org.vaultls.features.dataview.DataviewLenses;
import org.vaultls.text.Dates;
import org.vaultls.features.query.References;
import org.vaultls.features.query.References.LinkSite;
import org.vaultls.features.query.References.Site;
import org.vaultls.features.query.Title;
import org.vaultls.index.Person;
import org.vaultls.index.TaskRef;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * The reference counts shown above a note. Above its title (its title heading, else its frontmatter
 * title line, else its first line; see {@link Title}): "N backlinks", the links from other notes that
 * resolve to it. For a person, also their open tasks (tasks carrying one of their {@code @Owner} tags)
 * and the day they were last mentioned: the latest date among the notes that link to them or name
 * them in a task, a note's date being its frontmatter {@code date}, else the first {@code YYYY-MM-DD}
 * in its file name (daily and meeting notes); undated notes do not count. Above each heading that links
 * reach ({@code [[Note#Heading]]}, also through a sub-heading chain, and the note's own
 * {@code [[#Heading]]}): "N references". Above each dataview block: a summary of its result
 * ({@link DataviewLenses}).
 *
 * <p>All counts come from one {@link References#ofFile} walk (the notes the index lists as linking to
 * the note's name), and each link's heading chain is matched once, so a note with many headings costs
 * what its backlinks cost, not headings times backlinks.
 */
public final class CodeLenses {
    private static final Pattern NAME_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private CodeLenses() {
    }

    /** The lenses of {@code note}: its title lens first, its heading lenses in heading order, its blocks' lenses. */
    public static List<Lens> of(VaultIndex index, Note note, CancelCheck cancel) {
        List<Site> sites = References.ofFile(index, note.path(), false);
        cancel.check();
        List<Location> backlinks = new ArrayList<>();
        List<Location> mentions = new ArrayList<>();
        Map<Heading, List<Location>> byHeading = new LinkedHashMap<>();
        Optional<Heading> titleHeading = Title.heading(note);
        Function<List<String>, Optional<Heading>> headings = VaultIndex.headingFinder(note);
        for (Site s : sites) {
            if (s instanceof LinkSite l) {
                if (!l.path().equals(note.path())) {
                    backlinks.add(s.location());
                    mentions.add(s.location());
                }
                headingsThrough(headings, l.link(), byHeading, s.location());
            } else {
                mentions.add(s.location()); // an @Owner tag of one of a person's tasks
            }
        }
        List<Lens> out = new ArrayList<>();
        out.add(new Lens(Title.declaration(note), titleText(index, note, backlinks.size(), mentions),
                mentions));
        for (Heading h : note.headings()) {
            List<Location> refs = byHeading.get(h);
            if (refs != null && !titleHeading.filter(h::equals).isPresent()) {
                out.add(new Lens(h.span(), count(refs.size(), "reference"), refs));
            }
        }
        DataviewLenses.of(index, note, BlockResults.SHARED, Dates.defaultClock(), cancel)
                .forEach(b -> out.add(new Lens(b.span(), b.title(), b.places())));
        return out;
    }

    /** Adds the link to each heading its chain passes through ({@code A#B} reaches A and B). */
    private static void headingsThrough(Function<List<String>, Optional<Heading>> headings, Link link,
            Map<Heading, List<Location>> out, Location at) {
        List<String> chain = link.headings();
        Heading last = null;
        for (int i = 0; i < chain.size(); i++) {
            Optional<Heading> h = headings.apply(chain.subList(0, i + 1));
            if (h.isPresent() && !h.get().equals(last)) {
                out.computeIfAbsent(h.get(), k -> new ArrayList<>()).add(at);
                last = h.get();
            }
        }
    }

    private static String titleText(VaultIndex index, Note note, int backlinks, List<Location> mentions) {
        String text = count(backlinks, "backlink");
        Optional<Person> person = index.person(note.path());
        if (person.isEmpty()) {
            return text;
        }
        long open = index.tasksOwnedBy(person.get()).stream().map(TaskRef::task).filter(t -> t.isOpen()).count();
        text += " · " + count((int) open, "open task");
        LocalDate last = null;
        Map<String, Optional<LocalDate>> dated = new HashMap<>();
        for (Location l : mentions) {
            Optional<LocalDate> d = dated.computeIfAbsent(l.path(), p -> index.note(p).flatMap(CodeLenses::dateOf));
            if (d.isPresent() && (last == null || d.get().isAfter(last))) {
                last = d.get();
            }
        }
        return last == null ? text : text + " · last mentioned " + last;
    }

    /** A note's day: its frontmatter {@code date}, else the first date in its file name. */
    static Optional<LocalDate> dateOf(Note note) {
        Optional<LocalDate> field = note.frontmatter().flatMap(f -> f.string("date")).flatMap(Dates::day);
        if (field.isPresent()) {
            return field;
        }
        Matcher m = NAME_DATE.matcher(note.name());
        return m.find() ? Dates.day(m.group()) : Optional.empty();
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
