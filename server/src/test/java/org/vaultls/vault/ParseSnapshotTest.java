package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vaultls.index.VaultLoader;

/**
 * The parser's output for every note of test-vault/ and for a few thousand generated notes (frontmatter
 * in many YAML shapes, tasks, tags, links, code, comments) is exactly what it was when the snapshot file
 * was written: speed work on the parser must not change what it produces. The snapshot was written by
 * the parser before that work; rewrite it ({@code -Dvaultls.writeSnapshots=true}) only for a change that
 * is meant to alter the output.
 */
class ParseSnapshotTest {
    private static final Path SNAPSHOT = Path.of("src", "test", "resources", "parse-snapshots.txt");

    @Test
    void everyNoteParsesAsInTheSnapshot() throws IOException {
        Map<String, String> now = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : inputs().entrySet()) {
            Note note = VaultLoader.decodeAndParse(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
            now.put(e.getKey(), describe(note));
        }
        if (Boolean.getBoolean("vaultls.writeSnapshots")) {
            StringBuilder out = new StringBuilder();
            now.forEach((path, d) -> out.append("== ").append(path).append('\n').append(d).append('\n'));
            Files.writeString(SNAPSHOT, out, StandardCharsets.UTF_8);
        }
        Map<String, String> then = read();
        assertTrue(then.size() > 1000, "snapshot file read");
        assertEquals(then.keySet(), now.keySet());
        for (Map.Entry<String, String> e : now.entrySet()) {
            assertEquals(then.get(e.getKey()), e.getValue(), e.getKey());
        }
    }

    /** Every part of a note but its text (the input), one per line. */
    static String describe(Note n) {
        List<Object> parts = List.of(n.title(), String.valueOf(n.frontmatter().orElse(null)), n.links(), n.headings(),
                n.blocks(), n.tags(), n.tasks(), n.aliases(), n.problems(), n.regions().list(), n.lines().lineCount());
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            sb.append("  ").append(String.valueOf(p).replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r"))
                    .append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static Map<String, String> read() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        String path = null;
        StringBuilder body = new StringBuilder();
        for (String line : Files.readAllLines(SNAPSHOT, StandardCharsets.UTF_8)) {
            if (line.startsWith("== ")) {
                if (path != null) {
                    out.put(path, body.toString().stripTrailing());
                }
                path = line.substring(3);
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (path != null) {
            out.put(path, body.toString().stripTrailing());
        }
        return out;
    }

    /** test-vault/'s notes, then the generated ones, by path. */
    static Map<String, String> inputs() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Path root = Path.of("..", "test-vault");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        SplittableRandom rnd = new SplittableRandom(20261203);
        for (int i = 0; i < 3000; i++) {
            out.put("gen/" + i + ".md", generated(rnd));
        }
        return out;
    }

    private static final String[] KEYS = {"type", "title", "status", "tags", "tag", "aliases", "alias", "owner",
        "customer", "created", "last_contact", "cssclasses", "Tags", "empty", "null", "key with space", "due",
        "x-y", "weird:key", "\"quoted key\"", "'single key'", "ключ", "emoji😀"};
    private static final String[] SCALARS = {"people", "Ada Berg", "'2024-01-02'", "2024-01-02", "\"[[Ada Berg]]\"",
        "'[[Ada Berg]]'", "[[Ada Berg]]", "\"[[Ada Berg|Ada]] and [[Tom]]\"", "'[[Tomás O''Neil]]'",
        "\"[[A\\\"B]]\"", "\"esc \\t tab\"", "", "~", "null", "Null", "NULL", "nil", "true", "false", "yes", "no",
        "0", "12", "-3", "1.5", ".inf", "0x1F", "''", "\"\"", "'  '", "a: b", "a #comment", "a # comment",
        "#tag", "type/project", "value  ", "  lead", "Zara Wójcik 😀", "[a, b]", "[\"[[X]]\", '[[Y]]', z]",
        "{a: 1}", "{}", "[]", "|\n  block\n  text", ">\n  folded\n  text", "&anchor v", "*anchor", "!!str 12",
        "@at", "`tick`", "%pct", "- x", "? q", "a, b c", "\"#t1 #t2\"", "t1 t2, t3", "'it''s'", "'unclosed",
        "\"unclosed", "a\tb", "\ttab", "é", "x:y", "x :y", "[[A]] [[B]]", ":", "-", "-x", "?x", "a'b", "a\"b",
        "2024-13-45", "http://x.y/z", "a|b", "a>b", "a{b}", "a[b]", "a,b", "a!b", "a&b", "a*b", "a%b", "a@b"};
    private static final String[] ITEMS = {"people", "type/project", "\"[[Ada Berg]]\"", "'[[Tom]]'", "",
        "~", "null", "'  '", "#tag", "a b", "[x, y]", "{k: v}", "- nested", "'q''s'", "\"d\\\"q\"", "12",
        "Zara Wójcik", "x: y", "a # c", "[[Raw]]"};
    private static final String[] BODY = {"# Heading one\n", "## Sub [[In Heading]] ^nothead\n", "Setext\n===\n",
        "Plain words and #tag and #tag/sub/ and #123 and x#no.\n", "- [ ] task @Ada @Tom 📅 2026-01-02 ⏳ 2026-01-01\n",
        "- [x] done [due:: 2026-01-03] (owner:: Ada) @ada.b not@mail\n", "* [-] cancelled ❌ 2026-02-02 ✅ 2026-02-03\n",
        "1. [ ] numbered task [[Link]] `@code` @Real\n", "- [ ]no space\n", "- [] empty box\n", "  - [ ] nested @Nest\n",
        "- plain item [[Target#Head|Alias]]\n", "See [md](Other%20Note.md#Head) and [ext](https://x.y) and "
            + "[ang](<With Space.md>) and ![img](pic.png).\n", "![[Embed.png]] [[#Local]] [[#^blk]] [[A#B#C]]\n",
        "Line with block id ^blk-1\n", "`code [[no]] #no` and ``double ` tick``\n", "```dataview\nLIST FROM #x\n```\n",
        "```\n[[InFence]] #infence\n```\n", "    indented [[no]] #no\n", "%% hidden [[Hidden]] #hid %%\n",
        "<!-- [[HtmlComment]] -->\n", "<div>[[InHtml]] #inhtml</div>\n", "<https://auto.link> <a@b.c>\n",
        "> quote [[Quoted]] ^q1\n", "| a | [[T\\|Alias]] |\n|---|---|\n| 1 | 2 |\n", "\n", "---\n", "***\n",
        "Text with inline `= this.file` and `$= dv.x`\n", "Tags: #ünï #日本 #a_b-c\n", "[due:: 2026-01-01] field\n",
        "- [ ] 📅 2026-13-45 bad date @Owner\n", "\tTabbed - [ ] not a task\n", "- [ ] tail task",
        "Line\r\nwith CRLF [[Crlf]]\r\n"};

    private static String pick(SplittableRandom rnd, String[] from) {
        return from[rnd.nextInt(from.length)];
    }

    /** A note: mostly with frontmatter (often well-formed, sometimes not), then a body of fragments. */
    private static String generated(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        int shape = rnd.nextInt(20);
        if (shape < 17) {
            sb.append(shape == 16 ? "---  \n" : "---\n");
            int keys = rnd.nextInt(7);
            for (int k = 0; k < keys; k++) {
                String key = pick(rnd, KEYS);
                int kind = rnd.nextInt(10);
                if (kind < 6) {
                    String v = pick(rnd, SCALARS);
                    sb.append(key).append(':').append(v.isEmpty() && rnd.nextBoolean() ? "" : " ").append(v);
                    sb.append(rnd.nextInt(8) == 0 ? "   " : "").append('\n');
                } else if (kind < 9) {
                    sb.append(key).append(":\n");
                    String indent = rnd.nextBoolean() ? "" : "  ";
                    int items = rnd.nextInt(4);
                    for (int j = 0; j < items; j++) {
                        String item = pick(rnd, ITEMS);
                        sb.append(indent).append('-').append(item.isEmpty() && rnd.nextBoolean() ? "" : " ")
                                .append(item).append('\n');
                    }
                } else {
                    sb.append(key).append(": [").append(pick(rnd, ITEMS)).append(", ").append(pick(rnd, ITEMS))
                            .append("]\n");
                }
                if (rnd.nextInt(15) == 0) {
                    sb.append(rnd.nextBoolean() ? "# a comment line\n" : "\n");
                }
            }
            if (shape == 15) {
                sb.append("  stray: indent\n");
            }
            if (shape != 14) {
                sb.append(rnd.nextInt(10) == 0 ? "...\n" : "---\n");
            }
        }
        int parts = rnd.nextInt(8);
        for (int p = 0; p < parts; p++) {
            sb.append(pick(rnd, BODY));
        }
        String s = sb.toString();
        return rnd.nextInt(12) == 0 ? s.replace("\n", "\r\n") : s;
    }
}
