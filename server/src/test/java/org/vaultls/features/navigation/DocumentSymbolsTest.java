package org.vaultls.features.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.vault.Note;

class DocumentSymbolsTest {

    /** One symbol per line, indented by depth: {@code name range selection}. */
    private static String outline(String text) {
        Note note = TestVault.of("n.md", text).index().note("n.md").orElseThrow();
        StringBuilder sb = new StringBuilder();
        print(Navigation.documentSymbols(note), 0, sb);
        return sb.toString();
    }

    private static void print(List<DocumentSymbol> symbols, int depth, StringBuilder sb) {
        for (DocumentSymbol s : symbols) {
            assertEquals(SymbolKind.HEADING, s.kind());
            sb.append("  ".repeat(depth)).append(s.name()).append(' ').append(CursorVault.where(s.span()))
                    .append(' ').append(CursorVault.where(s.selection())).append('\n');
            print(s.children(), depth + 1, sb);
        }
    }

    @Test
    void headingsNestByLevelWithTheirWholeSectionAsRange() {
        assertEquals("""
                Ada Berg 11:0-37:23 11:2-10
                  Contact Information 13:0-19:25 13:3-22
                  Tasks They Own 21:0-27:3 21:3-17
                  Key Facts 29:0-33:60 29:3-12
                  Related Customers 35:0-37:23 35:3-20
                """, outline(SeedNotes.ADA_BERG));
    }

    @Test
    void aDeeperHeadingBeforeAnyShallowerOneStaysAtTheTop() {
        assertEquals("""
                Notes 0:0-9 0:4-9
                Plan 2:0-5:6 2:2-6
                  Steps 4:0-5:6 4:4-9
                """, outline("### Notes\n\n# Plan\n\n### Steps\nDo it.\n\n\n"));
    }

    @Test
    void anEmptyHeadingIsNamedByItsMarks() {
        assertEquals("## 0:0-1:4 0:3-3\n", outline("## \nBody\n"));
    }
}
