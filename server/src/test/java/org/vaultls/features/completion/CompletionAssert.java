package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert.Cursor;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * Completion assertions in the style of {@code VaultAssert}: the note's text carries one {@code {|}}
 * cursor marker, replaces the note at that path in the vault, and the core is called directly.
 */
final class CompletionAssert {
    private CompletionAssert() {
    }

    /** An expected item: its label, and its detail and inserted text when given (null: not checked). */
    record Expected(String label, String detail, String newText) {
        @Override
        public String toString() {
            return label + (detail != null ? " (" + detail + ")" : "") + (newText != null ? " -> " + newText : "");
        }
    }

    static Expected c(String label) {
        return new Expected(label, null, null);
    }

    static Expected c(String label, String detail) {
        return new Expected(label, detail, null);
    }

    static Expected c(String label, String detail, String newText) {
        return new Expected(label, detail, newText);
    }

    /** The completion result at the cursor of {@code marked}, written as the text of {@code path}. */
    static CompletionResult completionsFor(TestVault vault, String path, String marked) {
        Cursor cursor = Cursor.parse(marked);
        VaultIndex index = vault.with(path, cursor.text()).index();
        Note note = index.note(path).orElseThrow(() -> new AssertionError("no note " + path));
        CompletionResult result = Completions.complete(index, note, cursor.offset());
        for (CompletionCandidate c : result.items()) {
            assertTrue(c.replace().startOffset() <= cursor.offset() && cursor.offset() <= c.replace().endOffset()
                    && c.replace().start().line() == c.replace().end().line(), () -> "range must hold the cursor "
                    + "on its line: " + c);
            String typed = cursor.text().substring(c.replace().startOffset(), cursor.offset());
            assertTrue(inOrder(typed.toLowerCase(Locale.ROOT), c.filterText().toLowerCase(Locale.ROOT)),
                    () -> "an editor filtering by '" + typed + "' would drop " + c + " (filter text '"
                            + c.filterText() + "')");
        }
        return result;
    }

    private static boolean inOrder(String typed, String filter) {
        int j = 0;
        for (int i = 0; i < filter.length() && j < typed.length(); i++) {
            if (filter.charAt(i) == typed.charAt(j)) {
                j++;
            }
        }
        return j == typed.length();
    }

    /**
     * Asserts that exactly the expected items are offered, in this order. With no expected item,
     * asserts that nothing is offered.
     */
    static CompletionResult testCompletionFor(TestVault vault, String path, String marked, Expected... expected) {
        CompletionResult result = completionsFor(vault, path, marked);
        List<String> want = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < expected.length; i++) {
            Expected e = expected[i];
            want.add(e.toString());
            if (i < result.items().size()) {
                CompletionCandidate got = result.items().get(i);
                actual.add(new Expected(got.label(), e.detail() == null ? null : got.detail(),
                        e.newText() == null ? null : got.newText()).toString());
            }
        }
        for (int i = expected.length; i < result.items().size(); i++) {
            actual.add(result.items().get(i).label());
        }
        assertEquals(want, actual, () -> "completions at " + marked + ": " + result.items());
        return result;
    }

    /** The item labelled {@code label} at the cursor of {@code marked}. */
    static CompletionCandidate item(TestVault vault, String path, String marked, String label) {
        CompletionResult result = completionsFor(vault, path, marked);
        for (CompletionCandidate c : result.items()) {
            if (c.label().equals(label)) {
                return c;
            }
        }
        throw new AssertionError("no item '" + label + "' at " + marked + " in " + result.items());
    }

    /** Applies the item labelled {@code label} and asserts the note's text afterwards. */
    static void assertApplied(TestVault vault, String path, String marked, String label, String expected) {
        CompletionCandidate c = item(vault, path, marked, label);
        String text = Cursor.parse(marked).text();
        assertNotNull(c.replace(), "item without a range");
        String after = text.substring(0, c.replace().startOffset()) + c.newText()
                + text.substring(c.replace().endOffset());
        assertEquals(expected, after, () -> "after applying " + c);
    }
}
