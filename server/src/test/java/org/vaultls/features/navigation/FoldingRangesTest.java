package org.vaultls.features.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;

class FoldingRangesTest {

    private static List<String> folds(String text) {
        List<String> out = new ArrayList<>();
        for (FoldingRange f : Navigation.foldingRanges(TestVault.of("n.md", text).index().note("n.md").orElseThrow())) {
            out.add(f.kind() + " " + f.startLine() + "-" + f.endLine());
        }
        return out;
    }

    @Test
    void theSeedPersonFoldsItsFrontmatterSectionsAndDataviewBlocks() {
        assertEquals(List.of(
                "FRONTMATTER 0-9",
                "REGION 11-37",
                "REGION 13-19",
                "REGION 21-27",
                "REGION 23-27",
                "REGION 29-33",
                "REGION 35-37"), folds(SeedNotes.ADA_BERG));
    }

    @Test
    void aSectionEndsBeforeTheNextHeadingOfTheSameOrHigherLevelWithoutItsBlankLines() {
        assertEquals(List.of(
                "REGION 0-9",
                "REGION 2-6",
                "REGION 5-6"), folds("# A\n\n## B\nb text\n\n### C\nc text\n\n\n## D\n"));
    }

    @Test
    void aHeadingInsideACodeFenceDoesNotStartASectionAndALongerFenceClosesIt() {
        assertEquals(List.of(
                "REGION 0-5",
                "REGION 1-4"), folds("# Runbook\n```sh\n# not a heading\necho hi\n````\nafter\n"));
    }

    @Test
    void multiLineCommentsFoldAndAnUnclosedOneRunsToTheEnd() {
        assertEquals(List.of(
                "COMMENT 0-2",
                "COMMENT 3-4",
                "COMMENT 6-8"),
                folds("%% hidden\nstill hidden\n%% shown\n<!-- html\ncomment -->\n"
                        + "A `%%` in code is no comment.\n%% open\nto the\nend\n\n"));
    }
}
