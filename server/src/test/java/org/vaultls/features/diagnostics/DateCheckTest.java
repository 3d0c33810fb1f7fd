package org.vaultls.features.diagnostics;

import org.vaultls.text.Dates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.VaultAssert.d;
import static org.vaultls.VaultAssert.testDiagnosticsFor;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/** Dates that do not exist, overdue tasks and stale contacts, dated by a fixed clock. */
class DateCheckTest {
    private static final LocalDate DEC_20 = LocalDate.of(2025, 12, 20);

    @Test
    void theMessageSaysWhatIsWrongWithTheDate() {
        assertEquals(Optional.of("month 13 does not exist"), Dates.problem("2025-13-45"));
        assertEquals(Optional.of("month 0 does not exist"), Dates.problem("2025-00-10"));
        assertEquals(Optional.of("day 45 does not exist"), Dates.problem("2025-12-45"));
        assertEquals(Optional.of("day 0 does not exist"), Dates.problem("2025-12-00"));
        assertEquals(Optional.of("February 30 does not exist"), Dates.problem("2024-02-30"));
        assertEquals(Optional.of("February has 28 days in 2025"), Dates.problem("2025-02-29"));
        assertEquals(Optional.empty(), Dates.problem("2024-02-29"));
        assertEquals(Optional.of("April has 30 days"), Dates.problem("2025-04-31"));
        assertEquals(Optional.of("hour 25 does not exist"), Dates.problem("2025-04-01T25:00"));
        assertEquals(Optional.empty(), Dates.problem("2025-04-01T23:59:59+02:00"));
        assertEquals(Optional.empty(), Dates.problem("next week"));
    }

    @Test
    void flagsADateThatDoesNotExistInTheFrontmatterAtItsValue() {
        List<Finding> f = testDiagnosticsFor(TestVault.of("People/Kofi Mensah.md", """
                ---
                type: people
                last_contact: 2025-13-45
                created: '2024-02-30'
                met: [2025-01-01, 2025-02-29]
                title: Kofi Mensah
                ---
                """), "People/Kofi Mensah.md",
                d(2, 14, 24, FindingCode.INVALID_DATE),
                d(3, 10, 20, FindingCode.INVALID_DATE),
                d(4, 18, 28, FindingCode.INVALID_DATE));
        assertEquals("'2025-13-45' is not a date: month 13 does not exist", f.get(0).message());
        assertEquals("'2024-02-30' is not a date: February 30 does not exist", f.get(1).message());
        assertEquals("'2025-02-29' is not a date: February has 28 days in 2025", f.get(2).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void aPropertyTypedDateInObsidianMustHoldADate() {
        ObsidianSettings typed = ObsidianSettings.defaults()
                .withPropertyTypes(Map.of("last_contact", "date", "Due", "datetime", "last", "date"));
        List<Finding> f = testDiagnosticsFor(TestVault.of("People/Kofi Mensah.md", """
                ---
                last_contact: last week
                due: 2025-12-01T10:30
                company: 2025-99-99 Ltd
                last: "[[2022-04]]"
                ---
                """).with("Months/2022-04.md", "").obsidian(typed), "People/Kofi Mensah.md",
                d(1, 14, 23, FindingCode.INVALID_DATE));
        assertEquals("'last week' is not a date: the property 'last_contact' has the type date in Obsidian"
                + " (types.json); write it as YYYY-MM-DD", f.get(0).message());
    }

    @Test
    void flagsAnImpossibleDateInATasksEmojiField() {
        List<Finding> f = testDiagnosticsFor(TestVault.of("Projects/Apollo.md", """
                - [ ] Ship it 📅 2025-02-30 ⏳ 2025-13-01 🛫 2025-01-32
                - [x] Shipped ➕ 2025-04-31 ✅ 2025-06-31
                - [ ] Fine 📅 2026-02-28 and `📅 2025-02-30` in code
                """), "Projects/Apollo.md",
                d(0, 17, 27, FindingCode.INVALID_DATE),
                d(0, 30, 40, FindingCode.INVALID_DATE),
                d(0, 44, 54, FindingCode.INVALID_DATE),
                d(1, 16, 26, FindingCode.INVALID_DATE),
                d(1, 29, 39, FindingCode.INVALID_DATE));
        assertEquals("'2025-02-30' is not a date: February 30 does not exist", f.get(0).message());
    }

    @Test
    void flagsAnImpossibleDateInADataviewInlineField() {
        testDiagnosticsFor(TestVault.of("Projects/Apollo.md", """
                - [ ] Ship it [due:: 2025-02-30] (start:: 2025-01-01)
                review:: 2025-11-31
                - started:: 2025-13-01
                Text [note:: not a date] and `[due:: 2025-02-30]` in code
                %% [due:: 2025-02-30] %%
                """), "Projects/Apollo.md",
                d(0, 21, 31, FindingCode.INVALID_DATE),
                d(1, 9, 19, FindingCode.INVALID_DATE),
                d(2, 12, 22, FindingCode.INVALID_DATE));
    }

    @Test
    void anOpenTaskDueBeforeTodayIsOverdueAHint() {
        List<Finding> f = testDiagnosticsFor(DEC_20, TestVault.of("Projects/Apollo.md", """
                - [ ] Send the plan 📅 2025-12-17
                - [/] In progress [due:: 2025-12-19]
                - [ ] Due today 📅 2025-12-20
                - [x] Done 📅 2025-12-01
                - [-] Cancelled 📅 2025-12-01
                - [ ] Later 📅 2026-01-05
                """), "Projects/Apollo.md",
                d(0, 23, 33, FindingCode.OVERDUE_TASK),
                d(1, 25, 35, FindingCode.OVERDUE_TASK));
        assertEquals("Task due 2025-12-17, 3 days ago, is still open", f.get(0).message());
        assertEquals("Task due 2025-12-19, 1 day ago, is still open", f.get(1).message());
        assertEquals(Severity.HINT, f.get(0).severity());
        testDiagnosticsFor(LocalDate.of(2025, 12, 1), TestVault.of("Projects/Apollo.md",
                "- [ ] Send the plan 📅 2025-12-17\n"), "Projects/Apollo.md");
    }

    private static TestVault kofi(String lastContact) {
        return TestVault.of("People/Kofi Mensah.md", """
                ---
                type: people
                last_contact: %s
                ---
                # Kofi Mensah
                """.formatted(lastContact));
    }

    @Test
    void aPersonNotContactedForLongerThanStaleContactDaysIsStale() {
        List<Finding> f = testDiagnosticsFor(DEC_20, kofi("2025-09-01").config("{\"staleContactDays\": 90}"),
                "People/Kofi Mensah.md", d(2, 14, 24, FindingCode.STALE_CONTACT));
        assertEquals("Last contact with Kofi Mensah was 2025-09-01, 110 days ago, more than the 90 days of"
                + " staleContactDays", f.get(0).message());
        assertEquals(Severity.INFORMATION, f.get(0).severity());
        testDiagnosticsFor(DEC_20, kofi("2025-10-01").config("{\"staleContactDays\": 90}"), "People/Kofi Mensah.md");
    }

    @Test
    void staleContactIsOffUnlessConfigured() {
        testDiagnosticsFor(DEC_20, kofi("2020-01-01"), "People/Kofi Mensah.md");
    }

    @Test
    void templatesHoldPlaceholderDatesOnPurpose() {
        ObsidianSettings templates = new ObsidianSettings(List.of(), "/", "shortest", "", "Templates", false);
        testDiagnosticsFor(TestVault.of("Templates/Task.md", "- [ ] Follow up 📅 2025-00-00 [due:: 2025-01-01]\n")
                .obsidian(templates), "Templates/Task.md");
    }
}
