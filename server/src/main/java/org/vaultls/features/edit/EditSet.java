package org.vaultls.features.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vaultls.features.Edit;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;

/** Collects the text edits of one change: no-ops are dropped, and two edits may never overlap. */
final class EditSet {
    private final Map<String, TreeMap<Integer, Edit>> byPath = new TreeMap<>();

    /** Replace {@code span} of {@code note} with {@code newText}, unless the text there is already that. */
    void replace(Note note, Span span, String newText) {
        if (note.text().substring(span.startOffset(), span.endOffset()).equals(newText)) {
            return;
        }
        TreeMap<Integer, Edit> edits = byPath.computeIfAbsent(note.path(), p -> new TreeMap<>());
        Edit edit = new Edit(note.path(), span, newText);
        Map.Entry<Integer, Edit> before = edits.floorEntry(span.startOffset());
        Map.Entry<Integer, Edit> after = edits.ceilingEntry(span.startOffset());
        if (same(before, edit) || same(after, edit)) {
            return;
        }
        if (overlaps(before, span) || overlaps(after, span)) {
            throw new IllegalStateException("overlapping edits in " + note.path() + ": " + edit + " and "
                    + (overlaps(before, span) ? before : after).getValue());
        }
        edits.put(span.startOffset(), edit);
    }

    private static boolean same(Map.Entry<Integer, Edit> e, Edit edit) {
        return e != null && e.getValue().equals(edit);
    }

    private static boolean overlaps(Map.Entry<Integer, Edit> e, Span span) {
        if (e == null) {
            return false;
        }
        Span o = e.getValue().span();
        return o.startOffset() == span.startOffset()
                || (o.startOffset() < span.endOffset() && span.startOffset() < o.endOffset());
    }

    /** The edits by path, then by offset. */
    List<Edit> list() {
        List<Edit> out = new ArrayList<>();
        byPath.values().forEach(m -> out.addAll(m.values()));
        return out;
    }
}
