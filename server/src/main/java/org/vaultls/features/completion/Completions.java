package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.vaultls.features.dataview.DataviewCompleter;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * Completion in a note: finds what is being typed at the cursor ({@link CompletionTrigger}) and asks
 * each completer in turn; the first whose trigger it is answers. Obsidian completes wikilink targets,
 * headings and block ids after {@code [[}, and vault-ls adds {@code @Owner} tags on task lines,
 * {@code #tags}, and frontmatter keys and values; a markdown link's destination completes paths and
 * headings ({@link MarkdownPathCompleter}); in a dataview query, DQL ({@link DataviewCompleter}).
 * Nothing else is completed inside code. At most
 * {@link #LIMIT} items are returned, best first, with {@code incomplete} set when the list is full and
 * more may have matched.
 */
public final class Completions {
    /** The most items one answer carries. */
    public static final int LIMIT = 100;

    private static final Logger LOG = Logger.getLogger(Completions.class.getName());
    private static final List<Completer> COMPLETERS = List.of(new WikilinkCompleter(), new HeadingCompleter(),
            new BlockCompleter(), new OwnerCompleter(), new TagCompleter(), new FrontmatterCompleter());

    private Completions() {
    }

    /**
     * Completions at {@code offset}, a UTF-16 offset into {@code note.text()}; {@code note} is the text
     * being edited, already in {@code index}.
     */
    public static CompletionResult complete(VaultIndex index, Note note, int offset) {
        Optional<CompletionResult> path = MarkdownPathCompleter.complete(index, note, offset);
        if (path.isPresent()) {
            return sorted(path.get());
        }
        Optional<DataviewCompleter.Answer> query = DataviewCompleter.at(index, note, offset);
        Optional<CompletionTrigger> trigger = query.isPresent() ? dataview(query.get(), note, offset)
                : CompletionTrigger.at(note, offset);
        if (query.isPresent() && query.get() instanceof DataviewCompleter.Items items) {
            return sorted(new CompletionResult(items.items().stream().map(i -> candidate(i, note)).limit(LIMIT).toList(),
                    items.items().size() > LIMIT));
        }
        if (trigger.isEmpty()) {
            return CompletionResult.empty();
        }
        for (Completer completer : COMPLETERS) {
            try {
                Optional<CompletionResult> result = completer.complete(trigger.get(), index, note);
                if (result.isPresent()) {
                    return sorted(result.get());
                }
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, completer.getClass().getSimpleName() + " failed in " + note.path()
                        + " at offset " + offset, e);
            }
        }
        return CompletionResult.empty();
    }

    /** In a dataview query: a link or a tag is completed as anywhere else. */
    private static Optional<CompletionTrigger> dataview(DataviewCompleter.Answer answer, Note note, int offset) {
        if (answer instanceof DataviewCompleter.Link) {
            return TriggerScanner.linkAt(note, offset);
        }
        if (answer instanceof DataviewCompleter.Tag t) {
            return Optional.of(new CompletionTrigger.TagRef(t.partial(), t.start(), t.end()));
        }
        return Optional.empty();
    }

    private static CompletionCandidate candidate(DataviewCompleter.Item i, Note note) {
        CompletionCandidate.Kind kind = switch (i.kind()) {
            case KEYWORD -> CompletionCandidate.Kind.KEYWORD;
            case FUNCTION -> CompletionCandidate.Kind.FUNCTION;
            case FIELD -> CompletionCandidate.Kind.FIELD;
            case FOLDER -> CompletionCandidate.Kind.FOLDER;
            case PERSON -> CompletionCandidate.Kind.PERSON;
        };
        return new CompletionCandidate(i.label(), kind, i.detail(), i.documentation(), i.label(), null,
                note.lines().span(i.start(), i.end()), i.newText());
    }

    /**
     * Completions while the vault is still being read, from an index of its file names only: a heading
     * or block id after {@code [[Note#} comes from the target note read now, by {@code read} (a vault
     * path to its parsed note, or null), so the answer is not empty while the rest of the vault loads.
     */
    public static CompletionResult completeEarly(VaultIndex names, Note note, int offset, Function<String, Note> read) {
        String target = CompletionTrigger.at(note, offset).map(t -> t instanceof CompletionTrigger.LinkHeading h
                ? h.target() : t instanceof CompletionTrigger.LinkBlock b ? b.target() : null).orElse(null);
        VaultIndex scope = names;
        if (target != null && !target.isEmpty()) {
            Resolution r = LinkProbe.resolve(names, note, target);
            Note parsed = r.isBroken() || !r.note() ? null : read.apply(r.path());
            if (parsed != null) {
                scope = names.with(List.of(parsed), List.of(), List.of(), List.of());
            }
        }
        return complete(scope, note, offset);
    }

    /**
     * Builds what completion keeps per vault snapshot (names in compared form, tag and property counts),
     * which the first request would otherwise build. Optional: call it off the request path after a
     * vault is loaded. Later snapshots update it for the notes that changed.
     */
    public static void prepare(VaultIndex index) {
        LinkTargets.of(index);
        OwnerTargets.of(index);
        VaultTallies.of(index);
    }

    /**
     * Hands completion a change of the index, as it happens: what it keeps for the snapshot before is then
     * carried over to the snapshot after on the next request, for only the notes that changed.
     */
    public static void changed(VaultChange change) {
        LinkTargets.follow(change);
        OwnerTargets.follow(change);
        VaultTallies.follow(change);
        EditOrder.follow(change);
    }

    /** Gives each item a sort text that keeps the ranked order in editors that sort by it. */
    private static CompletionResult sorted(CompletionResult result) {
        List<CompletionCandidate> items = new ArrayList<>(result.items().size());
        for (int i = 0; i < result.items().size(); i++) {
            String n = Integer.toString(i);
            items.add(result.items().get(i).withSortText("0000".substring(Math.min(4, n.length())) + n));
        }
        return new CompletionResult(items, result.incomplete());
    }
}
