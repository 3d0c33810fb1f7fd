package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** Completion, rename, quick fixes and file moves write a link to a file the same way, by one rule of "unambiguous". */
class LinkTextTest {

    private static final Workspace ROADMAPS = Workspace.of(
            "Projects/Roadmap.md", "# Roadmap\n",
            "Customers/Northwind/Roadmap.md", "# Northwind roadmap\n",
            "Projects/Apollo.md", "[[Roadmap]]\n",
            "Daily/2024-05-01.md", "[[Projects/Roadmap]]\n");

    @Test
    void aNameTheLinkingNotesFolderWinsIsUnambiguousForANewLinkAndARewrittenOne() {
        VaultIndex index = ROADMAPS.index();
        Note apollo = index.note("Projects/Apollo.md").orElseThrow();
        assertEquals("Roadmap", LinkText.forNewLink(index, apollo, "Projects/Roadmap.md"));
        assertEquals("Roadmap", LinkText.pointing(index, apollo, apollo.links().get(0), "Projects/Roadmap.md"));
        assertEquals("Northwind/Roadmap", LinkText.forNewLink(index, apollo, "Customers/Northwind/Roadmap.md"));
    }

    @Test
    void elsewhereTheShortestPathThatNeedsNoGuessIsWritten() {
        VaultIndex index = ROADMAPS.index();
        Note daily = index.note("Daily/2024-05-01.md").orElseThrow();
        assertEquals("Projects/Roadmap", LinkText.forNewLink(index, daily, "Projects/Roadmap.md"));
        assertEquals("Northwind/Roadmap", LinkText.forNewLink(index, daily, "Customers/Northwind/Roadmap.md"));
    }

    @Test
    void aBareLinkThatARenameMakesAmbiguousReadsAsTheLinkCompletionWouldInsert() {
        // Renaming Projects/Roadmap to Plan makes [[Plan]] in Daily a guess between two notes. The rename
        // used to write the full path Customers/Northwind/Plan; completion writes Northwind/Plan.
        Workspace after = Workspace.of(
                "Customers/Northwind/Plan.md", "# Northwind plan\n",
                "Projects/Roadmap.md", "# Roadmap\n",
                "Daily/2024-05-01.md", "[[Plan]] and [[Road{|}map]]\n").rename("Plan");
        assertEquals("[[Northwind/Plan]] and [[Projects/Plan]]\n", after.text("Daily/2024-05-01.md"));
        after.assertNoLinkFindings();
        VaultIndex index = after.index();
        Note daily = index.note("Daily/2024-05-01.md").orElseThrow();
        assertEquals("Northwind/Plan", LinkText.forNewLink(index, daily, "Customers/Northwind/Plan.md"));
        assertEquals("Projects/Plan", LinkText.forNewLink(index, daily, "Projects/Plan.md"));
    }
}
