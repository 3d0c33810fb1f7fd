package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.CompletionTrigger.LinkTarget;
import org.vaultls.features.completion.CompletionTrigger.Tail;
import org.vaultls.features.completion.LinkTargets.Target;
import org.vaultls.features.edit.LinkText;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Completes the target of {@code [[} and {@code ![[}: notes by name, title and path, and their aliases,
 * then attachments; in an embed, attachments come first and aliases are left out (the text after
 * {@code |} in an embed is a size or caption, not a display name). Each group is ranked by
 * {@link FuzzyRanker}; an attachment matches by its file name (by its path only once a {@code /} is
 * typed), so a folder's name does not bring in every file under it. A note's path is its detail, which
 * tells same-named notes apart. The inserted
 * text follows {@link LinkText}; an alias item writes {@code Note|Alias}. Before anything is typed after
 * {@code [[}, the notes edited last in the session ({@link EditOrder}) come first, most recent first,
 * as in Obsidian's suggester; the note being edited is not among them.
 */
final class WikilinkCompleter implements Completer {
    private static final int ORDINAL_BITS = 28;
    private static final int LENGTH_BITS = 12;

    @Override
    public Optional<CompletionResult> complete(CompletionTrigger trigger, VaultIndex index, Note note) {
        if (!(trigger instanceof LinkTarget t)) {
            return Optional.empty();
        }
        LinkTargets targets = LinkTargets.of(index);
        FuzzyRanker ranker = new FuzzyRanker(t.partial());
        boolean aliases = !t.embed() && t.tail() != Tail.CONTINUES;
        Target[] firstGroup = t.embed() ? targets.attachments : targets.notesAndAliases;
        Target[] secondGroup = t.embed() ? targets.notesAndAliases : targets.attachments;
        FoldedNames firstNames = t.embed() ? targets.attachmentNames : targets.noteNames;
        FoldedNames secondNames = t.embed() ? targets.noteNames : targets.attachmentNames;
        BestOf first = best(ranker, firstGroup, firstNames, aliases, Completions.LIMIT);
        long[] firstKeys = first.sorted();
        BestOf second = best(ranker, secondGroup, secondNames, aliases, Completions.LIMIT - firstKeys.length);

        Span replace = note.lines().span(t.start(), t.end());
        String close = t.tail() == Tail.CONTINUES ? "" : "]]";
        List<CompletionCandidate> out = new ArrayList<>(Completions.LIMIT);
        List<Target> recent = !t.embed() && t.partial().isEmpty() ? recent(targets, index, note) : List.of();
        Set<String> recentPaths = new HashSet<>();
        for (Target r : recent) {
            out.add(candidate(r, ranker, index, note, replace, close));
            recentPaths.add(r.path());
        }
        for (long[] keys : new long[][] {firstKeys, second.sorted()}) {
            Target[] group = keys == firstKeys ? firstGroup : secondGroup;
            for (long key : keys) {
                Target target = group[ordinal(key)];
                if (out.size() < Completions.LIMIT
                        && !(target.kind() == Kind.NOTE && recentPaths.contains(target.path()))) {
                    out.add(candidate(target, ranker, index, note, replace, close));
                }
            }
        }
        // once the list is full, worse names are not even scored, so "more may match" is all we know
        boolean incomplete = first.offered() + second.offered() >= Completions.LIMIT;
        return Optional.of(new CompletionResult(out, incomplete));
    }

    /** The targets of the notes edited last, most recent first, leaving out {@code note} itself. */
    private static List<Target> recent(LinkTargets targets, VaultIndex index, Note note) {
        List<String> paths = new ArrayList<>(EditOrder.of(index));
        paths.remove(note.path());
        if (paths.isEmpty()) {
            return List.of();
        }
        Target[] found = new Target[paths.size()];
        for (Target target : targets.notesAndAliases) {
            int i = target.kind() == Kind.NOTE ? paths.indexOf(target.path()) : -1;
            if (i >= 0) {
                found[i] = target;
            }
        }
        List<Target> out = new ArrayList<>(found.length);
        for (Target f : found) {
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Ranks a group. Each match becomes one long: score, then the matched form's length (shorter first
     * among equals, except for an empty partial where all are equal), then the target's alphabetical
     * position. A tier is looked for only when the better ones do not fill the list: first the names
     * that start with the partial (a prefix test alone), then those whose words it starts (only names
     * with a word that starts with its first character), then all. A tier that fills the list leaves
     * no room for a worse one, so most names are never scored.
     */
    private static BestOf best(FuzzyRanker ranker, Target[] targets, FoldedNames names, boolean aliases, int room) {
        int maxTier = room > 0 && !ranker.query().isEmpty() ? 0 : 2;
        while (true) {
            BestOf best = best(ranker, targets, names, aliases, room, maxTier);
            if (maxTier == 2 || best.full()) {
                return best;
            }
            maxTier++;
        }
    }

    /** The best {@code room} targets whose score is in {@code maxTier} or a better tier. */
    private static BestOf best(FuzzyRanker ranker, Target[] targets, FoldedNames names, boolean aliases, int room,
                               int maxTier) {
        BestOf best = new BestOf(room);
        if (room == 0) {
            return best;
        }
        boolean byLength = !ranker.query().isEmpty();
        // an attachment is found by its file name, not by the folders it sits in, unless a path is typed
        boolean byPath = ranker.query().indexOf('/') >= 0;
        int cap = FuzzyRanker.maxScore(maxTier);
        for (int i = 0; i < targets.length; i++) {
            Target target = targets[i];
            if (!aliases && target.kind() == Kind.ALIAS) {
                continue;
            }
            long key = -1;
            int firstForm = names.first(i);
            int forms = target.kind() == Kind.ATTACHMENT && !byPath ? 1 : names.forms(i);
            for (int e = firstForm; e < firstForm + forms; e++) {
                long length = byLength ? Math.min(names.length(e), (1 << LENGTH_BITS) - 1) : 0;
                // a form is worth scoring only as far as it could still enter the list or beat the target's best form
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

    private static int ordinal(long key) {
        return (int) (key & ((1L << ORDINAL_BITS) - 1));
    }

    private static CompletionCandidate candidate(Target target, FuzzyRanker ranker, VaultIndex index, Note note,
                                                 Span replace, String close) {
        String form = target.forms()[0];
        int best = FuzzyRanker.NO_MATCH;
        for (int i = 0; i < target.keys().length; i++) {
            int s = ranker.score(target.keys()[i], target.forms()[i], 2);
            if (s >= 0 && (best < 0 || s < best)) {
                best = s;
                form = target.forms()[i];
            }
        }
        String link = LinkText.forNewLink(index, note, target.path());
        return switch (target.kind()) {
            case ALIAS -> new CompletionCandidate(target.label(), Kind.ALIAS, target.path(),
                    "Alias of **" + VaultPaths.stem(target.path()) + "**", ranker.filterText(form), null, replace,
                    link + "|" + target.label() + close);
            default -> new CompletionCandidate(target.label(), target.kind(), target.path(), null,
                    ranker.filterText(form), null,
                    replace, link + close);
        };
    }
}
