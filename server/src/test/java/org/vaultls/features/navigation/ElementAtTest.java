package org.vaultls.features.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.vaultls.features.navigation.ElementAt.BlockAt;
import org.vaultls.features.navigation.ElementAt.Element;
import org.vaultls.features.navigation.ElementAt.HeadingAt;
import org.vaultls.features.navigation.ElementAt.LinkAt;
import org.vaultls.features.navigation.ElementAt.OwnerAt;
import org.vaultls.features.navigation.ElementAt.TagAt;
import org.vaultls.features.navigation.ElementAt.TitleAt;

class ElementAtTest {

    private static Element at(String markedText) {
        CursorVault v = CursorVault.of("Notes/n.md", markedText);
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
        TitleAt title = assertInstanceOf(TitleAt.class, at("## Intro\n# Ada{|} Berg\n# Second\n"));
        assertEquals("Ada Berg", title.heading().text());
        assertEquals("1:0-10", CursorVault.where(title.span()));
        HeadingAt h = assertInstanceOf(HeadingAt.class, at("## Intro\n# Ada Berg\n# Sec{|}ond\n"));
        assertEquals("Second", h.heading().text());
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
