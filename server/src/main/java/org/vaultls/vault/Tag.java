package org.vaultls.vault;

import org.vaultls.text.Span;

/** A tag, without its {@code #}: a body {@code #tag} or an entry of the frontmatter {@code tags}. */
public record Tag(String name, Span span, boolean inFrontmatter) {
    public Tag {
        name = Shared.of(name);
    }

    @Override
    public String toString() {
        return "#" + name + " " + span + (inFrontmatter ? " fm" : "");
    }
}
