package org.vaultls.features.diagnostics;

import org.vaultls.text.Dates;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.Person;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Note;
import org.vaultls.vault.Task;

/**
 * The dates of a note. {@code invalid-date}: a date that does not exist (month 13, February 30) in
 * the frontmatter (a value shaped like {@code YYYY-MM-DD}, and any value of a property that Obsidian's
 * {@code types.json} types {@code date} or {@code datetime}), in a Tasks-plugin emoji field
 * ({@code 📅 ⏳ 🛫 ➕ ✅ ❌}) or in a Dataview inline field ({@code [due:: ...]}, {@code (due:: ...)},
 * or a {@code due:: ...} line). {@code overdue-task}: an open task whose due date is before today.
 * {@code stale-contact}: a person whose {@code last_contact} is more than {@code staleContactDays}
 * days ago (only when that setting is given). Today comes from the clock passed in.
 */
final class DateCheck implements NoteCheck {
    static final Pattern EMOJI_DATE = Pattern.compile(
            "(\uD83D\uDCC5|\u23F3|\uD83D\uDEEB|\u2795|\u2705|\u274C)\uFE0F?[ \\t]*(\\d{4}-\\d{2}-\\d{2})");
    /** {@code [key:: value]} or {@code (key:: value)}, anywhere in a line. */
    private static final Pattern BRACKETED_FIELD = Pattern.compile(
            "[\\[(]([\\p{L}\\p{N}_][\\p{L}\\p{N}_ \\-]*)::[ \\t]*([^\\])\\r\\n]*)[\\])]");
    /** {@code key:: value} as a whole line, also as a list item or task. */
    private static final Pattern LINE_FIELD = Pattern.compile(
            "^[ \\t>]*(?:(?:[-*+]|\\d{1,9}[.)])[ \\t]+(?:\\[.\\][ \\t]+)?)?([\\p{L}\\p{N}_][\\p{L}\\p{N}_ \\-]*)::[ \\t]*(.*?)[ \\t]*$");

    private final Clock clock;

    DateCheck(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean isLinkCheck() {
        return true; // templates hold placeholders such as {{date}}
    }

    @Override
    public void check(Note note, VaultIndex index, List<Finding> out) {
        LocalDate today = LocalDate.now(clock);
        note.frontmatter().filter(Frontmatter::isValid).ifPresent(fm -> frontmatter(note, index, fm, out));
        inlineFields(note, out);
        for (Task t : note.tasks()) {
            task(note, t, today, out);
        }
        index.config().staleContactDays().ifPresent(days -> index.person(note.path())
                .ifPresent(p -> staleContact(note, p, days, today, out)));
    }

    private void frontmatter(Note note, VaultIndex index, Frontmatter fm, List<Finding> out) {
        for (Frontmatter.Field f : fm.fields()) {
            String type = index.obsidian().propertyType(f.key());
            boolean typed = "date".equals(type) || "datetime".equals(type);
            if (f.value() instanceof String s) {
                value(note, f, s, typed, type, out);
            } else if (f.value() instanceof List<?> items) {
                for (Object item : items) {
                    if (item instanceof String s) {
                        value(note, f, s, false, type, out);
                    }
                }
            }
        }
    }

    private void value(Note note, Frontmatter.Field f, String value, boolean typed, String type, List<Finding> out) {
        String v = value.strip();
        if (v.isEmpty()) {
            return;
        }
        Span at = within(note, f.valueSpan(), v);
        Optional<String> problem = Dates.problem(v);
        if (problem.isPresent()) {
            out.add(invalid(note, at, v, problem.get()));
        } else if (typed && !Dates.isDateShaped(v) && !(v.startsWith("[[") && v.endsWith("]]"))) {
            // a link in a date property ("[[2022-04]]", a month note) is a link: the link check checks it
            out.add(NoteCheck.finding(note, FindingCode.INVALID_DATE, at, "'" + v + "' is not a date: the property '"
                    + f.key() + "' has the type " + type + " in Obsidian (types.json); write it as YYYY-MM-DD"
                    + ("datetime".equals(type) ? " or YYYY-MM-DDTHH:MM" : "")));
        }
    }

    /** The first place {@code text} is written inside {@code span}, else the whole span. */
    private static Span within(Note note, Span span, String text) {
        if (span == null) {
            return note.lines().span(0, 0);
        }
        int i = note.text().indexOf(text, span.startOffset());
        return i >= 0 && i + text.length() <= span.endOffset() ? note.lines().span(i, i + text.length()) : span;
    }

    private static Finding invalid(Note note, Span at, String date, String problem) {
        return NoteCheck.finding(note, FindingCode.INVALID_DATE, at, "'" + date + "' is not a date: " + problem);
    }

    /** Dataview inline fields in the note's prose whose value is shaped like a date. */
    private static void inlineFields(Note note, List<Finding> out) {
        String text = note.text();
        int from = 0;
        for (int i = text.indexOf("::"); i >= 0; i = text.indexOf("::", Math.max(i + 2, from))) {
            int line = note.lines().lineOf(i);
            int start = note.lines().lineStart(line);
            int end = note.lines().lineEnd(line);
            from = end;
            Matcher whole = LINE_FIELD.matcher(text).region(start, end);
            if (whole.find()) {
                field(note, whole.start(1), whole.group(2), whole.start(2), out);
                continue;
            }
            Matcher b = BRACKETED_FIELD.matcher(text).region(start, end);
            while (b.find()) {
                String v = b.group(2).strip();
                field(note, b.start(1), v, b.start(2), out);
            }
        }
    }

    private static void field(Note note, int keyAt, String value, int valueAt, List<Finding> out) {
        if (!note.regions().isProse(keyAt)) {
            return; // code, comments, HTML and the frontmatter hold no inline fields
        }
        Optional<String> problem = Dates.problem(value);
        if (problem.isPresent()) {
            int at = note.text().indexOf(value, valueAt);
            out.add(invalid(note, note.lines().span(at, at + value.length()), value, problem.get()));
        }
    }

    private static void task(Note note, Task t, LocalDate today, List<Finding> out) {
        String text = note.text();
        Span dueAt = null;
        Matcher m = EMOJI_DATE.matcher(text).region(t.span().startOffset(), t.span().endOffset());
        while (m.find()) {
            if (!note.regions().isProse(m.start())) {
                continue;
            }
            Span at = note.lines().span(m.start(2), m.end(2));
            Optional<String> problem = Dates.problem(m.group(2));
            if (problem.isPresent()) {
                out.add(invalid(note, at, m.group(2), problem.get()));
            } else if (dueAt == null && m.group(1).equals("\uD83D\uDCC5")) {
                dueAt = at;
            }
        }
        if (!t.isOpen()) {
            return;
        }
        Optional<LocalDate> due = Dates.day(t.fields().get("due"));
        if (due.isEmpty() || !due.get().isBefore(today)) {
            return;
        }
        if (dueAt == null) {
            String d = t.fields().get("due");
            int i = text.indexOf(d, t.span().startOffset());
            dueAt = i >= 0 && i < t.span().endOffset() ? note.lines().span(i, i + d.length()) : t.span();
        }
        long days = ChronoUnit.DAYS.between(due.get(), today);
        out.add(NoteCheck.finding(note, FindingCode.OVERDUE_TASK, dueAt, "Task due " + due.get() + ", "
                + Dates.ago(days) + ", is still open"));
    }

    private static void staleContact(Note note, Person p, int days, LocalDate today, List<Finding> out) {
        Frontmatter.Field f = note.frontmatter().flatMap(fm -> fm.field("last_contact")).orElse(null);
        if (f == null || !(f.value() instanceof String s)) {
            return;
        }
        Optional<LocalDate> last = Dates.day(s);
        if (last.isEmpty()) {
            return;
        }
        long since = ChronoUnit.DAYS.between(last.get(), today);
        if (since > days) {
            out.add(NoteCheck.finding(note, FindingCode.STALE_CONTACT, within(note, f.valueSpan(), s.strip()),
                    "Last contact with " + p.title() + " was " + last.get() + ", " + Dates.ago(since)
                            + ", more than the " + days + " days of staleContactDays"));
        }
    }
}
