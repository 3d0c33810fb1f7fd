package org.vaultls.features.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert;
import org.vaultls.VaultAssert.Cursor;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.Edit;
import org.vaultls.features.Location;
import org.vaultls.features.edit.CodeAction;
import org.vaultls.features.edit.CodeActions;
import org.vaultls.features.edit.VaultBoundary;
import org.vaultls.features.hover.HoverCard;
import org.vaultls.features.hover.Hovers;
import org.vaultls.features.lens.CodeLenses;
import org.vaultls.features.lens.Lens;
import org.vaultls.features.navigation.Navigation;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** A dataview block's result in the editor: hover, code lens, "Write results below", definition. */
class DataviewInTheEditorTest {
    static final Clock CLOCK = VaultAssert.clockAt(VaultAssert.TODAY); // 2025-12-20
    static final String TASKS = """
            - [ ] Send the deck @Ada 📅 2025-12-10
            - [ ] Book the venue @Ada 📅 2026-01-05
            - [ ] Call [[Zephyr Project|Zephyr]] about @Ada's slot
            - [x] Old thing @Ada 📅 2025-11-01
            - [ ] Draft notes @Ada
            """;

    private static TestVault vault(String adaWithCursor) {
        return TestVault.of(
                "People/Ada.md", adaWithCursor,
                "Projects/Apollo Project.md", "# Apollo\n\nOwner: [[Ada]]\n",
                "Projects/Zephyr Project.md", "# Zephyr\n\nOwner: [[Ada]]\n",
                "Projects/Mercury Project.md", "# Mercury\n\nNo owner.\n",
                "Daily/2025-12-01.md", TASKS);
    }

    private record At(VaultIndex index, Note note, int offset) {
    }

    private static At at(String adaWithCursor) {
        Cursor c = Cursor.parse(adaWithCursor);
        VaultIndex index = vault(c.text()).index();
        return new At(index, index.note("People/Ada.md").orElseThrow(), c.offset());
    }

    private static String hover(String adaWithCursor, boolean uris) {
        At a = at(adaWithCursor);
        HoverCard card = Hovers.hover(a.index(), a.note(), a.offset(), uris ? p -> "file:///v/" + p : null, CLOCK)
                .orElseThrow();
        return card.markdown();
    }

    @Test
    void hoverOnAListBlockShowsItsNotesAsLinksToTheirFiles() {
        String md = hover("```dataview\nLIST FROM \"Projects\" WHERE contains(file.outlinks, this.file.link){|}\n```\n", true);
        assertEquals("""
                **Dataview** · 2 notes

                - [Apollo Project](<file:///v/Projects/Apollo Project.md>)
                - [Zephyr Project](<file:///v/Projects/Zephyr Project.md>)
                """, md);
    }

    @Test
    void hoverWithoutUrisNamesTheNotes() {
        String md = hover("```data{|}view\nLIST FROM \"Projects\" WHERE contains(file.outlinks, this.file.link)\n```\n", false);
        assertTrue(md.endsWith("- Apollo Project\n- Zephyr Project\n"), md);
    }

    @Test
    void hoverOnATaskBlockGroupsTasksUnderTheirNoteAndLinksTheWikilinksInTheirText() {
        String md = hover("```dataview\nTASK WHERE contains(text, \"@Ada\") AND !completed{|}\n```\n", true);
        assertTrue(md.startsWith("**Dataview** · 4 open tasks · 1 overdue\n\n[2025-12-01](<file:///v/Daily/2025-12-01.md>)\n"), md);
        assertTrue(md.contains("- [ ] Call [Zephyr](<file:///v/Projects/Zephyr Project.md>) about @Ada's slot\n"), md);
        assertTrue(md.contains("- [ ] Send the deck @Ada 📅 2025-12-10\n"), md);
    }

    @Test
    void hoverCapsALongResultWithAndNMore() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < DataviewHover.ROWS + 5; i++) {
            many.append("- [ ] task ").append(i).append(" @Ada\n");
        }
        Cursor c = Cursor.parse("```dataview\nTASK FROM \"Daily\"{|}\n```\n");
        VaultIndex index = vault(c.text()).with("Daily/2025-12-02.md", many.toString()).index();
        String md = Hovers.hover(index, index.note("People/Ada.md").orElseThrow(), c.offset(), null, CLOCK)
                .orElseThrow().markdown();
        assertTrue(md.contains("… and 10 more"), md); // 5 + 25 tasks, 20 shown
        assertEquals(DataviewHover.ROWS, md.lines().filter(l -> l.startsWith("- [")).count(), md);
    }

    @Test
    void hoverOnABlockWithASyntaxErrorShowsTheError() {
        String md = hover("```dataview\nLIST\nFROM{|} WHERE\n```\n", true);
        assertTrue(md.startsWith("**Dataview** · Dataview: syntax error\n\nSyntax error: at line 2, column 6: expected "), md);
    }

    @Test
    void hoverOutsideABlockIsNotADataviewCard() {
        At a = at("Plain {|}text\n\n```dataview\nLIST\n```\n");
        assertTrue(Hovers.hover(a.index(), a.note(), a.offset(), null, CLOCK).isEmpty());
    }

    @Test
    void lensesSummariseEachBlockAboveItsOpeningFence() {
        At a = at("""
                # Ada
                {|}
                ```dataview
                LIST FROM "Projects" WHERE contains(file.outlinks, this.file.link)
                ```

                ```dataview
                TASK WHERE contains(text, "@Ada")
                ```

                ```dataview
                TABLE file.name FROM "Projects"
                ```

                ```dataview
                LIST WHERE (
                ```
                """);
        List<DataviewLenses.BlockLens> lenses = DataviewLenses.of(a.index(), a.note(),
                new BlockResults(5_000, CLOCK), CLOCK, CancelCheck.NEVER);
        assertEquals(List.of("2 notes", "5 tasks · 4 open · 1 overdue", "3 rows", "Dataview: syntax error"),
                lenses.stream().map(DataviewLenses.BlockLens::title).toList());
        assertEquals(List.of(2, 6, 10, 14), lenses.stream().map(l -> l.span().start().line()).toList());
        List<Location> tasks = lenses.get(1).places();
        assertEquals(5, tasks.size());
        assertEquals("Daily/2025-12-01.md", tasks.get(0).path());
        assertEquals(0, tasks.get(0).span().start().line(), "a task's own line");
    }

    @Test
    void theNotesLensesEndWithItsBlocksLenses() {
        At a = at("# Ada\n{|}\n```dataview\nLIST FROM \"Projects\"\n```\n");
        List<Lens> lenses = CodeLenses.of(a.index(), a.note(), CancelCheck.NEVER);
        Lens last = lenses.get(lenses.size() - 1);
        assertEquals("3 notes", last.title());
        assertEquals(List.of("Projects/Apollo Project.md", "Projects/Mercury Project.md", "Projects/Zephyr Project.md"),
                last.locations().stream().map(Location::path).toList());
    }

    @Test
    void writeResultsBelowInsertsTheRenderedResultBetweenMarkersAndReplacesThemNextTime() {
        At a = at("# Ada\n\n```dataview\nLIST FROM \"Projects\" WHERE contains(file.outlinks, this.file.link){|}\n```\n\nAfter.\n");
        CodeAction write = writeAction(a);
        assertEquals("Write results below", write.title());
        assertEquals("refactor.rewrite", write.kind());
        String once = applied(a.note(), write);
        assertEquals("# Ada\n\n```dataview\nLIST FROM \"Projects\" WHERE contains(file.outlinks, this.file.link)\n```\n"
                + "\n<!-- dataview:results -->\n- [[Apollo Project]]\n- [[Zephyr Project]]\n<!-- /dataview:results -->\n"
                + "\nAfter.\n", once);
        // Mercury now links to Ada: running the action again replaces the section, it does not add one
        int cursor = once.indexOf("WHERE");
        VaultIndex index = vault(once).with("Projects/Mercury Project.md", "Owner: [[Ada]]\n").index();
        Note note = index.note("People/Ada.md").orElseThrow();
        CodeAction update = writeAction(new At(index, note, cursor));
        assertEquals("Update results below", update.title());
        String twice = applied(note, update);
        assertEquals(once.replace("- [[Apollo Project]]\n", "- [[Apollo Project]]\n- [[Mercury Project]]\n"), twice);
    }

    @Test
    void writeResultsBelowKeepsTheNotesLineEndings() {
        At a = at("```dataview\r\nLIST FROM \"Projects/Apollo Project\"{|}\r\n```\r\nAfter.\r\n");
        String out = applied(a.note(), writeAction(a));
        assertEquals("```dataview\r\nLIST FROM \"Projects/Apollo Project\"\r\n```\r\n\r\n<!-- dataview:results -->\r\n"
                + "- [[Apollo Project]]\r\n<!-- /dataview:results -->\r\nAfter.\r\n", out);
    }

    @Test
    void noWriteIsOfferedOutsideABlockOrForABlockThatFails() {
        At outside = at("Text{|}\n\n```dataview\nLIST\n```\n");
        assertTrue(actions(outside).isEmpty());
        At failing = at("```dataview\nLIST WHERE ({|}\n```\n");
        assertTrue(actions(failing).isEmpty());
    }

    @Test
    void definitionOnAFromFolderLeadsToItsFirstNote() {
        At a = at("```dataview\nLIST FROM \"Proj{|}ects\" WHERE file.name != \"Projects\"\n```\n");
        assertEquals(List.of("Projects/Apollo Project.md"), definition(a));
    }

    @Test
    void definitionOnAFromNotePathLinkOrTagLeadsToThatNote() {
        assertEquals(List.of("Projects/Zephyr Project.md"),
                definition(at("```dataview\nLIST FROM \"Projects/Zephyr Pro{|}ject\"\n```\n")));
        assertEquals(List.of("Projects/Mercury Project.md"),
                definition(at("```dataview\nLIST FROM \"Daily\" OR [[Mercury{|} Project]]\n```\n")));
        Cursor c = Cursor.parse("```dataview\nLIST FROM #proj{|}ect\n```\n");
        VaultIndex index = vault(c.text()).with("Projects/Zephyr Project.md", "#project/live\n").index();
        assertEquals(List.of("Projects/Zephyr Project.md"), Navigation.definition(index,
                index.note("People/Ada.md").orElseThrow(), c.offset()).stream().map(Location::path).toList());
    }

    @Test
    void aStringOutsideFromLeadsNowhere() {
        assertEquals(List.of(), definition(at("```dataview\nLIST FROM \"Daily\" WHERE file.name = \"Proj{|}ects\"\n```\n")));
        assertEquals(List.of(), definition(at("```dataview\nLIST FROM \"{|}\"\n```\n")), "every note: nowhere");
    }

    private static List<String> definition(At a) {
        return Navigation.definition(a.index(), a.note(), a.offset()).stream().map(Location::path).toList();
    }

    private static List<CodeAction> actions(At a) {
        return CodeActions.actions(a.index(), a.note(), a.note().lines().span(a.offset(), a.offset()), List.of(),
                VaultBoundary.inMemory());
    }

    private static CodeAction writeAction(At a) {
        List<CodeAction> all = actions(a);
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    private static String applied(Note note, CodeAction a) {
        List<Edit> edits = a.change().edits();
        assertEquals(1, edits.size());
        Edit e = edits.get(0);
        assertEquals(note.path(), e.path());
        String t = note.text();
        return t.substring(0, e.span().startOffset()) + e.newText() + t.substring(e.span().endOffset());
    }
}
