package org.vaultls.features.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.vaultls.VaultAssert;
import org.vaultls.features.navigation.CursorVault;
import org.vaultls.features.navigation.SeedNotes;

class PersonHoverTest {

    static HoverCard hover(CursorVault v) {
        return hover(v, VaultAssert.TODAY);
    }

    /** The card at the cursor, with the tasks due before {@code today} marked overdue. */
    static HoverCard hover(CursorVault v, LocalDate today) {
        return Hovers.hover(v.index(), v.note(), v.offset(), VaultAssert.clockAt(today))
                .orElseThrow(() -> new AssertionError("no hover"));
    }

    static void assertContains(String markdown, String... parts) {
        for (String p : parts) {
            assertTrue(markdown.contains(p), () -> "expected «" + p + "» in:\n" + markdown);
        }
    }

    @Test
    void aLinkToAPersonShowsWhoTheyAreTheirKeyFactsAndOpenTasks() {
        HoverCard card = hover(CursorVault.of(
                "Daily/2025-12-20.md", "Follow up with [[Ada{|} Berg]] on the plan",
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "Meetings/2025-12-19 - Lakehouse kickoff.md", SeedNotes.KICKOFF));
        assertEquals("""
                ### Ada Berg

                *Head of Data Platform* at **Northwind Traders**

                `People/Ada Berg.md` · `@AdaBerg`

                **Last contact:** 2025-12-19

                **Key facts**

                - Runs a data platform team of twelve across Oslo and Lisbon.
                - Prefers written updates over status meetings.
                - Budget for the lakehouse migration is approved through Q3.

                **Open tasks: 2**

                - Send the migration plan 📅 2026-01-15 — *2025-12-19 - Lakehouse kickoff*
                - Review storage quotes — *2025-12-19 - Lakehouse kickoff*""", card.markdown());
        assertEquals("0:15-27", CursorVault.where(card.span()));
    }

    @Test
    void theCardMarksTheOpenTasksWhoseDueDateHasPassed() {
        HoverCard card = hover(CursorVault.of(
                "Daily/2026-01-20.md", "Follow up with [[Ada{|} Berg]] on the plan",
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "Meetings/2025-12-19 - Lakehouse kickoff.md", SeedNotes.KICKOFF), LocalDate.of(2026, 1, 20));
        assertContains(card.markdown(), """
                **Open tasks: 2** (1 overdue)

                - **overdue** Send the migration plan 📅 2026-01-15 — *2025-12-19 - Lakehouse kickoff*
                - Review storage quotes — *2025-12-19 - Lakehouse kickoff*""");
        assertContains(hover(CursorVault.of(
                "Daily/2026-01-15.md", "Follow up with [[Ada{|} Berg]] on the plan",
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "Meetings/2025-12-19 - Lakehouse kickoff.md", SeedNotes.KICKOFF), LocalDate.of(2026, 1, 15)).markdown(),
                "**Open tasks: 2**\n\n- Send the migration plan 📅 2026-01-15");
    }

    @Test
    void anEmbedOfAPersonShowsTheSameCard() {
        HoverCard card = hover(CursorVault.of(
                "Projects/Lakehouse.md", "Owner: ![[Ada Berg{|}]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG));
        assertContains(card.markdown(), "### Ada Berg", "Northwind Traders", "**Open tasks:** none");
    }

    @Test
    void anOwnerTagShowsThePersonItNamesWhateverItsCase() {
        HoverCard card = hover(CursorVault.of(
                "Meetings/2025-12-19 - Lakehouse kickoff.md", SeedNotes.KICKOFF.replace("@adaberg", "@ada{|}berg"),
                "People/Ada Berg.md", SeedNotes.ADA_BERG));
        assertContains(card.markdown(), "### Ada Berg", "*Head of Data Platform* at **Northwind Traders**",
                "Prefers written updates over status meetings.", "**Open tasks: 2**");
        assertEquals("12:28-36", CursorVault.where(card.span()));
    }

    @Test
    void roleAndCompanyMayComeFromTheFrontmatter() {
        HoverCard card = hover(CursorVault.of(
                "Meetings/2025-12-19 - Lakehouse kickoff.md",
                SeedNotes.KICKOFF.replace("@TomásONeil", "@Tomás{|}ONeil"),
                "People/Tomás O'Neil.md", SeedNotes.TOMAS));
        assertContains(card.markdown(), "### Tomás O'Neil", "*Solutions Architect* at **Fabrikam**",
                "**Last contact:** 2025-11-30", "**Open tasks: 1**",
                "- Draft the cost model — *2025-12-19 - Lakehouse kickoff*");
        assertFalse(card.markdown().contains("Key facts"), card.markdown());
    }

    @Test
    void longListsShowTheFirstFewThenHowManyMore() {
        StringBuilder tasks = new StringBuilder();
        for (int day = 10; day < 17; day++) {
            tasks.append("- [ ] Task due on the ").append(day).append("th @AdaBerg 📅 2026-02-").append(day)
                    .append('\n');
        }
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "[[Ada Berg]]{|}",
                "People/Ada Berg.md",
                SeedNotes.ADA_BERG.replace("- Budget", "- Fact four\n- Fact five\n- Fact six\n- Budget"),
                "Daily/tasks.md", tasks.toString()));
        assertContains(card.markdown(), "- Fact six\n- … and 1 more\n", "**Open tasks: 7**",
                "- Task due on the 14th 📅 2026-02-14 — *tasks*\n- … and 2 more");
        assertFalse(card.markdown().contains("15th"), card.markdown());
    }

    @Test
    void openTasksAreListedSoonestDueFirst() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "[[Ada Berg{|}]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "Daily/a.md", "- [ ] Undated @AdaBerg\n- [ ] Later @AdaBerg 📅 2026-03-01\n",
                "Daily/b.md", "- [ ] Sooner @AdaBerg 📅 2026-01-05\n"));
        String md = card.markdown();
        assertTrue(md.indexOf("Sooner") < md.indexOf("Later") && md.indexOf("Later") < md.indexOf("Undated"), md);
    }

    @Test
    void anOwnerTagOfNoPersonSaysSoAndNamesTheClosestPerson() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "- [ ] Call back @Ada{|}Burg\n",
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "People/Tomás O'Neil.md", SeedNotes.TOMAS));
        assertContains(card.markdown(), "### Unknown owner `@AdaBurg`", "No person note has this owner tag",
                "**Closest people:** `@AdaBerg`");
        assertFalse(card.markdown().contains("Tomás"), card.markdown());
    }

    @Test
    void aPersonWithUnknownRoleAndCompanyShowsNeither() {
        String manishLike = SeedNotes.ADA_BERG.replace("| Head of Data Platform |", "|  |")
                .replace("| Northwind Traders |", "| _Unknown_ |");
        String md = hover(CursorVault.of(
                "Daily/d.md", "[[Ada Berg{|}]]",
                "People/Ada Berg.md", manishLike)).markdown();
        assertTrue(md.startsWith("### Ada Berg\n\n`People/Ada Berg.md` · `@AdaBerg`\n"), md);
        assertFalse(md.contains("Unknown"), md);
    }

    @Test
    void aLinkToASectionOfAPersonAddsThatSectionBelowTheCard() {
        String md = hover(CursorVault.of(
                "Daily/d.md", "[[Ada Berg#Related Customers{|}]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG)).markdown();
        assertContains(md, "### Ada Berg\n", "**Key facts**", "**Open tasks:** none");
        assertTrue(md.endsWith("\n\n---\n\n- [[Northwind Traders]]"), md);
    }

    @Test
    void linksInKeyFactsLeadToTheirNotesAndBrokenOnesStayAsWritten() {
        CursorVault v = CursorVault.of(
                "Daily/2025-12-20.md", "Met [[Bo{|}b Stone]]",
                "People/Bob Stone.md", """
                        ---
                        type: people
                        ---
                        # Bob Stone

                        ## Key Facts

                        - Introduced us to [[Ada Berg|Ada]] at [[Northwind (EU)]].
                        - Reports to [[Nobody Known]].
                        """,
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "Customers/Northwind (EU).md", "# Northwind");
        HoverCard card = Hovers.hover(v.index(), v.note(), v.offset(), path -> "file:///vault/" + path.replace(" ", "%20"))
                .orElseThrow();
        assertContains(card.markdown(),
                "- Introduced us to [Ada](<file:///vault/People/Ada%20Berg.md>) at "
                        + "[Northwind (EU)](<file:///vault/Customers/Northwind%20(EU).md>).",
                "- Reports to [[Nobody Known]].");
        assertContains(hover(v).markdown(), "- Introduced us to [[Ada Berg|Ada]] at [[Northwind (EU)]].");
    }

    @Test
    void aTaskKeepsTheOwnerTagItsSentenceNeeds() {
        HoverCard card = hover(CursorVault.of(
                "Daily/2025-12-20.md", "Follow up with [[Ada{|} Berg]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "Meetings/m.md", "- [ ] Share LSV4 cost model with @AdaBerg\n- [ ] Book a room @AdaBerg\n"));
        assertContains(card.markdown(), "- Share LSV4 cost model with @AdaBerg — *m*", "- Book a room — *m*");
    }

    @Test
    void aLinkToThePersonsKeyFactsShowsThemOnce() {
        String md = hover(CursorVault.of(
                "Daily/2025-12-20.md", "See [[Ada Berg#Key{|} Facts]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG)).markdown();
        String fact = "Prefers written updates over status meetings.";
        assertEquals(md.indexOf(fact), md.lastIndexOf(fact), md);
    }
}
