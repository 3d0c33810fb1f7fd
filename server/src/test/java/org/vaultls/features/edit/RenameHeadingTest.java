package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RenameHeadingTest {

    @Test
    void renamesTheHeadingAndEveryLinkToItKeepingTheOtherParts() {
        Workspace after = Workspace.of(
                "People/Ada Berg.md", """
                        # Ada Berg

                        ## Key {|}Facts

                        Back to [[#Key Facts]] or [[#key  facts|the facts]].
                        """,
                "Daily/2024-05-01.md", """
                        [[Ada Berg#Key Facts|facts]] ![[People/Ada Berg.md#Key Facts]]
                        [md](People/Ada%20Berg.md#Key%20Facts) [md2](<People/Ada Berg.md#Key Facts>)
                        [[Ada Berg#Key Facts Old]] [[#Key Facts]]
                        """).rename("Facts and Figures");
        assertEquals("""
                # Ada Berg

                ## Facts and Figures

                Back to [[#Facts and Figures]] or [[#Facts and Figures|the facts]].
                """, after.text("People/Ada Berg.md"));
        assertEquals("""
                [[Ada Berg#Facts and Figures|facts]] ![[People/Ada Berg.md#Facts and Figures]]
                [md](People/Ada%20Berg.md#Facts%20and%20Figures) [md2](<People/Ada Berg.md#Facts and Figures>)
                [[Ada Berg#Key Facts Old]] [[#Key Facts]]
                """, after.text("Daily/2024-05-01.md"), "links to other headings and notes are left alone");
    }

    @Test
    void renamesAHeadingInTheMiddleOfALinksHeadingChain() {
        Workspace after = Workspace.of(
                "Projects/Apollo.md", """
                        # Apollo
                        ## Wo{|}rk
                        ### Tasks
                        ## Notes
                        ### Tasks
                        """,
                "Index.md", "[[Apollo#Work#Tasks]] [[Apollo#Notes#Tasks]] [[Apollo#Work]]\n").rename("Delivery");
        assertEquals("[[Apollo#Delivery#Tasks]] [[Apollo#Notes#Tasks]] [[Apollo#Delivery]]\n", after.text("Index.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void linksNameTheHeadingWithoutTheCharactersObsidianDrops() {
        Workspace after = Workspace.of(
                "Projects/Apollo.md", "# Apollo\n## Pla{|}n\n",
                "Index.md", "[[Apollo#Plan]]\n").rename("Q3: [Plan] 100%");
        assertEquals("# Apollo\n## Q3: [Plan] 100%\n", after.text("Projects/Apollo.md"));
        assertEquals("[[Apollo#Q3 Plan 100]]\n", after.text("Index.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void renamingOnALinksHeadingRenamesTheTargetHeading() {
        Workspace ws = Workspace.of(
                "Projects/Apollo.md", "# Apollo\n## Work\n### Tasks\n",
                "Index.md", "[[Apollo#Work#Ta{|}sks|todo]]\n");
        RenameTarget target = ws.prepare().value();
        assertEquals("Tasks", target.placeholder());
        assertEquals("(0,14)-(0,19)", target.span().toString());
        Workspace after = ws.rename("Actions");
        assertEquals("# Apollo\n## Work\n### Actions\n", after.text("Projects/Apollo.md"));
        assertEquals("[[Apollo#Work#Actions|todo]]\n", after.text("Index.md"));
    }

    @Test
    void refusesAHeadingTheNoteAlreadyHas() {
        Workspace ws = Workspace.of("Apollo.md", "# Apollo\n## Plan\n## Ri{|}sks\n");
        assertEquals("cannot rename: 'Apollo' already has a heading 'Plan' (line 2), and links would reach only "
                + "the first", ws.renameError("plan"));
    }

    @Test
    void refusesAHeadingThatLinksCouldNotName() {
        Workspace ws = Workspace.of("Apollo.md", "# Apollo\n## Ri{|}sks\n");
        for (String bad : new String[] {"A # B", "A | B", "A ^B", "[[A]]"}) {
            assertTrue(ws.renameError(bad).startsWith("A heading that links point at cannot contain"), bad);
        }
        assertEquals("The new heading is empty", ws.renameError(" "));
    }

    @Test
    void refusesAHeadingThatALinkNamesButTheNoteDoesNotHave() {
        Workspace ws = Workspace.of("Apollo.md", "# Apollo\n", "Index.md", "[[Apollo#Ri{|}sks]]\n");
        assertEquals("cannot rename: 'Apollo' has no heading 'Risks'", ws.renameError("Threats"));
    }
}
