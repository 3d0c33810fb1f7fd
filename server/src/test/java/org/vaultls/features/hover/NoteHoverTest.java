package org.vaultls.features.hover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.features.hover.PersonHoverTest.assertContains;
import static org.vaultls.features.hover.PersonHoverTest.hover;

import org.junit.jupiter.api.Test;
import org.vaultls.features.navigation.CursorVault;

class NoteHoverTest {

    private static final String LAKEHOUSE = """
            ---
            type: project
            status: active
            title: Lakehouse Migration
            owner: "[[Ada Berg]]"
            start_date: 2026-01-05
            tags:
            - type/project
            - customer/northwind
            ---

            # Lakehouse Migration

            Move Northwind's reporting off the old warehouse.

            ## Scope

            - Ingest from the three ERP instances.
            - Keep nightly batch until streaming is proven. ^keep-batch

            ## Risks

            Vendor lock-in on the table format.
            Egress costs during the dual-run period. ^egress
            """;

    @Test
    void aLinkToANoteShowsItsTitleFrontmatterSummaryAndOpeningLines() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "Worked on [[Lake{|}house]] all day",
                "Projects/Lakehouse.md", LAKEHOUSE));
        assertEquals("""
                ### Lakehouse Migration

                `Projects/Lakehouse.md`

                **type:** project · **status:** active · **tags:** type/project, customer/northwind · **start\\_date:** 2026-01-05

                ---

                Move Northwind's reporting off the old warehouse.

                ## Scope

                - Ingest from the three ERP instances.
                - Keep nightly batch until streaming is proven. ^keep-batch

                ## Risks

                Vendor lock-in on the table format.

                …""", card.markdown());
        assertEquals("0:10-23", CursorVault.where(card.span()));
    }

    @Test
    void aLinkToAHeadingShowsThatSectionOnly() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "[[Lakehouse#risks{|}]]",
                "Projects/Lakehouse.md", LAKEHOUSE));
        assertContains(card.markdown(), "### Lakehouse Migration › Risks\n",
                "---\n\nVendor lock-in on the table format.\nEgress costs during the dual-run period. ^egress");
        assertFalse(card.markdown().contains("Ingest"), card.markdown());
    }

    @Test
    void aLinkToABlockShowsItsParagraphOrListItemWithoutTheId() {
        String paragraph = hover(CursorVault.of(
                "Daily/d.md", "![[Lakehouse#^egress{|}]]",
                "Projects/Lakehouse.md", LAKEHOUSE)).markdown();
        assertTrue(paragraph.endsWith(
                "---\n\nVendor lock-in on the table format.\nEgress costs during the dual-run period."), paragraph);
        String item = hover(CursorVault.of(
                "Daily/d.md", "[[Lakehouse#^keep-batch{|}]]",
                "Projects/Lakehouse.md", LAKEHOUSE)).markdown();
        assertTrue(item.startsWith("### Lakehouse Migration › ^keep-batch\n"), item);
        assertTrue(item.endsWith("---\n\n- Keep nightly batch until streaming is proven."), item);
    }

    @Test
    void aBlockIdOnItsOwnLineShowsTheListAboveIt() {
        String md = hover(CursorVault.of(
                "Daily/d.md", "[[Decisions#^q1{|}]]",
                "Decisions.md", "# Decisions\n\nIntro.\n\n- Ship the pilot\n- Hire an SRE\n\n^q1\n")).markdown();
        assertTrue(md.endsWith("---\n\n- Ship the pilot\n- Hire an SRE"), md);
    }

    @Test
    void aSameNoteLinkShowsTheSectionOfThisNote() {
        String md = hover(CursorVault.of(
                "Projects/Lakehouse.md", LAKEHOUSE + "\nSee [[#Sc{|}ope]].\n")).markdown();
        assertContains(md, "### Lakehouse Migration › Scope", "- Ingest from the three ERP instances.");
        assertFalse(md.contains("Vendor"), md);
    }

    @Test
    void theExcerptIsCutAtTenLinesAndEightHundredCharacters() {
        StringBuilder many = new StringBuilder("# Log\n\n");
        for (int i = 1; i <= 30; i++) {
            many.append("Line ").append(i).append('\n');
        }
        String md = hover(CursorVault.of("Daily/d.md", "[[Log{|}]]", "Log.md", many.toString())).markdown();
        assertTrue(md.endsWith("Line 10\n\n…"), md);
        assertFalse(md.contains("Line 11"), md);

        String longLines = "# Essay\n\n" + ("word ".repeat(60) + "\n\n").repeat(5);
        String essay = hover(CursorVault.of("Daily/d.md", "[[Essay{|}]]", "Essay.md", longLines)).markdown();
        String excerpt = essay.substring(essay.indexOf("---\n\n") + 5);
        assertTrue(excerpt.length() <= 800 + 3, excerpt.length() + ": " + excerpt);
        assertTrue(excerpt.endsWith("\n\n…"), excerpt);
    }

    @Test
    void aCodeFenceLeftOpenByTheCutIsClosed() {
        String note = "# Runbook\n\n~~~bash\n" + "echo step\n".repeat(20) + "~~~\n";
        String md = hover(CursorVault.of("Daily/d.md", "[[Runbook{|}]]", "Runbook.md", note)).markdown();
        assertTrue(md.endsWith("echo step\n~~~\n\n…"), md);
    }

    @Test
    void aMissingHeadingIsCalledOutWithTheHeadingsTheNoteHas() {
        String md = hover(CursorVault.of(
                "Daily/d.md", "[[Lakehouse#Budget{|}]]",
                "Projects/Lakehouse.md", LAKEHOUSE)).markdown();
        assertContains(md,
                "⚠ No heading `Budget` in this note. Its headings: `Lakehouse Migration`, `Scope`, `Risks`.",
                "Move Northwind's reporting");
    }

    @Test
    void anAttachmentShowsItsNameKindAndPath() {
        HoverCard card = hover(CursorVault.of(
                "Daily/d.md", "![[lakehouse-architecture{|}.pdf#page=3]]",
                "Assets/Diagrams/lakehouse-architecture.pdf", ""));
        assertEquals("### lakehouse-architecture.pdf\n\nPDF attachment · `Assets/Diagrams/lakehouse-architecture.pdf`",
                card.markdown());
    }

    @Test
    void aNameSharedBySeveralNotesIsFlaggedWithTheOthers() {
        String md = hover(CursorVault.of(
                "Daily/d.md", "[[Plan{|}]]",
                "Projects/Plan.md", "# Project plan\n",
                "Archive/2019/Plan.md", "# Old plan\n")).markdown();
        assertContains(md, "### Plan", "`Projects/Plan.md`",
                "⚠ 2 notes match this link; Obsidian opens the one with the shortest path, `Projects/Plan.md`. "
                        + "Others: `Archive/2019/Plan.md`");
    }

    @Test
    void headingsTagsAndPlainTextHaveNoHover() {
        for (String text : new String[] {"# Ti{|}tle\n", "Tagged #pro{|}ject\n", "Pl{|}ain [[Plan]]\n"}) {
            CursorVault v = CursorVault.of("Daily/d.md", text, "Plan.md", "");
            assertTrue(Hovers.hover(v.index(), v.note(), v.offset()).isEmpty(), text);
        }
    }
}
