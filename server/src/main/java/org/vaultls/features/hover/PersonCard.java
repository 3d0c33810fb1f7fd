package org.vaultls.features.hover;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.index.Person;
import org.vaultls.index.TaskRef;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.VaultPaths;

/**
 * The card of a person: name, role and company, last contact, key facts, and the open tasks that carry
 * one of their {@code @Owner} tags anywhere in the vault (a task is open unless it is done {@code [x]}
 * or cancelled {@code [-]}), soonest due first, each with the note that holds it.
 */
final class PersonCard {
    static final int MAX_FACTS = 5;
    static final int MAX_TASKS = 5;
    /** Earliest due date first, undated last, as the seed notes' dataview {@code SORT due ASC} lists them. */
    private static final Comparator<TaskRef> BY_DUE = Comparator.comparing(
            (TaskRef t) -> t.task().fields().get("due"), Comparator.nullsLast(Comparator.naturalOrder()));

    private PersonCard() {
    }

    static String markdown(VaultIndex index, Person p) {
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
            list(md, p.keyFacts(), MAX_FACTS);
        }
        List<TaskRef> open = index.tasksOwnedBy(p).stream().filter(t -> t.task().isOpen()).distinct()
                .sorted(BY_DUE).toList();
        if (open.isEmpty()) {
            md.append("\n**Open tasks:** none\n");
        } else {
            md.append("\n**Open tasks: ").append(open.size()).append("**\n\n");
            for (TaskRef t : open.subList(0, Math.min(MAX_TASKS, open.size()))) {
                md.append("- ").append(Md.clip(withoutOwner(t.task().text(), p), 160)).append(" — *")
                        .append(Md.text(VaultPaths.stem(t.path()))).append("*\n");
            }
            more(md, open.size() - MAX_TASKS);
        }
        return md.toString().stripTrailing();
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

    private static void list(StringBuilder md, List<String> items, int max) {
        for (String s : items.subList(0, Math.min(max, items.size()))) {
            md.append("- ").append(Md.clip(s, 240)).append('\n');
        }
        more(md, items.size() - max);
    }

    private static void more(StringBuilder md, int hidden) {
        if (hidden > 0) {
            md.append("- … and ").append(hidden).append(" more\n");
        }
    }
}
