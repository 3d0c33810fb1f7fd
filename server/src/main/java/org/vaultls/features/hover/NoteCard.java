package org.vaultls.features.hover;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * The card of a linked note: its title (and the heading or block the link names), its path, a summary
 * of its frontmatter (type, status, tags, aliases and dates first), and a bounded excerpt of what the
 * link points at. A heading or block that the note does not have is called out, with the headings it
 * does have.
 */
final class NoteCard {
    static final int MAX_FIELDS = 5;
    private static final List<String> FIRST = List.of("type", "status", "tags", "aliases");
    private static final Set<String> DATES = Set.of("created", "updated", "modified", "last_contact", "due",
            "start", "end", "date");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private NoteCard() {
    }

    static String markdown(Note target, Link link) {
        StringBuilder md = new StringBuilder();
        md.append("### ").append(Md.text(target.title()));
        if (!link.headings().isEmpty()) {
            VaultIndex.findHeading(target, link.headings())
                    .ifPresent(h -> md.append(" › ").append(Md.text(h.text())));
        }
        if (link.blockId() != null && VaultIndex.findBlock(target, link.blockId()).isPresent()) {
            md.append(" › ^").append(Md.text(link.blockId()));
        }
        md.append("\n\n").append(Md.code(target.path())).append('\n');
        String summary = summary(target);
        if (!summary.isEmpty()) {
            md.append('\n').append(summary).append('\n');
        }
        md.append("\n---\n\n").append(section(target, link));
        return md.toString().stripTrailing();
    }

    /** The excerpt the link points at, or a note of the heading or block that is missing. */
    static String section(Note target, Link link) {
        if (!link.headings().isEmpty()) {
            Optional<Heading> h = VaultIndex.findHeading(target, link.headings());
            if (h.isPresent()) {
                return Excerpt.section(target, h.get());
            }
            return "⚠ No heading " + Md.code(String.join("#", link.headings())) + " in this note."
                    + headingsHint(target) + "\n\n" + Excerpt.top(target);
        }
        if (link.blockId() != null) {
            Optional<BlockId> b = VaultIndex.findBlock(target, link.blockId());
            if (b.isPresent()) {
                return Excerpt.block(target, b.get());
            }
            return "⚠ No block " + Md.code("^" + link.blockId()) + " in this note.\n\n" + Excerpt.top(target);
        }
        return Excerpt.top(target);
    }

    private static String headingsHint(Note target) {
        if (target.headings().isEmpty()) {
            return " It has no headings.";
        }
        List<String> names = new ArrayList<>();
        for (Heading h : target.headings()) {
            if (names.size() == 8) {
                names.add("…");
                break;
            }
            names.add(Md.code(h.text()));
        }
        return " Its headings: " + String.join(", ", names) + ".";
    }

    /** A few {@code key: value} pairs: type, status, tags and aliases first, then dates; not the title. */
    static String summary(Note note) {
        Optional<Frontmatter> fm = note.frontmatter().filter(Frontmatter::isValid);
        if (fm.isEmpty()) {
            return "";
        }
        List<String> pairs = new ArrayList<>();
        for (String key : FIRST) {
            fm.get().field(key).ifPresent(f -> pair(f, pairs));
        }
        for (Frontmatter.Field f : fm.get().fields()) {
            String k = f.key().toLowerCase(Locale.ROOT);
            if (!FIRST.contains(k) && !k.equals("title") && (DATES.contains(k) || k.contains("date")
                    || (f.value() instanceof String s && DATE.matcher(s).matches()))) {
                pair(f, pairs);
            }
        }
        return String.join(" · ", pairs.subList(0, Math.min(MAX_FIELDS, pairs.size())));
    }

    private static void pair(Frontmatter.Field f, List<String> pairs) {
        if (f.isEmpty() || f.value() instanceof Map<?, ?>) {
            return;
        }
        String value = f.value() instanceof String s ? s.strip() : String.join(", ", f.stringList());
        if (!value.isEmpty()) {
            pairs.add("**" + Md.text(f.key()) + ":** " + Md.text(Md.clip(value, 80)));
        }
    }
}
