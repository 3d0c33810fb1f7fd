package org.vaultls.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.dataview.DqlEngine.LinkValue;
import org.vaultls.dataview.DqlEngine.Result;
import org.vaultls.index.VaultIndex;

/**
 * Page and task fields (Dataview's annotation docs: metadata on pages, tasks and lists) and value rules
 * (reference/expressions: durations, dates, links, null, comparison of mixed types).
 */
class DqlPagesAndValuesTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 12, 19, 9, 0);
    private static final VaultIndex VAULT = TestVault.of(
            "Projects/Apollo.md", """
                    ---
                    status: active
                    Due Date: 2025-12-24
                    ---
                    # Apollo
                    Owner:: [[Ada Berg]]
                    **Budget**:: 1200
                    We talked [mood:: good] and (weather:: rain) today.
                    `code:: not a field`
                    ```
                    fenced:: not a field either
                    ```
                    %% hidden:: not a field %%

                    ## Plan
                    - [ ] Draft the plan 📅 2025-12-20 ⏳ 2025-12-18 #urgent
                        - [x] Book a room ✅ 2025-12-10
                        - a plain item
                    - [x] Kickoff [completion:: 2025-12-01] ➕ 2025-11-20 🛫 2025-11-21
                        - [ ] Invite [[Ada Berg]]
                    """,
            "People/Ada Berg.md", "# Ada\n",
            "2025-12-01.md", "Daily note.\n").index();

    private static Object eval(String expr, String from) {
        Dql.ParseResult p = DqlParser.parse("LIST WITHOUT ID " + expr + " FROM \"" + from + "\"", NOW);
        assertTrue(p.query().isPresent(), () -> expr + ": " + p.error());
        Result r = DqlEngine.run(VAULT, VAULT.note("Projects/Apollo.md").orElseThrow(), p.query().get(), NOW);
        assertTrue(r.error().isEmpty(), () -> expr + ": " + r.error().get());
        return r.rows().get(0).values().get(0);
    }

    private static Object page(String expr) {
        return eval(expr, "Projects/Apollo");
    }

    private static Result tasks(String query) {
        Dql.ParseResult p = DqlParser.parse(query, NOW);
        Result r = DqlEngine.run(VAULT, VAULT.note("Projects/Apollo.md").orElseThrow(), p.query().orElseThrow(), NOW);
        assertTrue(r.error().isEmpty(), () -> r.error().get());
        return r;
    }

    @Test
    void inlineFieldsOutsideCodeAndCommentsUnderTheirKeyAndItsCanonicalForm() {
        assertEquals(new LinkValue("People/Ada Berg.md"), page("Owner"));
        assertEquals(new LinkValue("People/Ada Berg.md"), page("owner"));
        assertEquals(1200.0, page("budget"), "**Budget** names the field Budget");
        assertEquals("good", page("mood"));
        assertEquals("rain", page("weather"));
        assertEquals(Arrays.asList(null, null, null), page("[code, fenced, hidden]"));
        assertEquals(LocalDateTime.of(2025, 12, 24, 0, 0), page("due-date"), "frontmatter 'Due Date' is also due-date");
        assertEquals("active", page("file.frontmatter.status"));
    }

    @Test
    void fileFields() {
        assertEquals(List.of("Apollo", "Projects/Apollo.md", "Projects", "md"),
                page("[file.name, file.path, file.folder, file.ext]"));
        assertEquals(List.of("#urgent"), page("file.tags"));
        assertEquals(List.of(new LinkValue("People/Ada Berg.md"), new LinkValue("People/Ada Berg.md")), page("file.outlinks"));
        assertEquals(LocalDateTime.of(2025, 12, 1, 0, 0), eval("file.day", "2025-12-01"));
        assertEquals((double) VAULT.note("Projects/Apollo.md").orElseThrow().text()
                .getBytes(java.nio.charset.StandardCharsets.UTF_8).length, page("file.size"));
        assertEquals(Arrays.asList(null, null), page("[file.ctime, file.mtime]"), "the index keeps no file times");
        assertEquals(4.0, page("length(file.tasks)"));
        assertEquals(5.0, page("length(file.lists)"), "tasks and the plain item");
        assertEquals(List.of(new LinkValue("Projects/Apollo.md")), eval("file.inlinks", "People/Ada Berg"));
    }

    @Test
    void taskFieldsFromTheTasksPluginsEmojiAndInlineFields() {
        Result r = tasks("TABLE WITHOUT ID text, due, scheduled, start, created, completion, tags FROM \"Projects\"");
        assertTrue(r.error().isEmpty());
        Object draft = page("file.tasks[0]");
        assertTrue(draft instanceof java.util.Map<?, ?>);
        assertEquals(List.of(LocalDateTime.of(2025, 12, 20, 0, 0), LocalDateTime.of(2025, 12, 18, 0, 0)),
                page("[file.tasks[0].due, file.tasks[0].scheduled]"));
        assertEquals(List.of("#urgent"), page("file.tasks[0].tags"));
        assertEquals(List.of(LocalDateTime.of(2025, 12, 1, 0, 0), LocalDateTime.of(2025, 11, 20, 0, 0),
                LocalDateTime.of(2025, 11, 21, 0, 0)), page("[file.tasks[2].completion, file.tasks[2].created, file.tasks[2].start]"));
        assertEquals(LocalDateTime.of(2025, 12, 10, 0, 0), page("file.tasks[1].completion"), "✅ is completion");
        assertEquals(new LinkValue("Projects/Apollo.md", "Plan", null, false), page("file.tasks[0].section"));
        assertEquals(List.of(new LinkValue("People/Ada Berg.md")), page("file.tasks[3].outlinks"));
    }

    @Test
    void taskNestingAndFullyCompleted() {
        // a parent is fully completed when it and every child are: Kickoff is done, its child Invite is not
        assertEquals(List.of(false, true, true, false), page("map(file.tasks, (t) => t.completed)"));
        assertEquals(List.of(false, true, false, false), page("map(file.tasks, (t) => t.fullyCompleted)"));
        assertEquals(List.of("Book a room ✅ 2025-12-10", "a plain item"), page("file.tasks[0].children.text"));
        assertEquals(15.0, page("file.tasks[1].parent"), "the 0-based line of Draft the plan");
        assertNull(page("file.tasks[0].parent"));
    }

    @Test
    void taskRowsSeeTheirPagesFields() {
        // a task has no field mood, so the name is looked up in its page (Apollo's inline [mood:: good])
        assertEquals(List.of("Draft the plan 📅 2025-12-20 ⏳ 2025-12-18 #urgent", "Invite [[Ada Berg]]"),
                tasks("TASK FROM \"Projects\" WHERE mood = \"good\" AND !completed").rows().stream()
                        .map(row -> row.task().text()).toList());
    }

    @Test
    void durationsAndDates() {
        assertEquals(new Dql.Duration(0, 0, 0, 4, 0, 0, 0, 0), page("date(2025-12-24) - date(2025-12-20)"));
        assertEquals(LocalDateTime.of(2026, 1, 3, 0, 0), page("date(2025-12-24) + dur(10 days)"));
        assertEquals(LocalDateTime.of(2026, 1, 24, 0, 0), page("date(2025-12-24) + dur(1 month)"));
        assertEquals(true, page("dur(1 week) > dur(6 days)"));
        assertEquals(true, page("due-date - date(today) < dur(1 week)"));
        assertEquals(new Dql.Duration(0, 0, 0, 3, 0, 0, 0, 0), page("dur(1 day) * 3"));
        assertEquals(List.of(2025.0, 12.0, 24.0, 3.0, 52.0), page("[due-date.year, due-date.month, due-date.day, due-date.weekday, due-date.week]"));
        assertEquals(4.0, page("(date(2025-12-24) - date(2025-12-20)).days"));
        assertEquals("4 days", page("string(date(2025-12-24) - date(2025-12-20))"));
    }

    @Test
    void linksNullsAndMixedTypes() {
        assertEquals("People/Ada Berg.md", page("Owner.path"));
        assertEquals("Ada Berg", page("Owner.file.name"), "indexing a link reads the page");
        assertEquals(true, page("[[Ada Berg]] = [[People/Ada Berg]]"));
        assertNull(page("null + 1"));
        assertNull(page("missing * 2"));
        assertEquals("anull", page("\"a\" + null"));
        // values of different types order by type name: "number" < "string"
        assertEquals(true, page("1 < \"a\""));
        assertEquals(true, page("null < 0"));
        assertEquals("ababab", page("\"ab\" * 3"));
    }
}
