package org.vaultls.features.calls;

import java.util.List;
import org.vaultls.text.Span;

/**
 * A note in the link hierarchy and the places of the links between it and the note asked about:
 * for an incoming call, the links (and owner tags) written in {@code path}; for an outgoing one, the
 * links written in the asking note.
 *
 * @param declaration where the note's title is written (see {@code Title})
 */
public record NoteCall(String path, String title, Span declaration, List<Span> ranges) {
    public NoteCall {
        ranges = List.copyOf(ranges);
    }
}
