package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/** The index answers "who links here" and "which tasks carry this tag" from its maps. */
class BacklinkQueriesTest {
    private static final TestVault VAULT = TestVault.of(
            "Projects/Apollo.md", "# Apollo\nSee [[#Apollo]] and [[Apollo]].\n",
            "Old/Archive/Apollo.md", "",
            "Daily/d1.md", "[[Apollo]] today, and ![[plan.png]]\n",
            "Projects/Notes.md", "[[./Apollo.md|the project]]\n",
            "Archive/Old.md", "[[Archive/Apollo]]\n",
            "Daily/d2.md", "[[Apolo]]\n- [ ] Call @AdaBerg\n- [ ] Mail @adaberg and @AdaBerg\n",
            "Daily/d3.md", "- [ ] Plan @BoChen\n- [ ] Review @AdaBerg\n",
            "Assets/plan.png", "");

    @Test
    void backlinksOfANoteAreTheOtherNotesWhoseLinksResolveToIt() {
        VaultIndex index = VAULT.index();
        assertEquals(List.of("Daily/d1.md", "Projects/Notes.md"), index.backlinks("Projects/Apollo.md"));
        assertEquals(List.of("Archive/Old.md"), index.backlinks("Old/Archive/Apollo.md"));
        assertEquals(List.of("Daily/d1.md"), index.backlinks("Assets/plan.png"));
        assertEquals(List.of(), index.backlinks("Daily/d1.md"));
    }

    @Test
    void backlinksFollowAnEdit() {
        Note edited = NoteParser.parse("Daily/d2.md", "[[Apollo]]\n");
        VaultIndex index = VAULT.index().with(List.of(edited), List.of(), List.of(), List.of());
        assertEquals(List.of("Daily/d1.md", "Daily/d2.md", "Projects/Notes.md"), index.backlinks("Projects/Apollo.md"));
    }

    @Test
    void notesLinkingToANameIncludeBrokenAndOtherFoldersLinks() {
        VaultIndex index = VAULT.index();
        assertEquals(List.of("Archive/Old.md", "Daily/d1.md", "Projects/Apollo.md", "Projects/Notes.md"),
                index.notesLinkingToName(VaultIndex.linkNameKey("Apollo")));
        assertEquals(List.of("Daily/d2.md"), index.notesLinkingToName(VaultIndex.linkNameKey("Apolo")));
    }

    @Test
    void tasksWithAnOwnerTagAreInPathAndLineOrderWhateverTheCase() {
        List<String> tasks = VAULT.index().tasksWithOwnerTag("adaBERG").stream()
                .map(t -> t.path() + ":" + (t.task().span().start().line() + 1)).distinct().toList();
        assertEquals(List.of("Daily/d2.md:2", "Daily/d2.md:3", "Daily/d3.md:2"), tasks);
        assertEquals(List.of(), VAULT.index().tasksWithOwnerTag("Nobody"));
    }

    @Test
    void notesNamedAreEveryPathOfThatName() {
        assertEquals(List.of("Old/Archive/Apollo.md", "Projects/Apollo.md"), VAULT.index().notesNamed("apollo"));
        assertEquals(List.of("Assets/plan.png"), VAULT.index().attachmentsNamed("PLAN.png"));
    }
    @Test
    void linkersAddedByAPatchKeepPathOrderAndTheOldSnapshotKeepsItsList() {
        VaultIndex before = VAULT.index();
        List<Note> added = List.of(NoteParser.parse("A first.md", "[[Apollo]]\n"),
                NoteParser.parse("Daily/d15.md", "[[Apollo]]\n"), NoteParser.parse("Zed.md", "[[Apollo]]\n"));
        VaultIndex after = before.with(added, List.of(), List.of(), List.of());
        assertEquals(List.of("A first.md", "Archive/Old.md", "Daily/d1.md", "Daily/d15.md", "Projects/Apollo.md",
                "Projects/Notes.md", "Zed.md"), after.notesLinkingToName(VaultIndex.linkNameKey("Apollo")));
        assertEquals(List.of("Archive/Old.md", "Daily/d1.md", "Projects/Apollo.md", "Projects/Notes.md"),
                before.notesLinkingToName(VaultIndex.linkNameKey("Apollo")));
    }

    @Test
    void aNameLinkedFromThousandsOfNotesListsThemAllInPathOrder() {
        // given in reverse order; building appends in path order (it no longer sorts the list per note)
        List<Note> notes = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            notes.add(NoteParser.parse(String.format("Daily/%05d.md", 19_999 - i), "[[Ada Berg]] @AdaBerg\n- [ ] x @AdaBerg\n"));
        }
        VaultIndex index = VaultIndex.build(org.vaultls.config.VaultConfig.defaults(),
                org.vaultls.config.ObsidianSettings.defaults(), notes, List.of());
        List<String> linkers = index.notesLinkingToName(VaultIndex.linkNameKey("Ada Berg"));
        assertEquals(20_000, linkers.size());
        assertEquals(linkers.stream().sorted().toList(), linkers);
        assertEquals(20_000, index.tasksWithOwnerTag("AdaBerg").size());
    }
}
