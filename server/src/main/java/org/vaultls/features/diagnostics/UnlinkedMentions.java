package org.vaultls.features.diagnostics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultls.features.CancelCheck;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;

/**
 * The unlinked mentions of a note: text that names another note (its file name, frontmatter
 * {@code title} or an alias, a person's included) as whole words, compared ignoring case, without
 * linking it. As in Obsidian's backlinks pane, only prose counts: nothing in the frontmatter, code,
 * comments, HTML or dataview blocks (the note's {@link org.vaultls.vault.Regions}), nor inside a link,
 * a tag, an {@code @Owner} tag or a block id. A note never mentions itself, and a note that already
 * links to another has no unlinked mentions of it. Where names overlap, the longest wins
 * ({@code Ada Berg} before {@code Ada}); where several notes share a name, the file name beats a title
 * and a title an alias, then the shortest path.
 *
 * <p>The one finder of mentions: the {@code unlinked-mention} check, its quick fix and the "link all
 * mentions" action all ask here. The text is read once, word by word, each word looked up in the
 * snapshot's {@link MentionNames}.
 */
public final class UnlinkedMentions {

    /**
     * One mention.
     *
     * @param span where the words are
     * @param words the words as written in the note
     * @param path the note they name
     * @param name that note's name as the note spells it (file name, title or alias)
     * @param byAlias true when {@code name} is an alias or title, not the file name
     */
    public record Mention(Span span, String words, String path, String name, boolean byAlias) {
    }

    private UnlinkedMentions() {
    }

    /** The unlinked mentions of {@code note}, in text order. */
    public static List<Mention> of(VaultIndex index, Note note) {
        return of(index, note, CancelCheck.NEVER);
    }

    /** The unlinked mentions of {@code note}, in text order; {@code cancel} is checked every few thousand words. */
    public static List<Mention> of(VaultIndex index, Note note, CancelCheck cancel) {
        String text = note.text();
        int[] skip = skipped(note);
        var state = new Object() {
            int skipAt;
            Set<String> linked; // resolved only once a name is met
        };
        List<Mention> out = new ArrayList<>();
        scan(text, MentionNames.of(index), cancel, (names, i, to) -> {
            while (state.skipAt < skip.length && skip[state.skipAt + 1] <= i) {
                state.skipAt += 2;
            }
            boolean free = (state.skipAt >= skip.length || skip[state.skipAt] >= to) && note.regions().isProse(i)
                    && note.regions().isProse(to - 1);
            if (!free) {
                return;
            }
            if (state.linked == null) {
                state.linked = linkedPaths(index, note);
            }
            for (MentionNames.Name name : names) {
                if (!state.linked.contains(name.path())) {
                    out.add(new Mention(note.lines().span(i, to), text.substring(i, to), name.path(),
                            name.written(), name.source() != MentionNames.Source.FILE_NAME));
                    return;
                }
            }
        });
        return out;
    }

    /**
     * True when {@code note}'s text holds, anywhere, one of the names in {@code names}: the notes whose
     * mentions may change when those names come or go.
     */
    static boolean holdsAny(Note note, MentionNames names) {
        boolean[] found = {false};
        scan(note.text(), names, CancelCheck.NEVER, (hit, i, to) -> found[0] = true);
        return found[0];
    }

    /** Where names (of one spelling, the preferred note first) are written, from {@code start} to {@code end}. */
    private interface Hit {
        void at(List<MentionNames.Name> names, int start, int end);
    }

    /**
     * Reads {@code text} word by word; where a word starts a name of {@code names} written there as
     * whole words, the longest such name takes its words (reported as a hit) and the scan goes on after it.
     */
    private static void scan(String text, MentionNames names, CancelCheck cancel, Hit hit) {
        int words = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            if (!MentionText.isWordChar(text.charAt(i))) {
                i++;
                continue;
            }
            int end = MentionNames.wordEnd(text, i);
            if ((++words & 4095) == 0) {
                cancel.check();
            }
            MentionNames.Node node = MentionText.startsWord(text, i) ? names.startingWith(text, i, end) : null;
            int next = end;
            if (node != null) {
                List<MentionNames.Name> best = null;
                int bestEnd = end;
                int at = end;
                while (node != null) {
                    if (!node.names.isEmpty() && MentionText.endsWord(text, at)) {
                        best = node.names;
                        bestEnd = at;
                    }
                    for (var tail : node.tails.entrySet()) {
                        int to = at + tail.getKey().length();
                        if (to <= n && to > bestEnd && text.regionMatches(true, at, tail.getKey(), 0,
                                tail.getKey().length()) && MentionText.endsWord(text, to)) {
                            best = tail.getValue();
                            bestEnd = to;
                        }
                    }
                    int sep = at;
                    while (sep < n && sep - at < 8 && !MentionText.isWordChar(text.charAt(sep))) {
                        sep++;
                    }
                    if (sep == at || sep >= n || !MentionText.isWordChar(text.charAt(sep))) {
                        break;
                    }
                    int wordEnd = MentionNames.wordEnd(text, sep);
                    node = node.next.isEmpty() ? null : node.next.get(MentionNames.lower(text.substring(at, wordEnd)));
                    at = wordEnd;
                }
                if (best != null) {
                    hit.at(best, i, bestEnd);
                    next = Math.max(end, bestEnd);
                }
            }
            i = next;
        }
    }

    /** The notes {@code note} links to already. */
    private static Set<String> linkedPaths(VaultIndex index, Note note) {
        Set<String> out = new HashSet<>();
        out.add(note.path());
        for (Resolution r : index.resolutions(note)) {
            if (!r.isBroken()) {
                out.add(r.path());
            }
        }
        return out;
    }

    /**
     * The spans no mention may touch, as sorted {@code start, end} pairs: links, tags (with their
     * {@code #}), owner tags (with their {@code @}) and block ids.
     */
    private static int[] skipped(Note note) {
        List<int[]> spans = new ArrayList<>();
        for (Link l : note.links()) {
            spans.add(new int[] {l.span().startOffset(), l.span().endOffset()});
        }
        for (Tag t : note.tags()) {
            spans.add(new int[] {Math.max(0, t.span().startOffset() - 1), t.span().endOffset()});
        }
        for (Task t : note.tasks()) {
            for (OwnerRef o : t.owners()) {
                spans.add(new int[] {Math.max(0, o.span().startOffset() - 1), o.span().endOffset()});
            }
        }
        for (BlockId b : note.blocks()) {
            spans.add(new int[] {b.span().startOffset(), b.span().endOffset()});
        }
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        int[] out = new int[spans.size() * 2];
        for (int k = 0; k < spans.size(); k++) {
            out[2 * k] = spans.get(k)[0];
            out[2 * k + 1] = spans.get(k)[1];
        }
        return out;
    }
}
