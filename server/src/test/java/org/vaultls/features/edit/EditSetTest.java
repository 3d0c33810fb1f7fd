package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.features.Edit;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

class EditSetTest {
    private final Note note = NoteParser.parse("a.md", "[[Ada Berg]] and [[Bo]]\n");

    @Test
    void keepsEditsInOffsetOrderAndDropsThoseThatChangeNothing() {
        EditSet set = new EditSet();
        set.replace(note, note.lines().span(19, 21), "Bo Chen");
        set.replace(note, note.lines().span(2, 10), "Ada Lind");
        set.replace(note, note.lines().span(13, 16), "and");
        set.replace(note, note.lines().span(2, 10), "Ada Lind");
        assertEquals(List.of(new Edit("a.md", note.lines().span(2, 10), "Ada Lind"),
                new Edit("a.md", note.lines().span(19, 21), "Bo Chen")), set.list());
    }

    @Test
    void refusesTwoDifferentEditsOfOverlappingText() {
        EditSet set = new EditSet();
        set.replace(note, note.lines().span(2, 10), "Ada Lind");
        assertThrows(IllegalStateException.class, () -> set.replace(note, note.lines().span(6, 12), "x"));
        assertThrows(IllegalStateException.class, () -> set.replace(note, note.lines().span(0, 3), "x"));
        assertThrows(IllegalStateException.class, () -> set.replace(note, note.lines().span(2, 2), "x"));
    }
}
