package org.vaultls.features.lens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.navigation.CursorVault;
import org.vaultls.index.VaultIndex;

class CodeLensesTest {

    private static final String APOLLO = """
            # Apollo

            ## Scope

            ### Goals

            ## Risks

            See [[#Risks]].
            """;

    /** Each lens as {@code line:start-end title -> locations}. */
    private static List<String> lenses(VaultIndex index, String path) {
        List<String> out = new ArrayList<>();
        for (Lens l : CodeLenses.of(index, index.note(path).orElseThrow(), CancelCheck.NEVER)) {
            out.add(CursorVault.where(l.span()) + " " + l.title() + " -> " + CursorVault.where(l.locations()));
        }
        return out;
    }

    @Test
    void theTitleCountsBacklinksAndEachLinkedHeadingItsReferences() {
        VaultIndex index = TestVault.of(
                "Projects/Apollo.md", APOLLO,
                "Daily/a.md", "[[Apollo]] and [[Apollo#Scope#Goals]]",
                "Daily/b.md", "[[Apollo#Risks]]").index();
        assertEquals(List.of(
                "0:0-8 3 backlinks -> [Daily/a.md 0:0-10, Daily/a.md 0:15-37, Daily/b.md 0:0-16]",
                "2:0-8 1 reference -> [Daily/a.md 0:15-37]",
                "4:0-9 1 reference -> [Daily/a.md 0:15-37]",
                "6:0-8 2 references -> [Daily/b.md 0:0-16, Projects/Apollo.md 8:4-14]"),
                lenses(index, "Projects/Apollo.md"));
    }

    @Test
    void aNoteWithoutATitleGetsItsLensOnTheFirstLineAndHeadingsWithoutLinksNone() {
        VaultIndex index = TestVault.of("Plan.md", "Intro\n\n## Unlinked\n").index();
        assertEquals(List.of("0:0-0 0 backlinks -> []"), lenses(index, "Plan.md"));
    }

    @Test
    void aPersonAlsoShowsOpenTasksAndTheLatestDatedMention() {
        VaultIndex index = TestVault.of(
                "People/Ada Berg.md", "---\ntype: person\n---\n# Ada Berg\n",
                "Daily/2025-12-01.md", "Lunch with [[Ada Berg]]",
                "Meetings/Kickoff.md", "---\ndate: 2025-12-09\n---\n- [ ] Send deck @AdaBerg\n- [x] Book room @AdaBerg",
                "Notes/Undated.md", "[[Ada Berg]]",
                "Daily/2026-01-05.md", "- [ ] Someone else's @NoorHaddad").index();
        List<String> got = lenses(index, "People/Ada Berg.md");
        assertEquals("3:0-10 2 backlinks · 1 open task · last mentioned 2025-12-09", got.get(0).split(" -> ")[0]);
        assertTrue(got.get(0).contains("Meetings/Kickoff.md 3:16-24"), got.get(0));
    }

    @Test
    void aNoteDateIsItsFrontmatterDateElseTheDateInItsFileName() {
        VaultIndex index = TestVault.of(
                "Meetings/2025-03-04 - Sync.md", "x",
                "Meetings/2025-03-04 - Moved.md", "---\ndate: 2025-04-01\n---\n",
                "Notes/None.md", "x").index();
        assertEquals("2025-03-04", CodeLenses.dateOf(index.note("Meetings/2025-03-04 - Sync.md").orElseThrow())
                .orElseThrow().toString());
        assertEquals("2025-04-01", CodeLenses.dateOf(index.note("Meetings/2025-03-04 - Moved.md").orElseThrow())
                .orElseThrow().toString());
        assertTrue(CodeLenses.dateOf(index.note("Notes/None.md").orElseThrow()).isEmpty());
    }
}
