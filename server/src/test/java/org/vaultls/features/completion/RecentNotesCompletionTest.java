package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert.Cursor;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/** An empty {@code [[} offers the notes edited last first, as Obsidian's link suggester does. */
class RecentNotesCompletionTest {
    private static final String DAILY = "Daily/2026-03-02.md";

    /** A session: the vault, then each edit handed to completion as the server hands it. */
    private static final class Session {
        VaultIndex index = TestVault.of("Apollo.md", "", "Berlin.md", "", "Cairo.md", "", "Delta.md", "",
                "People/Ada Berg.md", "---\naliases: [Ada]\n---\n", DAILY, "").index();

        Session edit(String path, String text) {
            return change(List.of(NoteParser.parse(path, text)), List.of());
        }

        Session change(List<Note> upserts, List<String> removed) {
            VaultChange c = index.apply(upserts, removed, List.of(), List.of());
            Completions.changed(c);
            index = c.after();
            return this;
        }

        /** The labels offered at the {@code {|}} of {@code marked}, typed into the daily note. */
        List<String> labelsAt(String marked) {
            Cursor cursor = Cursor.parse(marked);
            edit(DAILY, cursor.text());
            Note note = index.note(DAILY).orElseThrow();
            return Completions.complete(index, note, cursor.offset()).items().stream()
                    .map(CompletionCandidate::label).toList();
        }
    }

    @Test
    void withoutEditsTheNotesComeInNameOrder() {
        assertEquals(List.of("2026-03-02", "Ada", "Ada Berg", "Apollo", "Berlin", "Cairo", "Delta"),
                new Session().labelsAt("Met [[{|}"));
    }

    @Test
    void theNotesEditedLastComeFirstMostRecentFirstAndOnlyOnce() {
        List<String> labels = new Session().edit("Cairo.md", "# Cairo\n").edit("Berlin.md", "# Berlin\n")
                .labelsAt("Met [[{|}");
        assertEquals(List.of("Berlin", "Cairo", "2026-03-02", "Ada", "Ada Berg", "Apollo", "Delta"), labels);
        assertEquals(1, labels.stream().filter("Berlin"::equals).count());
    }

    @Test
    void editingANoteAgainMovesItToTheFrontAndADeletedNoteLeaves() {
        Session s = new Session().edit("Cairo.md", "a").edit("Berlin.md", "b").edit("Cairo.md", "c")
                .edit("Apollo.md", "d").change(List.of(), List.of("Apollo.md"));
        assertEquals(List.of("Cairo", "Berlin", "2026-03-02", "Ada", "Ada Berg", "Delta"), s.labelsAt("Met [[{|}"));
    }

    @Test
    void theNoteBeingEditedIsNotOfferedAsRecentAndATypedNameRanksAsUsual() {
        // the daily note is edited last (the typing), yet keeps its place in name order
        Session s = new Session().edit("Delta.md", "x");
        assertEquals("Delta", s.labelsAt("Met [[{|}").get(0));
        assertEquals(List.of("Berlin"), s.edit("Delta.md", "y").labelsAt("Met [[Ber{|}").subList(0, 1));
        assertEquals(List.of("Delta", "2026-03-02"), s.labelsAt("[[{|}").subList(0, 2));
    }

    @Test
    void aChangeOfManyNotesAtOnceIsNoEdit() {
        Session s = new Session().edit("Cairo.md", "a").change(List.of(NoteParser.parse("Apollo.md", "1"),
                NoteParser.parse("Berlin.md", "2"), NoteParser.parse("Delta.md", "3"),
                NoteParser.parse("People/Ada Berg.md", "4")), List.of());
        assertEquals(List.of("Cairo", "2026-03-02", "Ada Berg", "Apollo", "Berlin", "Delta"), s.labelsAt("Met [[{|}"));
    }
}
