package org.vaultls.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Obsidian's own settings that vault-ls honours, read from the config folder of a vault on disk. */
class ObsidianSettingsTest {
    @TempDir
    Path vault;
    private final List<String> warnings = new ArrayList<>();

    private void write(String file, String json) throws IOException {
        Path p = vault.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, json);
    }

    private ObsidianSettings load() {
        return ObsidianSettings.load(vault, ".obsidian", warnings::add);
    }

    @Test
    void readsAppJsonAndTemplatesJson() throws IOException {
        write(".obsidian/app.json", """
                {
                  "userIgnoreFilters": ["Archive/", "/\\\\.excalidraw\\\\.md$/", "", 7],
                  "attachmentFolderPath": "assets",
                  "newLinkFormat": "relative",
                  "newFileLocation": "folder",
                  "newFileFolderPath": "/Inbox/",
                  "alwaysUpdateLinks": true
                }
                """);
        write(".obsidian/templates.json", """
                {"folder": "/Templates/"}
                """);
        ObsidianSettings s = load();
        assertEquals(List.of(), warnings);
        assertEquals(List.of("Archive/", "/\\.excalidraw\\.md$/"), s.userIgnoreFilters());
        assertEquals("assets", s.attachmentFolderPath());
        assertEquals("relative", s.newLinkFormat());
        assertEquals("Inbox", s.newFileFolderPath());
        assertEquals("Templates", s.templatesFolder());
    }

    @Test
    void readsTemplatersTemplatesFolder() throws IOException {
        write(".obsidian/plugins/templater-obsidian/data.json", """
                {"command_timeout": 5, "templates_folder": "/Meta/Templater/", "trigger_on_file_creation": true}
                """);
        ObsidianSettings s = load();
        assertEquals(List.of(), warnings);
        assertNull(s.templatesFolder());
        assertEquals("Meta/Templater", s.templaterFolder());
        assertTrue(s.isTemplate("Meta/Templater/Daily.md"));
        assertTrue(s.isTemplate("meta/templater/sub/Weekly.md"));
        assertFalse(s.isTemplate("Meta/Daily.md"));
    }

    @Test
    void readsThePropertyTypesOfTypesJson() throws IOException {
        write(".obsidian/types.json", """
                {"types": {"last_contact": "date", "Created": "datetime", "tags": "tags", "odd": 3}}
                """);
        ObsidianSettings s = load();
        assertEquals("date", s.propertyType("last_contact"));
        assertEquals("datetime", s.propertyType("created"));
        assertEquals("tags", s.propertyType("TAGS"));
        assertNull(s.propertyType("odd"));
        assertNull(s.propertyType("company"));
    }

    @Test
    void withoutTheFilesObsidiansDefaultsApply() {
        ObsidianSettings s = load();
        assertEquals(List.of(), warnings);
        assertEquals(ObsidianSettings.defaults(), s);
        assertNull(s.templatesFolder());
        assertFalse(s.isTemplate("Templates/Meeting.md"));
        assertFalse(s.isUserIgnored("Archive/old.md"));
    }

    @Test
    void newNotesGoToTheRootUnlessTheLocationIsAFolder() throws IOException {
        write(".obsidian/app.json", """
                {"newFileLocation": "current", "newFileFolderPath": "Inbox"}
                """);
        assertEquals("", load().newFileFolderPath());
    }

    @Test
    void anotherConfigFolderIsReadWhenConfigured() throws IOException {
        write(".obsidian-work/templates.json", "{\"folder\": \"Meta/Templates\"}");
        assertEquals("Meta/Templates", ObsidianSettings.load(vault, ".obsidian-work", warnings::add).templatesFolder());
    }

    @Test
    void malformedSettingsAreReportedAndDefaultsKept() throws IOException {
        write(".obsidian/app.json", "{\"userIgnoreFilters\": [\"Archive/\"");
        ObsidianSettings s = load();
        assertEquals(List.of(), s.userIgnoreFilters());
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).endsWith("app.json: cannot read Obsidian settings (JsonEOFException); using defaults"),
                warnings.get(0));
    }

    @Test
    void aFilterIsAPathPrefixIgnoringCase() {
        ObsidianSettings s = filters("Archive/", "Daily/2023-");
        assertTrue(s.isUserIgnored("Archive/2023/Plan.md"));
        assertTrue(s.isUserIgnored("archive/Plan.md"));
        assertTrue(s.isUserIgnored("Daily/2023-05-01.md"));
        assertFalse(s.isUserIgnored("Daily/2024-05-01.md"));
        assertFalse(s.isUserIgnored("Projects/Archive/Plan.md"));
        assertFalse(s.isUserIgnored("Archived.md"));
    }

    @Test
    void aFilterBetweenSlashesIsARegularExpressionFoundAnywhere() {
        ObsidianSettings s = filters("/\\.excalidraw\\.md$/", "/^Scratch/");
        assertTrue(s.isUserIgnored("Drawings/Flow.excalidraw.md"));
        assertFalse(s.isUserIgnored("Drawings/Flow.md"));
        assertTrue(s.isUserIgnored("Scratch pad.md"));
        assertFalse(s.isUserIgnored("notes/Scratch pad.md"));
    }

    @Test
    void anInvalidRegularExpressionMatchesNothing() {
        ObsidianSettings s = filters("/[unclosed/");
        assertFalse(s.isUserIgnored("[unclosed/x.md"));
        assertFalse(s.isUserIgnored("anything.md"));
    }

    @Test
    void aTemplateIsANoteInsideTheTemplatesFolder() {
        ObsidianSettings s = new ObsidianSettings(List.of(), "/", "shortest", "", "Meta/Templates", false);
        assertTrue(s.isTemplate("Meta/Templates/Person.md"));
        assertTrue(s.isTemplate("Meta/Templates/sub/Meeting.md"));
        assertTrue(s.isTemplate("meta/templates/Person.md"));
        assertFalse(s.isTemplate("Meta/Templates.md"));
        assertFalse(s.isTemplate("Meta/Templates old/Person.md"));
        assertFalse(s.isTemplate("Person.md"));
    }

    private static ObsidianSettings filters(String... f) {
        return new ObsidianSettings(List.of(f), "/", "shortest", "", null, false);
    }

    @Test
    void newFileLocationCurrentMeansNextToTheNoteANewOneIsMadeFrom(@org.junit.jupiter.api.io.TempDir java.nio.file.Path vault)
            throws Exception {
        java.nio.file.Files.createDirectories(vault.resolve(".obsidian"));
        java.nio.file.Files.writeString(vault.resolve(".obsidian/app.json"), "{\"newFileLocation\": \"current\"}");
        ObsidianSettings s = ObsidianSettings.load(vault, ".obsidian", w -> { });
        assertTrue(s.newFileNextToCurrent());
        assertEquals("", s.newFileFolderPath());
    }

    @Test
    void readsTheDailyNotesFolderTemplateAndFormat() throws IOException {
        assertEquals(DailyNotes.NONE, load().dailyNotes());
        write(".obsidian/daily-notes.json", """
                {"folder": "/Journal/Daily/", "template": "Templates/Daily.md", "autorun": false}
                """);
        assertEquals(new DailyNotes(true, "Journal/Daily", "Templates/Daily", "YYYY-MM-DD"), load().dailyNotes());
        assertTrue(load().dailyNotes().isDailyName("2025-12-18"));
        assertFalse(load().dailyNotes().isDailyName("Apollo"));
    }
}
