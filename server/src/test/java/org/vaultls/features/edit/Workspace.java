package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert.Cursor;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.features.Edit;
import org.vaultls.features.Location;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.features.navigation.Navigation;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * The files of an in-memory vault, one of which may hold a {@code {|}} cursor, and a way to apply a
 * {@link WorkspaceChange} to them as an editor does: each note's edits from the last offset back (edits
 * name a note by its path before the renames), then the renames, then the new files.
 */
final class Workspace {
    private final Map<String, String> files;
    private final ObsidianSettings obsidian;
    private final String cursorPath;
    private final int cursor;

    private Workspace(Map<String, String> files, ObsidianSettings obsidian, String cursorPath, int cursor) {
        this.files = files;
        this.obsidian = obsidian;
        this.cursorPath = cursorPath;
        this.cursor = cursor;
    }

    /** {@code path, text, ...}; at most one text may hold the {@code {|}} cursor marker. */
    static Workspace of(String... pathsAndTexts) {
        Map<String, String> files = new LinkedHashMap<>();
        String cursorPath = null;
        int cursor = -1;
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            String text = pathsAndTexts[i + 1];
            if (text.contains("{|}")) {
                assertNull(cursorPath, "more than one note holds a {|} cursor");
                Cursor c = Cursor.parse(text);
                cursorPath = pathsAndTexts[i];
                cursor = c.offset();
                text = c.text();
            }
            files.put(pathsAndTexts[i], text);
        }
        return new Workspace(files, ObsidianSettings.defaults(), cursorPath, cursor);
    }

    /** This workspace's files and cursor, plus the files of {@code other}. */
    Workspace withFilesOf(Workspace other) {
        Map<String, String> all = new LinkedHashMap<>(other.files);
        all.putAll(files);
        return new Workspace(all, obsidian, cursorPath, cursor);
    }

    Workspace obsidian(ObsidianSettings settings) {
        return new Workspace(files, settings, cursorPath, cursor);
    }

    VaultIndex index() {
        List<String> flat = new ArrayList<>();
        files.forEach((p, t) -> {
            flat.add(p);
            flat.add(t);
        });
        return TestVault.of(flat.toArray(String[]::new)).obsidian(obsidian).index();
    }

    String text(String path) {
        String t = files.get(path);
        assertNotNull(t, () -> "no file " + path + " in " + files.keySet());
        return t;
    }

    List<String> paths() {
        return List.copyOf(files.keySet());
    }

    Note cursorNote(VaultIndex index) {
        assertNotNull(cursorPath, "no {|} cursor in the workspace");
        return index.note(cursorPath).orElseThrow();
    }

    Result<RenameTarget> prepare() {
        VaultIndex index = index();
        return Rename.prepare(index, cursorNote(index), cursor);
    }

    Result<WorkspaceChange> tryRename(String newName) {
        VaultIndex index = index();
        return Rename.rename(index, cursorNote(index), cursor, newName, VaultBoundary.inMemory());
    }

    /** Renames what is at the cursor and applies the change; fails when the rename is refused. */
    Workspace rename(String newName) {
        Result<WorkspaceChange> r = tryRename(newName);
        assertTrue(r.isOk(), () -> "rename refused: " + r.error());
        return apply(r.value());
    }

    /** The error of a refused rename at the cursor. */
    String renameError(String newName) {
        Result<WorkspaceChange> r = tryRename(newName);
        assertFalse(r.isOk(), () -> "rename was not refused: " + r.value());
        return r.error();
    }

    /** Find references at the cursor, with the declaration. */
    List<Location> referencesAtCursor() {
        VaultIndex index = index();
        return Navigation.references(index, cursorNote(index), cursor, true);
    }

    /** The code actions for the findings of the cursor's note at the cursor. */
    List<CodeAction> actionsAtCursor() {
        VaultIndex index = index();
        Note note = cursorNote(index);
        return CodeActions.actions(index, note, note.lines().span(cursor, cursor), Diagnostics.forNote(index, note),
                VaultBoundary.inMemory());
    }

    Workspace apply(WorkspaceChange change) {
        Map<String, String> out = new LinkedHashMap<>(files);
        Map<String, List<Edit>> byPath = change.edits().stream().collect(Collectors.groupingBy(Edit::path));
        byPath.forEach((path, edits) -> {
            List<Edit> sorted = new ArrayList<>(edits);
            sorted.sort(Comparator.comparingInt((Edit e) -> e.span().startOffset()).reversed());
            StringBuilder sb = new StringBuilder(text(path));
            int limit = sb.length();
            for (Edit e : sorted) {
                assertTrue(e.span().endOffset() <= limit, () -> "overlapping edits in " + path + ": " + edits);
                sb.replace(e.span().startOffset(), e.span().endOffset(), e.newText());
                limit = e.span().startOffset();
            }
            out.put(path, sb.toString());
        });
        for (WorkspaceChange.FileRename r : change.renames()) {
            String text = out.remove(r.from());
            assertNotNull(text, () -> "rename of a missing file " + r.from());
            assertTrue(out.keySet().stream().noneMatch(p -> VaultPaths.key(p).equals(VaultPaths.key(r.to()))),
                    () -> "rename onto an existing file " + r.to());
            out.put(r.to(), text);
        }
        for (WorkspaceChange.FileCreate c : change.creates()) {
            assertFalse(out.containsKey(c.path()), () -> "create of an existing file " + c.path());
            out.put(c.path(), c.text());
        }
        return new Workspace(out, obsidian, null, -1);
    }

    /** The findings of the vault about links and owners (the ones a rename or a move could cause). */
    List<Finding> linkFindings() {
        List<FindingCode> codes = List.of(FindingCode.BROKEN_LINK, FindingCode.BROKEN_HEADING, FindingCode.BROKEN_BLOCK,
                FindingCode.ALIAS_LINK, FindingCode.AMBIGUOUS_LINK, FindingCode.UNKNOWN_OWNER);
        return Diagnostics.forVault(index()).stream().filter(f -> codes.contains(f.code())).toList();
    }

    void assertNoLinkFindings() {
        assertEquals(List.of(), linkFindings());
    }
}
