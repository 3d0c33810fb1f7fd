package org.vaultls.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Markdown and YAML built to hurt a parser: long runs of every ASCII punctuation character (bare and
 * with spaces), every container nested far past any real note, long lines, unbalanced brackets, YAML
 * flow nesting and alias bombs, and random mixes from a fixed seed. Deterministic for a given scale:
 * {@code -Dvaultls.fuzz.scale=10} makes every case ten times larger, and nests by indentation 3,000
 * deep (the default, 1, keeps {@code mvn verify} fast; {@code BoundedParseTest} holds a 2,000-deep list).
 */
public final class Pathological {
    /** Every ASCII punctuation character. */
    public static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    public static final long SEED = 8L;

    private Pathological() {
    }

    public static int scale() {
        return Integer.getInteger("vaultls.fuzz.scale", 1);
    }

    /** Named cases, in a fixed order, at the given scale. */
    public static Map<String, String> cases(int scale) {
        int run = 5_000 * scale;    // characters in a run
        int deep = 3_000 * scale;   // nesting on one line: past the limit of 1,024 open blocks
        int lines = 300 * scale;    // nesting by indentation; the text grows with its square
        Map<String, String> c = new LinkedHashMap<>();
        for (char ch : PUNCTUATION.toCharArray()) {
            String s = String.valueOf(ch);
            c.put("run " + s, s.repeat(run));
            c.put("run '" + s + " '", (s + " ").repeat(run / 2));
            c.put("lines of " + s, (s + "\n").repeat(run / 2));
            c.put("lines of " + s + s + s, (s + s + s + "\n").repeat(run / 4));
            c.put("run " + s + " after text", "text " + s.repeat(run) + " [[Linked]]");
        }
        // containers nested on one line
        for (String opener : List.of("- ", "* ", "+ ", "1. ", "1) ", "> ", ">", "- [ ] ", "> - ", "1. > ")) {
            c.put("nested '" + opener + "' x" + deep, opener.repeat(deep) + "[[Nope]]");
        }
        // containers nested by indentation, one per line
        c.put("indented list x" + lines, indented(lines, 2, "- item [[L]]"));
        c.put("indented ordered list x" + lines, indented(lines, 3, "1. item [[L]]"));
        c.put("indented tasks x" + lines, indented(lines, 2, "- [ ] task @Owner"));
        StringBuilder quotes = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            quotes.append(">".repeat(i)).append(" level [[Q]]\n");
        }
        c.put("quotes growing x" + lines, quotes.toString());
        // inline nesting
        c.put("brackets x" + deep, "[".repeat(deep) + "x" + "]".repeat(deep));
        c.put("wikilink openers x" + deep, "[[".repeat(deep) + "a" + "]]".repeat(deep));
        c.put("parens x" + deep, "(".repeat(deep) + "x" + ")".repeat(deep));
        c.put("nested links x" + deep, "[a".repeat(deep) + "](x)".repeat(deep));
        c.put("nested images x" + deep, "![a".repeat(deep) + "](x.png)".repeat(deep));
        c.put("nested emphasis x" + deep, "*a _b ".repeat(deep) + "c_ d*".repeat(deep));
        c.put("strong openers x" + deep, "**a ".repeat(deep));
        c.put("code spans x" + deep, "`a ``b ".repeat(deep));
        c.put("html tags x" + deep, "<span>".repeat(deep) + "x" + "</span>".repeat(deep));
        c.put("html comments open x" + deep, "<!-- ".repeat(deep));
        c.put("obsidian comments x" + deep, "%% a ".repeat(deep));
        c.put("wikilinks with pipes x" + deep, "[[a|".repeat(deep));
        // unbalanced brackets and link syntax, the quadratic kind
        for (String unit : List.of("[a](", "[a](x (", "[a](x \"", "[a](<", "[a][", "](", "[a]", "<", "<a ", "&", "&#",
                "![[", "[[a#", "[[a^", "<http:", "\\[", "[a](x 'b", "[^", "[!note]")) {
            c.put("repeated '" + unit + "' x" + run / 2, unit.repeat(run / 2));
        }
        // long lines
        c.put("long line of words", "lorem ipsum [[Linked]] #tag ".repeat(run));
        c.put("long line of one word", "a".repeat(run * 20));
        c.put("many tasks", "- [ ] call @Owner about [[Linked]] due:: 2024-01-01\n".repeat(run / 2));
        c.put("headings with block ids", "# h ^id\n^id\n".repeat(run / 2));
        c.put("tags", "#a/b/c ".repeat(run));
        // frontmatter YAML
        c.put("yaml flow sequences x" + deep, "---\na: " + "[".repeat(deep) + "]".repeat(deep) + "\n---\n[[Linked]]\n");
        c.put("yaml flow maps x" + deep, "---\na: " + "{a: ".repeat(deep) + "}".repeat(deep) + "\n---\n");
        c.put("yaml block nesting x" + lines, "---\n" + indentedYaml(lines) + "---\n[[Linked]]\n");
        c.put("yaml sequence on one line x" + deep, "---\na:\n" + "- ".repeat(deep) + "x\n---\n");
        c.put("yaml billion laughs", "---\n" + billionLaughs() + "---\n[[Linked]]\n");
        c.put("yaml many quoted links", "---\naliases: [" + "\"[[Linked]]\", ".repeat(run) + "]\n---\n");
        c.put("yaml unclosed quote", "---\na: \"" + "x ".repeat(run) + "\n---\n");
        c.put("yaml anchors x" + run / 10, "---\n" + anchors(run / 10) + "---\n");
        // random mixes
        Random random = new Random(SEED);
        for (int i = 0; i < 4; i++) {
            c.put("mixed " + i, mixed(random, run * 2));
        }
        return c;
    }

    private static String indented(int levels, int step, String item) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            sb.append(" ".repeat(i * step)).append(item).append('\n');
        }
        return sb.toString();
    }

    private static String indentedYaml(int levels) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        return sb.toString();
    }

    /** Ten levels of nine aliases each: 9^10 values if expanded. */
    private static String billionLaughs() {
        StringBuilder sb = new StringBuilder("a0: &a0 [\"lol\", \"[[Linked]]\"]\n");
        for (int i = 1; i <= 10; i++) {
            sb.append('a').append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    private static String anchors(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("k").append(i).append(": &x").append(i).append(" v\n");
        }
        return sb.toString();
    }

    /** Random markdown tokens, punctuation and words. */
    private static String mixed(Random random, int length) {
        List<String> tokens = new ArrayList<>(List.of("[[", "]]", "[", "]", "(", ")", "](", "![", "*", "**", "_", "`",
                "```\n", "~~~\n", "> ", "- ", "1. ", "- [ ] ", "#", "# ", "^", "%%", "<", ">", "<!--", "-->", "|", "\\",
                "\n", "\n\n", "  ", "\t", "@", "::", "---\n", "a", "word ", "Linked", "http://x", "&amp;", "$$"));
        for (char ch : PUNCTUATION.toCharArray()) {
            tokens.add(String.valueOf(ch));
        }
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            String t = tokens.get(random.nextInt(tokens.size()));
            sb.append(random.nextInt(8) == 0 ? t.repeat(1 + random.nextInt(200)) : t);
        }
        return sb.toString();
    }
}
