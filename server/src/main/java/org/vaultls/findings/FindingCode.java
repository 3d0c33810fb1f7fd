package org.vaultls.findings;

import java.util.Optional;

/** Stable diagnostic codes, shared by the language server and the {@code check} command. */
public enum FindingCode {
    BROKEN_LINK("broken-link", Severity.WARNING, "Link to a note or attachment that does not exist"),
    BROKEN_HEADING("broken-heading", Severity.WARNING, "Link to a heading that the target note does not have"),
    BROKEN_BLOCK("broken-block", Severity.WARNING, "Link to a block id that the target note does not have"),
    ALIAS_LINK("alias-link", Severity.WARNING, "Bare link to an alias, which Obsidian does not resolve"),
    AMBIGUOUS_LINK("ambiguous-link", Severity.INFORMATION, "Link that several notes match equally well"),
    EMPTY_FRONTMATTER_FIELD("empty-frontmatter-field", Severity.WARNING, "Frontmatter field with an empty value"),
    MISSING_FRONTMATTER_FIELD("missing-frontmatter-field", Severity.WARNING,
            "Frontmatter field required for the note's type is absent"),
    INVALID_FRONTMATTER("invalid-frontmatter", Severity.ERROR, "Frontmatter that is not valid YAML"),
    UNKNOWN_OWNER("unknown-owner", Severity.WARNING, "Task owner tag that matches no person"),
    UNREADABLE_FILE("unreadable-file", Severity.WARNING,
            "Note that could not be read as UTF-8 text (binary, wrong encoding, too large or vanished)"),
    NOTE_TOO_COMPLEX("note-too-complex", Severity.WARNING,
            "Note whose body is over the parser's limits (nesting depth or time); its links are not checked"),
    LINK_OUTSIDE_VAULT("link-outside-vault", Severity.WARNING, "Link whose path leaves the vault's root folder"),
    INVALID_DATE("invalid-date", Severity.WARNING, "Date that does not exist (month 13, February 30)"),
    OVERDUE_TASK("overdue-task", Severity.HINT, "Open task whose due date has passed"),
    STALE_CONTACT("stale-contact", Severity.INFORMATION,
            "Person last contacted longer ago than staleContactDays (off unless configured)"),
    UNLINKED_MENTION("unlinked-mention", Severity.HINT,
            "Text naming another note or a person (title or alias) without linking it (editor only by default)"),
    DATAVIEW_SYNTAX("dataview-syntax", Severity.ERROR, "Dataview query that Dataview cannot parse"),
    DATAVIEW_UNKNOWN_SOURCE("dataview-unknown-source", Severity.WARNING,
            "Dataview FROM folder, note, tag or link that does not exist in the vault"),
    DATAVIEW_UNKNOWN_FUNCTION("dataview-unknown-function", Severity.WARNING,
            "Dataview query calling a function that Dataview does not have"),
    DATAVIEW_UNKNOWN_FIELD("dataview-unknown-field", Severity.HINT,
            "Dataview query reading a field that no note has (frontmatter or inline)"),
    DATAVIEW_UNKNOWN_OWNER("dataview-unknown-owner", Severity.WARNING,
            "Dataview query looking for an @Owner tag that matches no person");

    private final String id;
    private final Severity defaultSeverity;
    private final String description;

    FindingCode(String id, Severity defaultSeverity, String description) {
        this.id = id;
        this.defaultSeverity = defaultSeverity;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    public String description() {
        return description;
    }

    public static Optional<FindingCode> byId(String id) {
        for (FindingCode c : values()) {
            if (c.id.equals(id)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
