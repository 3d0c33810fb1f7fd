package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.FuzzyRanker.Ranked;
import org.vaultls.features.completion.LinkTargets.Target;
import org.vaultls.features.edit.LinkText;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;
import org.vaultls.vault.VaultPaths;

/**
 * Completes the destination of a markdown link, {@code [text](} and {@code [text](<}: notes and
 * attachments, as paths relative to the note with their extension, written as Obsidian writes them
 * ({@link LinkText#forMarkdownLink}: {@code %20} for a space after {@code (}, raw between {@code <>});
 * after {@code path#}, the headings of the file the path leads to ({@code #} alone: the note's own).
 * The typed text is read decoded and without its {@code ./} and {@code ../} steps, and ranked against
 * each file's name and vault path by {@link FuzzyRanker}. Nothing is completed in code, comments or
 * the frontmatter.
 */
final class MarkdownPathCompleter {

    /** The destination being typed: from {@code start} (after {@code (} or {@code (<}) to the cursor. */
    record Destination(boolean angle, int start, int cursor, int end) {
    }

    private MarkdownPathCompleter() {
    }

    /** Completions when {@code offset} is in a markdown link's destination; empty otherwise. */
    static Optional<CompletionResult> complete(VaultIndex index, Note note, int offset) {
        Optional<Destination> d = destination(note, offset);
        if (d.isEmpty()) {
            return Optional.empty();
        }
        String text = note.text();
        String typed = text.substring(d.get().start(), d.get().cursor());
        int hash = typed.indexOf('#');
        if (hash >= 0) {
            return Optional.of(headings(index, note, d.get(), typed.substring(0, hash), hash));
        }
        return Optional.of(paths(index, note, d.get(), decode(typed, d.get().angle())));
    }

    /** The markdown link destination holding {@code offset}, read on its line only. */
    static Optional<Destination> destination(Note note, int offset) {
        String text = note.text();
        if (offset < 2 || offset > text.length() || !note.regions().isProse(offset - 1)) {
            return Optional.empty();
        }
        int line = note.lines().lineOf(offset);
        int ls = note.lines().lineStart(line);
        int le = note.lines().lineEnd(line);
        for (int i = offset - 1; i > ls; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == '>' || c == '[') {
                return Optional.empty();
            }
            if (c == '(' && text.charAt(i - 1) == ']' && text.lastIndexOf('[', i - 2) >= ls) {
                boolean angle = i + 1 < text.length() && text.charAt(i + 1) == '<' && i + 1 < offset;
                int start = angle ? i + 2 : i + 1;
                if (text.substring(start, offset).indexOf('<') >= 0 || (!angle && text.substring(start, offset)
                        .chars().anyMatch(Character::isWhitespace))) {
                    return Optional.empty();
                }
                int end = offset;
                while (end < le && ")#>".indexOf(text.charAt(end)) < 0
                        && (angle || !Character.isWhitespace(text.charAt(end)))) {
                    end++;
                }
                return Optional.of(new Destination(angle, start, offset, end));
            }
        }
        return Optional.empty();
    }

    private static CompletionResult paths(VaultIndex index, Note note, Destination d, String typed) {
        String query = typed;
        while (query.startsWith("./") || query.startsWith("../")) {
            query = query.substring(query.indexOf('/') + 1);
        }
        LinkTargets targets = LinkTargets.of(index);
        List<Target> files = new ArrayList<>();
        for (Target[] group : new Target[][] {targets.notesAndAliases, targets.attachments}) {
            for (Target t : group) {
                if (t.kind() != Kind.ALIAS && !t.path().equals(note.path())) {
                    files.add(t);
                }
            }
        }
        FuzzyRanker ranker = new FuzzyRanker(query);
        List<Ranked<Target>> ranked = ranker.rank(files, t -> List.of(VaultPaths.fileName(t.path()), t.path()),
                Comparator.comparing((Target t) -> t.kind() == Kind.ATTACHMENT).thenComparing(Target::path));
        Span replace = note.lines().span(d.start(), d.end());
        List<CompletionCandidate> out = new ArrayList<>();
        for (Ranked<Target> r : ranked.subList(0, Math.min(ranked.size(), Completions.LIMIT))) {
            Target t = r.item();
            String written = LinkText.forMarkdownLink(index, note, t.path(), d.angle());
            out.add(new CompletionCandidate(VaultPaths.fileName(t.path()), t.kind(), t.path(), null, written, null,
                    replace, written));
        }
        return new CompletionResult(out, ranked.size() > out.size());
    }

    private static CompletionResult headings(VaultIndex index, Note note, Destination d, String path, int hash) {
        String target = decode(path, d.angle()).strip();
        Optional<Note> file = LinkProbe.note(index, note, target);
        if (file.isEmpty()) {
            return CompletionResult.empty();
        }
        int start = d.start() + hash + 1;
        String partial = decode(note.text().substring(start, d.cursor()), d.angle());
        FuzzyRanker ranker = new FuzzyRanker(partial);
        List<Ranked<Heading>> ranked = ranker.rank(file.get().headings(), h -> List.of(h.text()),
                Comparator.comparingInt(h -> h.span().startOffset()));
        Span replace = note.lines().span(start, d.end());
        List<CompletionCandidate> out = new ArrayList<>();
        for (Ranked<Heading> r : ranked.subList(0, Math.min(ranked.size(), Completions.LIMIT))) {
            Heading h = r.item();
            String written = LinkText.markdownSubpath(h.text(), d.angle());
            out.add(new CompletionCandidate(h.text(), Kind.HEADING, "H" + h.level() + " in " + file.get().path(),
                    null, written, null, replace, written));
        }
        return new CompletionResult(out, ranked.size() > out.size());
    }

    private static String decode(String s, boolean angle) {
        return angle ? s : NoteParser.percentDecode(s);
    }
}
