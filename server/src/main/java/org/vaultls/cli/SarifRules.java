package org.vaultls.cli;

import java.util.EnumMap;
import java.util.Map;
import org.vaultls.findings.FindingCode;

/**
 * What a SARIF rule says about each code beyond its one-line description: the full description, the
 * help (what to do about a finding), and how precise the check is. GitHub code scanning requires the
 * full description and the help of every rule, and shows the help beside each alert.
 */
final class SarifRules {
    /** Where README documents every code. */
    static final String INFORMATION_URI = "https://github.com/vault-ls/vault-ls";
    static final String HELP_URI = INFORMATION_URI + "#diagnostic-codes";

    record Rule(String fullDescription, String fix, String precision) {
    }

    private static final Map<FindingCode, Rule> RULES = new EnumMap<>(FindingCode.class);

    static {
        put(FindingCode.BROKEN_LINK, "A wikilink, embed or markdown link whose target matches no note and no "
                + "attachment of the vault, by exact path, by path suffix or by name (case-insensitive, as in Obsidian).",
                "Correct the link to the closest name the message suggests, create the missing note, or remove the link.",
                "very-high");
        put(FindingCode.BROKEN_HEADING, "A link to `Note#Heading` (or a `#A#B` chain) where the note exists but "
                + "has no such heading.",
                "Link to the heading the message suggests, or rename the heading back.", "very-high");
        put(FindingCode.BROKEN_BLOCK, "A link to `Note#^block-id` where the note exists but no block carries that id.",
                "Link to the block id the message suggests, or add `^block-id` at the end of the block.", "very-high");
        put(FindingCode.ALIAS_LINK, "A bare link to an alias (`[[Alias]]`): Obsidian resolves links by file name, "
                + "not by alias, so the link is broken in Obsidian.",
                "Write it as `[[Note|Alias]]`, the form the message gives.", "very-high");
        put(FindingCode.AMBIGUOUS_LINK, "A link that several notes match equally well, none in the linking note's "
                + "folder, so Obsidian picks the one with the shortest path.",
                "Write the path of the note you mean (`[[folder/Note]]`); the candidates are the related locations.",
                "high");
        put(FindingCode.EMPTY_FRONTMATTER_FIELD, "A frontmatter key whose value is null, an empty string, an empty "
                + "list or map, or a list of blank items.",
                "Fill in the value or delete the key; list the key in `emptyFieldsAllowed` if empty is fine.", "high");
        put(FindingCode.MISSING_FRONTMATTER_FIELD, "A key that `requiredFields` demands for the note's `type` is "
                + "absent from its frontmatter.",
                "Add the key with a value to the note's frontmatter.", "very-high");
        put(FindingCode.INVALID_FRONTMATTER, "The note's frontmatter is not valid YAML, or its `---` block is never "
                + "closed; Obsidian ignores such frontmatter.",
                "Fix the YAML at the line the message names (quote values holding `:` or `#`), or close the block with `---`.",
                "very-high");
        put(FindingCode.UNKNOWN_OWNER, "An `@Owner` tag in a task that names no person note (by title without "
                + "spaces and punctuation, or by alias).",
                "Correct the tag to the person the message suggests, or create the person's note.", "high");
        put(FindingCode.UNREADABLE_FILE, "A markdown file that is binary, not UTF-8, over 20 MB, or could not be "
                + "read; it is not indexed.",
                "Re-save the file as UTF-8 text, split it, or move it out of the vault.", "very-high");
        put(FindingCode.NOTE_TOO_COMPLEX, "The note's body is over the parser's limits (nesting depth, size or "
                + "time); its frontmatter is read, but links, tags and tasks in the body are not checked.",
                "Reduce the nesting at the line the message names, or split the note.", "very-high");
        put(FindingCode.LINK_OUTSIDE_VAULT, "A link whose path climbs above the vault's root folder; nothing "
                + "outside the root is read.",
                "Link to a note inside the vault, or use an external URL.", "very-high");
        put(FindingCode.INVALID_DATE, "A date that does not exist (month 13, February 30) in frontmatter, a Tasks "
                + "emoji field or a Dataview inline field.",
                "Correct the date to a real `YYYY-MM-DD`.", "very-high");
        put(FindingCode.OVERDUE_TASK, "An open task whose due date (📅 or `[due:: …]`) is before today.",
                "Complete the task, or move its due date.", "very-high");
        put(FindingCode.STALE_CONTACT, "A person whose `last_contact` is longer ago than `staleContactDays`.",
                "Get in touch and update `last_contact`, or raise `staleContactDays`.", "very-high");
        put(FindingCode.UNLINKED_MENTION, "Text in the prose of a note that names another note or a person (file "
                + "name, title or alias, whole words, ignoring case) without linking it; reported by check only "
                + "when `unlinkedMentions` is `always`.",
                "Turn the words into a link (`[[Ada Berg|Ada]]`), or leave them: not every mention needs a link.",
                "medium");
        put(FindingCode.DATAVIEW_SYNTAX, "A ```dataview block whose query Dataview cannot parse; Obsidian shows an "
                + "error instead of results. The finding sits where parsing stopped and says what was expected there.",
                "Correct the query at that place (a misspelt keyword, an unclosed bracket or string).", "very-high");
        put(FindingCode.DATAVIEW_UNKNOWN_SOURCE, "A FROM folder, note, #tag or [[link]] of a dataview query that "
                + "does not exist in the vault, so the query shows nothing from it.",
                "Correct the path or tag (the message suggests a folder with the same name), or remove it.", "high");
        put(FindingCode.DATAVIEW_UNKNOWN_FUNCTION, "A dataview query calling a function that Dataview does not "
                + "have; Dataview fails the query when it evaluates it.",
                "Use the function the message suggests, or one of Dataview's documented functions.", "high");
        put(FindingCode.DATAVIEW_UNKNOWN_FIELD, "A field that no note of the vault has, in frontmatter or inline, "
                + "and that is not one of Dataview's implicit fields; it is null for every page or task.",
                "Correct the field's name, or ignore the hint if notes will have it later.", "medium");
        put(FindingCode.DATAVIEW_UNKNOWN_OWNER, "An `@Owner` string in a dataview query (`contains(text, \"@X\")`) "
                + "that no person's owner tag starts with, so the query finds no one's tasks.",
                "Correct the tag to the person the message suggests, or create the person's note.", "high");
        for (FindingCode c : FindingCode.values()) {
            if (!RULES.containsKey(c)) {
                throw new IllegalStateException("no SARIF rule text for " + c.id());
            }
        }
    }

    private static void put(FindingCode code, String full, String fix, String precision) {
        RULES.put(code, new Rule(full, fix, precision));
    }

    static Rule of(FindingCode code) {
        return RULES.get(code);
    }

    private SarifRules() {
    }
}
