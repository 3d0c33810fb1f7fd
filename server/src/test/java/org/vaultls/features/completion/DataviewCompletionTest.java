package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.features.completion.CompletionAssert.assertApplied;
import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.item;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;

import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;

/** Completion inside {@code ```dataview} queries: DQL words, functions, fields, folders, tags, links, owners. */
class DataviewCompletionTest {
    private static final String NOTE = "Daily/2026-01-02.md";

    private static TestVault vault() {
        return TestVault.of(
                "Projects/Apollo.md", "---\nstatus: active\ntags: [project/apollo]\n---\nowner:: [[Ada Berg]]\n",
                "Projects/Archive/Old.md", "---\nstatus: done\n---\n",
                "People/Tom Reyes.md", "---\ntype: people\n---\n",
                "People/Ada Berg.md", "---\ntype: people\n---\n");
    }

    private static String q(String query) {
        return "# Ada\n\n```dataview\n" + query + "\n```\n";
    }

    @Test
    void offersTheQueryTypesAtTheStart() {
        testCompletionFor(vault(), NOTE, q("{|}"), c("LIST"), c("TABLE"), c("TASK"), c("CALENDAR"));
        testCompletionFor(vault(), NOTE, q("TA{|}"), c("TABLE"), c("TASK"));
    }

    @Test
    void offersFieldsOfTheVaultThenFunctionsWithTheirSignatures() {
        testCompletionFor(vault(), NOTE, q("LIST WHERE st{|}"), c("status", "field · 2 notes"),
                c("string", "string(any)"), c("startswith", "startswith(string, prefix)"), c("striptime"));
        testCompletionFor(vault(), NOTE, q("TABLE ow{|}"), c("owner", "field · 1 note"));
        CompletionCandidate contains = item(vault(), NOTE, q("LIST WHERE conta{|}"), "contains");
        assertEquals("contains(object|list|string, value)", contains.detail());
        assertEquals(CompletionCandidate.Kind.FUNCTION, contains.kind());
        assertApplied(vault(), NOTE, q("LIST WHERE conta{|}"), "contains", q("LIST WHERE contains("));
    }

    @Test
    void writesKeywordsInTheCaseTheUserStartedIn() {
        testCompletionFor(vault(), NOTE, q("LIST FROM \"Projects\" wh{|}"), c("where"));
        testCompletionFor(vault(), NOTE, q("LIST FROM \"Projects\" GR{|}"), c("GROUP BY"));
        assertApplied(vault(), NOTE, q("TASK gr{|}"), "group by", q("TASK group by"));
    }

    @Test
    void offersWordsThatFitTheClause() {
        testCompletionFor(vault(), NOTE, q("TABLE WI{|}"), c("WITHOUT ID"));
        testCompletionFor(vault(), NOTE, q("TASK WI{|}"));
        testCompletionFor(vault(), NOTE, q("TASK SORT due DE{|}"), c("DESC"), c("default"));
        testCompletionFor(vault(), NOTE, q("LIST WHERE x DE{|}"), c("default"));
        testCompletionFor(vault(), NOTE, q("TABLE status A{|}"), c("AS"), c("AND"), c("array"), c("average"), c("all"),
                c("any"));
    }

    @Test
    void offersDataviewsFileFieldsAfterFileDot() {
        testCompletionFor(vault(), NOTE, q("LIST WHERE file.na{|}"), c("name", "file field"));
        testCompletionFor(vault(), NOTE, q("LIST WHERE this.file.f{|}"), c("folder"), c("frontmatter"));
        testCompletionFor(vault(), NOTE, q("LIST WHERE status.na{|}"));
    }

    @Test
    void offersTaskFieldsInTaskQueriesOnly() {
        testCompletionFor(vault(), NOTE, q("TASK WHERE !compl{|}"), c("completed", "task field"), c("completion"));
        testCompletionFor(vault(), NOTE, q("LIST WHERE !compl{|}"));
    }

    @Test
    void offersFoldersInAFromString() {
        testCompletionFor(vault(), NOTE, q("LIST FROM \"pro{|}\""), c("Projects", "2 notes"),
                c("Projects/Archive", "1 note"));
        assertApplied(vault(), NOTE, q("LIST FROM \"Pro{|}jec\""), "Projects/Archive", q("LIST FROM \"Projects/Archive\""));
        testCompletionFor(vault(), NOTE, q("LIST WHERE file.folder = \"pro{|}\""));
    }

    @Test
    void completesTagsAndLinksInAFromAsElsewhere() {
        testCompletionFor(vault(), NOTE, q("LIST FROM #pro{|}"), c("#project/apollo"));
        assertApplied(vault(), NOTE, q("LIST FROM [[Apo{|}"), "Apollo", q("LIST FROM [[Apollo]]"));
    }

    @Test
    void offersOwnerTagsInAStringStartingWithAt() {
        testCompletionFor(vault(), NOTE, q("TASK WHERE contains(text, \"@{|}\")"), c("@AdaBerg", "Ada Berg"),
                c("@TomReyes", "Tom Reyes"));
        assertApplied(vault(), NOTE, q("TASK WHERE contains(text, \"@to{|}\")"), "@TomReyes",
                q("TASK WHERE contains(text, \"@TomReyes\")"));
    }

    @Test
    void offersNothingWhereNoWordCanStart() {
        testCompletionFor(vault(), NOTE, q("LIST WHERE lower(status){|}"));
        testCompletionFor(vault(), NOTE, q("TASK @{|}"));
        testCompletionFor(vault(), NOTE, q("LIST // a comment and {|}"));
    }

    @Test
    void offersNothingInDataviewjsOrOnTheFences() {
        testCompletionFor(vault(), NOTE, "```dataviewjs\ndv.{|}\n```\n");
        testCompletionFor(vault(), NOTE, "```dataviewjs\nLI{|}\n```\n");
        testCompletionFor(vault(), NOTE, "```dataview{|}\nLIST\n```\n");
    }
}
