package org.vaultls.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.dataview.DqlEngine.LinkValue;
import org.vaultls.dataview.DqlEngine.Result;
import org.vaultls.dataview.DqlEngine.Row;
import org.vaultls.index.VaultIndex;

/**
 * TABLE, GROUP BY, FLATTEN and LIMIT on a small library. Each expectation was worked out by hand from the
 * rules of Dataview's documentation (queries/data-commands and queries/query-types); the comment above each
 * names the rule. Without a SORT, rows keep the source's order, which here is path order.
 */
class DqlDataCommandsTest {
    private static final VaultIndex VAULT = TestVault.of(
            "Books/Dune.md", "---\ngenre: scifi\nrating: 5\nauthors: [Frank Herbert]\ntags: [book, classic]\n---\n",
            "Books/Emma.md", "---\ngenre: classic\nrating: 3\nauthors: [Jane Austen]\ntags: [book]\n---\n",
            "Books/Good Omens.md", "---\ngenre: fantasy\nrating: 5\nauthors: [Terry Pratchett, Neil Gaiman]\n---\n",
            "Books/Hyperion.md", "---\ngenre: scifi\nrating: 4\nauthors: [Dan Simmons]\ntags: [book]\n---\n",
            "Books/Untitled.md", "No frontmatter.\n",
            "Shelf.md", "# Shelf\n",
            "Tasks/Home.md", """
                    - [ ] paint the fence
                    - [x] fix the tap
                    - [ ] call the plumber
                    """,
            "Tasks/Work.md", """
                    - [x] ship the release
                    - [/] review the notes
                    """).index();

    private static Result run(String query) {
        Dql.ParseResult p = DqlParser.parse(query, LocalDateTime.of(2025, 12, 19, 9, 0));
        assertTrue(p.query().isPresent(), () -> p.error().toString());
        Result r = DqlEngine.run(VAULT, VAULT.note("Shelf.md").orElseThrow(), p.query().get());
        assertTrue(r.error().isEmpty(), () -> r.error().get());
        return r;
    }

    private static List<Object> ids(Result r) {
        List<Object> out = new ArrayList<>();
        r.rows().forEach(row -> out.add(row.id() instanceof LinkValue l ? l.path() : row.id()));
        return out;
    }

    private static List<List<Object>> values(Result r) {
        return r.rows().stream().map(Row::values).toList();
    }

    private static final Function<String, String> NAME =
            p -> p.substring(p.lastIndexOf('/') + 1).replace(".md", "");

    @Test
    void tableSortsByEveryKeyInTurnAndLimitKeepsTheFirstRows() {
        // WHERE keeps truthy rows (a missing rating is null, falsy); SORT compares the keys in order;
        // LIMIT keeps the first n of what SORT gave
        Result r = run("TABLE rating, authors[0] AS first FROM \"Books\" WHERE rating SORT rating DESC, file.name ASC LIMIT 3");
        assertEquals(List.of("File", "rating", "first"), r.headers());
        assertEquals(List.of("Books/Dune.md", "Books/Good Omens.md", "Books/Hyperion.md"), ids(r));
        assertEquals(List.of(List.of(5.0, "Frank Herbert"), List.of(5.0, "Terry Pratchett"), List.of(4.0, "Dan Simmons")),
                values(r));
    }

    @Test
    void tableWithoutIdHasOnlyItsColumns() {
        // query-types: TABLE WITHOUT ID drops the File column
        Result r = run("TABLE WITHOUT ID file.name AS Name, rating FROM \"Books\" WHERE rating = 5");
        assertEquals(List.of("Name", "rating"), r.headers());
        assertEquals(List.of(List.of("Dune", 5.0), List.of("Good Omens", 5.0)), values(r));
        assertEquals("| Name | rating |\n|---|---|\n| Dune | 5 |\n| Good Omens | 5 |\n", DqlRender.markdown(r, NAME, 10));
    }

    @Test
    void groupByMakesOneRowPerKeyInKeyOrderWithItsRows() {
        // data-commands GROUP BY: one row per distinct key, fields `key` and `rows`; groups come in key order,
        // the rows of a group in the order they arrived; the id column is named after the group field
        Result r = run("TABLE length(rows) AS n, rows.file.name AS books FROM \"Books\" WHERE genre GROUP BY genre");
        assertEquals(List.of("genre", "n", "books"), r.headers());
        assertEquals(List.of("classic", "fantasy", "scifi"), ids(r));
        assertEquals(List.of(List.of(1.0, List.of("Emma")), List.of(1.0, List.of("Good Omens")),
                List.of(2.0, List.of("Dune", "Hyperion"))), values(r));
        assertTrue(r.grouped());
        assertEquals(List.of("Books/Dune.md", "Books/Hyperion.md"),
                r.rows().get(2).members().stream().map(Row::path).toList());
        assertEquals("""
                | genre | n | books |
                |---|---|---|
                | classic | 1 | Emma |
                | fantasy | 1 | Good Omens |
                | scifi | 2 | Dune, Hyperion |
                """, DqlRender.markdown(r, NAME, 10));
    }

    @Test
    void aNullKeyIsAGroupOfItsOwnAndSortsFirst() {
        // null orders before every other value (expressions: comparison), so its group leads
        Result r = run("LIST FROM \"Books\" GROUP BY genre");
        assertEquals(Arrays.asList(null, "classic", "fantasy", "scifi"), ids(r));
    }

    @Test
    void commandsAfterGroupBySeeKeyAndRows() {
        // data-commands: commands run in order, so WHERE and SORT after GROUP BY work on the groups
        assertEquals(List.of("scifi"), ids(run("LIST FROM \"Books\" GROUP BY genre WHERE length(rows) > 1")));
        assertEquals(List.of("scifi", "fantasy", "classic", "null"),
                ids(run("LIST FROM \"Books\" GROUP BY genre SORT key DESC")).stream().map(String::valueOf).toList());
        // rows.rating swizzles: each row's rating, so sum() adds up the group
        assertEquals(List.of(List.of(9.0)), values(run("TABLE sum(rows.rating) FROM \"Books\" GROUP BY genre WHERE key = \"scifi\"")));
    }

    @Test
    void groupByTwiceGroupsTheGroups() {
        // a second GROUP BY sees the first's rows: its `rows` are groups, so rows.key lists their keys
        Result r = run("TABLE rows.key FROM \"Books\" WHERE genre GROUP BY genre GROUP BY length(rows) AS size");
        assertEquals(List.of("size", "rows.key"), r.headers());
        assertEquals(List.of(1.0, 2.0), ids(r));
        assertEquals(List.of(List.of(List.of("classic", "fantasy")), List.of(List.of("scifi"))), values(r));
    }

    @Test
    void limitAfterGroupByCountsGroups() {
        assertEquals(List.of("classic", "fantasy"), ids(run("LIST FROM \"Books\" WHERE genre GROUP BY genre LIMIT 2")));
        assertEquals(List.of(), ids(run("LIST FROM \"Books\" LIMIT 0")));
    }

    @Test
    void flattenMakesOneRowPerElementUnderTheAsName() {
        // data-commands FLATTEN: one row per element of the list; a value that is not a list is one element
        // (Untitled has no authors: one row with null), so SORT author puts it first
        Result r = run("TABLE author FROM \"Books\" FLATTEN authors AS author SORT author");
        assertEquals(List.of("Books/Untitled.md", "Books/Hyperion.md", "Books/Dune.md", "Books/Emma.md",
                "Books/Good Omens.md", "Books/Good Omens.md"), ids(r));
        assertEquals(Arrays.asList(null, "Dan Simmons", "Frank Herbert", "Jane Austen", "Neil Gaiman", "Terry Pratchett"),
                r.rows().stream().map(row -> row.values().get(0)).toList());
    }

    @Test
    void flattenWithoutAsReplacesTheFieldAndAnEmptyListDropsTheRow() {
        // without AS the flattened field keeps its name; an empty list has no element, so no row
        Result r = run("TABLE authors FROM \"Books\" WHERE file.name = \"Good Omens\" FLATTEN authors");
        assertEquals(List.of(List.of("Terry Pratchett"), List.of("Neil Gaiman")), values(r));
        assertEquals(List.of(), ids(run("LIST FROM \"Books\" FLATTEN [] AS nothing")));
    }

    @Test
    void flattenThenGroupByCountsEachElement() {
        // FLATTEN then GROUP BY: the classic "tag cloud" query of the docs
        Result r = run("TABLE length(rows) AS n FROM \"Books\" FLATTEN file.etags AS tag GROUP BY tag");
        assertEquals(List.of("#book", "#classic"), ids(r));
        assertEquals(List.of(List.of(3.0), List.of(1.0)), values(r));
    }

    @Test
    void groupedListShowsTheKeysWithTheListExpressionBelow() {
        // query-types LIST: after GROUP BY the list shows the group keys; a list value goes under its row
        Result r = run("LIST rows.file.link FROM \"Books\" WHERE genre GROUP BY genre");
        assertEquals("""
                - classic
                    - [[Emma]]
                - fantasy
                    - [[Good Omens]]
                - scifi
                    - [[Dune]]
                    - [[Hyperion]]
                """, DqlRender.markdown(r, NAME, 10));
        assertEquals("- classic\n\n… and 2 more\n", DqlRender.markdown(run("LIST FROM \"Books\" WHERE genre GROUP BY genre"),
                NAME, 1));
    }

    @Test
    void tasksGroupUnderTheirKey() {
        // query-types TASK: rows are tasks; GROUP BY groups them, each group under its key
        Result r = run("TASK FROM \"Tasks\" GROUP BY completed");
        assertEquals(List.of(false, true), ids(r));
        assertEquals(List.of(List.of("paint the fence", "call the plumber", "review the notes"),
                List.of("fix the tap", "ship the release")),
                r.rows().stream().map(g -> g.members().stream().map(m -> m.task().text()).toList()).toList());
        assertEquals("""
                **false**
                - [ ] paint the fence
                - [ ] call the plumber
                - [/] review the notes

                **true**
                - [x] fix the tap
                - [x] ship the release
                """, DqlRender.markdown(r, NAME, 10));
    }
}
