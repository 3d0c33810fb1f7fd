package org.vaultls.features.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaultls.features.navigation.CursorVault;
import org.vaultls.features.query.ElementAt.BlockAt;
import org.vaultls.features.query.ElementAt.Element;
import org.vaultls.features.query.ElementAt.HeadingAt;
import org.vaultls.features.query.ElementAt.LinkAt;
import org.vaultls.features.query.ElementAt.OwnerAt;
import org.vaultls.features.query.ElementAt.PropertyAt;
import org.vaultls.features.query.ElementAt.TagAt;
import org.vaultls.features.query.ElementAt.TaskAt;
import org.vaultls.features.query.ElementAt.TitleAt;

class ElementAtTest {

    private static Element at(String markedText) {
        return at("Notes/n.md", markedText);
    }

    private static Element at(String path, String markedText) {
        CursorVault v = CursorVault.of(path, markedText);
        return ElementAt.find(v.note(), v.offset()).orElse(null);
    }

    @Test
    void aLinkInsideAHeadingIsTheLinkNotTheHeading() {
        Element e = at("# Title\n\n## Call with [[Ada{|} Berg]] today\n");
        LinkAt link = assertInstanceOf(LinkAt.class, e);
        assertEquals("Ada Berg", link.link().target());
        assertEquals("2:13-25", CursorVault.where(e.span()));
    }

    @Test
    void theCursorJustAfterTheClosingBracketsIsStillOnTheLink() {
        assertInstanceOf(LinkAt.class, at("See [[Ada Berg]]{|} later"));
    }

    @Test
    void ofTwoAdjacentLinksTheOneStartingAtTheCursorWins() {
        LinkAt link = assertInstanceOf(LinkAt.class, at("[[One]]{|}[[Two]]"));
        assertEquals("Two", link.link().target());
    }

    @Test
    void anOwnerTagInATaskNamesTheTaskToo() {
        OwnerAt owner = assertInstanceOf(OwnerAt.class, at("- [ ] Send plan @Ada{|}Berg 📅 2026-01-15\n"));
        assertEquals("AdaBerg", owner.owner().name());
        assertEquals("Send plan @AdaBerg 📅 2026-01-15", owner.task().text());
    }

    @Test
    void theFirstLevelOneHeadingIsTheTitleAndOthersAreHeadings() {
        TitleAt title = assertInstanceOf(TitleAt.class, at("People/Ada Berg.md", "## Intro\n# Ada{|} Berg\n# Second\n"));
        assertEquals("Ada Berg", title.heading().text());
        assertEquals("1:0-10", CursorVault.where(title.span()));
        HeadingAt h = assertInstanceOf(HeadingAt.class, at("People/Ada Berg.md", "## Intro\n# Ada Berg\n# Sec{|}ond\n"));
        assertEquals("Second", h.heading().text());
    }

    @Test
    void aFirstLevelOneHeadingThatIsNotTheNotesNameIsAnOrdinaryHeading() {
        HeadingAt h = assertInstanceOf(HeadingAt.class, at("Plan.md", "# Over{|}view\n"));
        assertEquals("Overview", h.heading().text());
        assertInstanceOf(TitleAt.class, at("plan.md", "# PL{|}AN\n"));
        assertInstanceOf(TitleAt.class, at("plan.md", "---\ntitle: The Plan\n---\n# The {|}Plan\n"));
    }

    @Test
    void aFrontmatterPropertyIsFoundOnItsKeyOrItsValue() {
        PropertyAt key = assertInstanceOf(PropertyAt.class, at("---\nsta{|}tus: active\n---\n"));
        assertEquals("status", key.field().key());
        assertFalse(key.onValue());
        PropertyAt value = assertInstanceOf(PropertyAt.class, at("---\nstatus: act{|}ive\n---\n"));
        assertTrue(value.onValue());
        assertEquals("1:0-14", CursorVault.where(value.span()));
    }

    @Test
    void aTaskLineIsTheTaskWhereNothingSmallerIs() {
        TaskAt task = assertInstanceOf(TaskAt.class, at("- [ ] Send {|}plan @Ada\n"));
        assertEquals("Send plan @Ada", task.task().text());
        assertInstanceOf(OwnerAt.class, at("- [ ] Send plan @A{|}da\n"));
    }

    @Test
    void anEmbedIsALink() {
        assertTrue(assertInstanceOf(LinkAt.class, at("![[dia{|}gram.png]]")).embed());
    }

    @Test
    void nothingIsFoundInCodeOrComments() {
        assertNull(at("`[[A{|}da]]`"));
        assertNull(at("%% [[A{|}da]] %%"));
        assertNull(at("<!-- #ta{|}g -->"));
    }

    @Test
    void theFrontmatterTitleLineIsTheTitle() {
        TitleAt title = assertInstanceOf(TitleAt.class, at("---\ntitle: Ada{|} Berg\ntype: people\n---\nBody\n"));
        assertNull(title.heading());
        assertEquals("1:0-15", CursorVault.where(title.span()));
    }

    @Test
    void blockIdsAndTagsAreFound() {
        BlockAt block = assertInstanceOf(BlockAt.class, at("A decision. ^dec{|}ision-1\n"));
        assertEquals("decision-1", block.block().id());
        TagAt tag = assertInstanceOf(TagAt.class, at("Filed under #project/lake{|}house today"));
        assertEquals("project/lakehouse", tag.tag().name());
    }

    @Test
    void plainTextIsNothing() {
        assertNull(at("# T\n\nJust pr{|}ose with [[A]]\n"));
    }
}
