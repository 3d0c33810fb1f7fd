package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.util.sequence.BasedSequence;
import org.junit.jupiter.api.Test;

/** Inline content is parsed only when it can hold a node the note parser reads. */
class LinearInlineParserTest {

    @Test
    void contentWithoutBracketBacktickOrAngleHoldsNoReadNode() {
        String text = "Plain *words* and _more_ & #tag\n- [ ] x [[Link]]\n`code` <b>\n";
        BasedSequence doc = BasedSequence.of(text);
        int box = text.indexOf('[');
        int tick = text.indexOf('`');
        int angle = text.indexOf('<');
        assertFalse(LinearInlineParser.mayHoldReadNodes(doc.subSequence(0, box)));
        assertTrue(LinearInlineParser.mayHoldReadNodes(doc.subSequence(0, box + 1)), "a task's box");
        assertTrue(LinearInlineParser.mayHoldReadNodes(doc.subSequence(tick, tick + 1)), "a code span");
        assertTrue(LinearInlineParser.mayHoldReadNodes(doc.subSequence(angle, angle + 2)), "inline HTML");
        assertFalse(LinearInlineParser.mayHoldReadNodes(doc.subSequence(tick + 1, tick + 5)));
    }
}
