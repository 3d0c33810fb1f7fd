package org.vaultls.features.highlight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.navigation.CursorVault;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

class SemanticTokensTest {

    /** Each token as {@code line:start-end type+modifiers 'text'}. */
    private static List<String> tokens(VaultIndex index, String path) {
        Note note = index.note(path).orElseThrow();
        List<String> out = new ArrayList<>();
        for (Token t : SemanticTokens.of(index, note, CancelCheck.NEVER)) {
            TreeSet<String> mods = new TreeSet<>();
            t.modifiers().forEach(m -> mods.add(m.legend()));
            out.add(CursorVault.where(t.span()) + " " + t.type().legend() + (mods.isEmpty() ? "" : "+" + String.join("+", mods))
                    + " '" + note.text().substring(t.span().startOffset(), t.span().endOffset()) + "'");
        }
        return out;
    }

    @Test
    void linksAreColouredByWhereTheyLead() {
        VaultIndex index = TestVault.of(
                "Daily/today.md", "[[Apollo]] [[Nowhere]] [[Apollo#Nope]] [[Twin]] [[Apo]] ![[Apollo]]",
                "Projects/Apollo.md", "---\naliases: [Apo]\n---\n# Apollo\n",
                "a/Twin.md", "", "b/Twin.md", "").index();
        assertEquals(List.of(
                "0:0-10 link '[[Apollo]]'",
                "0:11-22 link+broken '[[Nowhere]]'",
                "0:23-38 link+broken '[[Apollo#Nope]]'",
                "0:39-47 link+ambiguous '[[Twin]]'",
                "0:48-55 link+alias '[[Apo]]'",
                "0:56-67 embed '![[Apollo]]'"),
                tokens(index, "Daily/today.md"));
    }

    @Test
    void tagsOwnersBlockIdsPropertiesAndDataviewLinesAreTokens() {
        VaultIndex index = TestVault.of(
                "People/Ada Berg.md", "---\ntype: person\n---\n",
                "Meetings/Sync.md", """
                        ---
                        tags: [project]
                        ---
                        - [ ] Deck @AdaBerg and @Nobody #urgent ^deck

                        ```dataview
                        LIST
                        ```
                        """).index();
        assertEquals(List.of(
                "1:0-4 property 'tags'",
                "1:7-14 tag 'project'",
                "3:11-19 owner '@AdaBerg'",
                "3:24-31 owner+unknown '@Nobody'",
                "3:32-39 tag '#urgent'",
                "3:40-45 blockId '^deck'",
                "5:0-11 dataview '```dataview'",
                "6:0-4 dataview 'LIST'",
                "7:0-3 dataview '```'"),
                tokens(index, "Meetings/Sync.md"));
    }

    /**
     * A long note whose sections link the one before ({@code [[#Section i]]}): each link's heading is
     * looked up among thousands, with the headings' comparison forms made once, not once per link.
     * CPU time of this thread, so a busy machine does not count: ~40 ms here, ~900 ms when each link
     * remade every heading's comparison form.
     */
    @Test
    void aNoteLinkingThousandsOfItsOwnHeadingsIsTokenisedInLinearTime() {
        int sections = 2000;
        StringBuilder text = new StringBuilder("# Long\n");
        for (int i = 1; i <= sections; i++) {
            text.append("\n## Section ").append(i).append("\n\nSee [[#Section ").append(i == 1 ? sections : i - 1)
                    .append("]] and [[#Section ").append(i).append(" missing]].\n");
        }
        VaultIndex index = TestVault.of("Long.md", text.toString()).index();
        Note note = index.note("Long.md").orElseThrow();
        SemanticTokens.of(index, note, CancelCheck.NEVER); // warm-up
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long t = cpu.getCurrentThreadCpuTime();
        List<Token> tokens = SemanticTokens.of(index, note, CancelCheck.NEVER);
        long ms = (cpu.getCurrentThreadCpuTime() - t) / 1_000_000;
        assertEquals(2 * sections, tokens.size());
        assertEquals(sections, tokens.stream().filter(k -> k.modifiers().isEmpty()).count(), "the links that resolve");
        assertTrue(ms < 300, "tokens of " + sections + " sections took " + ms + " ms of CPU");
    }
}
