package org.vaultls.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.vaultls.vault.Note;

/**
 * The documents an editor has open in one vault, by vault path: the one copy of their text, as the
 * editor has it (the document service applies the editor's changes to it), and the note parsed from
 * it. While a document is open its text is the note's, whatever the file on disk says.
 */
final class OpenDocuments {
    /**
     * The editor's text, kept apart from the note's in case parsing ever bounds what it keeps. The note
     * is parsed on the updater, so it may lag the text by the edits still queued; null until the first.
     */
    private record Open(String text, Note note) {
    }

    private final Map<String, Open> docs = new ConcurrentHashMap<>();

    /** The open document at {@code path}, parsed. */
    Optional<Note> get(String path) {
        Open o = docs.get(path);
        return o == null ? Optional.empty() : Optional.ofNullable(o.note());
    }

    /** The editor's text of the document at {@code path}, or null when it is not open. */
    String text(String path) {
        Open o = docs.get(path);
        return o == null ? null : o.text();
    }

    boolean isOpen(String path) {
        return docs.containsKey(path);
    }

    /** Opens or updates the document at {@code note.path()}. */
    void put(String text, Note note) {
        docs.put(note.path(), new Open(text, note));
    }

    /**
     * Opens or updates the document at {@code path} with the editor's text; its note is {@code note}
     * when given, else the last one parsed until {@link #parsed} brings the new one.
     */
    void putText(String path, String text, Note note) {
        docs.compute(path, (k, old) -> new Open(text, note != null ? note : old == null ? null : old.note()));
    }

    /** The note already parsed from exactly {@code text} (the same string), if that is the one kept. */
    Optional<Note> noteOf(String path, String text) {
        Open o = docs.get(path);
        return o != null && o.note() != null && o.note().text() == text ? Optional.of(o.note()) : Optional.empty();
    }

    /** A note parsed from the document's text; false (and nothing kept) when it is no longer open. */
    boolean parsed(Note note) {
        return docs.computeIfPresent(note.path(), (k, old) -> new Open(old.text(), note)) != null;
    }

    /** Closes a document; returns its text, or null when it was not open. */
    String remove(String path) {
        Open o = docs.remove(path);
        return o == null ? null : o.text();
    }

    List<Note> all() {
        List<Note> out = new ArrayList<>(docs.size());
        docs.values().forEach(o -> {
            if (o.note() != null) {
                out.add(o.note());
            }
        });
        return out;
    }

    boolean isEmpty() {
        return docs.isEmpty();
    }
}
