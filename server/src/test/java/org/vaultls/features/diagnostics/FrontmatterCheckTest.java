package org.vaultls.features.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.VaultAssert.d;
import static org.vaultls.VaultAssert.testDiagnosticsFor;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/** The frontmatter checks: empty fields, fields the note's type requires, and YAML that does not parse. */
class FrontmatterCheckTest {

    @Test
    void flagsEveryKindOfEmptyValueAtItsKey() {
        List<Finding> f = testDiagnosticsFor(TestVault.of("projects/Apollo.md", """
                ---
                title: Apollo
                owner:
                status: ""
                topics: []
                meta: {}
                owners: [""]
                count: 0
                done: false
                ---
                """), "projects/Apollo.md",
                d(2, 0, 5, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(3, 0, 6, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(4, 0, 6, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(5, 0, 4, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(6, 0, 6, FindingCode.EMPTY_FRONTMATTER_FIELD));
        assertEquals("Frontmatter field 'owner' is empty: give it a value or remove it", f.get(0).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void obsidiansOwnEmptyListPropertiesAreNoFinding() {
        testDiagnosticsFor(TestVault.of("Inbox/Idea.md", """
                ---
                tags:
                aliases: []
                CSSClasses:
                ---
                """), "Inbox/Idea.md");
    }

    @Test
    void emptyPersonFieldsStayFlagged() {
        testDiagnosticsFor(TestVault.of("People/Kofi Mensah.md", """
                ---
                type: people
                tags:
                last_contact:
                company:
                ---
                """), "People/Kofi Mensah.md",
                d(3, 0, 12, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(4, 0, 7, FindingCode.EMPTY_FRONTMATTER_FIELD));
    }

    @Test
    void anAllowedEmptyKeyIsFlaggedWhenTheNotesTypeRequiresIt() {
        testDiagnosticsFor(TestVault.of("People/Kofi Mensah.md", """
                ---
                type: people
                tags:
                aliases:
                ---
                """).config("""
                {"requiredFields": {"people": ["Tags"]}}
                """), "People/Kofi Mensah.md", d(2, 0, 4, FindingCode.EMPTY_FRONTMATTER_FIELD));
    }

    @Test
    void theKeysAllowedEmptyAreASetting() {
        testDiagnosticsFor(TestVault.of("Book.md", """
                ---
                tags:
                cover:
                rating:
                ---
                """).config("""
                {"emptyFieldsAllowed": ["cover"]}
                """), "Book.md",
                d(1, 0, 4, FindingCode.EMPTY_FRONTMATTER_FIELD),
                d(3, 0, 6, FindingCode.EMPTY_FRONTMATTER_FIELD));
    }

    @Test
    void zeroAndFalseAreValues() {
        testDiagnosticsFor(TestVault.of("Tally.md", """
                ---
                count: 0
                done: false
                ratio: 0.0
                tags: [x]
                ---
                """), "Tally.md");
    }

    @Test
    void aBlockListOfBlankItemsIsEmpty() {
        testDiagnosticsFor(TestVault.of("Meeting.md", """
                ---
                attendees:
                  -
                  - ""
                ---
                """), "Meeting.md", d(1, 0, 9, FindingCode.EMPTY_FRONTMATTER_FIELD));
    }

    @Test
    void flagsAFieldTheNotesTypeRequiresAtTheOpeningLine() {
        List<Finding> f = testDiagnosticsFor(TestVault.of("people/Kofi Mensah.md", """
                ---
                type: people
                title: Kofi Mensah
                ---
                """).config("""
                {"requiredFields": {"people": ["title", "last_contact"]}}
                """), "people/Kofi Mensah.md", d(0, 0, 3, FindingCode.MISSING_FRONTMATTER_FIELD));
        assertEquals("Frontmatter has no 'last_contact', which notes of type 'people' require: add 'last_contact: ...'",
                f.get(0).message());
    }

    @Test
    void requiredFieldsApplyToEveryTypeOfTheNoteIgnoringCase() {
        List<Finding> f = testDiagnosticsFor(TestVault.of("Northwind.md", """
                ---
                type: [People, Customer]
                ---
                """).config("""
                {"requiredFields": {"people": ["title"], "Customer": ["industry"]}}
                """), "Northwind.md",
                d(0, 0, 3, FindingCode.MISSING_FRONTMATTER_FIELD),
                d(0, 0, 3, FindingCode.MISSING_FRONTMATTER_FIELD));
        assertTrue(f.get(0).message().startsWith("Frontmatter has no 'industry'"), f.get(0).message());
        assertTrue(f.get(1).message().startsWith("Frontmatter has no 'title'"), f.get(1).message());
    }

    @Test
    void aRequiredFieldThatIsPresentButEmptyIsOnlyEmpty() {
        testDiagnosticsFor(TestVault.of("people/Kofi Mensah.md", """
                ---
                type: people
                Last_Contact:
                ---
                """).config("""
                {"requiredFields": {"people": ["last_contact"]}}
                """), "people/Kofi Mensah.md", d(2, 0, 12, FindingCode.EMPTY_FRONTMATTER_FIELD));
    }

    @Test
    void notesOfOtherTypesNeedNothing() {
        testDiagnosticsFor(TestVault.of("Daily.md", """
                ---
                type: daily
                ---
                """, "NoFrontmatter.md", "# Just text\n").config("""
                {"requiredFields": {"people": ["title"]}}
                """), "Daily.md");
    }

    @Test
    void yamlThatDoesNotParseIsAnErrorAndNothingElseIsChecked() {
        List<Finding> f = testDiagnosticsFor(TestVault.of("Broken.md", """
                ---
                type: people
                owner:
                title: [unclosed
                ---
                """).config("""
                {"requiredFields": {"people": ["last_contact"]}}
                """), "Broken.md", d(4, 0, 3, FindingCode.INVALID_FRONTMATTER));
        assertEquals(Severity.ERROR, f.get(0).severity());
        assertTrue(f.get(0).message().startsWith("Frontmatter is not valid YAML: expected ',' or ']'"),
                f.get(0).message());
    }

    @Test
    void frontmatterThatIsNeverClosedIsAnErrorAtTheOpeningLine() {
        List<Finding> f = testDiagnosticsFor(TestVault.of("Open.md", """
                ---
                title: Open
                """), "Open.md", d(0, 0, 3, FindingCode.INVALID_FRONTMATTER));
        assertEquals("Frontmatter opened with '---' on line 1 is never closed: add a '---' line after it",
                f.get(0).message());
        assertEquals(Severity.ERROR, f.get(0).severity());
    }
}
