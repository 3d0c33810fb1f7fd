package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.CompletionTrigger.LinkBlock;
import org.vaultls.features.completion.CompletionTrigger.Tail;
import org.vaultls.features.completion.FuzzyRanker.Ranked;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Note;

/**
 * Completes the block id after {@code [[Note#^} ({@code [[#^} for the note being edited). The detail is
 * the text of the block, so ids like {@code ^a1b2c3} can be told apart; for an id on a line of its own
 * (after a list, quote or table) that is the line above it.
 */
final class BlockCompleter implements Completer {
    private static final int EXCERPT = 60;

    @Override
    public Optional<CompletionResult> complete(CompletionTrigger trigger, VaultIndex index, Note note) {
        if (!(trigger instanceof LinkBlock b)) {
            return Optional.empty();
        }
        Optional<Note> target = LinkProbe.note(index, note, b.target());
        if (target.isEmpty()) {
            return Optional.of(CompletionResult.empty());
        }
        List<Ranked<BlockId>> ranked = new FuzzyRanker(b.partial()).rank(target.get().blocks(),
                x -> List.of(x.id()), Comparator.comparingInt(x -> x.span().startOffset()));
        Span replace = note.lines().span(b.start(), b.end());
        String close = b.tail() == Tail.CONTINUES ? "" : "]]";
        List<CompletionCandidate> out = new ArrayList<>();
        for (Ranked<BlockId> r : ranked.subList(0, Math.min(ranked.size(), Completions.LIMIT))) {
            BlockId id = r.item();
            out.add(new CompletionCandidate("^" + id.id(), Kind.BLOCK, excerpt(target.get(), id), null, id.id(), null,
                    replace, id.id() + close));
        }
        return Optional.of(new CompletionResult(out, ranked.size() > out.size()));
    }

    private static String excerpt(Note note, BlockId id) {
        LineMap lines = note.lines();
        int line = id.span().start().line();
        String text = note.text().substring(lines.lineStart(line), id.span().startOffset()).strip();
        for (int l = line - 1; text.isEmpty() && l >= 0; l--) {
            text = lines.lineText(l).strip();
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }
}
