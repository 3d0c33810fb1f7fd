package org.vaultls.features.dataview;

import java.util.List;
import java.util.Optional;
import org.vaultls.dataview.DqlRender;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.dataview.DataviewBlocks.Block;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * "Write results below": a block's rendered result written into the note right after the block, between
 * {@link #START} and {@link #END} lines, so it reads in any markdown viewer. When the lines after the
 * block (blank lines skipped) already hold such a section, it is replaced, not added again. Links are
 * wikilinks by the note's name, or by its path when several notes share the name. At most {@link #ROWS}
 * rows are written. Only a closed block with a result is offered the edit.
 */
public final class ResultsSection {
    public static final String START = "<!-- dataview:results -->";
    public static final String END = "<!-- /dataview:results -->";
    static final int ROWS = 1000;

    private ResultsSection() {
    }

    /** The edit, with its title ("Write results below" or "Update results below"). */
    public record Write(String title, WorkspaceChange change) {
    }

    /** The write for each block of {@code note} that overlaps {@code start..end}. */
    public static List<Write> at(VaultIndex index, Note note, int start, int end, BlockResults results) {
        return DataviewBlocks.of(note).stream()
                .filter(b -> !b.js() && b.start() <= end && b.end() >= start && b.queryEnd() < b.end())
                .map(b -> write(index, note, b, results)).flatMap(Optional::stream).toList();
    }

    static Optional<Write> write(VaultIndex index, Note note, Block block, BlockResults results) {
        BlockResult r = results.of(index, note, block);
        if (!r.isOk()) {
            return Optional.empty();
        }
        String text = note.text();
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        String md = DqlRender.markdown(r.result().get(), p -> linkText(index, p), ROWS).replace("\n", nl);
        LineMap lines = note.lines();
        int lastLine = lines.lineOf(Math.max(block.start(), block.end() - 1));
        int after = lastLine + 1 < lines.lineCount() ? lines.lineStart(lastLine + 1) : text.length();
        String section = START + nl + md + END + nl;
        Optional<int[]> old = existing(lines, lastLine + 1);
        if (old.isPresent()) {
            Edit e = new Edit(note.path(), lines.span(old.get()[0], old.get()[1]), section);
            return Optional.of(new Write("Update results below", change(e)));
        }
        String lead = after == text.length() && !text.endsWith("\n") ? nl + nl : nl;
        Edit e = new Edit(note.path(), lines.span(after, after), lead + section);
        return Optional.of(new Write("Write results below", change(e)));
    }

    /** The offsets of a results section starting at {@code line} or after blank lines, to its END line's end. */
    private static Optional<int[]> existing(LineMap lines, int line) {
        int l = line;
        while (l < lines.lineCount() && lines.lineText(l).isBlank()) {
            l++;
        }
        if (l >= lines.lineCount() || !lines.lineText(l).strip().equals(START)) {
            return Optional.empty();
        }
        for (int k = l + 1; k < lines.lineCount(); k++) {
            String t = lines.lineText(k).strip();
            if (t.equals(END)) {
                int end = k + 1 < lines.lineCount() ? lines.lineStart(k + 1) : lines.text().length();
                return Optional.of(new int[] {lines.lineStart(l), end});
            }
            if (t.startsWith("```") || t.startsWith("~~~")) {
                return Optional.empty(); // an unclosed section: never swallow the next block
            }
        }
        return Optional.empty();
    }

    /** A note's link text: its name when that is unique, else its path without {@code .md}. */
    public static String linkText(VaultIndex index, String path) {
        if (index.note(path).isEmpty()) {
            return VaultPaths.stripMd(path);
        }
        String name = VaultPaths.stem(path);
        return index.notesNamed(name).size() == 1 ? name : VaultPaths.stripMd(path);
    }

    private static WorkspaceChange change(Edit e) {
        return new WorkspaceChange(List.of(e), List.of(), List.of());
    }
}
