package org.vaultls.features.diagnostics;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * The names a mention can be of, for one snapshot: every note's file name, frontmatter {@code title}
 * and aliases, in a trie of words (lower-cased), so finding the mentions in a note costs one map lookup
 * per word of its text, and one more per further word of a name that matches so far; never a
 * comparison with every name, nor with every name that shares a first word (a vault's meeting notes
 * all start with their year). A name holding no letter (a daily
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

    /**
     * A node of the word trie: the names that end here, the names that end with one more run of
     * non-word characters ({@code C++}, {@code Apollo (draft)}), and the next words, each keyed by the
     * characters before it and the word, lower-cased ({@code " berg"}, {@code "-01"}).
     */
    static final class Node {
        final Map<String, Node> next = new HashMap<>(2);
        List<Name> names = List.of();
        Map<String, List<Name>> tails = Map.of();
    }

    private static final Comparator<Name> PREFERENCE = Comparator.comparing(Name::source)
            .thenComparingInt(n -> n.path().length()).thenComparing(Name::path);
    private static WeakReference<VaultIndex> lastIndex = new WeakReference<>(null);
    private static MentionNames last;

    /** The notes this table was made from, by path. */
    private final Map<String, Note> notes;
    /** The trie, by the lower-cased first word of the names. */
    private final Map<String, Node> byFirstWord;
    /**
     * A filter of the first words, by their length and first and last characters: most words of a
     * text start no name, and are passed over without being copied and lower-cased.
     */
    private final long[] firstWords;

    private MentionNames(Map<String, Note> notes, Map<String, Node> byFirstWord, long[] firstWords) {
        this.notes = notes;
        this.byFirstWord = byFirstWord;
        this.firstWords = firstWords;
    }

    private static final int FILTER_BITS = 1 << 20;

    private static int filterBit(char first, char last, int length) {
        int h = (Character.toLowerCase(first) * 31 + Character.toLowerCase(last)) * 31 + length;
        return (h ^ (h >>> 16)) & (FILTER_BITS - 1);
    }

    /** False when no name starts with the word {@code text[start, end)}; true when one may. */
    boolean mayStart(String text, int start, int end) {
        int bit = filterBit(text.charAt(start), text.charAt(end - 1), end - start);
        return (firstWords[bit >>> 6] & (1L << bit)) != 0;
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

    /** The trie node of the names whose first word is {@code lowerWord}, or null. */
    Node startingWith(String lowerWord) {
        return byFirstWord.get(lowerWord);
    }

    /** The trie node of the names whose first word is {@code text[start, end)}, ignoring case, or null. */
    Node startingWith(String text, int start, int end) {
        return mayStart(text, start, end) ? byFirstWord.get(lower(text.substring(start, end))) : null;
    }

    static MentionNames build(Map<String, Note> notes) {
        Map<String, Node> byFirst = new HashMap<>();
        for (Note n : notes.values()) {
            for (Name name : namesOf(n)) {
                insert(byFirst, lower(name.written()), name);
            }
        }
        long[] filter = new long[FILTER_BITS / 64];
        for (String first : byFirst.keySet()) {
            int bit = filterBit(first.charAt(0), first.charAt(first.length() - 1), first.length());
            filter[bit >>> 6] |= 1L << bit;
        }
        return new MentionNames(notes, byFirst, filter);
    }

    /** Adds {@code name}, spelled {@code lower}, to the trie: word by word, with what separates them. */
    private static void insert(Map<String, Node> byFirst, String lower, Name name) {
        int i = wordEnd(lower, 0);
        Node node = byFirst.computeIfAbsent(lower.substring(0, i), k -> new Node());
        while (i < lower.length()) {
            int sep = i;
            while (sep < lower.length() && !MentionText.isWordChar(lower.charAt(sep))) {
                sep++;
            }
            if (sep == lower.length()) {
                if (node.tails.isEmpty()) {
                    node.tails = new HashMap<>(2);
                }
                node.tails.computeIfAbsent(lower.substring(i), k -> new ArrayList<>(1));
                addSorted(node.tails.get(lower.substring(i)), name);
                return;
            }
            int end = wordEnd(lower, sep);
            node = node.next.computeIfAbsent(lower.substring(i, end), k -> new Node());
            i = end;
        }
        if (node.names.isEmpty()) {
            node.names = new ArrayList<>(1);
        }
        addSorted(node.names, name);
    }

    private static void addSorted(List<Name> names, Name name) {
        names.add(name);
        names.sort(PREFERENCE);
    }

    static int wordEnd(String s, int from) {
        int i = from;
        while (i < s.length() && MentionText.isWordChar(s.charAt(i))) {
            i++;
        }
        return i;
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
        return new MentionNames(now, earlier.byFirstWord, earlier.firstWords);
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

    /**
     * {@code s} lower-cased character by character, so it keeps its length: an offset into a word is
     * an offset into its lower-cased form.
     */
    static String lower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = Character.toLowerCase(c[i]);
        }
        return new String(c);
    }
}
