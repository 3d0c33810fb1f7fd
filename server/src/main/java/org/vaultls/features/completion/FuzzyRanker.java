package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.vaultls.vault.VaultPaths;

/**
 * Scores how well a typed partial matches a name, in three tiers: the name starts with it; it is made
 * of pieces that each start a word of the name ({@code ab} or {@code berg} for "Ada Berg"); its
 * characters occur in order anywhere in the name. Lower scores are better; within a tier, a match that
 * starts earlier and has fewer pieces or gaps wins. Names compare in {@link VaultPaths#fold} form
 * (lower case, accents removed), so {@code nunez} finds "José Núñez"; {@link #accentPenalty} then
 * ranks the name written as typed first ("Núñez" for {@code Núñ}, "Nunez" for {@code nunez}). One
 * ranker serves one request and is not shared between threads.
 */
final class FuzzyRanker {
    static final int NO_MATCH = -1;
    private static final int TIER_SIZE = 1 << 12;
    private static final int WORD_STARTS = TIER_SIZE;
    private static final int SUBSEQUENCE = 2 * TIER_SIZE;
    private static final int MAX_PENALTY = TIER_SIZE - 1;
    /** Pieces beyond the first cost this much each, so "ber" (one piece) beats "a"+"b"+"e". */
    private static final int PIECE_COST = 32;
    /** Recursive steps allowed per name, so a pathological name cannot stall a request. */
    private static final int BUDGET = 400;
    private static final int USE_BITS = 20;
    private static final int POSITION_BITS = 28;

    private final String query;
    /** {@link #query} as characters, which the scorer compares against a name's. */
    private final char[] q;
    /** {@link FoldedNames#mask} of the query: a name must have all of its bits to match. */
    private final long queryMask;
    /** {@link FoldedNames#mask} of the query's first character. */
    private final long firstBit;
    /** The partial in {@link VaultPaths#key} form, accents kept. */
    private final String exact;
    private final boolean accented;
    private int budget;
    /** Where the match {@link #tightSpan} found starts, from the start of the name. */
    private int spanStart;
    /** A name given as a String, copied here to be scored as characters. */
    private char[] scratch = new char[64];

    FuzzyRanker(String partial) {
        this.query = VaultPaths.fold(partial.strip());
        this.q = query.toCharArray();
        this.queryMask = FoldedNames.mask(q, 0, q.length);
        this.firstBit = FoldedNames.mask(q, 0, Math.min(1, q.length));
        this.exact = VaultPaths.key(partial.strip());
        this.accented = !exact.equals(query);
    }

    /**
     * 1 when {@code form}, a name that matched, does not hold the partial as typed (accents kept, case
     * aside), else 0; added to a score, it breaks the tie between "Nunez" and "Núñez" in favour of the
     * one typed. An ASCII name never pays it for an ASCII partial.
     */
    int accentPenalty(String form) {
        return accentPenalty(form, !accented && isAscii(form));
    }

    /** {@link #accentPenalty(String)}, told whether {@code form} is all ASCII. */
    private int accentPenalty(String form, boolean asciiForm) {
        if (!accented) {
            // the partial is ASCII: look for it in the name ignoring case, allocating nothing
            if (asciiForm) {
                return 0;
            }
            for (int i = 0; i + exact.length() <= form.length(); i++) {
                if (form.regionMatches(true, i, exact, 0, exact.length())) {
                    return 0;
                }
            }
            return 1;
        }
        return VaultPaths.key(form).contains(exact) ? 0 : 1;
    }

    /** The score of a name by its folded form and its form as written, the accent penalty included. */
    int score(String folded, String form, int maxTier) {
        int s = score(folded, maxTier);
        return s < 0 || query.isEmpty() ? s : withAccent(s, accentPenalty(form));
    }

    /**
     * The score of form {@code e} of {@code names}, as {@link #score(String, String, int)} gives it, or
     * {@link #NO_MATCH} also when it would be above {@code maxScore}: a name that could not enter the
     * list is not scored to the end.
     */
    int score(FoldedNames names, int e, int maxScore) {
        if (maxScore < 0 || (queryMask & ~names.mask(e)) != 0) {
            return NO_MATCH; // nothing can enter, or a character of the query is not in the name
        }
        int s = score(names.chars(), names.start(e), names.end(e), maxScore, names.wordStarts(e));
        return s < 0 || query.isEmpty() ? s : withAccent(s, accentPenalty(names.written(e), names.ascii(e)));
    }

    /** The highest score of a tier, as a {@code maxScore}. */
    static int maxScore(int maxTier) {
        return (Math.min(maxTier, 2) + 1) * TIER_SIZE - 1;
    }

    private static int withAccent(int s, int penalty) {
        return Math.min(s + penalty, tier(s) * TIER_SIZE + MAX_PENALTY);
    }

    /**
     * The text an editor filters the item by: {@code form} without its accents when the partial has
     * none, since editors match characters as they are and would drop "Núñez" for {@code nunez}.
     */
    String filterText(String form) {
        return accented ? form : VaultPaths.unaccented(form);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    String query() {
        return query;
    }

    /** Tier of a score: 0 prefix, 1 word starts, 2 subsequence. */
    static int tier(int score) {
        return score / TIER_SIZE;
    }

    /** The score of {@code candidate}, already in {@link VaultPaths#fold} form, or {@link #NO_MATCH}. */
    int score(String candidate) {
        return score(candidate, 2);
    }

    /**
     * The score of {@code candidate}, or {@link #NO_MATCH} also when it would fall in a tier above
     * {@code maxTier}: once the best hundred all start with the partial, the other names need no more
     * than a prefix test.
     */
    int score(String candidate, int maxTier) {
        int len = candidate.length();
        if (q.length == 0 || q.length > len) {
            return q.length == 0 ? 0 : NO_MATCH;
        }
        if (scratch.length < len) {
            scratch = new char[Math.max(len, 2 * scratch.length)];
        }
        candidate.getChars(0, len, scratch, 0);
        return score(scratch, 0, len, maxScore(maxTier), -1L);
    }

    /**
     * The score of the name {@code c[from..to)} before the accent penalty, as {@link #score(String, int)},
     * or {@link #NO_MATCH} when it is above {@code maxScore}; positions count from {@code from}.
     * {@code wordStarts} is a {@link FoldedNames#mask} that holds the characters that start a word of
     * the name (or more): without the query's first character, no piece can start a word.
     */
    private int score(char[] c, int from, int to, int maxScore, long wordStarts) {
        int n = q.length;
        if (n == 0) {
            return 0;
        }
        if (n > to - from) {
            return NO_MATCH;
        }
        if (maxScore < WORD_STARTS) {
            return startsWith(c, from) ? 0 : NO_MATCH;
        }
        if (maxScore < SUBSEQUENCE && (wordStarts & firstBit) == 0) {
            return NO_MATCH; // a prefix or word-start match begins with a word that starts with the first character
        }
        // In-order test first: it is the cheapest way to rule most names out.
        int qi = 0;
        int first = -1;
        int last = -1;
        boolean skipped = false; // a digit or slash left out between the first and the last character
        char want = q[0];
        for (int i = from; i < to; i++) {
            char ch = c[i];
            if (ch == want) {
                if (qi == 0) {
                    first = i - from;
                }
                last = i - from;
                if (++qi == n) {
                    break;
                }
                want = q[qi];
            } else if (qi > 0 && (ch == '/' || isDigit(ch))) {
                skipped = true;
            }
        }
        if (qi < n) {
            return NO_MATCH;
        }
        if (startsWith(c, from)) {
            return 0;
        }
        // a word-start match begins at or after the first occurrence, a scattered one too: both score at least that
        if (WORD_STARTS + Math.min(first, MAX_PENALTY) > maxScore) {
            return NO_MATCH;
        }
        if ((wordStarts & firstBit) != 0) {
            int words = wordStarts(c, from, to);
            if (words >= 0) {
                return WORD_STARTS + Math.min(words, MAX_PENALTY);
            }
        }
        if (SUBSEQUENCE + Math.min(first, MAX_PENALTY) > maxScore) {
            return NO_MATCH;
        }
        if (!skipped) {
            return SUBSEQUENCE + Math.min(2 * (last - first + 1 - n) + first, MAX_PENALTY);
        }
        int span = tightSpan(c, from, to, from + first);
        if (span < 0) {
            return NO_MATCH;
        }
        return SUBSEQUENCE + Math.min(2 * (span - n) + spanStart, MAX_PENALTY);
    }

    /** True when {@code c} from {@code from} starts with the query, which the caller knows fits. */
    private boolean startsWith(char[] c, int from) {
        for (int i = 0; i < q.length; i++) {
            if (c[from + i] != q[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The length of the in-order match in {@code c[from..to)} that starts at or after {@code at} and
     * skips no digit and no {@code /}: a scattered match stays within one path segment and never counts
     * one character of {@code 2023} and one of {@code 37} as the {@code 37} typed. -1 when there is none.
     */
    private int tightSpan(char[] c, int from, int to, int at) {
        char q0 = q[0];
        for (int s = at; s < to; s++) {
            if (c[s] != q0) {
                continue;
            }
            int qi = 1;
            int i = s + 1;
            while (qi < q.length && i < to) {
                char ch = c[i];
                if (ch == q[qi]) {
                    qi++;
                } else if (ch == '/' || isDigit(ch)) {
                    break;
                }
                i++;
            }
            if (qi == q.length) {
                spanStart = s - from;
                return i - s;
            }
        }
        return -1;
    }

    /** Penalty of the word-start match in {@code c[from..to)} that begins earliest, or -1 when there is none. */
    private int wordStarts(char[] c, int from, int to) {
        char q0 = q[0];
        for (int s = from; s < to; s++) {
            if (c[s] == q0 && isWordStart(c, from, s)) {
                budget = BUDGET;
                int pieces = pieces(c, from, to, 0, s);
                if (pieces > 0) {
                    return s - from + (pieces - 1) * PIECE_COST;
                }
            }
        }
        return -1;
    }

    /**
     * How few pieces match {@code query[qi..]} when its first piece starts at word start {@code s} of
     * {@code c[from..to)}; -1 when it cannot. Tries the longest first piece first.
     */
    private int pieces(char[] c, int from, int to, int qi, int s) {
        if (--budget < 0) {
            return -1;
        }
        int len = 0;
        while (qi + len < q.length && s + len < to && c[s + len] == q[qi + len]) {
            len++;
        }
        if (qi + len == q.length) {
            return 1;
        }
        for (int l = len; l >= 1; l--) {
            char next = q[qi + l];
            for (int t = s + l; t < to; t++) {
                if (c[t] == next && isWordStart(c, from, t)) {
                    int rest = pieces(c, from, to, qi + l, t);
                    if (rest > 0) {
                        return rest + 1;
                    }
                    if (budget < 0) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    /**
     * A word starts at the beginning and at a letter or digit after anything else ({@code "Ada Berg"},
     * {@code "2026-01-02"}).
     */
    static boolean isWordStart(char[] c, int from, int i) {
        return i == from || (!isLetterOrDigit(c[i - 1]) && isLetterOrDigit(c[i]));
    }

    /** {@link Character#isDigit}, with the ASCII answer at hand (the JDK's is a table lookup C1 does not inline). */
    private static boolean isDigit(char c) {
        return c < 0x80 ? c >= '0' && c <= '9' : Character.isDigit(c);
    }

    /** {@link Character#isLetterOrDigit}, with the ASCII answer at hand. */
    private static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
                : Character.isLetterOrDigit(c);
    }

    /** An item that matched, with its score and the form of its name that matched best. */
    record Ranked<T>(T item, int score, String form) {
    }

    /**
     * Ranks a small collection: each item is scored by its best form, ties are broken by {@code tieBreak}.
     * Items that do not match are left out.
     */
    <T> List<Ranked<T>> rank(Collection<T> items, Function<T, List<String>> forms, Comparator<T> tieBreak) {
        List<Ranked<T>> out = new ArrayList<>();
        for (T item : items) {
            int best = NO_MATCH;
            String bestForm = null;
            for (String form : forms.apply(item)) {
                int s = score(VaultPaths.fold(form), form, 2);
                if (s >= 0 && (best < 0 || s < best)) {
                    best = s;
                    bestForm = form;
                }
            }
            if (best >= 0) {
                out.add(new Ranked<>(item, best, bestForm));
            }
        }
        out.sort(Comparator.<Ranked<T>>comparingInt(Ranked::score).thenComparing(Ranked::item, tieBreak));
        return out;
    }

    /** A value of a tally that matched, with its uses as adjusted for the request. */
    record Use(Tally.Count count, int uses, int score) {
    }

    /** The best values of a tally, and whether more matched than were kept. */
    record TopUses(List<Use> items, boolean incomplete) {
    }

    /**
     * The best {@code limit} values of a tally: by match, then most used, then alphabetically.
     * {@code uses} gives each count's number of uses for this request (0 leaves the value out).
     */
    TopUses top(Tally tally, ToIntFunction<Tally.Count> uses, int limit) {
        Tally.Count[] counts = tally.counts();
        BestOf best = new BestOf(limit);
        int maxUses = (1 << USE_BITS) - 1;
        for (int i = 0; i < counts.length; i++) {
            int u = uses.applyAsInt(counts[i]);
            if (u <= 0) {
                continue;
            }
            int maxTier = best.full() ? tier((int) (best.worst() >>> (USE_BITS + POSITION_BITS))) : 2;
            int s = score(counts[i].folded(), counts[i].key(), maxTier);
            if (s >= 0) {
                best.offer(((long) s << (USE_BITS + POSITION_BITS))
                        | ((long) (maxUses - Math.min(u, maxUses)) << POSITION_BITS) | i);
            }
        }
        List<Use> out = new ArrayList<>();
        for (long key : best.sorted()) {
            Tally.Count c = counts[(int) (key & ((1L << POSITION_BITS) - 1))];
            out.add(new Use(c, uses.applyAsInt(c), (int) (key >>> (USE_BITS + POSITION_BITS))));
        }
        // positions follow the tally's hash order; among equals, show them alphabetically
        out.sort(Comparator.comparingInt(Use::score).thenComparing(Use::uses, Comparator.reverseOrder())
                .thenComparing(u -> u.count().display(), String.CASE_INSENSITIVE_ORDER));
        return new TopUses(out, best.offered() >= limit);
    }
}
