package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.features.WorkspaceChange;

class RenameNoteTest {

    private static final String ADA = """
            # Ada Berg

            ## Key Facts

            - Runs the Apollo rollout ^fact1
            """;

    @Test
    void renamesTheFileInItsFolderAndRewritesABareWikilink() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/2024-05-01.md", "Met [[Ada B{|}erg]] today.\n");
        WorkspaceChange change = ws.tryRename("Ada Lind").value();
        assertEquals(List.of(new WorkspaceChange.FileRename("People/Ada Berg.md", "People/Ada Lind.md")),
                change.renames());

        Workspace after = ws.apply(change);
        assertEquals(List.of("Daily/2024-05-01.md", "People/Ada Lind.md"), after.paths().stream().sorted().toList());
        assertEquals("Met [[Ada Lind]] today.\n", after.text("Daily/2024-05-01.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void keepsTheHeadingBlockAndAliasPartsOfEveryLink() {
        Workspace after = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/2024-05-01.md", """
                        See [[Ada Berg#Key Facts|Ada]], ![[Ada Berg#^fact1]] and [[ada berg]].
                        Owner: [[{|}Ada Berg]]
                        """).rename("Ada Lind");
        assertEquals("""
                See [[Ada Lind#Key Facts|Ada]], ![[Ada Lind#^fact1]] and [[Ada Lind]].
                Owner: [[Ada Lind]]
                """, after.text("Daily/2024-05-01.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void pathQualifiedLinksKeepTheirFolderAndAWrittenMdSuffix() {
        Workspace after = Workspace.of(
                "Work/People/Ada Berg.md", ADA,
                "Daily/2024-05-01.md", """
                        [[People/Ada Berg]] [[Work/People/Ada Berg.md#Key Facts]] [[Ada Berg.md]]
                        [[/Work/People/Ada Berg]] [[{|}Ada Berg]]
                        """).rename("Ada Lind");
        assertEquals("""
                [[People/Ada Lind]] [[Work/People/Ada Lind.md#Key Facts]] [[Ada Lind.md]]
                [[/Work/People/Ada Lind]] [[Ada Lind]]
                """, after.text("Daily/2024-05-01.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aBareLinkNamesThePathWhenTheNewNameIsNoLongerUnique() {
        Workspace after = Workspace.of(
                "People/Ada Berg.md", "# Ada Berg\n",
                "People/Team.md", "Lead: [[Ada Berg]]\n",
                "Archive/Ada Lind.md", "# Ada Lind (old)\n",
                "Daily/2024-05-01.md", "Met [[{|}Ada Berg]].\n").rename("Ada Lind");
        assertEquals("Met [[People/Ada Lind]].\n", after.text("Daily/2024-05-01.md"));
        assertEquals("Lead: [[Ada Lind]]\n", after.text("People/Team.md"), "its own folder wins, so it stays bare");
        after.assertNoLinkFindings();
    }

    @Test
    void linksToAnotherNoteOfTheNewNameKeepLeadingThere() {
        Workspace after = Workspace.of(
                "People/Ada Berg.md", "# Ada Berg\n",
                "Projects/Apollo.md", "# Apollo\n",
                "Daily/2024-05-01.md", "[[Apollo]] and [[Ada Berg]]\n",
                "People/Team.md", "[[Apollo]] and [[Ada B{|}erg]]\n").rename("Apollo");
        // In People/, the renamed note's own folder now wins the bare name; elsewhere it is a guess.
        assertEquals("[[Projects/Apollo]] and [[Apollo]]\n", after.text("People/Team.md"));
        assertEquals("[[Projects/Apollo]] and [[People/Apollo]]\n", after.text("Daily/2024-05-01.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void markdownLinksStayMarkdownPercentEncodedOrInAngleBrackets() {
        Workspace after = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Projects/Apollo.md", """
                        - [Ada](../People/Ada%20Berg.md)
                        - [facts](<People/Ada Berg.md#Key Facts>)
                        - [fact](People/Ada%20Berg.md#^fact1)
                        - [[Ada B{|}erg]]
                        """).rename("Ada Lind-Öberg");
        assertEquals("""
                - [Ada](../People/Ada%20Lind-Öberg.md)
                - [facts](<People/Ada Lind-Öberg.md#Key Facts>)
                - [fact](People/Ada%20Lind-Öberg.md#^fact1)
                - [[Ada Lind-Öberg]]
                """, after.text("Projects/Apollo.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aMarkdownLinkThatEncodedNonAsciiKeepsDoingSo() {
        Workspace after = Workspace.of(
                "Tomás.md", "# Tomás\n",
                "Index.md", "[T](Tom%C3%A1s.md) [[Tom{|}ás]]\n").rename("Tomás Ñ");
        assertEquals("[T](Tom%C3%A1s%20%C3%91.md) [[Tomás Ñ]]\n", after.text("Index.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void quotedFrontmatterLinksAreRewritten() {
        Workspace after = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Meetings/Kickoff.md", """
                        ---
                        attendees:
                          - "[[Ada Berg]]"
                          - '[[Ada Berg|Ada]]'
                        owner: "[[People/Ada Berg#Key Facts]]"
                        ---
                        With [[{|}Ada Berg]].
                        """).rename("Ada Lind");
        assertEquals("""
                ---
                attendees:
                  - "[[Ada Lind]]"
                  - '[[Ada Lind|Ada]]'
                owner: "[[People/Ada Lind#Key Facts]]"
                ---
                With [[Ada Lind]].
                """, after.text("Meetings/Kickoff.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aFrontmatterLinkIsEscapedForTheQuoteAroundIt() {
        // Obsidian reads the YAML value, so the quote must be escaped as YAML escapes it.
        Workspace after = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Meetings/Kickoff.md", """
                        ---
                        attendees: ["[[Ada Berg]]", '[[Ada Berg|Ada]]']
                        ---
                        With [[{|}Ada Berg]].
                        """).rename("Ada \"AB\" O'Berg");
        assertEquals("""
                ---
                attendees: ["[[Ada \\"AB\\" O'Berg]]", '[[Ada "AB" O''Berg|Ada]]']
                ---
                With [[Ada "AB" O'Berg]].
                """, after.text("Meetings/Kickoff.md"));
    }

    @Test
    void theTitleHeadingAndFrontmatterTitleFollowTheName() {
        Workspace after = Workspace.of(
                "Projects/Apollo.md", """
                        ---
                        title: "Apollo"
                        ---
                        # Apollo

                        ## Apollo
                        """,
                "Index.md", "[[Apol{|}lo]]\n").rename("Artemis");
        assertEquals("""
                ---
                title: "Artemis"
                ---
                # Artemis

                ## Apollo
                """, after.text("Projects/Artemis.md"));
    }

    @Test
    void aTitleHeadingThatIsNotTheNameIsKept() {
        Workspace after = Workspace.of(
                "Projects/Apollo.md", """
                        ---
                        title: Apollo programme
                        ---
                        # Apollo programme
                        """,
                "Index.md", "[[Apol{|}lo]]\n").rename("Artemis");
        assertEquals("""
                ---
                title: Apollo programme
                ---
                # Apollo programme
                """, after.text("Projects/Artemis.md"));
        assertEquals("[[Artemis]]\n", after.text("Index.md"));
    }

    @Test
    void renamingOnTheTitleHeadingRenamesTheNoteAndItsSelfLinks() {
        Workspace after = Workspace.of(
                "People/Ada Berg.md", """
                        # Ada {|}Berg

                        ## Key Facts

                        See [[#Key Facts]] and [[Ada Berg#Key Facts]].
                        """,
                "Index.md", "[[Ada Berg]]\n").rename("Ada Lind");
        assertEquals("""
                # Ada Lind

                ## Key Facts

                See [[#Key Facts]] and [[Ada Lind#Key Facts]].
                """, after.text("People/Ada Lind.md"));
        assertEquals("[[Ada Lind]]\n", after.text("Index.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void renamingAPersonRewritesTheirOwnerTagsTitleAndTaskQueries() {
        Workspace after = Workspace.of(
                "People/Ada Berg.md", """
                        ---
                        type: people
                        title: Ada Berg
                        tags:
                        - type/people
                        ---

                        # Ada Berg

                        ## Tasks They Own

                        ```dataview
                        TASK
                        WHERE contains(text, "@AdaBerg") AND !completed
                        ```

                        ## Open Tasks

                        ```dataview
                        TASK
                        WHERE !completed AND contains(text, "Ada Berg")
                        ```
                        """,
                "Projects/Apollo.md", """
                        - [ ] Draft the plan @AdaBerg 📅 2024-05-10
                        - [x] Review with @adaberg and [[Ada Berg]]
                        - [ ] Ask @AdaBergstrom
                        Mail ada@AdaBerg.example
                        """,
                "Daily/2024-05-01.md", "Met [[{|}Ada Berg]]\n").rename("Ada Lind");
        assertEquals("""
                ---
                type: people
                title: Ada Lind
                tags:
                - type/people
                ---

                # Ada Lind

                ## Tasks They Own

                ```dataview
                TASK
                WHERE contains(text, "@AdaLind") AND !completed
                ```

                ## Open Tasks

                ```dataview
                TASK
                WHERE !completed AND contains(text, "Ada Lind")
                ```
                """, after.text("People/Ada Lind.md"));
        assertEquals("""
                - [ ] Draft the plan @AdaLind 📅 2024-05-10
                - [x] Review with @AdaLind and [[Ada Lind]]
                - [ ] Ask @AdaBergstrom
                Mail ada@AdaBerg.example
                """, after.text("Projects/Apollo.md"));
    }

    @Test
    void aPersonWhoseTitleIsNotTheFileNameKeepsTheirOwnerTags() {
        Workspace after = Workspace.of(
                "People/ada.md", """
                        ---
                        type: people
                        title: Ada Berg
                        ---
                        """,
                "Projects/Apollo.md", "- [ ] Draft the plan @AdaBerg\n",
                "Daily/2024-05-01.md", "Met [[{|}ada]]\n").rename("Ada B");
        assertEquals("- [ ] Draft the plan @AdaBerg\n", after.text("Projects/Apollo.md"));
        assertEquals("Met [[Ada B]]\n", after.text("Daily/2024-05-01.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void renamingOnAnOwnerTagRenamesThePerson() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", "---\ntype: people\n---\n# Ada Berg\n",
                "Projects/Apollo.md", "- [ ] Draft the plan @Ada{|}Berg\n");
        assertEquals("Ada Berg", ws.prepare().value().placeholder());
        Workspace after = ws.rename("Ada Lind");
        assertEquals("- [ ] Draft the plan @AdaLind\n", after.text("Projects/Apollo.md"));
        assertEquals("---\ntype: people\n---\n# Ada Lind\n", after.text("People/Ada Lind.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void renamingAnAttachmentKeepsItsExtension() {
        Workspace after = Workspace.of(
                "Assets/diagram.png", "",
                "Projects/Apollo.md", "![[diag{|}ram.png]] and ![plan](../Assets/diagram.png)\n").rename("flow");
        assertTrue(after.paths().contains("Assets/flow.png"));
        assertEquals("![[flow.png]] and ![plan](../Assets/flow.png)\n", after.text("Projects/Apollo.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aChangeOfCaseIsNotACollisionWithItself() {
        Workspace ws = Workspace.of(
                "People/ada berg.md", "# ada berg\n",
                "Index.md", "[[{|}ada berg]]\n");
        WorkspaceChange change = ws.tryRename("Ada Berg").value();
        assertEquals(List.of(new WorkspaceChange.FileRename("People/ada berg.md", "People/Ada Berg.md")),
                change.renames());
        assertEquals("# Ada Berg\n", ws.apply(change).text("People/Ada Berg.md"));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        WorkspaceChange change = Workspace.of("Ada.md", "", "Index.md", "[[{|}Ada]]\n").tryRename(" Ada.md ").value();
        assertEquals(new WorkspaceChange(List.of(), List.of(), List.of()), change);
    }

    @Test
    void refusesANameThatAnotherNoteInTheFolderHasInAnyCase() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", "",
                "People/ada lind.md", "",
                "Index.md", "[[{|}Ada Berg]]\n");
        assertEquals("cannot rename: People/ada lind.md already exists (names compare case-insensitively)",
                ws.renameError("Ada Lind"));
    }

    @Test
    void refusesNamesObsidianForbids() {
        Workspace ws = Workspace.of("Ada.md", "", "Index.md", "[[{|}Ada]]\n");
        for (String bad : List.of("A#B", "A|B", "A^B", "A:B", "A%%B", "A[[B", "A]]B", "Team/Ada", "Team\\Ada")) {
            String error = ws.renameError(bad);
            assertTrue(error.startsWith("A name cannot contain '"), error);
        }
        assertEquals("The new name is empty", ws.renameError("  "));
        assertEquals("A name cannot start with '.': the file would be hidden from the vault", ws.renameError(".Ada"));
    }

    @Test
    void refusesANewOwnerTagThatAnotherPersonHas() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", "---\ntype: people\n---\n",
                "Archive/Ada Lind.md", "---\ntype: people\n---\n",
                "Index.md", "[[{|}Ada Berg]]\n");
        assertEquals("cannot rename: Archive/Ada Lind.md already has the owner tag @AdaLind, and tasks of both "
                + "people would then share it", ws.renameError("Ada Lind"));
    }

    @Test
    void refusesToRenameThroughABrokenLink() {
        Workspace ws = Workspace.of("Index.md", "[[Nob{|}ody]]\n");
        assertEquals("cannot rename: 'Nobody' does not resolve", ws.renameError("Somebody"));
    }
}
