package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultls.vault.Regions.Kind;

/** The region map the parser makes: each region's kind and the text it covers. */
class RegionsTest {

    private static List<String> regions(String text) {
        Note note = NoteParser.parse("n.md", text);
        return note.regions().list().stream()
                .map(r -> r.kind() + " " + text.substring(r.start(), r.end()).replace("\n", "⏎")).toList();
    }

    private static Optional<Kind> kindAt(String marked) {
        int at = marked.indexOf("{|}");
        Note note = NoteParser.parse("n.md", marked.replace("{|}", ""));
        return note.regions().kindAt(at);
    }

    @Test
    void theFrontmatterIsARegionWithItsDelimiters() {
        assertEquals(List.of("FRONTMATTER ---⏎a: 1⏎---⏎"), regions("---\na: 1\n---\nBody\n"));
    }

    @Test
    void fencedCodeIncludesItsFencesAndRunsToTheEndWhenUnclosed() {
        assertEquals(List.of("FENCED_CODE ```js⏎x⏎```"), regions("Hi\n\n```js\nx\n```\nBye\n"));
        assertEquals(List.of("FENCED_CODE ~~~⏎[[A]]⏎"), regions("~~~\n[[A]]\n"));
        assertEquals(List.of("FENCED_CODE ```⏎  x⏎  ```"), regions("- item\n\n  ```\n  x\n  ```\n").subList(0, 1));
    }

    @Test
    void indentedCodeFollowsABlankLineAndStartsAfterItsIndent() {
        assertEquals(List.of("INDENTED_CODE [[A]]⏎"), regions("Text\n\n    [[A]]\n"));
        assertEquals(List.of(), regions("Text\n    [[A]] continues the paragraph\n"));
    }

    @Test
    void codeSpansIncludeTheirBackticks() {
        assertEquals(List.of("CODE_SPAN `a`", "CODE_SPAN ``b ` c``"), regions("x `a` y ``b ` c`` z `open\n"));
    }

    @Test
    void dataviewBlocksAndInlineQueriesAreDataview() {
        assertEquals(List.of("DATAVIEW ```dataview⏎LIST⏎```", "DATAVIEW ```dataviewjs⏎dv.list()⏎```"),
                regions("```dataview\nLIST\n```\n\n```dataviewjs\ndv.list()\n```\n"));
        assertEquals(List.of("INLINE_DATAVIEW `= this.file.name`", "INLINE_DATAVIEW `$= dv.current()`",
                "CODE_SPAN `a = b`"), regions("`= this.file.name` and `$= dv.current()` but `a = b`\n"));
    }

    @Test
    void obsidianCommentsRunToTheirCloseOrTheEndButNotFromInsideCode() {
        assertEquals(List.of("COMMENT %% a⏎b %%"), regions("x %% a\nb %% y\n"));
        assertEquals(List.of("CODE_SPAN `%%`", "COMMENT %% open⏎"), regions("`%%` then %% open\n"));
    }

    @Test
    void htmlCommentsAndHtmlAreTheirOwnKinds() {
        assertEquals(List.of("HTML_COMMENT <!-- [[A]] -->⏎"), regions("<!-- [[A]] -->\n"));
        assertEquals(List.of("HTML_COMMENT <!-- x -->"), regions("a <!-- x --> b\n"));
        assertEquals(List.of("HTML <div>⏎[[A]]⏎</div>⏎"), regions("<div>\n[[A]]\n</div>\n"));
        assertEquals(List.of("HTML <span>", "HTML </span>"), regions("a <span>b</span>\n"));
    }

    @Test
    void theInnermostRegionAnswersAndProseHasNone() {
        assertEquals(Optional.of(Kind.CODE_SPAN), kindAt("%% a `c{|}ode` b %%"));
        assertEquals(Optional.of(Kind.COMMENT), kindAt("%% a{|} `code` b %%"));
        assertEquals(Optional.empty(), kindAt("%% a %% pro{|}se"));
        Regions r = NoteParser.parse("n.md", "a `b` %% c %%\n").regions();
        assertTrue(r.isCode(3));
        assertFalse(r.isCode(9));
        assertFalse(r.isProse(9));
        assertTrue(r.isProse(0));
        assertFalse(r.isCode(5), "the end of a region is outside it");
    }
}
