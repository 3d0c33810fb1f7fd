package org.vaultls.features.dataview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Note;
import org.vaultls.vault.Regions;

/**
 * The {@code ```dataview} blocks of a note, as its region map has them: where the block is (fence lines
 * included), where the query text is, and the query. {@code ```dataviewjs} blocks are listed with
 * {@code js} set (they are JavaScript, which vault-ls does not run).
 */
public final class DataviewBlocks {
    private DataviewBlocks() {
    }

    /**
     * One block. {@code start}/{@code end} span the block from its opening fence to the end of its closing
     * fence line (or the note's end when unclosed); {@code queryStart}/{@code queryEnd} the text between
     * the fences, which is {@code query}.
     */
    public record Block(int start, int end, int queryStart, int queryEnd, String query, boolean js) {
        public boolean contains(int offset) {
            return offset >= start && offset <= end;
        }
    }

    /** Every dataview block of {@code note}, in order. */
    public static List<Block> of(Note note) {
        String text = note.text();
        LineMap lines = note.lines();
        List<Block> out = new ArrayList<>();
        for (Regions.Region r : note.regions().list()) {
            if (r.kind() != Regions.Kind.DATAVIEW) {
                continue;
            }
            int open = lines.lineOf(r.start());
            String fence = lines.lineText(open).strip();
            boolean js = fence.replaceFirst("^[`~]+", "").strip().toLowerCase(java.util.Locale.ROOT)
                    .startsWith("dataviewjs");
            int queryStart = Math.min(r.end(), lines.lineStart(open) + lines.lineText(open).length());
            if (queryStart < text.length() && text.charAt(queryStart) == '\r') {
                queryStart++;
            }
            if (queryStart < text.length() && text.charAt(queryStart) == '\n') {
                queryStart++;
            }
            int last = lines.lineOf(Math.max(r.start(), r.end() - 1));
            String lastLine = lines.lineText(last).strip();
            boolean closed = last > open && (lastLine.startsWith("```") || lastLine.startsWith("~~~"))
                    && lastLine.replaceAll("[`~]", "").isEmpty();
            int queryEnd = closed ? lines.lineStart(last) : r.end();
            queryEnd = Math.max(queryStart, queryEnd);
            out.add(new Block(r.start(), r.end(), queryStart, queryEnd, text.substring(queryStart, queryEnd), js));
        }
        return List.copyOf(out);
    }

    /** The block at {@code offset}, if any. */
    public static Optional<Block> at(Note note, int offset) {
        return of(note).stream().filter(b -> b.contains(offset)).findFirst();
    }
}
