package org.vaultls.features.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

class DataviewBlocksTest {
    private static Note note(String text) {
        return NoteParser.parse("People/Ada.md", text);
    }

    @Test
    void findsEachBlocksQueryBetweenItsFences() {
        String text = "# Ada\n\n```dataview\nLIST\nFROM \"Projects\"\n```\n\n```js\nnot dataview\n```\n"
                + "```dataviewjs\ndv.list([])\n```\n";
        List<DataviewBlocks.Block> blocks = DataviewBlocks.of(note(text));
        assertEquals(2, blocks.size());
        assertEquals("LIST\nFROM \"Projects\"\n", blocks.get(0).query());
        assertEquals(text.indexOf("LIST"), blocks.get(0).queryStart());
        assertEquals(text.indexOf("```dataview\n"), blocks.get(0).start());
        assertFalse(blocks.get(0).js());
        assertTrue(blocks.get(1).js());
        assertEquals("dv.list([])\n", blocks.get(1).query());
    }

    @Test
    void anUnclosedBlockRunsToTheEndOfTheNote() {
        String text = "```dataview\nTASK\nWHERE !completed";
        DataviewBlocks.Block b = DataviewBlocks.of(note(text)).get(0);
        assertEquals("TASK\nWHERE !completed", b.query());
        assertTrue(DataviewBlocks.at(note(text), text.indexOf("WHERE")).isPresent());
        assertTrue(DataviewBlocks.at(note("plain text"), 2).isEmpty());
    }
}
