package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.config.VaultConfig;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/** What one edit changed, as the index works it out where it patches itself. */
class VaultChangeTest {
    private final VaultIndex vault = TestVault.of(
            "People/Ada Berg.md", "---\ntype: people\naliases: [Ada]\n---\n# Ada Berg\n## Role\n",
            "Home.md", "[[Ada Berg#Role]] and ![[chart.png]]",
            "Tasks.md", "- [ ] call @Ada\n").index();

    private static VaultChange write(VaultIndex index, String path, String text) {
        return index.apply(List.of(NoteParser.parse(path, text)), List.of(), List.of(), List.of());
    }

    @Test
    void typingInANoteChangesItButNoName() {
        VaultChange c = write(vault, "Home.md", "[[Ada Berg#Role]] and ![[chart.png]] today");
        assertEquals(Set.of("Home.md"), c.changed());
        assertTrue(c.added().isEmpty() && c.removed().isEmpty());
        assertEquals(Set.of(), c.names());
        assertFalse(c.pathsChanged());
        assertEquals("Home.md", c.oldVersions().get(0).path());
        assertEquals(c.after().note("Home.md").orElseThrow(), c.newVersions().get(0));
    }

    @Test
    void renamingAHeadingChangesTheResolutionOfTheNotesNameAndAliases() {
        VaultChange c = write(vault, "People/Ada Berg.md", "---\ntype: people\naliases: [Ada]\n---\n# Ada Berg\n## Job\n");
        assertEquals(Set.of("ada berg", "ada"), c.names());
        assertEquals(List.of("Home.md"), c.after().notesLinkingToName("ada berg"));
    }

    @Test
    void aNewNoteAndARemovedOneChangeThePathsAndTheirNames() {
        VaultChange added = write(vault, "Projects/Zephyr.md", "");
        assertEquals(Set.of("Projects/Zephyr.md"), added.added());
        assertEquals(Set.of("zephyr"), added.names());
        assertTrue(added.pathsChanged());
        VaultChange removed = added.after().apply(List.of(), List.of("Projects/Zephyr.md"), List.of(), List.of());
        assertEquals(Set.of("Projects/Zephyr.md"), removed.removed());
        assertTrue(removed.newVersions().isEmpty());
    }

    @Test
    void anAttachmentThatComesOrGoesNamesItsFileName() {
        VaultChange c = vault.apply(List.<Note>of(), List.of(), List.of("Attachments/chart.png"), List.of());
        assertEquals(Set.of("Attachments/chart.png"), c.addedAttachments());
        assertEquals(Set.of("chart.png"), c.names());
        assertEquals(List.of("Home.md"), c.after().notesLinkingToName("chart.png"));
    }

    @Test
    void aPersonsNewAliasChangesTheirOwnerTags() {
        VaultChange c = write(vault, "People/Ada Berg.md", "---\ntype: people\naliases: [Ada, AB]\n---\n# Ada Berg\n## Role\n");
        assertTrue(c.ownerTags().contains("ab"), c.ownerTags().toString());
    }

    @Test
    void whatDidNotHappenIsNoChange() {
        VaultChange c = vault.apply(List.of(), List.of("Nowhere.md"), List.of(), List.of("gone.png"));
        assertTrue(c.isEmpty(), c.toString());
        assertFalse(c.settingsChanged());
    }

    @Test
    void otherSettingsChangeEverything() {
        VaultConfig strict = VaultConfig.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
                .put("keyFactsHeading", "Facts"), w -> { });
        VaultChange c = vault.applySettings(strict, vault.obsidian());
        assertTrue(c.settingsChanged());
        assertFalse(c.isEmpty());
        assertTrue(c.touched().isEmpty(), "the notes stay the same");
    }
}
