package org.vaultls.features.navigation;

import java.util.List;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.Location;
import org.vaultls.features.dataview.FromSources;
import org.vaultls.features.query.ElementAt;
import org.vaultls.features.query.References;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * Navigation in a vault: go to definition, find references, the outline of a note, vault-wide symbol
 * search, clickable links and folding. Pure functions of an index snapshot and a note; offsets are
 * {@code String} indices into the note's text. Links resolve as Obsidian resolves them (see
 * {@link VaultIndex}); "nothing here" is an empty list.
 */
public final class Navigation {
    private Navigation() {
    }

    /**
     * Where the link or {@code @Owner} tag under the cursor leads: the heading or block line it names,
     * else the top of the note; the file itself for an attachment; the person's note for an owner; for a
     * dataview block's FROM source, the note or folder it names ({@link FromSources}).
     */
    public static List<Location> definition(VaultIndex index, Note note, int offset) {
        List<Location> source = FromSources.definition(index, note, offset); // a dataview block's FROM
        if (!source.isEmpty()) {
            return source;
        }
        return ElementAt.find(note, offset).map(e -> Definitions.of(index, note, e)).orElse(List.of());
    }

    /**
     * Every place that points where the element under the cursor points, in path and offset order. On
     * a link, heading, block id, {@code @Owner} tag or a note's title; {@code includeDeclaration} adds
     * the target itself (the heading, block, or title of the note). These are the sites rename rewrites
     * ({@link References}).
     */
    public static List<Location> references(VaultIndex index, Note note, int offset, boolean includeDeclaration) {
        return references(index, note, offset, includeDeclaration, CancelCheck.NEVER);
    }

    /** {@link #references(VaultIndex, Note, int, boolean)}, stopping with the request when it is cancelled. */
    public static List<Location> references(VaultIndex index, Note note, int offset, boolean includeDeclaration,
            CancelCheck cancel) {
        return ElementAt.find(note, offset)
                .map(e -> References.locations(References.of(index, note, e, includeDeclaration, cancel)))
                .orElse(List.of());
    }

    /** The note's headings as a tree nested by level. */
    public static List<DocumentSymbol> documentSymbols(Note note) {
        return Outline.of(note);
    }

    /** Up to {@code limit} notes, people, aliases and headings (tags for {@code #query}) that fuzzily match. */
    public static List<WorkspaceSymbol> workspaceSymbols(VaultIndex index, String query, int limit) {
        return workspaceSymbols(index, query, limit, CancelCheck.NEVER);
    }

    /** {@link #workspaceSymbols(VaultIndex, String, int)}, stopping with the request when it is cancelled. */
    public static List<WorkspaceSymbol> workspaceSymbols(VaultIndex index, String query, int limit,
            CancelCheck cancel) {
        return SymbolSearch.of(index, query, limit, cancel);
    }

    /** Every link of the note that resolves, with the file and line it opens. */
    public static List<DocumentLink> documentLinks(VaultIndex index, Note note) {
        return Links.of(index, note);
    }

    /** The frontmatter, heading sections, code fences and multi-line comments, by start line. */
    public static List<FoldingRange> foldingRanges(Note note) {
        return Folds.of(note);
    }
}
