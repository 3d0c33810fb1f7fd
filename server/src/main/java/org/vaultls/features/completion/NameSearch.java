package org.vaultls.features.completion;

/**
 * The best items of a {@link FoldedNames} for a partial, as {@link FuzzyRanker} scores them: each item
 * by its best form, ranked by score, then (when asked) the matched form's length, shorter first, then
 * its position in the table. A tier is looked for only when the better ones do not fill the list: first
 * the names that start with the partial (a prefix test alone), then those whose words it starts (only
 * names with a word that starts with its first character), then all. A tier that fills the list leaves
 * no room for a worse one, and once the list is full a name is scored only as far as it could still
 * enter it, so most names are never scored to the end. The answer is the one scoring every name would
 * give.
 */
final class NameSearch {
    private static final int ORDINAL_BITS = 28;
    private static final int LENGTH_BITS = 12;
    private static final long MAX_LENGTH = (1 << LENGTH_BITS) - 1;

    private NameSearch() {
    }

    /**
     * The best {@code room} items, as keys for {@link #ordinal}. {@code formsByGroup} says how many of an
     * item's forms are searched, by the item's group (0 leaves it out); {@code byLength} ranks shorter
     * matched forms first among equal scores.
     */
    static BestOf best(FuzzyRanker ranker, FoldedNames names, int room, int[] formsByGroup, boolean byLength) {
        int maxTier = room > 0 && !ranker.query().isEmpty() ? 0 : 2;
        while (true) {
            BestOf best = best(ranker, names, room, formsByGroup, byLength, maxTier);
            if (maxTier == 2 || best.full()) {
                return best;
            }
            maxTier++;
        }
    }

    /** The item a key of {@link #best} ranks. */
    static int ordinal(long key) {
        return (int) (key & ((1L << ORDINAL_BITS) - 1));
    }

    /** The best {@code room} items whose score is in {@code maxTier} or a better tier. */
    private static BestOf best(FuzzyRanker ranker, FoldedNames names, int room, int[] formsByGroup, boolean byLength,
                               int maxTier) {
        BestOf best = new BestOf(room);
        if (room == 0) {
            return best;
        }
        int cap = FuzzyRanker.maxScore(maxTier);
        int items = names.items();
        for (int i = 0; i < items; i++) {
            int forms = Math.min(names.forms(i), formsByGroup[names.group(i)]);
            long key = -1;
            int firstForm = names.first(i);
            for (int e = firstForm; e < firstForm + forms; e++) {
                long length = byLength ? Math.min(names.length(e), MAX_LENGTH) : 0;
                // a form is worth scoring only as far as it could still enter the list or beat the item's best form
                long bound = best.full() ? best.worst() : Long.MAX_VALUE;
                int s = ranker.score(names, e, Math.min(cap, below(key < 0 ? bound : Math.min(bound, key), length, i)));
                if (s < 0) {
                    continue;
                }
                long packed = ((long) s << (LENGTH_BITS + ORDINAL_BITS)) | (length << ORDINAL_BITS) | i;
                key = key < 0 ? packed : Math.min(key, packed);
            }
            if (key >= 0) {
                best.offer(key);
            }
        }
        return best;
    }

    /** The highest score whose key, with this length and ordinal, is below {@code bound}. */
    private static int below(long bound, long length, int ordinal) {
        if (bound == Long.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        long rest = bound & ((1L << (LENGTH_BITS + ORDINAL_BITS)) - 1);
        int score = (int) (bound >>> (LENGTH_BITS + ORDINAL_BITS));
        return ((length << ORDINAL_BITS) | ordinal) < rest ? score : score - 1;
    }
}
