package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.CompletionTrigger.LinkHeading;
import org.vaultls.features.completion.CompletionTrigger.Tail;
import org.vaultls.features.completion.FuzzyRanker.Ranked;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;

/**
 * Completes the heading after {@code [[Note#} ({@code [[#} for the note being edited). After a chain
 * {@code [[Note#A#} only headings inside A's section are offered, since Obsidian reads each heading of
 * a chain within the section of the one before. The inserted heading drops the characters Obsidian
 * cannot keep in a link ({@code [ ] | ^ # : %}); ties keep document order.
 */
final class HeadingCompleter implements Completer {

    @Override
    public Optional<CompletionResult> complete(CompletionTrigger trigger, VaultIndex index, Note note) {
        if (!(trigger instanceof LinkHeading h)) {
            return Optional.empty();
        }
        Optional<Note> target = LinkProbe.note(index, note, h.target());
        if (target.isEmpty()) {
            return Optional.of(CompletionResult.empty());
        }
        List<Heading> scope = scope(target.get(), h.chain());
        FuzzyRanker ranker = new FuzzyRanker(h.partial());
        List<Ranked<Heading>> ranked = ranker.rank(scope, x -> forms(x.text()),
                Comparator.comparingInt(x -> x.span().startOffset()));
        Span replace = note.lines().span(h.start(), h.end());
        String close = h.tail() == Tail.CONTINUES ? "" : "]]";
        String where = target.get().path();
        List<CompletionCandidate> out = new ArrayList<>();
        for (Ranked<Heading> r : ranked.subList(0, Math.min(ranked.size(), Completions.LIMIT))) {
            Heading x = r.item();
            String text = linkable(x.text());
            out.add(new CompletionCandidate(x.text(), Kind.HEADING, "H" + x.level() + " in " + where, null,
                    ranker.filterText(r.form()), null, replace, text + close));
        }
        return Optional.of(new CompletionResult(out, ranked.size() > out.size()));
    }

    /**
     * The heading as a link writes it, and without code marks: {@code ### `hasTag()`} is found by
     * {@code hasTag} as a prefix, and filtered by {@code hasTag()} in editors that match from the start.
     */
    private static List<String> forms(String heading) {
        String link = linkable(heading);
        String plain = link.replace("`", "").strip();
        return plain.equals(link) || plain.isEmpty() ? List.of(link) : List.of(link, plain);
    }

    /** Every heading of the note, or those inside the section the chain names. */
    private static List<Heading> scope(Note note, List<String> chain) {
        List<Heading> all = note.headings();
        if (chain.isEmpty()) {
            return all;
        }
        Optional<Heading> parent = VaultIndex.findHeading(note, chain);
        if (parent.isEmpty()) {
            return List.of();
        }
        int i = 0;
        while (all.get(i) != parent.get()) {
            i++;
        }
        int end = i + 1;
        while (end < all.size() && all.get(end).level() > parent.get().level()) {
            end++;
        }
        return all.subList(i + 1, end);
    }

    /** The heading as a link writes it: {@code [ ] | ^ # : %} dropped, runs of spaces made one. */
    static String linkable(String heading) {
        StringBuilder sb = new StringBuilder(heading.length());
        for (int i = 0; i < heading.length(); i++) {
            char c = heading.charAt(i);
            if ("[]|^#:%".indexOf(c) >= 0) {
                continue;
            }
            if (Character.isWhitespace(c) && (sb.length() == 0 || sb.charAt(sb.length() - 1) == ' ')) {
                continue;
            }
            sb.append(Character.isWhitespace(c) ? ' ' : c);
        }
        return sb.toString().strip();
    }
}
