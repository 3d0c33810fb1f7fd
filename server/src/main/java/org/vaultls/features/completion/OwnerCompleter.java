package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.CompletionTrigger.Owner;
import org.vaultls.index.Person;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;

/**
 * Completes {@code @Owner} tags on task lines with the vault's people: a person is found by any of
 * their owner tags and by their title, and is inserted with their first owner tag ({@code @AdaBerg}),
 * the form dataview queries such as {@code contains(text, "@AdaBerg")} look for. The detail is their
 * role and company; the documentation lists their key facts.
 */
final class OwnerCompleter implements Completer {

    @Override
    public Optional<CompletionResult> complete(CompletionTrigger trigger, VaultIndex index, Note note) {
        if (!(trigger instanceof Owner o)) {
            return Optional.empty();
        }
        FuzzyRanker ranker = new FuzzyRanker(o.partial());
        OwnerTargets people = OwnerTargets.of(index);
        // one more than is shown, to know whether more matched
        long[] best = NameSearch.best(ranker, people.names, Completions.LIMIT + 1, new int[] {Integer.MAX_VALUE},
                false).sorted();
        Span replace = note.lines().span(o.start(), o.end());
        List<CompletionCandidate> out = new ArrayList<>();
        for (int k = 0; k < Math.min(best.length, Completions.LIMIT); k++) {
            int i = NameSearch.ordinal(best[k]);
            Person p = people.people[i];
            String form = bestForm(ranker, people.names, i);
            String filter = p.ownerTags().contains(form) ? "@" + form : p.ownerTag();
            out.add(new CompletionCandidate(p.ownerTag(), Kind.PERSON, detail(p), facts(p), ranker.filterText(filter),
                    null, replace,
                    p.ownerTag()));
        }
        return Optional.of(new CompletionResult(out, best.length > out.size()));
    }

    /** The first of the person's forms that scores best. */
    private static String bestForm(FuzzyRanker ranker, FoldedNames names, int person) {
        int best = FuzzyRanker.NO_MATCH;
        String form = null;
        for (int e = names.first(person); e < names.first(person) + names.forms(person); e++) {
            int s = ranker.score(names, e, FuzzyRanker.maxScore(2));
            if (s >= 0 && (best < 0 || s < best)) {
                best = s;
                form = names.written(e);
            }
        }
        return form;
    }

    /** "Role, Company", either alone, or the person's title when both are unknown. */
    static String detail(Person p) {
        if (p.role() != null && p.company() != null) {
            return p.role() + ", " + p.company();
        }
        if (p.role() != null) {
            return p.role();
        }
        return p.company() != null ? p.company() : p.title();
    }

    /** The key facts as a markdown list, or null when there are none. */
    static String facts(Person p) {
        if (p.keyFacts().isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String fact : p.keyFacts()) {
            sb.append(sb.length() == 0 ? "" : "\n").append("- ").append(fact);
        }
        return sb.toString();
    }
}
