package org.vaultls.features.calls;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.query.ElementAt;
import org.vaultls.features.query.ElementAt.LinkAt;
import org.vaultls.features.query.ElementAt.OwnerAt;
import org.vaultls.features.query.References;
import org.vaultls.features.query.Title;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * Links as a call hierarchy, so an editor's call-hierarchy view walks the vault: a note's incoming
 * calls are the notes linking to it (for a person also the notes whose tasks carry their owner tag),
 * its outgoing calls the notes it links to, each with the places of those links. Links into the note
 * itself ({@code [[#Heading]]}) and links to attachments are not calls.
 */
public final class LinkHierarchy {
    private LinkHierarchy() {
    }

    /**
     * The note the cursor names: a link's or owner tag's note, else the note itself. Empty on a
     * broken link or an attachment.
     */
    public static Optional<NoteCall> prepare(VaultIndex index, Note note, int offset) {
        Optional<ElementAt.Element> e = ElementAt.find(note, offset);
        if (e.isPresent() && e.get() instanceof LinkAt l) {
            if (l.link().isSameNote()) {
                return Optional.of(item(note));
            }
            Resolution r = index.resolve(note, l.link());
            return r.isBroken() || r.isAttachment() ? Optional.empty() : index.note(r.path()).map(LinkHierarchy::item);
        }
        if (e.isPresent() && e.get() instanceof OwnerAt o) {
            return index.personByOwnerTag(o.owner().name()).flatMap(p -> index.note(p.path()))
                    .map(LinkHierarchy::item);
        }
        return Optional.of(item(note));
    }

    /** The notes linking to {@code note} (or naming it in an owner tag), in path order. */
    public static List<NoteCall> incoming(VaultIndex index, Note note, CancelCheck cancel) {
        Map<String, List<Span>> byNote = new LinkedHashMap<>();
        for (References.Site s : References.ofFile(index, note.path(), false)) {
            if (!s.path().equals(note.path())) {
                byNote.computeIfAbsent(s.path(), k -> new ArrayList<>()).add(s.span());
            }
        }
        cancel.check();
        List<NoteCall> out = new ArrayList<>();
        byNote.forEach((path, spans) -> index.note(path).ifPresent(n -> out.add(call(n, spans))));
        return out;
    }

    /** The notes {@code note} links to, in the order of their first link. */
    public static List<NoteCall> outgoing(VaultIndex index, Note note, CancelCheck cancel) {
        Map<String, List<Span>> byNote = new LinkedHashMap<>();
        for (Link l : note.links()) {
            if (l.isSameNote()) {
                continue;
            }
            Resolution r = index.resolve(note, l);
            if (!r.isBroken() && !r.isAttachment() && !r.path().equals(note.path())) {
                byNote.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(l.span());
            }
        }
        cancel.check();
        List<NoteCall> out = new ArrayList<>();
        byNote.forEach((path, spans) -> index.note(path).ifPresent(n -> out.add(call(n, spans))));
        return out;
    }

    private static NoteCall item(Note n) {
        return call(n, List.of());
    }

    private static NoteCall call(Note n, List<Span> ranges) {
        return new NoteCall(n.path(), n.title(), Title.declaration(n), ranges);
    }
}
