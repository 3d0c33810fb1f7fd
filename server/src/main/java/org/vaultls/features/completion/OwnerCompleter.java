package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.CompletionTrigger.Owner;
import org.vaultls.features.completion.FuzzyRanker.Ranked;
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
        List<Ranked<Person>> ranked = ranker.rank(index.people(), OwnerCompleter::forms,
                Comparator.comparing(Person::ownerTag, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::path));
        Span replace = note.lines().span(o.start(), o.end());
        List<CompletionCandidate> out = new ArrayList<>();
        for (Ranked<Person> r : ranked.subList(0, Math.min(ranked.size(), Completions.LIMIT))) {
            Person p = r.item();
            String filter = p.ownerTags().contains(r.form()) ? "@" + r.form() : p.ownerTag();
            out.add(new CompletionCandidate(p.ownerTag(), Kind.PERSON, detail(p), facts(p), ranker.filterText(filter),
                    null, replace,
                    p.ownerTag()));
        }
        return Optional.of(new CompletionResult(out, ranked.size() > out.size()));
    }

    private static List<String> forms(Person p) {
        List<String> forms = new ArrayList<>(p.ownerTags());
        forms.add(p.title());
        return forms;
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
