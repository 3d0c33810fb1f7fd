package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert.Cursor;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.WorkspaceChange.FileCreate;
import org.vaultls.features.WorkspaceChange.FileRename;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * Every change the server proposes stays inside the vault: each traversal shape a link, a setting or a
 * new name can take is refused, by the quick fix not being offered or by the rename's error.
 */
class VaultBoundaryTest {
    @TempDir
    Path tmp;

    /** A vault folder {@code tmp/vault} holding {@code path, text, ...}, next to {@code tmp/outside.md}. */
    private Path vault(String... pathsAndTexts) throws IOException {
        Path root = tmp.resolve("vault");
        Files.createDirectories(root);
        Files.writeString(tmp.resolve("outside.md"), "# precious\n");
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            Path p = root.resolve(pathsAndTexts[i]);
            Files.createDirectories(p.getParent());
            Files.writeString(p, pathsAndTexts[i + 1]);
        }
        return root;
    }

    /** The titles of the quick fixes at the {@code {|}} of {@code note}, a note of the vault on disk. */
    private static List<String> fixesAt(Path root, String path, String textWithCursor) throws IOException {
        Cursor c = Cursor.parse(textWithCursor);
        Files.createDirectories(root.resolve(path).getParent());
        Files.writeString(root.resolve(path), c.text());
        VaultIndex index = TestVault.loadDir(root);
        Note note = index.note(path).orElseThrow();
        return CodeActions.actions(index, note, note.lines().span(c.offset(), c.offset()),
                Diagnostics.forNote(index, note), VaultBoundary.at(root)).stream().map(CodeAction::title).toList();
    }

    private static List<String> creates(List<String> titles) {
        return titles.stream().filter(t -> t.startsWith("Create")).toList();
    }

    private static Optional<String> problem(Path root, WorkspaceChange change) {
        return VaultBoundary.at(root).problem(TestVault.loadDir(root), change);
    }

    private static WorkspaceChange create(String path) {
        return new WorkspaceChange(List.of(), List.of(), List.of(new FileCreate(path, "# x\n")));
    }

    private static void assertRefused(Optional<String> problem, String why) {
        assertTrue(problem.isPresent(), "not refused");
        assertTrue(problem.get().contains(why), problem.get());
    }

    // ---- .. segments ------------------------------------------------------------------------------

    @Test
    void aLinkWhoseDotDotClimbsOutOfTheVaultOffersNoNote() throws IOException {
        Path root = vault("People/Ada Berg.md", "# Ada Berg\n");
        assertEquals(List.of(), creates(fixesAt(root, "Daily/d.md", "[[People/../../out{|}side]]\n")));
        assertEquals(List.of(), creates(fixesAt(root, "Daily/d.md", "[[a/../../evi{|}l4]]\n")));
        assertEquals(List.of(), creates(fixesAt(root, "Daily/d.md", "[[../../evi{|}l2]]\n")));
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[../evi{|}l2]]\n")));
        assertEquals(List.of(), fixesAt(root, "Daily/d.md", "[x](../../out{|}side.md)\n"));
        assertEquals("# precious\n", Files.readString(tmp.resolve("outside.md")));
    }

    @Test
    void theGuardRefusesAPathThatClimbsOutOrIsNotPlain() throws IOException {
        Path root = vault();
        assertRefused(problem(root, create("People/../../outside.md")), "leads out of it");
        assertRefused(problem(root, create("../outside.md")), "leads out of it");
        assertRefused(problem(root, create("a/../b.md")), "holds a '..' segment");
    }

    @Test
    void aLinkWhoseDotDotStaysInsideTheVaultIsReadLiterallySoOffersNoNote() throws IOException {
        Path root = vault("People/Ada Berg.md", "# Ada Berg\n");
        // Obsidian reads `People/../x` as a path, so no note made for it would fix the link
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[People/../Ze{|}us]]\n")));
        assertEquals(List.of("Create note 'Zeus' in People/"),
                creates(fixesAt(root, "Daily/d.md", "[[../People/Ze{|}us]]\n")));
    }

    // ---- ./ -----------------------------------------------------------------------------------------

    @Test
    void aDotSlashLinkCreatesThePlainPath() throws IOException {
        Path root = vault();
        assertEquals(List.of("Create note 'Zeus' in Daily/"), creates(fixesAt(root, "Daily/d.md", "[[./Ze{|}us]]\n")));
        assertRefused(problem(root, create("./Zeus.md")), "holds a '.' segment");
        assertRefused(problem(root, create("Daily//Zeus.md")), "holds an empty segment");
    }

    // ---- absolute paths ---------------------------------------------------------------------------

    @Test
    void anAbsolutePathIsRefusedAndAVaultAbsoluteLinkStaysInTheVault() throws IOException {
        Path root = vault();
        assertRefused(problem(root, create("/etc/evil.md")), "absolute path");
        assertRefused(problem(root, create(tmp.resolve("outside2.md").toString())), "absolute path");
        assertRefused(problem(root, create("C:/Windows/evil.md")), "absolute path");
        assertRefused(problem(root, create("\\\\server\\share\\evil.md")), "absolute path");
        // in Obsidian a leading / is the vault root
        assertEquals(List.of("Create note 'passwd' in etc/"), creates(fixesAt(root, "d.md", "[[/etc/pass{|}wd]]\n")));
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[C:/Windows/ev{|}il]]\n")));
    }

    // ---- %2e%2e -----------------------------------------------------------------------------------

    @Test
    void anEncodedDotDotInAMarkdownLinkIsReadAsDotDot() throws IOException {
        Path root = vault();
        assertEquals(List.of(), creates(fixesAt(root, "People/p.md", "[x](%2e%2e/%2e%2e/ev{|}il.md)\n")));
        assertEquals(List.of(), creates(fixesAt(root, "People/p.md", "[x](People/%2E%2E/%2e%2e/out{|}side.md)\n")));
        assertRefused(problem(root, create("%2e%2e/evil.md")), "leads out of it");
        assertRefused(problem(root, create("a/%2e%2E/b.md")), "holds a '..' segment");
        assertRefused(problem(root, create("%2e%2fevil.md")), "hidden");
    }

    // ---- backslashes ------------------------------------------------------------------------------

    @Test
    void backslashesAreReadAsSlashes() throws IOException {
        Path root = vault();
        assertEquals(List.of(), creates(fixesAt(root, "Daily/d.md", "[[a\\..\\..\\..\\ev{|}il4]]\n")));
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[..\\ev{|}il2]]\n")));
        assertRefused(problem(root, create("..\\outside.md")), "leads out of it");
        assertRefused(problem(root, create("a\\b.md")), "holds a backslash");
    }

    // ---- symbolic links ---------------------------------------------------------------------------

    @Test
    void aSymlinkedFolderThatLeadsOutsideTakesNoNewNoteAndNoEdit() throws IOException {
        Path root = vault("Index.md", "[[Shared/Plan]]\n");
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("Plan.md"), "# Plan\n## Goals\n");
        try {
            Files.createSymbolicLink(root.resolve("Shared"), elsewhere);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[Shared/Ze{|}us]]\n")));
        assertRefused(problem(root, create("Shared/Zeus.md")), "symbolic link");

        VaultIndex index = TestVault.loadDir(root);
        assertTrue(index.note("Shared/Plan.md").isPresent(), "the loader follows the link");
        Note from = index.note("Index.md").orElseThrow();
        Result<WorkspaceChange> rename = Rename.rename(index, from, from.text().indexOf("Plan"), "Roadmap",
                VaultBoundary.at(root));
        assertFalse(rename.isOk());
        assertTrue(rename.error().contains("symbolic link"), rename.error());
        Note plan = index.note("Shared/Plan.md").orElseThrow();
        Result<WorkspaceChange> heading = Rename.rename(index, plan, plan.text().indexOf("Goals"), "Aims",
                VaultBoundary.at(root));
        assertFalse(heading.isOk(), "a heading rename edits the note outside");
        assertTrue(heading.error().contains("symbolic link"), heading.error());
    }

    @Test
    void aSymlinkInsideTheVaultThatStaysInsideIsFineButNotIntoAHiddenFolder() throws IOException {
        Path root = vault("Projects/Apollo.md", "# Apollo\n", ".obsidian/app.json", "{}");
        try {
            Files.createSymbolicLink(root.resolve("Work"), root.resolve("Projects"));
            Files.createSymbolicLink(root.resolve("Config"), root.resolve(".obsidian"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        assertEquals(Optional.empty(), problem(root, create("Work/Zeus.md")));
        assertRefused(problem(root, create("Config/Zeus.md")), "hidden folder .obsidian");
    }

    @Test
    void aDanglingSymlinkIsNotCreatedThrough() throws IOException {
        Path root = vault();
        try {
            Files.createSymbolicLink(root.resolve("Zeus.md"), tmp.resolve("new-outside.md"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        assertTrue(problem(root, create("Zeus.md")).isPresent());
        assertFalse(Files.exists(tmp.resolve("new-outside.md")));
    }

    // ---- case -------------------------------------------------------------------------------------

    @Test
    void aCreateOverAFileThatDiffersOnlyInCaseIsRefused() throws IOException {
        Path root = vault("People/Ada Berg.md", "# Ada Berg\n");
        assertRefused(problem(root, create("people/ada berg.md")), "People/Ada Berg.md already exists");
        assertRefused(problem(root, create("People/ADA BERG.md")), "names compare case-insensitively");
        assertRefused(problem(root, create(".OBSIDIAN/x.md")), "Obsidian's config folder");
        assertRefused(problem(root, create("PEOPLE/../../outside.md")), "leads out of it");
        Files.writeString(root.resolve("People/Zeus.md"), "made after the index\n");
        VaultIndex stale = TestVault.of("People/Ada Berg.md", "# Ada Berg\n").index();
        assertRefused(VaultBoundary.at(root).problem(stale, create("People/zeus.md")), "People/Zeus.md already exists");
    }

    @Test
    void aFolderWhoseNameDiffersFromTheVaultsOnlyInCaseIsOutsideWhereCaseCounts() throws IOException {
        Path root = vault();
        Path twin = tmp.resolve("VAULT");
        try {
            Files.createDirectories(twin);
        } catch (IOException e) {
            assumeTrue(false, "no second folder of that name: " + e);
        }
        assumeTrue(!Files.isSameFile(twin, root), "the file system ignores case");
        try {
            Files.createSymbolicLink(root.resolve("Twin"), twin);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here: " + e);
        }
        assertRefused(problem(root, create("Twin/x.md")), "symbolic link");
    }

    // ---- a target that exists ---------------------------------------------------------------------

    @Test
    void aCreateOrRenameOntoAFileOnDiskIsRefusedEvenWhenTheIndexDoesNotKnowIt() throws IOException {
        Path root = vault("Plan.md", "# Plan\n");
        VaultIndex index = TestVault.loadDir(root);
        Files.writeString(root.resolve("Zeus.md"), "written by another program\n");
        assertRefused(VaultBoundary.at(root).problem(index, create("Zeus.md")), "Zeus.md already exists");
        assertRefused(VaultBoundary.at(root).problem(index, new WorkspaceChange(List.of(),
                List.of(new FileRename("Plan.md", "Zeus.md")), List.of())), "cannot rename to 'Zeus.md'");
        assertRefused(VaultBoundary.at(root).problem(index, create("Plan.md")), "Plan.md already exists");
        assertEquals(Optional.empty(), VaultBoundary.at(root).problem(index, new WorkspaceChange(List.of(),
                List.of(new FileRename("Plan.md", "plan.md")), List.of())), "a rename that changes only case");
    }

    @Test
    void aNoteThatExistsGetsNoCreateNoteFix() throws IOException {
        Path root = vault("Zeus.md", "# Zeus\n");
        VaultIndex index = TestVault.of("d.md", "[[Zeus]]\n").index(); // the index has not seen Zeus.md yet
        Note note = index.note("d.md").orElseThrow();
        List<CodeAction> actions = CodeActions.actions(index, note, note.lines().span(3, 3),
                Diagnostics.forNote(index, note), VaultBoundary.at(root));
        assertEquals(List.of(), creates(actions.stream().map(CodeAction::title).toList()));
        assertEquals(1, CodeActions.actions(index, note, note.lines().span(3, 3), Diagnostics.forNote(index, note),
                VaultBoundary.inMemory()).size(), "in memory the fix is offered");
    }

    // ---- the vault root, .obsidian, hidden folders ------------------------------------------------

    @Test
    void theVaultRootItselfIsNotWritten() throws IOException {
        Path root = vault("Plan.md", "# Plan\n");
        assertRefused(problem(root, create("")), "vault root itself");
        assertRefused(problem(root, new WorkspaceChange(List.of(), List.of(new FileRename("Plan.md", "")), List.of())),
                "vault root itself");
        VaultIndex index = TestVault.loadDir(root);
        Note plan = index.note("Plan.md").orElseThrow();
        Edit edit = new Edit("", plan.lines().span(0, 0), "x");
        assertRefused(VaultBoundary.at(root).problem(index, new WorkspaceChange(List.of(edit), List.of(), List.of())),
                "vault root itself");
    }

    @Test
    void nothingIsWrittenIntoTheConfigFolderOrAHiddenFolder() throws IOException {
        Path root = vault(".obsidian/app.json", "{\"newFileLocation\": \"folder\", \"newFileFolderPath\": \".obsidian\"}");
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[Ze{|}us]]\n")));
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[.obsidian/plug{|}ins]]\n")));
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[.git/hoo{|}ks]]\n")));
        assertRefused(problem(root, create(".obsidian/workspace.md")), "Obsidian's config folder");
        assertRefused(problem(root, create("a/.trash/x.md")), ".trash is a hidden folder");
    }

    @Test
    void aNewFileFolderSettingThatLeadsOutsideTakesNoNote() throws IOException {
        Path root = vault(".obsidian/app.json", "{\"newFileLocation\": \"folder\", \"newFileFolderPath\": \"../../tmp\"}");
        assertEquals(List.of(), creates(fixesAt(root, "d.md", "[[Ze{|}us]]\n")));
        Workspace ws = Workspace.of("d.md", "[[Ze{|}us]]\n")
                .obsidian(new ObsidianSettings(List.of(), "/", "shortest", "../outside", null, false));
        assertEquals(List.of(), ws.actionsAtCursor(), "in memory too");
    }

    @Test
    void anUnknownOwnerCreatesNoPersonOutsideTheVaultNorOverOne() throws IOException {
        Workspace ws = Workspace.of("Projects/Apollo.md", "- [ ] Review the plan @Bo{|}Chen\n")
                .obsidian(new ObsidianSettings(List.of(), "/", "shortest", "../People", null, false));
        assertEquals(List.of(), ws.actionsAtCursor());
        Path root = vault("People/Ada Berg.md", "---\ntype: people\n---\n# Ada Berg\n");
        assertEquals(List.of("Create person 'Bo Chen' in People/"),
                creates(fixesAt(root, "Projects/Apollo.md", "- [ ] Review the plan @Bo{|}Chen\n")));
        Files.writeString(root.resolve("People/bo chen.md"), "someone else's file\n");
        VaultIndex index = TestVault.of("People/Ada Berg.md", "---\ntype: people\n---\n# Ada Berg\n",
                "Projects/Apollo.md", "- [ ] Review the plan @BoChen\n").index();
        Note apollo = index.note("Projects/Apollo.md").orElseThrow();
        int at = apollo.text().indexOf("@Bo") + 2;
        assertEquals(List.of(), CodeActions.actions(index, apollo, apollo.lines().span(at, at),
                Diagnostics.forNote(index, apollo), VaultBoundary.at(root)), "People/bo chen.md is on disk");
    }

    // ---- renames and moves ------------------------------------------------------------------------

    @Test
    void aRenameToADotDotNameIsRefused() {
        Workspace ws = Workspace.of("People/Ada Berg.md", "# Ada Berg\n", "d.md", "[[Ada{|} Berg]]\n");
        assertTrue(ws.renameError("../x").contains("cannot contain '/'"));
        assertTrue(ws.renameError("..\\x").contains("cannot contain '\\'"));
        assertTrue(ws.renameError("..").contains("cannot start with '.'"));
        assertTrue(ws.renameError("%2e%2e%2fx").contains("hidden"), ws.renameError("%2e%2e%2fx"));
    }

    @Test
    void aMoveRewritesOnlyNotesInsideTheVault() throws IOException {
        Path root = vault("People/Ada Berg.md", "# Ada Berg\n", "d.md", "[[People/Ada Berg]]\n");
        VaultIndex index = TestVault.loadDir(root);
        Result<WorkspaceChange> moved = Rename.linksForMovedFile(index, "People/Ada Berg.md", "Team/Ada Berg.md",
                VaultBoundary.at(root));
        assertEquals(List.of("d.md"), moved.value().edits().stream().map(Edit::path).toList());
        assertEquals("Team/Ada Berg", moved.value().edits().get(0).newText());
    }

    @Test
    void anEditOfAFileTheIndexDoesNotHoldIsRefused() {
        VaultIndex index = TestVault.of("d.md", "text\n").index();
        Note d = index.note("d.md").orElseThrow();
        Edit edit = new Edit("../d.md", d.lines().span(0, 0), "x");
        assertRefused(VaultBoundary.inMemory().problem(index, new WorkspaceChange(List.of(edit), List.of(), List.of())),
                "leads out of it");
        Edit ghost = new Edit("ghost.md", d.lines().span(0, 0), "x");
        assertRefused(VaultBoundary.inMemory().problem(index, new WorkspaceChange(List.of(ghost), List.of(), List.of())),
                "not a note of the vault");
    }
}
