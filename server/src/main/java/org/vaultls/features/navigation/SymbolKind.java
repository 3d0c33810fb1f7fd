package org.vaultls.features.navigation;

/** What a document or workspace symbol stands for. */
public enum SymbolKind {
    /** A note (the file itself). */
    FILE,
    /** A markdown heading. */
    HEADING,
    /** A frontmatter alias: another name a note goes by. */
    ALIAS,
    /** A person's note (frontmatter {@code type} or tag marks it as one). */
    PERSON,
    /** A {@code #tag}. */
    TAG
}
