package org.vaultls.features.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.VaultAssert.d;
import static org.vaultls.VaultAssert.testDiagnosticsFor;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/** Diagnostics inside {@code ```dataview} blocks, ranged over the words they are about. */
class DataviewCheckTest {
    private static final String NOTE = "People/Ada Berg.md";

    /** A small vault in the seeds' shape: a Projects folder, people, fields in frontmatter and inline. */
    private static TestVault vault(String adaBody) {
        return TestVault.of(
                "Projects/Apollo.md", "---\nstatus: active\ntags: [project/space]\n---\nLead: [[Ada Berg]]\n"
                        + "budget:: 1200\n- [ ] Ship it @AdaBerg [priority:: high]\n",
                "People/Tom Reyes.md", "---\ntype: people\n---\n",
                NOTE, "---\ntype: people\nrole: engineer\n---\n" + adaBody);
    }

    private static String block(String query) {
        return "# Ada\n\n```dataview\n" + query + "\n```\n";
    }

    @Test
    void theSeedsQueriesAreCleanWhenTheirFolderAndPersonExist() {
        testDiagnosticsFor(vault(block("LIST FROM \"Projects\" WHERE contains(file.outlinks, this.file.link)")
                + block("TASK FROM \"\" WHERE !completed AND contains(text, \"Ada Berg\") SORT due ASC")
                + block("TASK WHERE contains(text, \"@AdaBerg\") AND !completed SORT due ASC")), NOTE);
    }

    @Test
    void aFromFolderThatIsNotInTheVaultIsAWarningAtItsString() {
        List<Finding> f = testDiagnosticsFor(vault(block(
                        "LIST FROM \"VAST/Projects\" OR \"Personal/Projects\"\nWHERE contains(file.outlinks, this.file.link)")),
                NOTE, d(7, 10, 25, FindingCode.DATAVIEW_UNKNOWN_SOURCE), d(7, 29, 48, FindingCode.DATAVIEW_UNKNOWN_SOURCE));
        assertEquals("No folder or note 'VAST/Projects' in the vault, so this source matches nothing; did you mean "
                + "'Projects'?", f.get(0).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void aFromNoteByPathOrNameAndAFolderWithASlashExist() {
        testDiagnosticsFor(vault(block("LIST FROM \"Projects/Apollo\" OR \"Projects/\" OR \"Apollo\"")), NOTE);
    }

    @Test
    void aFromTagCountsItsSubtagsAndIgnoresCase() {
        List<Finding> f = testDiagnosticsFor(vault(block("LIST FROM #Project OR #project/space OR #nope")),
                NOTE, d(7, 40, 45, FindingCode.DATAVIEW_UNKNOWN_SOURCE));
        assertEquals("No note has the tag #nope or a subtag of it, so this source matches nothing", f.get(0).message());
    }

    @Test
    void excludingASourceThatDoesNotExistIsHarmlessAndNotFlagged() {
        testDiagnosticsFor(vault(block("LIST FROM \"Projects\" AND -#gone AND -\"Drafts\"")), NOTE);
    }

    @Test
    void aFromLinkToANoteNobodyHasIsUnknownButABrokenLinkThatNotesUseIsNot() {
        testDiagnosticsFor(vault(block("LIST FROM [[Apollo]] OR [[Ada Berg]] OR [[Nowhere]] OR outgoing([[Gone]])")),
                NOTE, d(7, 40, 51, FindingCode.DATAVIEW_UNKNOWN_SOURCE), d(7, 64, 72, FindingCode.DATAVIEW_UNKNOWN_SOURCE));
        testDiagnosticsFor(vault(block("LIST FROM [[Someday]]") + "Later: [[Someday]]\n"), NOTE,
                d(9, 9, 16, FindingCode.BROKEN_LINK));
    }

    @Test
    void aSyntaxErrorIsAnErrorAtTheWordWhereParsingStoppedSayingWhatWasExpected() {
        List<Finding> f = testDiagnosticsFor(vault(block("LIST FROM \"Projects\"\nWHER status = \"active\"")), NOTE,
                d(8, 0, 4, FindingCode.DATAVIEW_SYNTAX));
        assertEquals("Dataview cannot parse this query: expected FROM, WHERE, SORT, GROUP BY, FLATTEN, LIMIT, and, or "
                + "or end of query", f.get(0).message());
        assertEquals(Severity.ERROR, f.get(0).severity());
    }

    @Test
    void aQueryThatStopsShortIsFlaggedJustAfterItsLastWordNotOnTheFence() {
        List<Finding> f = testDiagnosticsFor(vault(block("TABLE status,\n")), NOTE,
                d(7, 13, 13, FindingCode.DATAVIEW_SYNTAX));
        assertEquals("Dataview cannot parse this query: expected an expression", f.get(0).message());
        List<Finding> g = testDiagnosticsFor(vault(block("LIST WHERE (status = \"a\"")), NOTE,
                d(7, 24, 24, FindingCode.DATAVIEW_SYNTAX));
        assertEquals("Dataview cannot parse this query: expected ')' or an operator", g.get(0).message());
    }

    @Test
    void anUnknownFunctionIsFlaggedAtItsNameWithTheClosestKnownOne() {
        List<Finding> f = testDiagnosticsFor(vault(block("LIST WHERE contians(file.tags, \"#x\") AND lower(status)")),
                NOTE, d(7, 11, 19, FindingCode.DATAVIEW_UNKNOWN_FUNCTION));
        assertEquals("Dataview has no function 'contians'; did you mean 'contains'?", f.get(0).message());
    }

    @Test
    void functionsAreKnownIgnoringCaseAndAMethodLikeNameInAStringIsNoCall() {
        testDiagnosticsFor(vault(block("LIST WHERE Contains(file.name, \"foo(\") AND regexmatch(\"a\", status)")), NOTE);
    }

    @Test
    void aFieldNoNoteHasIsAHintAndKnownFieldsAreNot() {
        List<Finding> f = testDiagnosticsFor(vault(block(
                        "TABLE status, budget, Status, stauts, file.nmae, this.file.name FROM \"Projects\"")), NOTE,
                d(7, 30, 36, FindingCode.DATAVIEW_UNKNOWN_FIELD), d(7, 43, 47, FindingCode.DATAVIEW_UNKNOWN_FIELD));
        assertEquals(Severity.HINT, f.get(0).severity());
        assertEquals("No note has a field 'stauts' (in frontmatter or inline), so it is null for every page",
                f.get(0).message());
    }

    @Test
    void taskFieldsAreKnownInTaskQueriesOnly() {
        testDiagnosticsFor(vault(block("TASK WHERE !completed AND due AND priority SORT line")), NOTE);
        testDiagnosticsFor(vault(block("LIST WHERE !completed")), NOTE, d(7, 12, 21, FindingCode.DATAVIEW_UNKNOWN_FIELD));
    }

    @Test
    void namesTheQueryBindsItselfAreKnown() {
        testDiagnosticsFor(vault(block("TABLE length(rows) AS n, map(rows, (r) => r.budget) AS b\n"
                + "GROUP BY status AS s\nSORT s, key DESC")), NOTE);
    }

    @Test
    void anOwnerStringThatNamesNoPersonIsAWarningAtTheTag() {
        List<Finding> f = testDiagnosticsFor(vault(block("TASK WHERE contains(text, \"@AdaBreg\") AND !completed")),
                NOTE, d(7, 27, 35, FindingCode.DATAVIEW_UNKNOWN_OWNER));
        assertEquals("No person has the owner tag @AdaBreg, so this query matches no one's tasks; did you mean "
                + "@AdaBerg?", f.get(0).message());
    }

    @Test
    void anOwnerPrefixMatchesAsContainsDoes() {
        testDiagnosticsFor(vault(block("TASK WHERE contains(text, \"@Ada\") OR icontains(text, \"@tomreyes\")")), NOTE);
    }

    @Test
    void dataviewjsAndOtherCodeGetNoDiagnostics() {
        testDiagnosticsFor(vault("```dataviewjs\ndv.list(dv.pages('\"VAST\"'))\n```\n"
                + "```\nLIST FROM \"VAST\"\n```\n"), NOTE);
    }

    @Test
    void severitiesCanBeOverriddenOrTurnedOff() {
        TestVault v = vault(block("LIST WHERE stauts")).config("{\"severity\": {\"dataview-unknown-field\": \"off\"}}");
        testDiagnosticsFor(v, NOTE);
    }

    @Test
    void templatesAreNotCheckedSinceTheirQueriesHoldPlaceholders() {
        TestVault v = vault("").with("Templates/Person.md", block("TASK WHERE contains(text, \"@{{title}}\")"))
                .obsidian(org.vaultls.config.ObsidianSettings.defaults().withTemplaterFolder("Templates"));
        testDiagnosticsFor(v, "Templates/Person.md");
    }
}
