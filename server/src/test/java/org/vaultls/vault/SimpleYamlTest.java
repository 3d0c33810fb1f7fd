package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultls.text.LineMap;

/**
 * The frontmatter read by {@link SimpleYaml} is exactly what snakeyaml makes of it (fields, values,
 * every range, links, tags, aliases), and the YAML it does not read in full goes to snakeyaml.
 */
class SimpleYamlTest {

    /** The frontmatter parse with the simple reader, and with snakeyaml alone, of every input. */
    private static int compare(List<String> texts) {
        int simple = 0;
        for (String text : texts) {
            LineMap lines = new LineMap(text);
            FrontmatterParser.Result fast = FrontmatterParser.parse(text, lines, true);
            FrontmatterParser.Result yaml = FrontmatterParser.parse(text, lines, false);
            assertEquals(yaml, fast, text);
            int close = closingLine(lines);
            if (close > 0 && SimpleYaml.compose(text, lines, 1, close) != null) {
                simple++;
            }
        }
        return simple;
    }

    private static int closingLine(LineMap lines) {
        if (!lines.lineText(0).strip().equals("---")) {
            return -1;
        }
        for (int line = 1; line < lines.lineCount(); line++) {
            String s = lines.lineText(line).stripTrailing();
            if (s.equals("---") || s.equals("...")) {
                return line;
            }
        }
        return -1;
    }

    @Test
    void theTestVaultAndTheSnapshotInputsReadTheSameWithoutSnakeyaml() throws IOException {
        int simple = compare(new ArrayList<>(ParseSnapshotTest.inputs().values()));
        assertTrue(simple > 200, "inputs read by the simple reader: " + simple);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void generatedFrontmatterReadsTheSameWithoutSnakeyaml(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            texts.add(frontmatter(rnd));
        }
        int simple = compare(texts);
        assertTrue(simple > 1000, "inputs read by the simple reader: " + simple);
    }

    @Test
    void readsTheCommonShapes() {
        String text = "---\ntype: project\ntitle: Nova Rollout\ncustomer: \"[[Granite Foods]]\"\ncreated: '2017-12-08'\n"
                + "attendees: [\"[[Ada Berg]]\", '[[Tom]]', plain words]\nempty:\nnone: ~\ntags:\n- type/project\n-\n  \nlast: x\n---\n";
        LineMap lines = new LineMap(text);
        assertNull(SimpleYaml.compose(text, lines, 1, closingLine(lines)), "a line of spaces goes to snakeyaml");
        String simple = text.replace("-\n  \n", "-\n");
        LineMap simpleLines = new LineMap(simple);
        assertNotNull(SimpleYaml.compose(simple, simpleLines, 1, closingLine(simpleLines)));
        assertEquals(FrontmatterParser.parse(simple, simpleLines, false), FrontmatterParser.parse(simple, simpleLines));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: b # c", "a: [x, {y: 1}]", "a: {x: 1}", "a: |\n  x", "a: &x v", "a: *x", "a: !!str v",
        "a: \"x\\ty\"", "a: 'x\n  y'", "a: x\n  y", "a:\n  b: c", "a:\n  - x\n - y", "a:\n- x\n  - y", "a:\tb",
        "\"a\": b", "a : b", "a: b: c", "# c\na: b", "a: b\n\nc: d", "a: x\u2028y", "a: \uD83D\uDE00",
        "a:\n- x: y", "a:\n- - x", "a: [x, ]", "a: [x", "a: [x] y", "a: [[x]]", "a: [x, [y]]", "a: [\"x\\ty\"]",
        "a: [x: y]", "a: [~]", "a: [x # c]", "a: [x]]", "a: ['x' y]", "? a\n: b", "a: 'x' y", "a: \"x\" # c", "-a: b", "a: `x`", "a: @x", "a: %x"})
    void leavesTheRestToSnakeyaml(String yaml) {
        String text = "---\n" + yaml + "\n---\n";
        LineMap lines = new LineMap(text);
        assertNull(SimpleYaml.compose(text, lines, 1, lines.lineCount() - 2), yaml);
        assertEquals(FrontmatterParser.parse(text, lines, false), FrontmatterParser.parse(text, lines), yaml);
    }

    private static final String[] VALUE_CHARS = {"a", "Z", "0", " ", " ", "-", ":", "#", "'", "\"", "[", "]", "{", "}",
        ",", "!", "&", "*", "?", "|", ">", "%", "@", "`", ".", "/", "é", "ß", "[[", "]]", "~", "\\", "\t"};

    /** Frontmatter of simple lines with values made of characters that matter to YAML. */
    private static String frontmatter(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder("---\n");
        int keys = 1 + rnd.nextInt(6);
        for (int k = 0; k < keys; k++) {
            sb.append(rnd.nextInt(5) == 0 ? "tags" : rnd.nextInt(6) == 0 ? "aliases" : "k" + rnd.nextInt(4))
                    .append(':');
            int kind = rnd.nextInt(7);
            if (kind == 5) {
                sb.append(rnd.nextBoolean() ? " [" : "[").append(rnd.nextInt(4) == 0 ? " " : "");
                int items = rnd.nextInt(4);
                for (int i = 0; i < items; i++) {
                    sb.append(i > 0 ? (rnd.nextBoolean() ? ", " : " ,") : "").append(value(rnd));
                }
                sb.append(rnd.nextInt(8) == 0 ? ", ]" : rnd.nextInt(4) == 0 ? " ]" : "]");
            } else if (kind < 3) {
                sb.append(" ".repeat(1 + rnd.nextInt(2))).append(value(rnd));
            } else if (kind < 5) {
                String indent = " ".repeat(rnd.nextInt(3));
                int items = 1 + rnd.nextInt(3);
                for (int i = 0; i < items; i++) {
                    sb.append('\n').append(indent).append('-');
                    if (rnd.nextInt(6) > 0) {
                        sb.append(' ').append(value(rnd));
                    }
                }
            }
            sb.append(rnd.nextInt(6) == 0 ? "  " : "").append('\n');
        }
        sb.append("---\nbody\n");
        return rnd.nextInt(10) == 0 ? sb.toString().replace("\n", "\r\n") : sb.toString();
    }

    private static String value(SplittableRandom rnd) {
        StringBuilder v = new StringBuilder();
        int quote = rnd.nextInt(4);
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            v.append(rnd.nextInt(3) == 0 ? VALUE_CHARS[rnd.nextInt(VALUE_CHARS.length)] : "w");
        }
        String s = v.toString();
        if (quote == 0) {
            return "'" + s + "'";
        }
        if (quote == 1) {
            return "\"" + s + "\"";
        }
        return rnd.nextInt(8) == 0 ? "null" : s;
    }
}
