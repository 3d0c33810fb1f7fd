package org.vaultls.index;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.config.VaultConfig;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;

/** Recognises people among notes and reads their key facts. */
final class People {
    private static final Pattern TABLE_ROW = Pattern.compile(
            "^\\s*\\|\\s*(?:\\*\\*|__)?([^|*_]+?)(?:\\*\\*|__)?\\s*\\|\\s*([^|]*?)\\s*\\|", Pattern.MULTILINE);
    private static final Pattern LIST_ITEM = Pattern.compile("^(?:[-*+]|\\d{1,9}[.)])[ \\t]+(.*)$");

    private People() {
    }

    static boolean isPerson(Note note, VaultConfig config) {
        Optional<Frontmatter> fm = note.frontmatter();
        if (fm.isPresent()) {
            for (String type : fm.get().lowerList("type")) {
                if (config.peopleTypes().contains(type)) {
                    return true;
                }
            }
        }
        for (Tag t : note.tags()) {
            if (config.peopleTags().contains(t.name().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static Person person(Note note, VaultConfig config) {
        String title = note.title();
        Set<String> owners = new LinkedHashSet<>();
        String main = ownerTagOf(title);
        if (!main.isEmpty()) {
            owners.add(main);
        }
        for (String alias : note.aliases()) {
            String o = ownerTagOf(alias);
            if (!o.isEmpty()) {
                owners.add(o);
            }
        }
        if (owners.isEmpty()) {
            owners.add(ownerTagOf(note.name()).isEmpty() ? "_" : ownerTagOf(note.name()));
        }
        Optional<Frontmatter> fm = note.frontmatter();
        String role = fm.flatMap(f -> f.string("role")).filter(People::known).orElse(tableValue(note, "role"));
        String company = fm.flatMap(f -> f.string("company")).filter(People::known)
                .orElse(tableValue(note, "company"));
        String lastContact = fm.flatMap(f -> f.string("last_contact")).orElse(null);
        return new Person(note.path(), title, new ArrayList<>(owners), role, company, lastContact,
                keyFacts(note, config.keyFactsHeading()));
    }

    /** "@" + the name with spaces and punctuation removed: "Tomás O'Neil" gives {@code TomásONeil}. */
    static String ownerTagOf(String name) {
        StringBuilder sb = new StringBuilder();
        name.codePoints().filter(cp -> Character.isLetterOrDigit(cp) || cp == '_'
                        || Character.getType(cp) == Character.NON_SPACING_MARK)
                .forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static boolean known(String v) {
        String s = v.strip();
        return !s.isEmpty() && !s.equalsIgnoreCase("_unknown_") && !s.equalsIgnoreCase("unknown");
    }

    private static String tableValue(Note note, String field) {
        Matcher m = TABLE_ROW.matcher(note.text());
        while (m.find()) {
            if (m.group(1).strip().equalsIgnoreCase(field)) {
                String v = m.group(2).strip();
                return known(v) ? v : null;
            }
        }
        return null;
    }

    /**
     * The top-level list items under the key facts heading, up to the next heading of any level: a
     * sub-heading there ("### Older") starts something that is no longer the list of key facts.
     */
    static List<String> keyFacts(Note note, String headingText) {
        List<String> facts = new ArrayList<>();
        List<Heading> headings = note.headings();
        for (int i = 0; i < headings.size(); i++) {
            if (!headings.get(i).text().equalsIgnoreCase(headingText)) {
                continue;
            }
            LineMap lines = note.lines();
            int end = i + 1 < headings.size() ? headings.get(i + 1).span().start().line() : lines.lineCount();
            for (int line = headings.get(i).span().end().line() + 1; line < end; line++) {
                Matcher m = LIST_ITEM.matcher(lines.lineText(line));
                if (m.matches() && !m.group(1).isBlank()) {
                    facts.add(m.group(1).strip());
                }
            }
            break;
        }
        return facts;
    }
}
