package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.CompletionTrigger.TagRef;
import org.vaultls.features.completion.FuzzyRanker.TopUses;
import org.vaultls.features.completion.FuzzyRanker.Use;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;

/**
 * Completes {@code #tags} in body text with the tags used in the vault, in the body or in frontmatter
 * {@code tags}, compared case-insensitively as Obsidian does, each with the number of notes using it.
 * Among equal matches the most used tag comes first. The partial tag being typed is not counted as a use.
 */
final class TagCompleter implements Completer {

    @Override
    public Optional<CompletionResult> complete(CompletionTrigger trigger, VaultIndex index, Note note) {
        if (!(trigger instanceof TagRef t)) {
            return Optional.empty();
        }
        Map<String, String> own = VaultTallies.tagsOf(note);
        Map<String, String> ownButTyped = new LinkedHashMap<>();
        for (Tag tag : note.tags()) {
            if (tag.inFrontmatter() || tag.span().startOffset() != t.start() + 1) {
                Tally.collect(ownButTyped, tag.name());
            }
        }
        FuzzyRanker ranker = new FuzzyRanker(t.partial());
        TopUses top = ranker.top(VaultTallies.of(index).tags,
                c -> c.notes() - (own.containsKey(c.key()) ? 1 : 0) + (ownButTyped.containsKey(c.key()) ? 1 : 0),
                Completions.LIMIT);
        Span replace = note.lines().span(t.start(), t.end());
        List<CompletionCandidate> out = new ArrayList<>();
        for (Use u : top.items()) {
            String tag = "#" + u.count().display();
            out.add(new CompletionCandidate(tag, Kind.TAG, Tally.describe(u.uses()), null, ranker.filterText(tag), null,
                    replace, tag));
        }
        return Optional.of(new CompletionResult(out, top.incomplete()));
    }
}
