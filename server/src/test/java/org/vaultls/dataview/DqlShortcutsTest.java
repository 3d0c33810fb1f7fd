package org.vaultls.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultls.TestVault;
import org.vaultls.dataview.DqlEngine.LinkValue;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * The engine's shortcuts give what the general path gives: a TASK query's first WHERE dropping tasks on
 * their plain fields, and {@code file.outlinks} read from the index's kept resolutions, on a vault with
 * aliases, heading links, embeds, unresolved links and links to self.
 */
class DqlShortcutsTest {
    static final String HUB = "Notes/Hub.md";

    static TestVault vault() {
        return TestVault.of(
                "People/Ada.md", "---\naliases: [Ada B]\n---\n# Ada\n## Role\n- [ ] @Ada own note task\n",
                HUB, """
                        # Hub
                        [[Ada]] [[People/Ada|Ada B]] [[Ada#Role]] ![[Ada]] [[Hub]] [[#Top]] [[Ada B]] [[Later]]
                        ## Top
                        - [ ] call Ada about [[Ada#Role]] 📅 2025-12-10
                        - [x] @Ada sent the deck
                        - [-] @Ada cancelled, Hub
                        - [ ] @Ada draft the agenda [due:: 2025-12-01]
                        - [/] half done with Ada
                        """,
                "Notes/Sync.md", "# Sync\n- [ ] @Ada review the contract\n- [ ] @Bo Hub review\n[[Hub]]\n",
                "Projects/Apollo.md", "Owner: [[Ada]]\n- [x] Ada kicked off\n");
    }

    private static DqlEngine.Result run(VaultIndex index, String self, String query) {
        Dql.ParseResult p = DqlParser.parse(query, LocalDateTime.of(2025, 12, 5, 9, 0));
        assertTrue(p.query().isPresent(), () -> p.error().toString());
        Note n = index.note(self).orElseThrow();
        return DqlEngine.run(index, n, p.query().get(), LocalDateTime.of(2025, 12, 5, 9, 0));
    }

    /** The WHERE of {@code TASK WHERE clause}. */
    private static Dql.Expr where(String clause) {
        Dql.Query q = DqlParser.parse("TASK WHERE " + clause, LocalDateTime.of(2025, 12, 5, 9, 0)).query().orElseThrow();
        return ((Dql.Where) q.operations().get(0)).clause();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "!completed AND contains(text, \"Ada\")",
        "contains(text, \"@Ada\") AND !completed",
        "status = \"-\" OR completed",
        "checked AND !completed",
        "!completed AND nosuch(text)",
        "text = \"never\" AND nosuch(text)",
        "!completed AND due < date(2025-12-15)",
        "contains(text, this.file.name) AND line > 1",
        "!completed AND file.name = \"Sync\"",
        "path = \"Notes/Sync.md\" AND task",
        "length(filter(list(text), (t) => contains(t, \"Ada\"))) > 0",
        "!completed AND contains(outlinks, [[Ada]])",
        "!completed AND text",
        "completed = false AND (contains(text, \"Hub\") OR status = \"/\")",
    })
    void aTaskQueryGivesTheSameRowsAndErrorsWithTheShortcutAsWithout(String clause) {
        VaultIndex index = vault().index();
        for (String from : List.of("", "FROM \"Notes\" ")) {
            DqlEngine.Result fast = run(index, HUB, "TASK " + from + "WHERE " + clause + " SORT text ASC");
            // a first WHERE of `true` lets every task through the shortcut: the clause runs on full objects
            DqlEngine.Result general = run(index, HUB, "TASK " + from + "WHERE true WHERE " + clause + " SORT text ASC");
            assertEquals(general, fast, clause);
        }
    }

    @Test
    void theShortcutsWereTakenWhereTheyCouldBe() {
        VaultIndex index = vault().index();
        assertEquals(6, run(index, HUB, "TASK WHERE !completed AND contains(text, \"Ada\")").rows().size(),
                "open (cancelled and half-done too) and naming Ada");
        assertEquals("Unknown function 'nosuch'",
                run(index, HUB, "TASK WHERE !completed AND nosuch(text)").error().orElseThrow());
        assertTrue(run(index, HUB, "TASK WHERE text = \"never\" AND nosuch(text)").error().isEmpty(),
                "no task gets past the first conjunct, so the second is never called");
    }

    @Test
    void thePlainPrefixStopsAtTheFirstConjunctThatReadsMoreThanATasksLine() {
        assertEquals(2, DqlEngine.plainPrefix(where(
                "!completed AND contains(text, \"x\") AND file.name = \"a\" AND completed")).size());
        assertEquals(2, DqlEngine.plainPrefix(where("contains(text, this.file.name) AND (line > 1 OR task)")).size());
        assertEquals(0, DqlEngine.plainPrefix(where("due < date(today) AND !completed")).size());
        assertEquals(0, DqlEngine.plainPrefix(where("any(list(text), (t) => t = \"a\") AND !completed")).size());
        assertEquals(0, DqlEngine.plainPrefix(where("mine(text) AND !completed")).size(), "not Dataview's function");
        assertEquals(0, DqlEngine.plainPrefix(where("(!completed OR due) AND text")).size(),
                "an OR reading a field of the page is not plain");
    }

    @Test
    void outlinksResolveEachLinkAndKeepSelfLinksEmbedsAndUnresolvedTargets() {
        VaultIndex index = vault().index();
        DqlEngine.Result r = run(index, HUB, "TABLE WITHOUT ID file.outlinks WHERE file.name = \"Hub\"");
        LinkValue ada = new LinkValue("People/Ada.md");
        assertEquals(List.of(List.of(ada, ada, ada, ada, new LinkValue(HUB), new LinkValue("Ada B"),
                new LinkValue("Later"), ada)), r.rows().get(0).values());
    }

    @Test
    void outlinksAfterEditsAreThoseOfTheSameVaultLoadedAfresh() {
        VaultIndex index = vault().index();
        List<String> queries = List.of(
                "LIST WHERE contains(file.outlinks, this.file.link)",
                "TABLE file.outlinks SORT file.path ASC",
                "LIST FROM outgoing([[Hub]])",
                "TASK WHERE contains(outlinks, [[Ada]])");
        for (String q : queries) {
            run(index, "People/Ada.md", q); // the resolutions are kept now
        }
        VaultIndex edited = index.apply(List.of(NoteParser.parse("Notes/Sync.md", "# Sync\n[[Ada]] [[Hub#Top]]\n")),
                List.of(), List.of(), List.of()).after();
        VaultIndex grown = edited.apply(List.of(NoteParser.parse("Later.md", "[[Hub]]\n")), List.of(), List.of(),
                List.of()).after();
        for (VaultIndex now : List.of(edited, grown)) {
            VaultIndex fresh = VaultIndex.build(now.config(), now.obsidian(), now.notes().values(), now.attachments());
            for (String self : List.of("People/Ada.md", HUB)) {
                for (String q : queries) {
                    assertEquals(run(fresh, self, q), run(now, self, q), q + " in " + self);
                }
            }
        }
        assertEquals(List.of(List.of(new LinkValue("People/Ada.md"), new LinkValue("People/Ada.md"),
                        new LinkValue("People/Ada.md"), new LinkValue("People/Ada.md"), new LinkValue(HUB),
                        new LinkValue("Ada B"), new LinkValue("Later.md"), new LinkValue("People/Ada.md"))),
                run(grown, HUB, "TABLE WITHOUT ID file.outlinks WHERE file.name = \"Hub\"").rows().get(0).values(),
                "[[Later]] resolves once Later.md exists");
    }
}
