package org.vaultls.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.dataview.DqlEngine.Result;
import org.vaultls.dataview.DqlEngine.Row;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * The seeds' three queries as test-vault's person notes carry them (with {@code FROM "Projects"}), run on
 * test-vault itself. The expected projects and tasks were found by reading the vault's notes (grep for
 * links to the person and for {@code @Owner} tasks), not by running the engine.
 */
class TestVaultSeedQueriesTest {
    private static final VaultIndex VAULT = TestVault.loadDir(Path.of("..", "test-vault"));
    private static final Pattern BLOCK = Pattern.compile("```dataview\\n(.*?)```", Pattern.DOTALL);

    private static List<Result> blocksOf(String person) {
        Note note = VAULT.note("People/" + person + ".md").orElseThrow();
        List<Result> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(note.text());
        while (m.find()) {
            Dql.ParseResult p = DqlParser.parse(m.group(1), LocalDateTime.of(2026, 1, 8, 9, 0));
            assertTrue(p.query().isPresent(), () -> p.error().toString());
            Result r = DqlEngine.run(VAULT, note, p.query().get());
            assertTrue(r.error().isEmpty(), () -> r.error().get());
            out.add(r);
        }
        assertEquals(3, out.size(), "the seed's three blocks");
        return out;
    }

    private static List<String> tasks(Result r) {
        return r.rows().stream().map(row -> row.path() + ":" + row.task().span().start().line()).toList();
    }

    @Test
    void adaBergsProjectsAreTheProjectNotesThatLinkToHer() {
        // Larkspur Pilot links [[Ada Berg\|Ada]] in a table; Northwind Expansion links her in its owner field
        // and its body; Skerry Migration names her only as @AdaBerg, which is not a link
        assertEquals(List.of("Projects/Larkspur Pilot.md", "Projects/Northwind Expansion.md"),
                blocksOf("Ada Berg").get(0).rows().stream().map(Row::path).toList());
    }

    @Test
    void noOpenTaskInTestVaultSpellsOutAPersonsFullName() {
        // no task line of test-vault contains "Ada Berg" (they say @AdaBerg or [[Ada Berg|Ada]])
        assertEquals(List.of(), blocksOf("Ada Berg").get(1).rows());
    }

    @Test
    void adaBergsOwnTasksAreHerOpenAtTasksUndatedFirstThenByDueDate() {
        // SORT due ASC: null first; equal dates keep the source's (path, then line) order, Dataview's sort
        // being stable. The two completed @AdaBerg tasks (✅) are left out; the undated "2. [ ] Order form
        // countersigned" in Northwind Expansion's numbered checklist is a task too.
        assertEquals(List.of(
                "Meetings/2025-11-14 - Larkspur kickoff!.md:41",
                "Meetings/2025-12-15 - Weekly pipeline review (wk 51).md:32",
                "Projects/Northwind Expansion.md:56",
                "Daily/2025-10-28.md:18",
                "Daily/2025-11-14.md:18",
                "Daily/2025-12-19.md:17",
                "Meetings/2025-12-19 - Tallowmere intro call – take 2.md:25",
                "Meetings/2026-01-07 - Q1 planning, let's go!.md:27",
                "Daily/2026-01-07.md:18",
                "Meetings/2025-11-06 - Pricing sync (Northwind, Q1).md:35",
                "Projects/Northwind Expansion.md:47",
                "Meetings/2025-12-02 - Skerry QBR.md:33",
                "Projects/Skerry Migration.md:31"), tasks(blocksOf("Ada Berg").get(2)));
    }

    @Test
    void everyPersonNotesBlocksEvaluate() {
        for (String path : VAULT.notes().keySet()) {
            if (path.startsWith("People/")) {
                blocksOf(path.substring(7, path.length() - 3));
            }
        }
    }
}
