package org.vaultls.features.navigation;

import org.vaultls.features.Location;

/**
 * A symbol found by a vault-wide search: a note, person, alias, heading or tag.
 *
 * @param container what holds it, shown next to the name: the folder of a note, the note of a heading
 *     or alias, the role and company of a person
 */
public record WorkspaceSymbol(String name, SymbolKind kind, String container, Location location) {
}
