package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RenameTagTest {

    @Test
    void renamesTheTagInEveryNoteBodyAndFrontmatterWithItsNestedTags() {
        Workspace after = Workspace.of(
                "Daily/2024-05-01.md", "Shipped #proj{|}ect today #project/apollo #projects\n",
                "Projects/Apollo.md", """
                        ---
                        tags: [Project, "project/apollo", other]
                        ---
                        Notes #PROJECT and `#project` in code
                        """).rename("#work");
        assertEquals("Shipped #work today #work/apollo #projects\n", after.text("Daily/2024-05-01.md"));
        assertEquals("""
                ---
                tags: [work, "work/apollo", other]
                ---
                Notes #work and `#project` in code
                """, after.text("Projects/Apollo.md"));
    }

    @Test
    void renamingANestedTagKeepsItsParentAndRenamesItsChildren() {
        Workspace after = Workspace.of(
                "a.md", "#project/apo{|}llo #project/apollo/risks #project\n").rename("project/skerry");
        assertEquals("#project/skerry #project/skerry/risks #project\n", after.text("a.md"));
    }

    @Test
    void refusesNamesObsidianDoesNotReadAsTags() {
        Workspace before = Workspace.of("a.md", "#pro{|}ject\n");
        assertTrue(before.renameError("two words").contains("only letters"), before.renameError("two words"));
        assertTrue(before.renameError("2024").contains("all-digit"));
        assertTrue(before.renameError("a//b").contains("only letters"));
        assertTrue(before.renameError("a:b").contains("only letters"));
    }

    @Test
    void prepareOffersTheTagsName() {
        var v = org.vaultls.features.navigation.CursorVault.of("a.md", "see #pro{|}ject/x\n");
        var target = Rename.prepare(v.index(), v.note(), v.offset());
        assertEquals("project/x", target.value().placeholder());
    }
}
