package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** The quick fix that links one unlinked mention, and the source action that links them all. */
class MentionFixesTest {
    private static final String ADA = """
            ---
            type: people
            aliases: [Ada]
            ---
            # Ada Berg
            """;

    private static List<String> titles(List<CodeAction> actions) {
        return actions.stream().map(a -> (a.preferred() ? "* " : "") + a.kind() + " " + a.title()).toList();
    }

    @Test
    void aMentionByTheNotesNameBecomesABareLink() {
        Workspace ws = Workspace.of(
                "Projects/Apollo.md", "",
                "Daily/a.md", "Apollo{|} slips.\n");
        List<CodeAction> actions = ws.actionsAtCursor();
        assertEquals(List.of("* quickfix Link to [[Apollo]]", "source.linkMentions Link all mentions in this note (1)"),
                titles(actions));
        assertSame(FindingCode.UNLINKED_MENTION, actions.get(0).fixes().code());
        assertEquals("[[Apollo]] slips.\n", ws.apply(actions.get(0).change()).text("Daily/a.md"));
    }

    @Test
    void wordsThatDifferFromTheTargetStayAsDisplayText() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/a.md", "Asked a{|}da and ADA BERG.\n");
        CodeAction fix = ws.actionsAtCursor().get(0);
        assertEquals("Link to [[Ada Berg|ada]]", fix.title());
        assertEquals("Asked [[Ada Berg|ada]] and ADA BERG.\n", ws.apply(fix.change()).text("Daily/a.md"));
    }

    @Test
    void aNameSeveralNotesShareIsLinkedByTheShortestPathThatIsNotAGuess() {
        Workspace ws = Workspace.of(
                "Projects/Apollo.md", "",
                "Archive/Old/Apollo.md", "",
                "Daily/a.md", "Apo{|}llo slips.\n");
        assertEquals("Link to [[Projects/Apollo|Apollo]]", ws.actionsAtCursor().get(0).title());
    }

    @Test
    void inATableRowTheDisplayTextBarIsEscaped() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Daily/a.md", "| who | what |\n|---|---|\n| A{|}da | plans |\n");
        assertEquals("| who | what |\n|---|---|\n| [[Ada Berg\\|Ada]] | plans |\n",
                ws.apply(ws.actionsAtCursor().get(0).change()).text("Daily/a.md"));
    }

    @Test
    void linkAllMentionsLinksEveryMentionOfTheNoteAndLeavesNoneBehind() {
        Workspace ws = Workspace.of(
                "People/Ada Berg.md", ADA,
                "Projects/Apollo.md", "",
                "Daily/a.md", "{|}Ada Berg runs Apollo; ada said apollo slips.\n");
        CodeAction all = ws.actionsAtCursor().stream().filter(a -> a.kind().equals("source.linkMentions"))
                .findFirst().orElseThrow();
        assertEquals("Link all mentions in this note (4)", all.title());
        Workspace linked = ws.apply(all.change());
        assertEquals("[[Ada Berg]] runs [[Apollo]]; [[Ada Berg|ada]] said [[Apollo|apollo]] slips.\n",
                linked.text("Daily/a.md"));
        VaultIndex index = linked.index();
        Note note = index.note("Daily/a.md").orElseThrow();
        assertTrue(Diagnostics.forNote(index, note).stream().noneMatch(f -> f.code() == FindingCode.UNLINKED_MENTION));
        assertTrue(linked.linkFindings().isEmpty(), () -> "links that do not resolve: " + linked.linkFindings());
    }

    @Test
    void aNoteWithoutMentionsOffersNoLinkAllAction() {
        assertEquals(List.of(), Workspace.of("Projects/Apollo.md", "", "Daily/a.md", "No{|}thing.\n").actionsAtCursor());
    }
}
