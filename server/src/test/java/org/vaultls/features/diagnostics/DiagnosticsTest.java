package org.vaultls.features.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.VaultAssert.d;
import static org.vaultls.VaultAssert.testDiagnosticsFor;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/** What the diagnostics facade does around the checks: user severities, excluded files and templates. */
class DiagnosticsTest {
    private static final String SLOPPY = """
            ---
            owner:
            ---
            See [[Nowhere]] and [[Note]].
            - [ ] Call @Nobody
            """;

    private static ObsidianSettings settings(List<String> userIgnoreFilters, String templatesFolder) {
        return new ObsidianSettings(userIgnoreFilters, "/", "shortest", "", templatesFolder, false);
    }

    private static TestVault vault(String path) {
        return TestVault.of("a/Note.md", "", "b/Note.md", "", path, SLOPPY);
    }

    @Test
    void everyCheckReportsAtItsDefaultSeverity() {
        List<Finding> f = testDiagnosticsFor(vault("Sloppy.md"), "Sloppy.md",
                d(1, 0, 5, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(3, 6, 13, FindingCode.BROKEN_LINK),
                d(3, 22, 26, FindingCode.AMBIGUOUS_LINK),
                d(4, 11, 18, FindingCode.UNKNOWN_OWNER));
        assertEquals(List.of(Severity.WARNING, Severity.WARNING, Severity.INFORMATION, Severity.WARNING),
                f.stream().map(Finding::severity).toList());
    }

    @Test
    void theUserSetsTheSeverityOfACode() {
        List<Finding> f = testDiagnosticsFor(vault("Sloppy.md").config("""
                {"severity": {"broken-link": "error", "ambiguous-link": "hint", "unknown-owner": "info"}}
                """), "Sloppy.md",
                d(1, 0, 5, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(3, 6, 13, FindingCode.BROKEN_LINK),
                d(3, 22, 26, FindingCode.AMBIGUOUS_LINK),
                d(4, 11, 18, FindingCode.UNKNOWN_OWNER));
        assertEquals(List.of(Severity.WARNING, Severity.ERROR, Severity.HINT, Severity.INFORMATION),
                f.stream().map(Finding::severity).toList());
    }

    @Test
    void aCodeTurnedOffIsNotReported() {
        testDiagnosticsFor(vault("Sloppy.md").config("""
                {"severity": {"empty-frontmatter-field": "off", "ambiguous-link": "none"}}
                """), "Sloppy.md",
                d(3, 6, 13, FindingCode.BROKEN_LINK),
                d(4, 11, 18, FindingCode.UNKNOWN_OWNER));
    }

    @Test
    void notesInObsidiansExcludedFilesGetNoFindings() {
        ObsidianSettings excluded = settings(List.of("Archive/", "/\\.draft\\.md$/"), null);
        testDiagnosticsFor(vault("Archive/2023/Sloppy.md").obsidian(excluded), "Archive/2023/Sloppy.md");
        testDiagnosticsFor(vault("ideas/Sloppy.draft.md").obsidian(excluded), "ideas/Sloppy.draft.md");
        testDiagnosticsFor(vault("Archived.md").obsidian(excluded), "Archived.md",
                d(1, 0, 5, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(3, 6, 13, FindingCode.BROKEN_LINK),
                d(3, 22, 26, FindingCode.AMBIGUOUS_LINK),
                d(4, 11, 18, FindingCode.UNKNOWN_OWNER));
    }

    @Test
    void templatesGetOnlyFindingsAboutTheFileItself() {
        ObsidianSettings templates = settings(List.of(), "Templates");
        testDiagnosticsFor(vault("Templates/Meeting.md").obsidian(templates), "Templates/Meeting.md");
        testDiagnosticsFor(TestVault.of("Templates/Person.md", """
                ---
                title: [{{title}}
                owner:
                ---
                [[{{title}}]]
                """).obsidian(templates), "Templates/Person.md", d(2, 0, 6, FindingCode.INVALID_FRONTMATTER));
    }

    @Test
    void notesInTemplatersFolderAreTemplatesToo() {
        ObsidianSettings templater = settings(List.of(), "Templates").withTemplaterFolder("Meta/Templater");
        testDiagnosticsFor(vault("Meta/Templater/Daily.md").obsidian(templater), "Meta/Templater/Daily.md");
        testDiagnosticsFor(vault("Templates/Meeting.md").obsidian(templater), "Templates/Meeting.md");
        testDiagnosticsFor(vault("Meta/Daily.md").obsidian(templater), "Meta/Daily.md",
                d(1, 0, 5, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(3, 6, 13, FindingCode.BROKEN_LINK),
                d(3, 22, 26, FindingCode.AMBIGUOUS_LINK),
                d(4, 11, 18, FindingCode.UNKNOWN_OWNER));
    }

    @Test
    void forVaultGathersEveryNoteInPathAndPositionOrder() {
        List<Finding> all = Diagnostics.forVault(TestVault.of(
                "b.md", "[[Gone]]\n[[Lost]]\n",
                "a.md", "text\n[[Missing]]\n",
                "c.md", "fine\n").index());
        assertEquals(List.of("a.md 1 broken-link", "b.md 0 broken-link", "b.md 1 broken-link"),
                all.stream().map(x -> x.path() + " " + x.span().start().line() + " " + x.code().id()).toList());
    }
}
