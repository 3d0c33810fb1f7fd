package org.vaultls.features.edit;

import java.util.List;
import java.util.Map;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.query.ElementAt;
import org.vaultls.features.query.References;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * Renames what is under the cursor, and keeps every link to it working.
 *
 * <ul>
 *   <li>On a link's target, the note's title heading or frontmatter title line (see {@code Title}), or
 *   a person's {@code @Owner} tag: renames the file in its folder and rewrites every link that resolves
 *   to it in the form it has (wikilink or markdown, bare name or path, {@code .md} or not, percent-encoded
 *   or in angle brackets), keeping its headings, block id and alias. The title heading and frontmatter
 *   {@code title} follow when they were the old name; so do a person's owner tags.</li>
 *   <li>On a heading, or a heading named in a link: renames it and every link to it.</li>
 *   <li>On a tag: renames it, and its nested tags, in every note (see {@code TagRename}).</li>
 * </ul>
 * The links and owner tags rewritten are the {@link References} sites of the same target, so rename
 * and find references never disagree. Obsidian's naming rules apply: no {@code # | ^ : %% [[ ]]} in file names, no two files whose names
 * differ only in case in one folder.
 */
public final class Rename {
    private Rename() {
    }

    /** What would be renamed at the cursor: its span and current name; or an error message. */
    public static Result<RenameTarget> prepare(VaultIndex index, Note note, int offset) {
        if (ElementAt.find(note, offset).orElse(null) instanceof ElementAt.TagAt t) {
            return Result.ok(new RenameTarget(t.tag().span(), t.tag().name()));
        }
        Result<RenameSite> site = RenameSite.at(index, note, offset);
        if (!site.isOk()) {
            return Result.error(site.error());
        }
        if (site.value() instanceof RenameSite.OfFile f) {
            return Result.ok(new RenameTarget(f.span(), f.placeholder()));
        }
        RenameSite.OfHeading h = (RenameSite.OfHeading) site.value();
        return Result.ok(new RenameTarget(h.span(), h.heading().text()));
    }

    /**
     * The change that renames what is at the cursor to {@code newName}; or why it cannot, which includes
     * a change that {@code boundary} refuses.
     */
    public static Result<WorkspaceChange> rename(VaultIndex index, Note note, int offset, String newName,
                                                 VaultBoundary boundary) {
        if (ElementAt.find(note, offset).orElse(null) instanceof ElementAt.TagAt t) {
            Result<WorkspaceChange> change = TagRename.rename(index, t.tag().name(), newName);
            return change.isOk() ? boundary.check(index, change.value()) : change;
        }
        Result<RenameSite> site = RenameSite.at(index, note, offset);
        if (!site.isOk()) {
            return Result.error(site.error());
        }
        try {
            // what is rewritten is what find references lists for the same target, so the two agree
            Result<WorkspaceChange> change;
            if (site.value() instanceof RenameSite.OfFile f) {
                change = NoteRename.rename(index, f.path(), newName, References.ofFile(index, f.path(), true));
            } else {
                RenameSite.OfHeading h = (RenameSite.OfHeading) site.value();
                change = HeadingRename.rename(index, h.note(), h.heading(), newName,
                        References.ofHeading(index, h.note(), h.heading(), true));
            }
            return change.isOk() ? boundary.check(index, change.value()) : change;
        } catch (IllegalStateException e) {
            // two places to rewrite overlap (a heading that links to itself, say): refuse rather than guess
            return Result.error("cannot rename: " + e.getMessage());
        }
    }

    /**
     * Edits that keep links pointing at a file the user renames/moves in the editor
     * (workspace/willRenameFiles); or why {@code boundary} refuses them.
     */
    public static Result<WorkspaceChange> linksForMovedFile(VaultIndex index, String oldPath, String newPath,
                                                            VaultBoundary boundary) {
        Map<String, String> moves = FileMoves.of(index, oldPath, newPath);
        if (moves.isEmpty()) {
            return Result.ok(new WorkspaceChange(List.of(), List.of(), List.of()));
        }
        EditSet edits = new EditSet();
        FileMoves.keepLinks(index, moves, FileMoves.after(index, moves), edits);
        return boundary.check(index, new WorkspaceChange(edits.list(), List.of(), List.of()));
    }
}
