package org.vaultls.features.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.navigation.CursorVault;

class LinkHierarchyTest {

    private static List<String> calls(List<NoteCall> calls) {
        List<String> out = new ArrayList<>();
        for (NoteCall c : calls) {
            List<String> ranges = new ArrayList<>();
            c.ranges().forEach(r -> ranges.add(CursorVault.where(r)));
            out.add(c.path() + " " + ranges);
        }
        return out;
    }

    private static final String[] VAULT = {
        "People/Ada Berg.md", "---\ntype: person\n---\n# Ada Berg\nWorks on [[Apollo]] and [[#Ada Berg]]\n",
        "Meetings/2025-12-09 Sync.md", "With [[Ada Berg]] and [[Ada Berg|Ada]]\n- [ ] Deck @AdaBerg\n",
        "Daily/2025-12-01.md", "Lunch with [[Ada Berg]], see ![[chart.png]] [[Nowhere]]",
        "Projects/Apollo.md", "# Apollo\n",
    };

    private static CursorVault at(String path, String marked) {
        String[] v = VAULT.clone();
        for (int i = 0; i < v.length; i += 2) {
            if (v[i].equals(path)) {
                v[i + 1] = marked;
            }
        }
        return CursorVault.of(v);
    }

    @Test
    void preparingOnALinkOrOwnerTagGivesItsNoteElseTheNoteItself() {
        CursorVault link = at("Daily/2025-12-01.md", "Lunch with [[Ada {|}Berg]]");
        assertEquals("People/Ada Berg.md", LinkHierarchy.prepare(link.index(), link.note(), link.offset())
                .orElseThrow().path());
        CursorVault owner = at("Meetings/2025-12-09 Sync.md", "- [ ] Deck @Ada{|}Berg\n");
        assertEquals("People/Ada Berg.md", LinkHierarchy.prepare(owner.index(), owner.note(), owner.offset())
                .orElseThrow().path());
        CursorVault prose = at("Daily/2025-12-01.md", "Lun{|}ch with [[Nowhere]]");
        assertEquals("Daily/2025-12-01.md", LinkHierarchy.prepare(prose.index(), prose.note(), prose.offset())
                .orElseThrow().path());
        CursorVault broken = at("Daily/2025-12-01.md", "Lunch with [[Now{|}here]]");
        assertTrue(LinkHierarchy.prepare(broken.index(), broken.note(), broken.offset()).isEmpty());
    }

    @Test
    void incomingCallsAreTheNotesLinkingHereOrTaggingThePersonWithTheirLinkRanges() {
        CursorVault v = at("People/Ada Berg.md", "---\ntype: person\n---\n# Ada{|} Berg\nWorks on [[Apollo]] and [[#Ada Berg]]\n");
        assertEquals(List.of(
                "Daily/2025-12-01.md [0:11-23]",
                "Meetings/2025-12-09 Sync.md [0:5-17, 0:22-38, 1:11-19]"),
                calls(LinkHierarchy.incoming(v.index(), v.note(), CancelCheck.NEVER)));
    }

    @Test
    void outgoingCallsAreTheNotesThisOneLinksToLeavingOutAttachmentsBrokenAndSameNoteLinks() {
        CursorVault v = at("Daily/2025-12-01.md", "{|}Lunch with [[Ada Berg]], see ![[chart.png]] [[Nowhere]] [[Ada Berg]]");
        assertEquals(List.of("People/Ada Berg.md [0:11-23, 0:56-68]"),
                calls(LinkHierarchy.outgoing(v.index(), v.note(), CancelCheck.NEVER)));
    }
}
