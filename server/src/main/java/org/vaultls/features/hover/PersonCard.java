package org.vaultls.features.hover;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.text.Dates;
import org.vaultls.index.Person;
import org.vaultls.index.Resolution;
import org.vaultls.index.TaskRef;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * The card of a person: name, role and company, last contact, key facts, and the open tasks that carry
 * one of their {@code @Owner} tags anywhere in the vault (a task is open unless it is done {@code [x]}
 * or cancelled {@code [-]}), soonest due first, each with the note that holds it; a task whose due
 * date is before today is marked overdue, as the overdue-task check reports it. Wikilinks in the key
 * facts that resolve become markdown links to the target's URI, so they can be followed from the card.
 */
final class PersonCard {
    static final int MAX_FACTS = 5;
    static final int MAX_TASKS = 5;
    /** Earliest due date first, undated last, as the seed notes' dataview {@code SORT due ASC} lists them. */
    private static final Comparator<TaskRef> BY_DUE = Comparator.comparing(
            (TaskRef t) -> t.task().fields().get("due"), Comparator.nullsLast(Comparator.naturalOrder()));

    private PersonCard() {
    }

    /** The card with links in the key facts left as written. */
    static String markdown(VaultIndex index, Person p, LocalDate today) {
        return markdown(index, p, null, today);
    }

    /** The card; {@code uriOf} turns a vault path into the URI its links lead to (null: no links). */
    static String markdown(VaultIndex index, Person p, Function<String, String> uriOf, LocalDate today) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(Md.text(p.title())).append('\n');
        String who = who(p);
        if (!who.isEmpty()) {
            md.append('\n').append(who).append('\n');
        }
        md.append('\n').append(Md.code(p.path())).append(" · ").append(Md.code(p.ownerTag())).append('\n');
        md.append("\n**Last contact:** ").append(p.lastContact() != null ? Md.text(p.lastContact()) : "not recorded")
                .append('\n');
        if (!p.keyFacts().isEmpty()) {
            md.append("\n**Key facts**\n\n");
            List<String> facts = p.keyFacts().stream().map(f -> Md.clip(f, 240)).map(f -> linked(index, p, f, uriOf))
                    .toList();
            list(md, facts, MAX_FACTS);
        }
        List<TaskRef> open = index.tasksOwnedBy(p).stream().filter(t -> t.task().isOpen()).distinct()
                .sorted(BY_DUE).toList();
        if (open.isEmpty()) {
            md.append("\n**Open tasks:** none\n");
        } else {
            long overdue = open.stream().filter(t -> isOverdue(t, today)).count();
            md.append("\n**Open tasks: ").append(open.size()).append("**")
                    .append(overdue > 0 ? " (" + overdue + " overdue)" : "").append("\n\n");
            for (TaskRef t : open.subList(0, Math.min(MAX_TASKS, open.size()))) {
                md.append("- ").append(isOverdue(t, today) ? "**overdue** " : "")
                        .append(Md.clip(withoutOwner(t.task().text(), p), 160)).append(" — *")
                        .append(Md.text(VaultPaths.stem(t.path()))).append("*\n");
            }
            more(md, open.size() - MAX_TASKS);
        }
        return md.toString().stripTrailing();
    }

    /** An open task due before today (a due date that does not exist is not overdue, only invalid). */
    private static boolean isOverdue(TaskRef t, LocalDate today) {
        return Dates.day(t.task().fields().get("due")).filter(d -> d.isBefore(today)).isPresent();
    }

    /** Words after which an owner tag is part of the sentence ("Share the model with @Vipin"), not a marker. */
    private static final Pattern LINKING_WORD = Pattern.compile(
            "(?i).*\\b(with|to|for|from|by|and|or|of|about|ask|ping|cc|via|per|&)\\s*$");

    /**
     * The task text without this person's own {@code @Owner} tags, which the card already names; a tag
     * the sentence needs ("Share LSV4 cost model with @VipinSachdeva") is kept.
     */
    private static String withoutOwner(String text, Person p) {
        String out = text;
        for (String tag : p.ownerTags()) {
            Matcher m = Pattern.compile("\\s*@" + Pattern.quote(tag) + "(?![\\p{L}\\p{M}\\p{N}_])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                boolean needed = LINKING_WORD.matcher(out.substring(0, m.start())).matches();
                m.appendReplacement(sb, needed ? Matcher.quoteReplacement(m.group()) : "");
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out.strip();
    }

    /** "Role at Company", or whichever of the two is known. */
    private static String who(Person p) {
        if (p.role() != null && p.company() != null) {
            return "*" + Md.text(p.role()) + "* at **" + Md.text(p.company()) + "**";
        }
        if (p.role() != null) {
            return "*" + Md.text(p.role()) + "*";
        }
        return p.company() != null ? "**" + Md.text(p.company()) + "**" : "";
    }

    /**
     * A key fact with each wikilink that resolves replaced by {@code [text](uri)}. The links are the
     * person note's own (parsed with the note, resolved from it), matched to the fact by their source.
     */
    private static String linked(VaultIndex index, Person p, String fact, Function<String, String> uriOf) {
        if (uriOf == null || !fact.contains("[[")) {
            return fact;
        }
        Note note = index.note(p.path()).orElse(null);
        if (note == null) {
            return fact;
        }
        String out = fact;
        for (Link link : note.links()) {
            if (link.kind() != Link.Kind.WIKI || link.embed() || link.inFrontmatter()) {
                continue;
            }
            String source = note.text().substring(link.span().startOffset(), link.span().endOffset());
            if (!out.contains(source)) {
                continue;
            }
            Resolution r = index.resolve(note, link);
            if (r.isBroken() || link.isSameNote()) {
                continue;
            }
            String text = link.alias() != null ? link.alias() : source.substring(2, source.length() - 2).split("\\|", 2)[0];
            out = out.replace(source, "[" + Md.text(text) + "](<" + uriOf.apply(r.path()) + ">)");
        }
        return out;
    }

    private static void list(StringBuilder md, List<String> items, int max) {
        for (String s : items.subList(0, Math.min(max, items.size()))) {
            md.append("- ").append(s).append('\n');
        }
        more(md, items.size() - max);
    }

    private static void more(StringBuilder md, int hidden) {
        if (hidden > 0) {
            md.append("- … and ").append(hidden).append(" more\n");
        }
    }
}
