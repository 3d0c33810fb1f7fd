package org.vaultls.features.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.vaultls.VaultAssert.clockAt;
import static org.vaultls.VaultAssert.d;
import static org.vaultls.VaultAssert.testDiagnosticsFor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/** Text that names another note without linking it, found as Obsidian's backlinks pane finds it. */
class UnlinkedMentionsTest {
    private static final String ADA = """
            ---
            type: people
            aliases: [Ada]
            ---
            # Ada Berg
            """;

    /** Each mention of {@code path} as {@code 'words' line:start-end -> target path}. */
    private static List<String> mentions(TestVault vault, String path) {
        VaultIndex index = vault.index();
        Note note = index.note(path).orElseThrow();
        List<String> out = new ArrayList<>();
        for (UnlinkedMentions.Mention m : UnlinkedMentions.of(index, note)) {
            out.add("'" + m.words() + "' " + m.span().start().line() + ":" + m.span().start().character() + "-"
                    + m.span().end().character() + " -> " + m.path());
        }
        return out;
    }

    @Test
    void aNoteNamedInProseIsAnUnlinkedMentionWhateverTheCase() {
        testDiagnosticsFor(TestVault.of(
                "Projects/Apollo.md", "# Apollo\n",
                "Daily/a.md", "Talked about APOLLO today.\n"),
                "Daily/a.md", d(0, 13, 19, FindingCode.UNLINKED_MENTION));
    }

    @Test
    void aliasesAndTitlesNameTheNoteToo() {
        assertEquals(List.of("'Ada' 0:0-3 -> People/Ada Berg.md", "'the Skerry move' 0:12-27 -> Projects/sk-1.md"),
                mentions(TestVault.of(
                        "People/Ada Berg.md", ADA,
                        "Projects/sk-1.md", "---\ntitle: The Skerry move\n---\n",
                        "Daily/a.md", "Ada planned the Skerry move.\n"), "Daily/a.md"));
    }

    @Test
    void onlyWholeWordsAreMentionsNotPathsHandlesOrHostNames() {
        assertEquals(List.of("'Apollo' 1:0-6 -> Apollo.md", "'Apollo' 1:9-15 -> Apollo.md",
                        "'apollo' 1:17-23 -> Apollo.md"),
                mentions(TestVault.of(
                        "Apollo.md", "",
                        "Daily/a.md", """
                                Apollonia Apollo-2 docs/apollo apollo.example.com @Apollo re_apollo
                                Apollo. (Apollo) apollo's
                                """), "Daily/a.md"));
    }

    @Test
    void nothingInCodeCommentsHtmlFrontmatterDataviewLinksOrTagsIsAMention() {
        assertEquals(List.of("'Apollo' 15:7-13 -> Apollo.md"), mentions(TestVault.of(
                "Apollo.md", "",
                "Other.md", "",
                "Daily/a.md", """
                        ---
                        summary: Apollo
                        ---
                        Code `Apollo` and %% Apollo %% and <!-- Apollo -->
                        ```
                        Apollo
                        ```
                        ```dataview
                        LIST FROM "Apollo"
                        ```
                        Inline `= "Apollo"` here
                        [[Other|Apollo]] and [Apollo](Other.md) and #Apollo
                        - [ ] ask @Apollo
                        Ends here ^Apollo

                        Prose: Apollo
                        """), "Daily/a.md"));
    }

    @Test
    void theLongestNameTakesItsWords() {
        assertEquals(List.of("'Ada Berg' 0:0-8 -> People/Ada Berg.md", "'Ada' 0:13-16 -> People/Ada Lind.md"),
                mentions(TestVault.of(
                        "People/Ada Berg.md", "# Ada Berg\n",
                        "People/Ada Lind.md", "---\naliases: [Ada]\n---\n",
                        "Daily/a.md", "Ada Berg met Ada.\n"), "Daily/a.md"));
    }

    @Test
    void namesOfSeveralWordsMatchWithTheirSeparatorsAndTrailingMarks() {
        assertEquals(List.of("'2025-01-06 - Weekly sync' 0:5-29 -> Meetings/2025-01-06 - Weekly sync.md",
                        "'apollo (draft)' 0:34-48 -> Apollo (draft).md", "'C++' 0:53-56 -> C++.md"),
                mentions(TestVault.of(
                        "Meetings/2025-01-06 - Weekly sync.md", "",
                        "Meetings/2025-01-13 - Weekly sync.md", "",
                        "Apollo (draft).md", "",
                        "C++.md", "",
                        "Daily/a.md", "From 2025-01-06 - Weekly sync: an apollo (draft) and C++ code.\n"), "Daily/a.md"));
    }

    @Test
    void aNoteNeverMentionsItselfNorANoteItAlreadyLinks() {
        TestVault v = TestVault.of(
                "People/Ada Berg.md", ADA + "Ada Berg leads. Apollo is hers.\n",
                "Apollo.md", "",
                "Daily/a.md", "Met [[Ada Berg]]. Ada said Apollo slips.\n");
        assertEquals(List.of("'Apollo' 5:16-22 -> Apollo.md"), mentions(v, "People/Ada Berg.md"));
        assertEquals(List.of("'Apollo' 0:27-33 -> Apollo.md"), mentions(v, "Daily/a.md"));
    }

    @Test
    void namesWithoutALetterOrOfOneCharacterAreNoMentions() {
        assertEquals(List.of(), mentions(TestVault.of(
                "Daily/2026-01-02.md", "",
                "X.md", "",
                "Daily/a.md", "Due 2026-01-02, see X.\n"), "Daily/a.md"));
    }

    @Test
    void theFindingNamesTheNoteAndTheAliasAndPointsAtTheNote() {
        List<Finding> f = testDiagnosticsFor(TestVault.of(
                "People/Ada Berg.md", ADA,
                "Daily/a.md", "Asked ada.\n"), "Daily/a.md", d(0, 6, 9, FindingCode.UNLINKED_MENTION));
        assertEquals("Unlinked mention of Ada Berg (by its name 'Ada')", f.get(0).message());
        assertEquals("People/Ada Berg.md", f.get(0).related().get(0).path());
        assertEquals(FindingCode.UNLINKED_MENTION.defaultSeverity(), f.get(0).severity());
    }

    @Test
    void mentionsAreReportedToTheEditorAndNotToCheckUnlessAlways() {
        String[] files = {"Apollo.md", "", "Daily/a.md", "About Apollo.\n"};
        assertEquals(1, mentionFindings(TestVault.of(files), true));
        assertEquals(0, mentionFindings(TestVault.of(files), false));
        assertEquals(1, mentionFindings(TestVault.of(files).config("{\"unlinkedMentions\": \"always\"}"), false));
        assertEquals(0, mentionFindings(TestVault.of(files).config("{\"unlinkedMentions\": \"off\"}"), true));
        assertEquals(0, mentionFindings(TestVault.of(files).config(
                "{\"severity\": {\"unlinked-mention\": \"off\"}}"), true));
    }

    private static int mentionFindings(TestVault v, boolean forEditor) {
        return (int) Diagnostics.forVault(v.index(), clockAt(VaultAssert.TODAY), forEditor).stream()
                .filter(f -> f.code() == FindingCode.UNLINKED_MENTION).count();
    }

    @Test
    void typingInABodyKeepsTheNamesTableAndANewAliasMakesANewOne() {
        VaultIndex before = TestVault.of("People/Ada Berg.md", ADA, "Daily/a.md", "Hello\n").index();
        MentionNames first = MentionNames.of(before);
        VaultIndex typed = before.apply(List.of(NoteParser.parse("Daily/a.md", "Hello Ada\n")), List.of(), List.of(),
                List.of()).after();
        assertSame(first.startingWith("ada"), MentionNames.of(typed).startingWith("ada"));
        VaultIndex aliased = typed.apply(List.of(NoteParser.parse("People/Ada Berg.md",
                ADA.replace("[Ada]", "[Ada, AB]"))), List.of(), List.of(), List.of()).after();
        assertNotSame(first.startingWith("ada"), MentionNames.of(aliased).startingWith("ada"));
        assertEquals(1, MentionNames.of(aliased).startingWith("ab").names.size());
    }

    @Test
    void aNewNoteMakesTheNotesThatNameItReportTheMentionAndDeletingItClearsThem() {
        VaultIndex index = TestVault.of(
                "Daily/a.md", "Apollo slips.\n",
                "Daily/b.md", "Nothing here.\n").index();
        VaultDiagnostics diagnostics = new VaultDiagnostics(clockAt(VaultAssert.TODAY));
        assertEquals(Map.of(), diagnostics.reset(index));
        VaultChange created = index.apply(List.of(NoteParser.parse("Projects/Apollo.md", "")), List.of(), List.of(),
                List.of());
        Map<String, List<Finding>> changed = diagnostics.update(created);
        assertFalse(changed.containsKey("Daily/b.md"), () -> "b names no Apollo: " + changed);
        assertEquals(FindingCode.UNLINKED_MENTION, changed.get("Daily/a.md").get(0).code());
        VaultChange deleted = created.after().apply(List.of(), List.of("Projects/Apollo.md"), List.of(), List.of());
        assertEquals(List.of(), diagnostics.update(deleted).get("Daily/a.md"));
    }
}
