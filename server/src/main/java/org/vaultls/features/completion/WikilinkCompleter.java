package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Arrays;
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
        BestOf first = best(ranker, firstNames, aliases, Completions.LIMIT);
        long[] firstKeys = first.sorted();
        BestOf second = best(ranker, secondNames, aliases, Completions.LIMIT - firstKeys.length);

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
                Target target = group[NameSearch.ordinal(key)];
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
     * Ranks a group: score, then the matched form's length (shorter first among equals, except for an
     * empty partial where all are equal), then the target's alphabetical position. Aliases only when
     * asked; an attachment is found by its file name, not by the folders it sits in, unless a path is typed.
     */
    private static BestOf best(FuzzyRanker ranker, FoldedNames names, boolean aliases, int room) {
        int[] forms = new int[Kind.values().length];
        Arrays.fill(forms, Integer.MAX_VALUE);
        forms[Kind.ALIAS.ordinal()] = aliases ? Integer.MAX_VALUE : 0;
        forms[Kind.ATTACHMENT.ordinal()] = ranker.query().indexOf('/') >= 0 ? Integer.MAX_VALUE : 1;
        return NameSearch.best(ranker, names, room, forms, !ranker.query().isEmpty());
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
