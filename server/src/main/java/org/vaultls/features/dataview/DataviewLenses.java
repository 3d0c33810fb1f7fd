package org.vaultls.features.dataview;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vaultls.dataview.DqlEngine.Row;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.Location;
import org.vaultls.text.Span;
import org.vaultls.features.query.Title;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * A lens above each dataview block of a note: its {@link ResultSummary}, and, to list on a click, the
 * places its result names (a task's line, a note's title), at most {@link #MAX_LOCATIONS}.
 * {@code features/lens} shows them with the note's other lenses.
 */
public final class DataviewLenses {
    static final int MAX_LOCATIONS = 200;

    private DataviewLenses() {
    }

    /** One block's lens: at the start of its opening fence line. */
    public record BlockLens(Span span, String title, List<Location> places) {
    }

    public static List<BlockLens> of(VaultIndex index, Note note, BlockResults results, Clock clock, CancelCheck cancel) {
        LocalDate today = LocalDate.now(clock);
        List<BlockLens> out = new ArrayList<>();
        for (BlockResult r : results.of(index, note, cancel)) {
            List<Location> places = new ArrayList<>();
            r.result().ifPresent(res -> {
                for (Row row : ResultSummary.leaves(res.rows())) {
                    if (places.size() >= MAX_LOCATIONS || row.path() == null) {
                        break;
                    }
                    if (row.task() != null) {
                        places.add(new Location(row.path(), row.task().span()));
                    } else {
                        places.add(new Location(row.path(), index.note(row.path()).map(Title::declaration)
                                .orElse(Title.TOP)));
                    }
                }
            });
            int line = note.lines().lineOf(r.block().start());
            int at = note.lines().lineStart(line);
            out.add(new BlockLens(note.lines().span(at, at), ResultSummary.of(r, today), places));
        }
        return out;
    }
}
