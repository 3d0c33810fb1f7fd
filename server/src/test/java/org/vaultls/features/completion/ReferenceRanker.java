package org.vaultls.features.completion;

import org.vaultls.vault.VaultPaths;

/**
 * The scorer of {@link FuzzyRanker} as it was written over Strings before it scored packed char
 * arrays (main at 91ea97c), kept as the oracle the faster one must agree with: same tiers, same
 * penalties, same accent tie-break.
 */
final class ReferenceRanker {
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
    /** The partial in {@link VaultPaths#key} form, accents kept. */
    private final String exact;
    private final boolean accented;
    private int budget;
    /** Where the match {@link #tightSpan} found starts. */
    private int spanStart;

    ReferenceRanker(String partial) {
        this.query = VaultPaths.fold(partial.strip());
        this.exact = VaultPaths.key(partial.strip());
        this.accented = !exact.equals(query);
    }

    /**
     * 1 when {@code form}, a name that matched, does not hold the partial as typed (accents kept, case
     * aside), else 0; added to a score, it breaks the tie between "Nunez" and "Núñez" in favour of the
     * one typed. An ASCII name never pays it for an ASCII partial.
     */
    int accentPenalty(String form) {
        if (!accented) {
            // the partial is ASCII: look for it in the name ignoring case, allocating nothing
            if (isAscii(form)) {
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
        if (s < 0 || query.isEmpty()) {
            return s;
        }
        return Math.min(s + accentPenalty(form), tier(s) * TIER_SIZE + MAX_PENALTY);
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
        String q = query;
        int n = q.length();
        if (n == 0) {
            return 0;
        }
        if (n > candidate.length()) {
            return NO_MATCH;
        }
        if (maxTier <= 0) {
            return candidate.startsWith(q) ? 0 : NO_MATCH;
        }
        // In-order test first: it is the cheapest way to rule most names out.
        int qi = 0;
        int first = -1;
        int last = -1;
        boolean skipped = false; // a digit or slash left out between the first and the last character
        for (int i = 0; i < candidate.length() && qi < n; i++) {
            char c = candidate.charAt(i);
            if (c == q.charAt(qi)) {
                if (qi == 0) {
                    first = i;
                }
                last = i;
                qi++;
            } else if (qi > 0 && (c == '/' || Character.isDigit(c))) {
                skipped = true;
            }
        }
        if (qi < n) {
            return NO_MATCH;
        }
        if (candidate.startsWith(q)) {
            return 0;
        }
        int words = wordStarts(candidate);
        if (words >= 0) {
            return WORD_STARTS + Math.min(words, MAX_PENALTY);
        }
        if (maxTier < 2) {
            return NO_MATCH;
        }
        if (!skipped) {
            return SUBSEQUENCE + Math.min(2 * (last - first + 1 - n) + first, MAX_PENALTY);
        }
        int span = tightSpan(candidate, first);
        if (span < 0) {
            return NO_MATCH;
        }
        return SUBSEQUENCE + Math.min(2 * (span - n) + spanStart, MAX_PENALTY);
    }

    /**
     * The length of the in-order match that starts at or after {@code from} and skips no digit and no
     * {@code /}: a scattered match stays within one path segment and never counts one character of
     * {@code 2023} and one of {@code 37} as the {@code 37} typed. -1 when there is none.
     */
    private int tightSpan(String c, int from) {
        char q0 = query.charAt(0);
        for (int s = from; s < c.length(); s++) {
            if (c.charAt(s) != q0) {
                continue;
            }
            int qi = 1;
            int i = s + 1;
            while (qi < query.length() && i < c.length()) {
                char ch = c.charAt(i);
                if (ch == query.charAt(qi)) {
                    qi++;
                } else if (ch == '/' || Character.isDigit(ch)) {
                    break;
                }
                i++;
            }
            if (qi == query.length()) {
                spanStart = s;
                return i - s;
            }
        }
        return -1;
    }

    /** Penalty of the word-start match that begins earliest, or -1 when there is none. */
    private int wordStarts(String c) {
        char q0 = query.charAt(0);
        for (int s = 0; s < c.length(); s++) {
            if (c.charAt(s) == q0 && isWordStart(c, s)) {
                budget = BUDGET;
                int pieces = pieces(c, 0, s);
                if (pieces > 0) {
                    return s + (pieces - 1) * PIECE_COST;
                }
            }
        }
        return -1;
    }

    /**
     * How few pieces match {@code query[qi..]} when its first piece starts at word start {@code s} of
     * {@code c}; -1 when it cannot. Tries the longest first piece first.
     */
    private int pieces(String c, int qi, int s) {
        if (--budget < 0) {
            return -1;
        }
        int len = 0;
        while (qi + len < query.length() && s + len < c.length() && c.charAt(s + len) == query.charAt(qi + len)) {
            len++;
        }
        if (qi + len == query.length()) {
            return 1;
        }
        for (int l = len; l >= 1; l--) {
            char next = query.charAt(qi + l);
            for (int t = s + l; t < c.length(); t++) {
                if (c.charAt(t) == next && isWordStart(c, t)) {
                    int rest = pieces(c, qi + l, t);
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

    /** A word starts at the beginning and at a letter or digit after anything else ({@code "Ada Berg"}, {@code "2026-01-02"}). */
    private static boolean isWordStart(String c, int i) {
        return i == 0 || (!Character.isLetterOrDigit(c.charAt(i - 1)) && Character.isLetterOrDigit(c.charAt(i)));
    }
}
