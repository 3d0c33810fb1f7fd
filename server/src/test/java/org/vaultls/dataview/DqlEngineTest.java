package org.vaultls.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.index.VaultIndex;

/** The seeds' three queries on a small vault in the seeds' shape (fictional people). */
class DqlEngineTest {
    private static final String PERSON = """
            ---
            type: people
            title: Ada Berg
            tags:
              - type/people
            ---
            # Ada Berg

            ## Projects
            ```dataview
            LIST
            FROM "VAST/Projects" OR "Personal/Projects"
            WHERE contains(file.outlinks, this.file.link)
            ```

            ## Open Tasks
            ```dataview
            TASK
            FROM ""
            WHERE !completed AND contains(text, "Ada Berg")
            SORT due ASC
            ```

            ## Tasks They Own
            ```dataview
            TASK
            WHERE contains(text, "@AdaBerg") AND !completed
            SORT due ASC
            ```
            """;

    private static final VaultIndex VAULT = TestVault.of(
            "People/Ada Berg.md", PERSON,
            "People/Bo Lind.md", "---\ntype: people\ntitle: Bo Lind\n---\n",
            "VAST/Projects/Apollo.md", "# Apollo\nOwner: [[Ada Berg]]\n",
            "VAST/Projects/Zephyr.md", "# Zephyr\nOwner: [[Bo Lind]]\n",
            "VAST/Projects/Archive/Old.md", "Was [[Ada Berg|Ada]]'s.\n",
            "Personal/Projects/Garden.md", "With [[People/Ada Berg]].\n",
            "Customers/Acme.md", "Contact: [[Ada Berg]]\n",
            "Meetings/2025-12-01 Sync.md", """
                    # Sync
                    - [ ] Send the deck to Ada Berg 📅 2025-12-20
                    - [ ] @AdaBerg review the contract [due:: 2025-12-10]
                    - [x] @AdaBerg book the room 📅 2025-11-01
                    - [ ] @AdaBerg draft the agenda
                    - [ ] @BoLind call Ada Berg 📅 2025-12-05
                    """,
            "Daily/2025-12-02.md", """
                    - [ ] @AdaBerg chase the invoice 📅 2025-12-03
                    - [-] @AdaBerg cancelled thing
                    """).index();

    private static List<String> blocks() {
        return List.of(PERSON.split("```dataview\n")).subList(1, 4).stream().map(b -> b.substring(0, b.indexOf("```")))
                .toList();
    }

    private static DqlEngine.Result run(String query) {
        Dql.ParseResult p = DqlParser.parse(query, LocalDateTime.of(2025, 12, 19, 9, 0));
        assertTrue(p.query().isPresent(), () -> p.error().toString());
        DqlEngine.Result r = DqlEngine.run(VAULT, VAULT.note("People/Ada Berg.md").orElseThrow(), p.query().get());
        assertTrue(r.error().isEmpty(), () -> r.error().get());
        return r;
    }

    private static List<String> texts(DqlEngine.Result r) {
        return r.rows().stream().map(row -> row.task().text()).toList();
    }

    @Test
    void listsThePersonsProjectsInBothFoldersAndTheirSubfolders() {
        assertEquals(List.of("Personal/Projects/Garden.md", "VAST/Projects/Apollo.md", "VAST/Projects/Archive/Old.md"),
                run(blocks().get(0)).rows().stream().map(DqlEngine.Row::path).toList());
    }

    @Test
    void listsOpenTasksMentioningThePersonByDueDate() {
        assertEquals(List.of("@BoLind call Ada Berg 📅 2025-12-05", "Send the deck to Ada Berg 📅 2025-12-20"),
                texts(run(blocks().get(1))));
    }

    @Test
    void listsOpenTasksTheyOwnWithUndatedFirst() {
        // Dataview orders null before any date when sorting ascending; a cancelled task ([-]) is not completed
        assertEquals(List.of("@AdaBerg cancelled thing", "@AdaBerg draft the agenda",
                "@AdaBerg chase the invoice 📅 2025-12-03", "@AdaBerg review the contract [due:: 2025-12-10]"),
                texts(run(blocks().get(2))));
    }

    @Test
    void evaluatesTablesTagsLimitsAndDescendingSorts() {
        DqlEngine.Result r = run("TABLE file.name, length(file.outlinks) AS n FROM \"VAST\" SORT file.name DESC LIMIT 2");
        assertEquals(List.of(List.of("Zephyr", 1.0), List.of("Old", 1.0)), r.rows().stream().map(DqlEngine.Row::values)
                .toList());
        assertEquals(List.of("People/Ada Berg.md"),
                run("LIST FROM #type/people").rows().stream().map(DqlEngine.Row::path).toList());
        assertEquals(4, run("LIST FROM [[Ada Berg]]").rows().size(), "notes linking to her");
    }

    @Test
    void reportsWhatItCannotEvaluateInsteadOfThrowing() {
        Dql.Query q = DqlParser.parse("LIST WHERE frobnicate(1)").query().orElseThrow();
        DqlEngine.Result r = DqlEngine.run(VAULT, VAULT.note("People/Ada Berg.md").orElseThrow(), q);
        assertEquals("Unknown function 'frobnicate'", r.error().orElseThrow());
        Dql.Query g = DqlParser.parse("CALENDAR file.day").query().orElseThrow();
        assertEquals("CALENDAR queries are parsed but not rendered outside Obsidian",
                DqlEngine.run(VAULT, VAULT.note("People/Ada Berg.md").orElseThrow(), g).error().orElseThrow());
        Dql.Query bad = DqlParser.parse("LIST WHERE lower(3)").query().orElseThrow();
        assertEquals("No implementation of 'lower' for arguments (number)",
                DqlEngine.run(VAULT, VAULT.note("People/Ada Berg.md").orElseThrow(), bad).error().orElseThrow());
    }

    @Test
    void rendersTheSeedQueriesAsMarkdown() {
        java.util.function.Function<String, String> name = p -> p.substring(p.lastIndexOf('/') + 1).replace(".md", "");
        assertEquals("- [[Garden]]\n- [[Apollo]]\n- [[Old]]\n",
                DqlRender.markdown(run(blocks().get(0)), name, 10));
        assertEquals("""
                [[2025-12-02]]
                - [-] @AdaBerg cancelled thing

                [[2025-12-01 Sync]]
                - [ ] @AdaBerg draft the agenda

                … and 2 more
                """, DqlRender.markdown(run(blocks().get(2)), name, 2));
        assertEquals("| File | n |\n|---|---|\n| [[Zephyr]] | 1 |\n",
                DqlRender.markdown(run("TABLE length(file.outlinks) AS n FROM \"VAST\" SORT file.name DESC LIMIT 1"),
                        name, 10));
    }
}
