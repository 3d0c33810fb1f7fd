package org.vaultls.lsp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeLens;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.Range;
import org.vaultls.features.lens.Lens;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Dates;
import org.vaultls.vault.Note;

/**
 * Code lenses in two steps. {@code textDocument/codeLens} answers each lens with its range and a
 * small {@code data} (the note's URI, the lens's place in the list and its line), no command; the
 * client asks {@code codeLens/resolve} for the lenses it shows, and gets the title and the
 * {@code editor.action.showReferences} command with the references it counts. A note's lenses
 * are made once per snapshot (and day, for the dataview lenses' "overdue"): the resolves of one
 * answer find them here. A lens whose note changed since is found again by its place and line;
 * when it is gone, or its note is, the answer says so ({@link #STALE}) and runs nothing.
 */
final class LensResults {
    /** Notes whose last lenses are kept; the least recently asked one goes first. */
    private static final int KEPT = 8;

    /** The title of a lens that no longer exists: clicking it does nothing. */
    static final String STALE = "out of date";

    private final Map<String, Made> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Made> e) {
            return size() > KEPT;
        }
    };

    private record Made(VaultIndex index, Note note, LocalDate day, List<Lens> lenses) {
    }

    /** Where a lens of an earlier answer was: which note, its place in the list, its line. */
    record Ref(String uri, int place, int line) {
    }

    /** The note's lenses in this snapshot: the ones made for it already, else {@code make}'s. */
    List<Lens> lenses(VaultIndex index, Note note, Supplier<List<Lens>> make) {
        LocalDate day = LocalDate.now(Dates.defaultClock());
        synchronized (last) {
            Made m = last.get(note.path());
            if (m != null && m.index() == index && m.note() == note && m.day().equals(day)) {
                return m.lenses();
            }
        }
        List<Lens> made = make.get();
        synchronized (last) {
            last.put(note.path(), new Made(index, note, day, made));
        }
        return made;
    }

    /** The answer to {@code textDocument/codeLens}: ranges and references to them, no commands. */
    static List<CodeLens> unresolved(List<Lens> lenses, String uri) {
        List<CodeLens> out = new ArrayList<>(lenses.size());
        for (int i = 0; i < lenses.size(); i++) {
            Range range = LspConvert.range(lenses.get(i).span());
            JsonObject data = new JsonObject();
            data.addProperty("uri", uri);
            data.addProperty("i", i);
            data.addProperty("line", range.getStart().getLine());
            out.add(new CodeLens(range, null, data));
        }
        return out;
    }

    /** The reference a lens of {@link #unresolved} carries; empty for any other data. */
    static Optional<Ref> ref(CodeLens lens) {
        if (!(lens.getData() instanceof JsonElement e) || !e.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject o = e.getAsJsonObject();
        try {
            return Optional.of(new Ref(o.get("uri").getAsString(), o.get("i").getAsInt(), o.get("line").getAsInt()));
        } catch (RuntimeException bad) { // a field missing or of another type
            return Optional.empty();
        }
    }

    /** The lens {@code ref} points at among the note's current lenses: at its place, else on its line. */
    static Optional<Lens> find(List<Lens> lenses, Ref ref) {
        if (ref.place() >= 0 && ref.place() < lenses.size()
                && lenses.get(ref.place()).span().start().line() == ref.line()) {
            return Optional.of(lenses.get(ref.place()));
        }
        return lenses.stream().filter(l -> l.span().start().line() == ref.line()).findFirst();
    }

    /** A lens that points at nothing any more: it says so, and runs no command. */
    static CodeLens stale(CodeLens lens) {
        return new CodeLens(lens.getRange(), new Command(STALE, ""), lens.getData());
    }
}
