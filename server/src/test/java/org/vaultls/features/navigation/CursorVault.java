package org.vaultls.features.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert.Cursor;
import org.vaultls.features.Location;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;

/**
 * An in-memory vault where exactly one note carries a {@code {|}} cursor marker: the index, that note
 * and the cursor's offset. Spans print as {@code line:start-end} (or {@code l:c-l:c} over lines).
 */
public record CursorVault(VaultIndex index, Note note, int offset) {

    /** {@code path, text, path, text, ...}; one text holds the {@code {|}} marker. */
    public static CursorVault of(String... pathsAndTexts) {
        String[] clean = pathsAndTexts.clone();
        String at = null;
        int offset = -1;
        for (int i = 1; i < clean.length; i += 2) {
            if (clean[i].contains("{|}")) {
                if (at != null) {
                    throw new AssertionError("more than one note has a {|} cursor marker");
                }
                Cursor c = Cursor.parse(clean[i]);
                clean[i] = c.text();
                at = clean[i - 1];
                offset = c.offset();
            }
        }
        if (at == null) {
            throw new AssertionError("no note has a {|} cursor marker");
        }
        VaultIndex index = TestVault.of(clean).index();
        return new CursorVault(index, index.note(at).orElseThrow(), offset);
    }

    public static String where(Span s) {
        return s.start().line() == s.end().line()
                ? s.start().line() + ":" + s.start().character() + "-" + s.end().character()
                : s.start().line() + ":" + s.start().character() + "-" + s.end().line() + ":" + s.end().character();
    }

    public static String where(Location l) {
        return l.path() + " " + where(l.span());
    }

    public static List<String> where(List<Location> locations) {
        List<String> out = new ArrayList<>();
        locations.forEach(l -> out.add(where(l)));
        return out;
    }

    /** Asserts the locations, each written {@code path line:start-end}, in order. */
    public static void assertLocations(List<Location> actual, String... expected) {
        assertEquals(List.of(expected), where(actual));
    }
}
