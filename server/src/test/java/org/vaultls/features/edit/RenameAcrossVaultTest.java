package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Renames in a vault that links every way Obsidian allows, then checks the vault for broken links. */
class RenameAcrossVaultTest {

    /** A small CRM vault: people, a project, a meeting and a daily note, linking in every form. */
    static Workspace vault() {
        return Workspace.of(
                "People/Ada Berg.md", """
                        ---
                        type: people
                        title: Ada Berg
                        aliases: [Ada]
                        tags:
                        - type/people
                        ---

                        # Ada Berg

                        ## Key Facts

                        - Leads [[Apollo]] since [[2024-05-01]] ^lead
                        - Reports to [[People/Bo Chen|Bo]]

                        ## Tasks They Own

                        ```dataview
                        TASK
                        WHERE contains(text, "@AdaBerg") AND !completed
                        ```
                        """,
                "People/Bo Chen.md", """
                        ---
                        type: people
                        title: Bo Chen
                        ---
                        # Bo Chen

                        Works with [[Ada Berg#Key Facts|Ada]]; see [[Ada Berg#^lead]].
                        """,
                "Projects/Apollo.md", """
                        ---
                        owner: "[[Ada Berg]]"
                        team: ['[[People/Bo Chen]]', "[[Ada Berg|Ada]]"]
                        ---
                        # Apollo

                        ## Plan

                        | Who | Role |
                        | --- | --- |
                        | [[Ada Berg\\|Ada]] | lead |

                        - [ ] Draft the plan @AdaBerg 📅 2024-05-10
                        - [ ] Review the plan @BoChen
                        - Facts: ![[Ada Berg#Key Facts]]
                        - Diagram: ![[apollo-flow.png]]

                        [Ada's facts](../People/Ada%20Berg.md#Key%20Facts) and [plan](#Plan)
                        """,
                "Assets/apollo-flow.png", "",
                "Meetings/2024-05-01 Apollo kickoff.md", """
                        ---
                        attendees:
                          - "[[Ada Berg]]"
                          - "[[Bo Chen]]"
                        ---
                        # Kickoff

                        With [[People/Ada Berg.md|Ada]] and [[Bo Chen]]; [plan](<../Projects/Apollo.md#Plan>).
                        - [x] Send notes @adaberg
                        """,
                "Daily/2024-05-01.md", """
                        # 2024-05-01

                        - [[2024-05-01 Apollo kickoff]] with [[Ada Berg]] ([[Ada Berg#Key Facts#]])
                        - [Ada](/People/Ada%20Berg.md) [[./../People/Ada Berg]]
                        """);
    }

    @Test
    void theFixtureVaultIsCleanBeforeAnyRename() {
        vault().assertNoLinkFindings();
    }

    @Test
    void renamingAPersonKeepsEveryLinkAndOwnerTagWorking() {
        Workspace ws = vault();
        Workspace marked = Workspace.of("Index.md", "[[Ada B{|}erg]]\n");
        Workspace after = withCursorNote(ws, marked).rename("Ada Lind");

        after.assertNoLinkFindings();
        assertEquals("""
                ---
                owner: "[[Ada Lind]]"
                team: ['[[People/Bo Chen]]', "[[Ada Lind|Ada]]"]
                ---
                # Apollo

                ## Plan

                | Who | Role |
                | --- | --- |
                | [[Ada Lind\\|Ada]] | lead |

                - [ ] Draft the plan @AdaLind 📅 2024-05-10
                - [ ] Review the plan @BoChen
                - Facts: ![[Ada Lind#Key Facts]]
                - Diagram: ![[apollo-flow.png]]

                [Ada's facts](../People/Ada%20Lind.md#Key%20Facts) and [plan](#Plan)
                """, after.text("Projects/Apollo.md"));
        assertEquals("""
                # 2024-05-01

                - [[2024-05-01 Apollo kickoff]] with [[Ada Lind]] ([[Ada Lind#Key Facts#]])
                - [Ada](/People/Ada%20Lind.md) [[../People/Ada Lind]]
                """, after.text("Daily/2024-05-01.md"));
        assertEquals("Works with [[Ada Lind#Key Facts|Ada]]; see [[Ada Lind#^lead]].",
                line(after.text("People/Bo Chen.md"), "Works"));
        assertEquals("- [x] Send notes @AdaLind", line(after.text("Meetings/2024-05-01 Apollo kickoff.md"), "- [x]"));
    }

    @Test
    void renamingAHeadingKeepsEveryLinkToItWorking() {
        Workspace ws = vault();
        Workspace after = withCursorNote(ws, Workspace.of("Index.md", "[[Ada Berg#Key F{|}acts]]\n"))
                .rename("Facts");
        after.assertNoLinkFindings();
        assertEquals("Works with [[Ada Berg#Facts|Ada]]; see [[Ada Berg#^lead]].",
                line(after.text("People/Bo Chen.md"), "Works"));
    }

    @Test
    void renamingAProjectKeepsEveryLinkWorking() {
        Workspace after = withCursorNote(vault(), Workspace.of("Index.md", "[[Apo{|}llo#Plan]]\n")).rename("Apollo 11");
        after.assertNoLinkFindings();
        assertEquals("# Apollo 11", line(after.text("Projects/Apollo 11.md"), "# "));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in\n" + text));
    }

    /** The vault plus the one note of {@code marked}, whose cursor the rename starts from. */
    private static Workspace withCursorNote(Workspace vault, Workspace marked) {
        return marked.withFilesOf(vault);
    }
}
