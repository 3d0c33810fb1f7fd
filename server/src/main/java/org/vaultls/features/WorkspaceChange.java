package org.vaultls.features;

import java.util.List;

/**
 * A change to the vault that a user asked for (rename, code action): files to create or rename, then
 * text edits. Edits are addressed by the path the note has before the renames, as LSP applies
 * {@code documentChanges} in order: edits first, then renames and creations.
 */
public record WorkspaceChange(List<Edit> edits, List<FileRename> renames, List<FileCreate> creates) {

    /** Move the file at {@code from} to {@code to} (vault-relative). */
    public record FileRename(String from, String to) {
    }

    /** Create a new note at {@code path} holding {@code text}. */
    public record FileCreate(String path, String text) {
    }

    public WorkspaceChange {
        edits = List.copyOf(edits);
        renames = List.copyOf(renames);
        creates = List.copyOf(creates);
    }
}
