package org.vaultls.features.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A field name's key form is Dataview's: lower case, runs of spaces as one dash, no emphasis marks. */
class DataviewFieldKeyTest {
    /** The rule as Dataview's docs state it, written the slow way. */
    private static String byTheRule(String name) {
        return name.strip().replaceAll("[*_~`]", "").replaceAll("\\s+", "-").toLowerCase(Locale.ROOT);
    }

    @Test
    void namesTakeTheirKeyForm() {
        assertEquals("due-date", DataviewCheckVocabulary.fieldKey("  **Due  Date** "));
        assertEquals("owner", DataviewCheckVocabulary.fieldKey("owner"));
        assertEquals("a-b", DataviewCheckVocabulary.fieldKey("a * b"));
        assertEquals("a-", DataviewCheckVocabulary.fieldKey("a *"));
        assertEquals("-a", DataviewCheckVocabulary.fieldKey("_ a"));
        assertEquals("straße", DataviewCheckVocabulary.fieldKey("Straße"));
    }

    @Test
    void anyNameGetsTheKeyTheRuleGives() {
        Random r = new Random(7);
        List<Character> alphabet = List.of('a', 'B', ' ', '\t', '*', '_', '~', '`', '-', 'É', '\u00a0', '\u2003', '1');
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(9); n > 0; n--) {
                sb.append(alphabet.get(r.nextInt(alphabet.size())));
            }
            String name = sb.toString();
            assertEquals(byTheRule(name), DataviewCheckVocabulary.fieldKey(name), "'" + name + "'");
        }
    }
}
