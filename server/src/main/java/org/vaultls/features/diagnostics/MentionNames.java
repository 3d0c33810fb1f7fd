package org.vaultls.features.diagnostics;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * The names a mention can be of, for one snapshot: every note's file name, frontmatter {@code title}
 * and aliases, looked up by their first word (lower-cased), so finding the mentions in a note costs one
 * map lookup per word of its text, not a comparison with every name. A name holding no letter (a daily
 * note's {@code 2026-01-02}) or shorter than two characters is no mention: dates and initials would be
 * everywhere.
 *
 * <p>Each keystroke makes a new snapshot, so the table of the last snapshot asked about is kept and
 * the next one derived from it: the notes are walked side by side (both maps are in path order) and
 * only notes that are not the same object are compared; when their names are the same, the lookup map
 * is shared, so typing in a note's body rebuilds nothing.
 */
final class MentionNames {
    /** Where a name comes from: the order is the preference when several notes share a name. */
    enum Source { FILE_NAME, TITLE, ALIAS }

    /** One name of one note. */
    record Name(String written, String path, Source source) {
    }

    /** The names of the notes that share one spelling (compared ignoring case), the preferred note first. */
    record Group(String lower, int length, List<Name> names) {
    }

    private static final Comparator<Name> PREFERENCE = Comparator.comparing(Name::source)
            .thenComparingInt(n -> n.path().length()).thenComparing(Name::path);
    private static WeakReference<VaultIndex> lastIndex = new WeakReference<>(null);
    private static MentionNames last;

    /** The notes this table was made from, by path. */
    private final Map<String, Note> notes;
    /** Groups by the lower-cased first word of their spelling, longest first. */
    private final Map<String, List<Group>> byFirstWord;

    private MentionNames(Map<String, Note> notes, Map<String, List<Group>> byFirstWord) {
        this.notes = notes;
        this.byFirstWord = byFirstWord;
    }

    /** The table of {@code index}: the one kept, one carried over from the last snapshot, or a new one. */
    static synchronized MentionNames of(VaultIndex index) {
        if (lastIndex.get() == index && last != null) {
            return last;
        }
        MentionNames made = last != null && lastIndex.get() != null ? carry(last, index) : build(index.notes());
        last = made;
        lastIndex = new WeakReference<>(index);
        return made;
    }

    /** The groups whose spelling starts with the word {@code lowerWord}, longest first; empty if none. */
    List<Group> startingWith(String lowerWord) {
        List<Group> g = byFirstWord.get(lowerWord);
        return g == null ? List.of() : g;
    }

    static MentionNames build(Map<String, Note> notes) {
        Map<String, Map<String, List<Name>>> spellings = new HashMap<>();
        for (Note n : notes.values()) {
            for (Name name : namesOf(n)) {
                String lower = lower(name.written());
                spellings.computeIfAbsent(firstWord(lower), k -> new HashMap<>())
                        .computeIfAbsent(lower, k -> new ArrayList<>()).add(name);
            }
        }
        Map<String, List<Group>> byFirst = new HashMap<>(spellings.size() * 2);
        spellings.forEach((first, bySpelling) -> {
            List<Group> groups = new ArrayList<>(bySpelling.size());
            bySpelling.forEach((lower, names) -> {
                names.sort(PREFERENCE);
                groups.add(new Group(lower, names.get(0).written().length(), List.copyOf(names)));
            });
            groups.sort(Comparator.comparingInt(Group::length).reversed().thenComparing(Group::lower));
            byFirst.put(first, List.copyOf(groups));
        });
        return new MentionNames(notes, byFirst);
    }

    /**
     * The table of {@code index} made from {@code earlier}'s: when no note's names changed, the lookup
     * map is shared; else it is built again (a new note or alias is rare next to keystrokes).
     */
    private static MentionNames carry(MentionNames earlier, VaultIndex index) {
        Map<String, Note> now = index.notes();
        if (now.size() != earlier.notes.size()) {
            return build(now);
        }
        Iterator<Map.Entry<String, Note>> a = earlier.notes.entrySet().iterator();
        for (Map.Entry<String, Note> e : now.entrySet()) {
            Map.Entry<String, Note> before = a.next();
            if (before.getValue() == e.getValue()) {
                continue;
            }
            if (!before.getKey().equals(e.getKey()) || !namesOf(before.getValue()).equals(namesOf(e.getValue()))) {
                return build(now);
            }
        }
        return new MentionNames(now, earlier.byFirstWord);
    }

    /** The names {@code n} can be mentioned by, each spelling once. */
    static List<Name> namesOf(Note n) {
        Set<String> seen = new LinkedHashSet<>();
        List<Name> out = new ArrayList<>(2 + n.aliases().size());
        add(n.name(), n, Source.FILE_NAME, seen, out);
        add(n.title(), n, Source.TITLE, seen, out);
        for (String alias : n.aliases()) {
            add(alias, n, Source.ALIAS, seen, out);
        }
        return out;
    }

    private static void add(String written, Note n, Source source, Set<String> seen, List<Name> out) {
        if (written == null) {
            return;
        }
        String w = written.strip();
        if (w.length() < 2 || !MentionText.isWordChar(w.charAt(0)) || w.chars().noneMatch(Character::isLetter)) {
            return;
        }
        if (seen.add(lower(w))) {
            out.add(new Name(w, n.path(), source));
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The leading run of word characters of {@code s}. */
    static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && MentionText.isWordChar(s.charAt(i))) {
            i++;
        }
        return s.substring(0, i);
    }
}
