package org.vaultls.features.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrepareRenameTest {

    private static String prepared(Workspace ws) {
        Result<RenameTarget> r = ws.prepare();
        if (!r.isOk()) {
            return "error: " + r.error();
        }
        return r.value().span() + " " + r.value().placeholder();
    }

    private static Workspace vault(String index) {
        return Workspace.of(
                "People/Ada Berg.md", "---\ntype: people\n---\n# Ada Berg\n## Key Facts\n",
                "Assets/plan.pdf", "",
                "Index.md", index);
    }

    @Test
    void onALinkTargetItOffersTheNotesName() {
        assertEquals("(0,6)-(0,21) Ada Berg", prepared(vault("Met [[People/Ada {|}Berg#Key Facts|Ada]]\n")));
        assertEquals("(0,2)-(0,10) Ada Berg", prepared(vault("[{|}[Ada Berg]]\n")));
        assertEquals("(0,6)-(0,26) Ada Berg", prepared(vault("[Ada](People/Ada%20Ber{|}g.md)\n")));
    }

    @Test
    void onAnAttachmentLinkItOffersTheFileName() {
        assertEquals("(0,3)-(0,11) plan.pdf", prepared(vault("![[{|}plan.pdf#page=2]]\n")));
    }

    @Test
    void onAHeadingItOffersItsText() {
        assertEquals("(1,3)-(1,12) Key Facts", prepared(Workspace.of("Ada.md", "# Ada\n## Key{|} Facts\n")));
    }

    @Test
    void onTheTitleHeadingItOffersTheNotesName() {
        assertEquals("(0,2)-(0,10) ada-berg", prepared(Workspace.of("ada-berg.md", "# {|}ada-berg\n")));
        assertEquals("(3,2)-(3,10) ada-berg", prepared(Workspace.of("ada-berg.md",
                "---\ntitle: Ada Berg\n---\n# Ada {|}Berg\n")));
    }

    @Test
    void onTheFrontmatterTitleItOffersTheNotesNameAsReferencesFindTheNote() {
        assertEquals("(1,7)-(1,15) ada-berg", prepared(Workspace.of("ada-berg.md",
                "---\ntitle: Ada {|}Berg\n---\nBody\n")));
    }

    @Test
    void aFirstHeadingThatIsNotTheNotesNameIsOfferedAsAHeading() {
        assertEquals("(0,2)-(0,10) Overview", prepared(Workspace.of("Plan.md", "# Over{|}view\n")));
    }

    @Test
    void onAnOwnerTagItOffersThePersonsName() {
        assertEquals("(0,6)-(0,14) Ada Berg", prepared(vault("- [ ] @Ada{|}Berg to call\n")));
        assertEquals("error: cannot rename: no person has the owner tag @Bob", prepared(vault("- [ ] @B{|}ob to call\n")));
    }

    @Test
    void refusesTheDisplayTextOfALink() {
        String expected = "error: Nothing to rename here: the link's text is only displayed; "
                + "put the cursor on its target to rename the note";
        assertEquals(expected, prepared(vault("[[Ada Berg|A{|}da]]\n")));
        assertEquals(expected, prepared(vault("[A{|}da](People/Ada%20Berg.md)\n")));
    }

    @Test
    void refusesABrokenLinkABlockIdAndPlainText() {
        assertEquals("error: cannot rename: 'Bob' does not resolve", prepared(vault("[[B{|}ob]]\n")));
        assertEquals("error: Nothing to rename here: block ids are not renamed; put the cursor on a heading or a "
                + "link's target", prepared(vault("[[Ada Berg#^a{|}b]]\n")));
        assertEquals("error: " + RenameSite.NOTHING, prepared(vault("Just {|}text\n")));
    }
}
