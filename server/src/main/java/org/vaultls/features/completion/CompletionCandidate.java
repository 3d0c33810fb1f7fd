package org.vaultls.features.completion;

import org.vaultls.text.Span;

/**
 * One completion item, free of any protocol type: the editor replaces {@code replace} with
 * {@code newText}. {@code replace} always lies on the cursor's line and contains the cursor, and
 * {@code filterText} starts the way the text from {@code replace}'s start to the cursor does, so an
 * editor that filters by that prefix keeps the item.
 *
 * @param label what the list shows ({@code Ada Berg}, {@code @AdaBerg}, {@code #project/apollo})
 * @param detail a short line beside the label: the note's path, a person's role, a count of notes
 * @param documentation markdown shown on selection, or null
 * @param sortText orders the items as ranked here, for editors that sort by it
 */
public record CompletionCandidate(String label, Kind kind, String detail, String documentation,
                                  String filterText, String sortText, Span replace, String newText) {

    /** What the item stands for; the adapter maps it to an icon. */
    public enum Kind { NOTE, ALIAS, ATTACHMENT, HEADING, BLOCK, PERSON, TAG, PROPERTY_KEY, PROPERTY_VALUE, KEYWORD, FUNCTION,
        FIELD, FOLDER }

    CompletionCandidate withSortText(String sort) {
        return new CompletionCandidate(label, kind, detail, documentation, filterText, sort, replace, newText);
    }

    @Override
    public String toString() {
        return kind + " '" + label + "' " + replace + " -> '" + newText + "'" + (detail != null ? " (" + detail + ")" : "");
    }
}
