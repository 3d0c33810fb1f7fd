package org.vaultls.features.hint;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaultls.features.CancelCheck;
import org.vaultls.text.Dates;
import org.vaultls.index.Person;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Task;
import org.vaultls.vault.VaultPaths;

/**
 * Labels the editor shows inline, after the text they explain:
 * <ul>
 * <li>after a bare wikilink {@code [[name]]} (no display text, no subpath) to a note whose frontmatter
 * {@code title} is not its file name (as Obsidian compares names), that title;</li>
 * <li>after an {@code @Owner} tag of a person, their role · company (what of the two is known);</li>
 * <li>at the end of an open task with a due date ({@code 📅} or {@code [due:: ]}), "due today",
 * "in 3 days" or "overdue 2 days", counted from the clock's today.</li>
 * </ul>
 * Only the hints whose place lies in {@code [from, to]} are made, so an editor asking for the visible
 * lines of a long note pays for those lines.
 */
public final class InlayHints {
    private static final Comparator<Hint> ORDER = Comparator.comparingInt(Hint::at);

    private InlayHints() {
    }

    /** The hints placed between offsets {@code from} and {@code to}, in text order. */
    public static List<Hint> of(VaultIndex index, Note note, int from, int to, Clock clock, CancelCheck cancel) {
        List<Hint> out = new ArrayList<>();
        List<Resolution> resolved = index.resolutions(note); // the link check's, after an edit
        List<Link> links = note.links();
        // a long note links the same notes and names the same people many times: each one's title and
        // card line are looked up once per request
        Map<String, Optional<Title>> titles = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            int at = l.span().endOffset();
            if (at >= from && at <= to && titled(l)) {
                title(index, l, resolved.get(i), titles).ifPresent(t -> out.add(hint(note, at, t, Hint.Kind.TITLE)));
            }
        }
        cancel.check();
        LocalDate today = LocalDate.now(clock);
        Map<String, Optional<String>> cards = new HashMap<>();
        for (Task task : note.tasks()) {
            for (OwnerRef o : task.owners()) {
                int at = o.span().endOffset();
                if (at >= from && at <= to) {
                    cards.computeIfAbsent(o.name(), name -> index.personByOwnerTag(name)
                                    .flatMap(InlayHints::roleAndCompany))
                            .ifPresent(t -> out.add(hint(note, at, t, Hint.Kind.PERSON)));
                }
            }
            int end = task.span().endOffset();
            if (task.isOpen() && end >= from && end <= to) {
                Dates.day(task.fields().get("due"))
                        .ifPresent(d -> out.add(hint(note, end, due(today, d), Hint.Kind.DUE)));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** Whether a link may show its note's title: a bare wikilink to a whole other note. */
    private static boolean titled(Link l) {
        return l.kind() == Link.Kind.WIKI && !l.embed() && l.alias() == null && !l.hasSubpath() && !l.isSameNote();
    }

    /**
     * The title a titled link's note (resolved to {@code r}) has in place of its name, if any; a note's
     * title and the comparison forms of title and file name are made once per request ({@code seen}).
     */
    private static Optional<String> title(VaultIndex index, Link l, Resolution r, Map<String, Optional<Title>> seen) {
        if (r.isBroken() || r.isAttachment()) {
            return Optional.empty();
        }
        return seen.computeIfAbsent(r.path(), path -> index.note(path).map(Note::title)
                        .map(title -> new Title(title, VaultPaths.key(title)))
                        .filter(t -> !t.key().equals(VaultPaths.key(VaultPaths.stem(path)))))
                .filter(t -> !t.key().equals(VaultPaths.key(l.target()))).map(Title::text);
    }

    /** A note's title, and its comparison form ({@link VaultPaths#key}). */
    private record Title(String text, String key) {
    }

    private static Optional<String> roleAndCompany(Person p) {
        List<String> parts = new ArrayList<>();
        if (p.role() != null && !p.role().isBlank()) {
            parts.add(plain(p.role()));
        }
        if (p.company() != null && !p.company().isBlank()) {
            parts.add(plain(p.company()));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
    }

    /** A value as read: {@code [[Northwind Traders]]} reads "Northwind Traders", {@code [[N|Alias]]} "Alias". */
    private static String plain(String value) {
        String v = value.strip();
        if (v.startsWith("[[") && v.endsWith("]]") && v.length() > 4) {
            v = v.substring(2, v.length() - 2);
            int bar = v.indexOf('|');
            v = bar >= 0 ? v.substring(bar + 1) : v;
        }
        return v.strip();
    }

    /** "due today", "in 1 day", "in 3 days", "overdue 1 day", "overdue 2 days". */
    static String due(LocalDate today, LocalDate due) {
        long days = ChronoUnit.DAYS.between(today, due);
        if (days == 0) {
            return "due today";
        }
        long n = Math.abs(days);
        String count = n + (n == 1 ? " day" : " days");
        return days > 0 ? "in " + count : "overdue " + count;
    }

    private static Hint hint(Note note, int at, String label, Hint.Kind kind) {
        return new Hint(at, note.lines().pos(at), label, kind);
    }
}
