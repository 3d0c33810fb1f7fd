package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vaultls.features.Edit;
import org.vaultls.features.Location;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.navigation.CursorVault;

/** Rename rewrites exactly the sites find references lists (with the declaration), wherever the cursor is. */
class RenameFollowsReferencesTest {

    /** Asserts that every reference gets an edit and every edit lies in a reference; returns the sites. */
    private static List<String> assertSameSites(Workspace ws, String newName) {
        List<Location> refs = ws.referencesAtCursor();
        Result<WorkspaceChange> r = ws.tryRename(newName);
        assertTrue(r.isOk(), () -> "rename refused: " + r.error());
        TreeSet<String> edited = new TreeSet<>();
        for (Edit e : r.value().edits()) {
            edited.add(refs.stream().filter(l -> l.path().equals(e.path())
                            && l.span().startOffset() <= e.span().startOffset()
                            && e.span().endOffset() <= l.span().endOffset())
                    .findFirst().map(CursorVault::where).orElse("edit outside the references: " + e));
        }
        List<String> sites = CursorVault.where(refs);
        assertEquals(new TreeSet<>(sites), edited, "the sites rename rewrites are the references");
        return sites;
    }

    @Test
    void aFirstHeadingThatIsNotTheNotesNameIsRenamedAsAHeadingAndFoundAsOne() {
        Workspace ws = Workspace.of(
                "Plan.md", "# Over{|}view\n\nSee [[#Overview]].\n",
                "Daily/a.md", "[[Plan]] and [[Plan#Overview]] and [[Plan#Overview#Goals]]\n");
        assertEquals(List.of("Daily/a.md 0:13-30", "Daily/a.md 0:35-58", "Plan.md 0:0-10", "Plan.md 2:4-17"),
                assertSameSites(ws, "Summary"));
        assertEquals("# Summary\n\nSee [[#Summary]].\n", ws.rename("Summary").text("Plan.md"));
    }

    @Test
    void theTitleHeadingIsRenamedAsTheNoteAndFoundAsIt() {
        Workspace ws = Workspace.of(
                "Plan.md", "# Pl{|}an\n\n## Goals\n",
                "Daily/a.md", "[[Plan]] and [[Plan#Goals|goals]]\n");
        assertEquals(List.of("Daily/a.md 0:0-8", "Daily/a.md 0:13-33", "Plan.md 0:0-6"),
                assertSameSites(ws, "Roadmap"));
    }

    @Test
    void theFrontmatterTitleLineIsTheNoteForBoth() {
        Workspace ws = Workspace.of(
                "plan.md", "---\ntitle: pl{|}an\n---\nBody\n",
                "Daily/a.md", "See [[plan]]\n");
        assertEquals(List.of("Daily/a.md 0:4-12", "plan.md 1:0-11"), assertSameSites(ws, "roadmap"));
    }

    @Test
    void aPersonsOwnerTagsAreBothFoundAndRenamed() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", "---\ntype: people\n---\n# Ada{|} Berg\n",
                "Daily/a.md", "- [ ] Call @AdaBerg about [[Ada Berg]]\n");
        assertEquals(List.of("Daily/a.md 0:11-19", "Daily/a.md 0:26-38", "People/Ada Berg.md 3:0-10"),
                assertSameSites(ws, "Ada Lind"));
    }
}
