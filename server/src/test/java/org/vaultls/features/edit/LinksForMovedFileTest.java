package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.features.WorkspaceChange;

class LinksForMovedFileTest {

    /** Applies the edits for moving {@code from} to {@code to}, then moves the file as the editor does. */
    private static Workspace move(Workspace ws, String from, String to) {
        WorkspaceChange edits = Rename.linksForMovedFile(ws.index(), from, to, VaultBoundary.inMemory()).value();
        assertEquals(List.of(), edits.renames(), "the editor renames the file itself");
        assertEquals(List.of(), edits.creates());
        return ws.apply(new WorkspaceChange(edits.edits(), List.of(new WorkspaceChange.FileRename(from, to)),
                List.of()));
    }

    @Test
    void aNoteMovedToAnotherFolderKeepsItsBareLinksAndUpdatesItsPathLinks() {
        Workspace after = move(Workspace.of(
                "People/Ada Berg.md", "# Ada Berg\n",
                "Daily/2024-05-01.md", """
                        [[Ada Berg]] [[People/Ada Berg#Key|k]] [[../People/Ada Berg]]
                        [md](../People/Ada%20Berg.md) [abs](People/Ada%20Berg.md)
                        """), "People/Ada Berg.md", "Contacts/Team/Ada Berg.md");
        assertEquals("""
                [[Ada Berg]] [[Contacts/Team/Ada Berg#Key|k]] [[../Contacts/Team/Ada Berg]]
                [md](../Contacts/Team/Ada%20Berg.md) [abs](Contacts/Team/Ada%20Berg.md)
                """, after.text("Daily/2024-05-01.md"));
    }

    @Test
    void aRenamedNoteGetsItsLinksRewrittenWithoutTouchingTheFile() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", "# Ada Berg\n",
                "Daily/2024-05-01.md", "[[Ada Berg]] and [[People/Ada Berg.md]]\n");
        WorkspaceChange change = Rename.linksForMovedFile(ws.index(), "People/Ada Berg.md", "People/Ada Lind.md",
                VaultBoundary.inMemory()).value();
        assertEquals(List.of("Daily/2024-05-01.md", "Daily/2024-05-01.md"),
                change.edits().stream().map(e -> e.path()).toList());
        Workspace after = move(ws, "People/Ada Berg.md", "People/Ada Lind.md");
        assertEquals("[[Ada Lind]] and [[People/Ada Lind.md]]\n", after.text("Daily/2024-05-01.md"));
        assertEquals("# Ada Berg\n", after.text("People/Ada Lind.md"), "unlike Rename, a file move keeps the title");
    }

    @Test
    void theMovedNotesOwnRelativeLinksStillLeadWhereTheyDid() {
        Workspace after = move(Workspace.of(
                "Projects/Apollo.md", "# Apollo\n",
                "People/Ada Berg.md", """
                        [[../Projects/Apollo]] [plan](../Projects/Apollo.md) [[./Ada Berg#Top]] [[Apollo]]
                        # Top
                        """), "People/Ada Berg.md", "People/Team/Ada Berg.md");
        assertEquals("""
                [[../../Projects/Apollo]] [plan](../../Projects/Apollo.md) [[./Ada Berg#Top]] [[Apollo]]
                # Top
                """, after.text("People/Team/Ada Berg.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aBareLinkTheNewFolderWouldResolveDifferentlyKeepsItsTarget() {
        Workspace after = move(Workspace.of(
                "Attic/Notes.md", "# Old notes\n",
                "Teams/Notes.md", "# Team notes\n",
                "Projects/Apollo.md", "See [[Notes]].\n",
                "Projects/Zeus.md", "See [[Notes]].\n"), "Projects/Apollo.md", "Teams/Apollo.md");
        // Both paths are as short, so Obsidian picks Attic/Notes.md by name; in Teams/ its own folder would win.
        assertEquals("See [[Attic/Notes]].\n", after.text("Teams/Apollo.md"));
        assertEquals("See [[Notes]].\n", after.text("Projects/Zeus.md"));
    }

    @Test
    void aMovedAttachmentKeepsEveryEmbedAndImage() {
        Workspace after = move(Workspace.of(
                "Assets/diagram.png", "",
                "Projects/Apollo.md", """
                        ![[diagram.png]] ![[Assets/diagram.png|300]] ![plan](../Assets/diagram.png)
                        """), "Assets/diagram.png", "Assets/Apollo/flow.png");
        assertEquals("""
                ![[flow.png]] ![[Assets/Apollo/flow.png|300]] ![plan](../Assets/Apollo/flow.png)
                """, after.text("Projects/Apollo.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aRenamedFolderRewritesTheLinksThatNameItsPath() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", "# Ada Berg\n",
                "People/Bo Chen.md", "[[Ada Berg]] [[People/Ada Berg]]\n",
                "Index.md", "[[People/Bo Chen]] [[Ada Berg]] [Bo](People/Bo%20Chen.md)\n");
        WorkspaceChange change = Rename.linksForMovedFile(ws.index(), "People", "Contacts", VaultBoundary.inMemory())
                .value();
        Workspace after = ws.apply(new WorkspaceChange(change.edits(), List.of(
                new WorkspaceChange.FileRename("People/Ada Berg.md", "Contacts/Ada Berg.md"),
                new WorkspaceChange.FileRename("People/Bo Chen.md", "Contacts/Bo Chen.md")), List.of()));
        assertEquals("[[Contacts/Bo Chen]] [[Ada Berg]] [Bo](Contacts/Bo%20Chen.md)\n", after.text("Index.md"));
        assertEquals("[[Ada Berg]] [[Contacts/Ada Berg]]\n", after.text("Contacts/Bo Chen.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aFileTheVaultDoesNotHoldNeedsNoEdits() {
        Workspace ws = Workspace.of("Index.md", "[[Ghost]]\n");
        assertEquals(new WorkspaceChange(List.of(), List.of(), List.of()),
                Rename.linksForMovedFile(ws.index(), "Ghost.md", "Spirit.md", VaultBoundary.inMemory()).value());
    }

    @Test
    void movingAnyFileOfACleanVaultAnywhereLeavesNoBrokenLink() {
        Workspace ws = RenameAcrossVaultTest.vault();
        ws.assertNoLinkFindings();
        for (String path : ws.paths()) {
            for (String folder : List.of("", "Archive/2024", "People")) {
                String to = (folder.isEmpty() ? "" : folder + "/") + "moved " + path.substring(path.lastIndexOf('/') + 1);
                Workspace after = move(ws, path, to);
                assertEquals(List.of(), after.linkFindings(), () -> "after moving " + path + " to " + to);
            }
        }
    }
}
