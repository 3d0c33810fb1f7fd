package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * The check's "did you mean" and the first quick fix name the same candidate, because both read one
 * diagnosis of the link (or owner tag).
 */
class DidYouMeanIsTheFixTest {

    /** Notes and Notex are as close to Notez; only Notex is under B, so only it makes the link resolve. */
    private static final String PLAN = """
            # A
            ## Notes
            # B
            ## Notex
            """;

    @Test
    void aHeadingMissingUnderItsParentIsMatchedAmongThatParentsHeadings() {
        Workspace ws = Workspace.of("Plan.md", PLAN, "Home.md", "[[Plan#B#Note{|}z]]\n");
        assertEquals("No heading 'Notez' under 'B' in 'Plan'; did you mean 'Notex'?", findingAtCursor(ws).message());
        List<CodeAction> fixes = ws.actionsAtCursor();
        assertEquals("Change to [[Plan#B#Notex]]", fixes.get(0).title());
        ws.apply(fixes.get(0).change()).assertNoLinkFindings();
    }

    @Test
    void aHeadingOfItsOwnElsewhereIsBothTheAdviceAndTheFirstFix() {
        Workspace ws = Workspace.of("Plan.md", PLAN, "Home.md", "[[Plan#A#Note{|}x]]\n");
        assertEquals("No heading 'Notex' under 'A' in 'Plan'; it is a heading of its own there: write [[Plan#Notex]]",
                findingAtCursor(ws).message());
        assertEquals("Change to [[Plan#Notex]]", ws.actionsAtCursor().get(0).title());
    }

    @Test
    void aMisspeltNoteNameSuggestsTheNoteTheFixPointsAt() {
        Workspace ws = Workspace.of("People/Ada Berg.md", "", "Home.md", "[[Ada Bu{|}rg]]\n");
        assertEquals("No note named 'Ada Burg'; did you mean 'Ada Berg'?", findingAtCursor(ws).message());
        assertEquals("Change to [[Ada Berg]]", ws.actionsAtCursor().get(0).title());
    }

    @Test
    void aMisspeltBlockIdSuggestsTheIdTheFixWrites() {
        Workspace ws = Workspace.of("Plan.md", "Budget first. ^budget\n", "Home.md", "[[Plan#^budgte{|}]]\n");
        assertEquals("No block '^budgte' in 'Plan'; did you mean '^budget'?", findingAtCursor(ws).message());
        assertEquals("Change to [[Plan#^budget]]", ws.actionsAtCursor().get(0).title());
    }

    @Test
    void aMisspeltOwnerSuggestsTheTagTheFixWrites() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", "---\ntype: people\n---\n# Ada Berg\n",
                "People/Ada Borg.md", "---\ntype: people\n---\n# Ada Borg\n",
                "Projects/Apollo.md", "- [ ] Draft @AdaBu{|}rg\n");
        assertEquals("No person has the owner tag @AdaBurg; did you mean @AdaBerg?", findingAtCursor(ws).message());
        assertEquals("Change to @AdaBerg", ws.actionsAtCursor().get(0).title());
    }

    private static Finding findingAtCursor(Workspace ws) {
        VaultIndex index = ws.index();
        Note note = ws.cursorNote(index);
        List<Finding> findings = Diagnostics.forNote(index, note);
        assertEquals(1, findings.size(), () -> "one finding expected: " + findings);
        return findings.get(0);
    }
}
