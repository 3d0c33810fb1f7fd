package org.vaultls.features.hint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.features.CancelCheck;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

class InlayHintsTest {
    private static final Clock DEC_20 = Clock.fixed(LocalDate.of(2025, 12, 20).atStartOfDay(ZoneOffset.UTC).toInstant(),
            ZoneOffset.UTC);

    /**
     * The hints of {@code text} (a note of a small vault) written into it as {@code {label}} where they
     * show; the note's text is {@code expected} without them.
     */
    private static void assertHints(String expected) {
        String text = expected.replaceAll("\\{[^{}|]*\\}", "");
        VaultIndex index = TestVault.of(
                "People/Ada Berg.md", "---\ntype: person\nrole: CTO\ncompany: \"[[Northwind Traders]]\"\n---\n",
                "People/Noor Haddad.md", "---\ntype: person\n---\n",
                "Projects/sky.md", "---\ntitle: Skerry Migration\n---\n",
                "Projects/Plain.md", "x",
                "Daily/today.md", text).index();
        Note note = index.note("Daily/today.md").orElseThrow();
        StringBuilder got = new StringBuilder(text);
        List<Hint> hints = new ArrayList<>(InlayHints.of(index, note, 0, text.length(), DEC_20, CancelCheck.NEVER));
        for (int i = hints.size() - 1; i >= 0; i--) {
            got.insert(hints.get(i).at(), "{" + hints.get(i).label() + "}");
        }
        assertEquals(expected, got.toString());
    }

    @Test
    void aBareLinkToANoteWithAnotherTitleShowsTheTitle() {
        assertHints("[[sky]]{Skerry Migration} [[sky|the move]] [[Plain]] [[sky#Plan]] [[Gone]]\n");
    }

    @Test
    void eachLinkAndOwnerTagOfALongNoteIsHintedOnItsOwnWhenTheyRepeat() {
        // the note's title and a person's card line are looked up once; whether to show the title
        // still depends on how each link is written
        assertHints("[[sky]]{Skerry Migration} [[Skerry Migration]] [[Projects/sky]]{Skerry Migration} [[sky]]{Skerry Migration}\n"
                + "- [ ] A @AdaBerg{CTO · Northwind Traders}\n- [ ] B @adaberg{CTO · Northwind Traders} @AdaBerg{CTO · Northwind Traders}\n");
    }

    @Test
    void anOwnerTagShowsThePersonsRoleAndCompany() {
        assertHints("- [ ] Deck @AdaBerg{CTO · Northwind Traders} @NoorHaddad @Nobody\n");
    }

    @Test
    void anOpenTaskWithADueDateSaysWhenItIsDue() {
        assertHints("""
                - [ ] Ship 📅 2025-12-23{in 3 days}
                - [ ] Call 📅 2025-12-18{overdue 2 days}
                - [ ] Today [due:: 2025-12-20]{due today}
                - [x] Done 📅 2025-12-01
                """);
    }

    @Test
    void onlyTheHintsInTheAskedRangeAreMade() {
        String text = "[[sky]]\n[[sky]]\n";
        VaultIndex index = TestVault.of("Projects/sky.md", "---\ntitle: Skerry\n---\n", "a.md", text).index();
        List<Hint> hints = InlayHints.of(index, index.note("a.md").orElseThrow(), 8, 16, DEC_20, CancelCheck.NEVER);
        assertEquals(1, hints.size());
        assertEquals(1, hints.get(0).pos().line());
    }
}
