package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.config.DailyNotes;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

class CodeActionsTest {

    private static final String ADA = """
            ---
            type: people
            aliases: [Ada]
            ---
            # Ada Berg

            ## Key Facts

            - Leads Apollo ^lead-role
            """;

    private static List<String> titles(List<CodeAction> actions) {
        return actions.stream().map(a -> (a.preferred() ? "* " : "") + a.title()).toList();
    }

    private static CodeAction titled(List<CodeAction> actions, String title) {
        return actions.stream().filter(a -> a.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no action '" + title + "' in " + titles(actions)));
    }

    @Test
    void aBrokenLinkCanBeCreatedAsANoteAtTheVaultRoot() {
        Workspace ws = Workspace.of("Daily/2024-05-01.md", "Start [[Project Ze{|}us]] today\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals(List.of("Create note 'Project Zeus'"), titles(actions));
        CodeAction create = actions.get(0);
        assertEquals("quickfix", create.kind());
        assertSame(FindingCode.BROKEN_LINK, create.fixes().code());
        assertEquals(List.of(new WorkspaceChange.FileCreate("Project Zeus.md", "# Project Zeus\n")),
                create.change().creates());
        ws.apply(create.change()).assertNoLinkFindings();
    }

    @Test
    void aNewNoteGoesToTheFolderObsidianCreatesNotesIn() {
        Workspace ws = Workspace.of("Daily/2024-05-01.md", "Start [[Project Ze{|}us]] today\n")
                .obsidian(new ObsidianSettings(List.of(), "/", "shortest", "Inbox", null, false));
        assertEquals("Inbox/Project Zeus.md", ws.actionsAtCursor().get(0).change().creates().get(0).path());
    }

    @Test
    void withNewFilesNextToTheCurrentNoteANewNoteGoesToTheLinkingNotesFolder() {
        Workspace ws = Workspace.of("Daily/2024-05-01.md", "Start [[Project Ze{|}us]] today\n")
                .obsidian(new ObsidianSettings(List.of(), "/", "shortest", "", null, true));
        assertEquals("Daily/Project Zeus.md", ws.actionsAtCursor().get(0).change().creates().get(0).path());
    }

    @Test
    void aPathQualifiedOrRelativeBrokenLinkCreatesTheNoteAtItsPath() {
        assertEquals("Create note 'Zeus' in Projects/Space/", titles(Workspace.of(
                "Daily/2024-05-01.md", "[[Projects/Space/Ze{|}us.md]]\n").actionsAtCursor()).get(0));
        assertEquals("Create note 'Zeus' in Projects/", titles(Workspace.of(
                "Daily/2024-05-01.md", "[z](../Projects/Ze{|}us.md)\n").actionsAtCursor()).get(0));
    }

    @Test
    void aBrokenLinkInAPeopleFieldCreatesAPersonWhereThePeopleAre() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Meetings/Kickoff.md", """
                        ---
                        attendees:
                          - "[[Ada Berg]]"
                          - "[[Bo Ch{|}en]]"
                        ---
                        """);
        CodeAction create = titled(ws.actionsAtCursor(), "Create person 'Bo Chen' in People/");
        assertEquals(List.of(new WorkspaceChange.FileCreate("People/Bo Chen.md", """
                ---
                type: people
                title: Bo Chen
                tags:
                - type/people
                ---

                # Bo Chen

                ## Key Facts

                """)), create.change().creates());
        Workspace after = ws.apply(create.change());
        after.assertNoLinkFindings();
        assertTrue(after.index().person("People/Bo Chen.md").isPresent(), "the new note is a person");
    }

    @Test
    void anUnknownOwnerCreatesThePersonItSpells() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Projects/Apollo.md", "- [ ] Review the plan @Bo{|}Chen\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals(List.of("Create person 'Bo Chen' in People/"), titles(actions));
        assertSame(FindingCode.UNKNOWN_OWNER, actions.get(0).fixes().code());
        Workspace after = ws.apply(actions.get(0).change());
        assertTrue(after.paths().contains("People/Bo Chen.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aNewPersonIsMarkedAsTheVaultsPeopleAreAndGoesWhereNotesGoWhenThereAreNone() {
        Workspace ws = Workspace.of("Projects/Apollo.md", "- [ ] Review the plan @Bo{|}Chen\n")
                .obsidian(new ObsidianSettings(List.of(), "/", "shortest", "Inbox", null, false));
        assertEquals(new WorkspaceChange.FileCreate("Inbox/Bo Chen.md",
                "---\ntype: people\ntitle: Bo Chen\ntags:\n- type/people\n---\n\n# Bo Chen\n\n## Key Facts\n\n"),
                ws.actionsAtCursor().get(0).change().creates().get(0));

        Workspace persons = Workspace.of(
                "Team/Ada Berg.md", "---\ntype: person\n---\n",
                "Projects/Apollo.md", "- [ ] Review the plan @Bo{|}Chen\n");
        assertEquals(new WorkspaceChange.FileCreate("Team/Bo Chen.md",
                "---\ntype: person\ntitle: Bo Chen\ntags:\n- type/people\n---\n\n# Bo Chen\n\n## Key Facts\n\n"),
                persons.actionsAtCursor().get(0).change().creates().get(0));
    }

    @Test
    void anOwnerTagReadsBackAsANameAtItsCamelCaseHumps() {
        assertEquals("Ada Berg", OwnerTags.toName("AdaBerg"));
        assertEquals("JRR Tolkien", OwnerTags.toName("JRRTolkien"));
        assertEquals("Tomás O Neil", OwnerTags.toName("TomásONeil"));
        assertEquals("Ada Berg", OwnerTags.toName("Ada_Berg"));
        assertEquals("ada", OwnerTags.toName("ada"));
        for (String tag : List.of("AdaBerg", "JRRTolkien", "TomásONeil", "Ada_Berg")) {
            assertEquals(tag.replace("_", ""), OwnerTags.of(OwnerTags.toName(tag)), "round trip of " + tag);
        }
    }

    @Test
    void aMisspeltOwnerCanBecomeTheClosestPersonsTag() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Projects/Apollo.md", "- [ ] Draft @AdaBer{|}k\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals(List.of("* Change to @AdaBerg", "Create person 'Ada Berk' in People/"), titles(actions));
        assertEquals("- [ ] Draft @AdaBerg\n", ws.apply(actions.get(0).change()).text("Projects/Apollo.md"));
    }

    @Test
    void aMisspeltLinkCanPointAtTheClosestNote() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/2024-05-01.md", "Met [[Ada Brg{|}#Key Facts|her]] and [md](../People/Ada%20Brg.md)\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals(List.of("* Change to [[Ada Berg#Key Facts|her]]", "Create note 'Ada Brg'"), titles(actions));
        Workspace after = ws.apply(actions.get(0).change());
        assertEquals("Met [[Ada Berg#Key Facts|her]] and [md](../People/Ada%20Brg.md)\n",
                after.text("Daily/2024-05-01.md"));
    }

    @Test
    void aMisspeltMarkdownLinkKeepsItsForm() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/2024-05-01.md", "[md](../People/Ada%20B{|}rg.md)\n");
        CodeAction fix = titled(ws.actionsAtCursor(), "Change to [md](../People/Ada%20Berg.md)");
        ws.apply(fix.change()).assertNoLinkFindings();
    }

    @Test
    void aLinkToAnAliasBecomesALinkToItsNoteShowingTheAlias() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/2024-05-01.md", """
                        Met [[A{|}da]], [[Ada#Key Facts]] and [[Ada|her]].
                        | Who | [[Ada]] |
                        """);
        VaultIndex index = ws.index();
        Note note = index.note("Daily/2024-05-01.md").orElseThrow();
        List<CodeAction> actions = CodeActions.actions(index, note, note.lines().span(0, note.text().length()),
                Diagnostics.forNote(index, note), VaultBoundary.inMemory());
        assertEquals(List.of("* Change to [[Ada Berg|Ada]]", "* Change to [[Ada Berg#Key Facts|Ada]]",
                "* Change to [[Ada Berg|her]]", "* Change to [[Ada Berg\\|Ada]]"), titles(actions));
        List<Edit> all = actions.stream().flatMap(a -> a.change().edits().stream()).toList();
        Workspace after = ws.apply(new WorkspaceChange(all, List.of(), List.of()));
        assertEquals("""
                Met [[Ada Berg|Ada]], [[Ada Berg#Key Facts|Ada]] and [[Ada Berg|her]].
                | Who | [[Ada Berg\\|Ada]] |
                """, after.text("Daily/2024-05-01.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aBrokenHeadingCanPointAtTheClosestHeading() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/2024-05-01.md", "See [[Ada Berg#Key Fa{|}ct|facts]]\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals(List.of("* Change to [[Ada Berg#Key Facts|facts]]"), titles(actions));
        Workspace after = ws.apply(actions.get(0).change());
        assertEquals("See [[Ada Berg#Key Facts|facts]]\n", after.text("Daily/2024-05-01.md"));
        after.assertNoLinkFindings();
    }

    @Test
    void aHeadingUnderTheWrongParentCanBeNamedOnItsOwn() {
        Workspace ws = Workspace.of(
                "Projects/Apollo.md", "# Apollo\n## Plan\n## Risks\n### Budget\n",
                "Index.md", "[[Apollo#Plan#Bud{|}get]]\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals("Change to [[Apollo#Budget]]", actions.get(0).title());
        ws.apply(actions.get(0).change()).assertNoLinkFindings();
    }

    @Test
    void aBrokenBlockReferenceCanPointAtTheClosestBlock() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/2024-05-01.md", "![[Ada Berg#^lead-rol{|}]]\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals(List.of("* Change to ![[Ada Berg#^lead-role]]"), titles(actions));
        ws.apply(actions.get(0).change()).assertNoLinkFindings();
    }

    @Test
    void anAmbiguousLinkCanNameTheNoteObsidianPicks() {
        Workspace ws = Workspace.of(
                "Attic/Notes.md", "",
                "Teams/Notes.md", "",
                "Daily/2024-05-01.md", "[[No{|}tes]]\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals(List.of("* Change to [[Attic/Notes]]"), titles(actions));
        ws.apply(actions.get(0).change()).assertNoLinkFindings();
    }

    @Test
    void findingsOutsideTheRangeGetNoActions() {
        Workspace ws = Workspace.of("Daily/2024-05-01.md", "[[Zeus]]\nText{|} here\n");
        assertEquals(List.of(), ws.actionsAtCursor());
    }

    @Test
    void aBrokenLinkToAnAttachmentOffersNoNote() {
        Workspace ws = Workspace.of("Daily/2024-05-01.md", "![[diag{|}ram.png]]\n");
        assertEquals(List.of(), ws.actionsAtCursor());
    }

    @Test
    void anAliasThatMatchesOnlyByCaseComesAfterCreatingTheNote() {
        Workspace ws = Workspace.of(
                "Law/Americans with Disabilities Act.md", "---\naliases: [ADA]\n---\n",
                "Compilers/C.md", "Like [[A{|}da]], C has ranges.\n");
        assertEquals(List.of("Create note 'Ada'", "Change to [[Americans with Disabilities Act|Ada]]"),
                titles(ws.actionsAtCursor()));
    }

    @Test
    void aMissingDailyNoteIsCreatedInTheDailyNotesFolderFromItsTemplate() {
        Workspace ws = Workspace.of(
                "Templates/Daily.md", "## Log\nCreated {{date}}\n",
                "Projects/Apollo.md", "Kickoff on [[2025-12-1{|}8]] and then [[Apollo retro]]\n")
                .obsidian(new ObsidianSettings(List.of(), "/", "shortest", "", "Templates", false)
                        .withDailyNotes(new DailyNotes(true, "Journal/Daily", "Templates/Daily", "YYYY-MM-DD")));
        CodeAction create = titled(ws.actionsAtCursor(), "Create note '2025-12-18' in Journal/Daily/");
        assertEquals(List.of(new WorkspaceChange.FileCreate("Journal/Daily/2025-12-18.md", "## Log\nCreated 2025-12-18\n")),
                create.change().creates());
    }
}
