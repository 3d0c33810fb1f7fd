package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;

/**
 * The YAML frontmatter of a note as Obsidian reads it: a block between {@code ---} lines at the very top,
 * whose keys, values, tags, aliases and quoted links keep their exact ranges, and which never throws:
 * YAML that does not parse becomes {@link Frontmatter#invalid} plus a problem on the note, and the body
 * is still read.
 */
class FrontmatterParserTest {

    private static Note parse(String text) {
        return NoteParser.parse("People/Ada Berg.md", text);
    }

    private static Frontmatter frontmatter(String text) {
        return parse(text).frontmatter().orElseThrow(() -> new AssertionError("no frontmatter in " + text));
    }

    private static String under(Note note, Span span) {
        return "[" + note.text().substring(span.startOffset(), span.endOffset()) + "]" + span;
    }

    private static List<String> strings(List<?> items) {
        return items.stream().map(Object::toString).toList();
    }

    @Test
    void readsEachTopLevelKeyWithTheRangesOfKeyAndValue() {
        Note note = parse("""
                ---
                type: people
                title: Ada Berg
                created: '2026-01-03'
                auto_created: true
                ---
                # Ada Berg
                """);
        Frontmatter fm = note.frontmatter().orElseThrow();
        assertTrue(fm.isValid());
        assertEquals("(0,0)-(5,3)", fm.span().toString());
        assertEquals(List.of(
                "type [type](1,0)-(1,4) = people [people](1,6)-(1,12)",
                "title [title](2,0)-(2,5) = Ada Berg [Ada Berg](2,7)-(2,15)",
                "created [created](3,0)-(3,7) = 2026-01-03 ['2026-01-03'](3,9)-(3,21)",
                "auto_created [auto_created](4,0)-(4,12) = true [true](4,14)-(4,18)"),
                fm.fields().stream().map(f -> f.key() + " " + under(note, f.keySpan()) + " = " + f.value() + " "
                        + under(note, f.valueSpan())).toList());
        assertEquals(List.of("H1 'Ada Berg' (6,2)-(6,10)"), strings(note.headings()));
    }

    @Test
    void looksKeysUpIgnoringCaseAndReadsTheTitle() {
        Note note = parse("---\nTitle:  Dr. Ada Berg  \nTags: [a, B]\n---\n");
        Frontmatter fm = note.frontmatter().orElseThrow();
        assertEquals("Dr. Ada Berg", fm.string("title").orElseThrow());
        assertEquals(List.of("a", "b"), fm.lowerList("TAGS"));
        assertEquals("Dr. Ada Berg", note.title());
        assertEquals("Ada Berg", parse("no frontmatter").title(), "without a title the file name is the title");
    }

    @Test
    void theBodyStartsAfterTheClosingLine() {
        String text = "---\ntitle: x\n---\nbody";
        FrontmatterParser.Result r = FrontmatterParser.parse(text, new LineMap(text));
        assertEquals(text.indexOf("body"), r.bodyStart());
        String onlyFrontmatter = "---\ntitle: x\n---";
        assertEquals(onlyFrontmatter.length(),
                FrontmatterParser.parse(onlyFrontmatter, new LineMap(onlyFrontmatter)).bodyStart());
    }

    @Test
    void threeDotsAlsoCloseTheBlock() {
        Note note = parse("---\nkey: x\n...\nbody [[A]]");
        assertEquals(List.of("key"), note.frontmatter().orElseThrow().fields().stream().map(Frontmatter.Field::key).toList());
        assertEquals(List.of("WL 'A' (3,5)-(3,10)"), strings(note.links()));
    }

    @Test
    void frontmatterStartsOnlyOnTheFirstLine() {
        assertTrue(parse("\n---\ntitle: x\n---\n").frontmatter().isEmpty());
    }

    @Test
    void anEmptyBlockIsValidAndHasNoFields() {
        for (String text : List.of("---\n---\nbody", "---\n\n---\n", "---\n# only a comment\n---\n")) {
            Frontmatter fm = frontmatter(text);
            assertTrue(fm.isValid(), text);
            assertEquals(List.of(), fm.fields(), text);
            assertEquals(List.of(), parse(text).problems(), text);
        }
    }

    // ---- tags and aliases

    @Test
    void tagsMayBeABlockListWithOrWithoutHashes() {
        Note note = parse("""
                ---
                tags:
                  - type/people
                  - "#needs-review"
                ---
                Body #crm
                """);
        assertEquals(List.of("#type/people (2,4)-(2,15) fm", "#needs-review (3,6)-(3,18) fm", "#crm (5,6)-(5,9)"),
                strings(note.tags()));
    }

    @Test
    void tagsMayBeACommaSeparatedString() {
        assertEquals(List.of("#crm (1,6)-(1,9) fm", "#customer/key (1,11)-(1,23) fm"),
                strings(parse("---\ntags: crm, customer/key\n---\n").tags()));
    }

    @Test
    void tagsMayBeAFlowList() {
        assertEquals(List.of("#crm (1,7)-(1,10) fm", "#key (1,12)-(1,15) fm"),
                strings(parse("---\ntags: [crm, key]\n---\n").tags()));
    }

    @Test
    void aliasesMayBeAListOrACommaSeparatedString() {
        assertEquals(List.of("Ada", "A. Berg"), parse("---\naliases: [Ada, A. Berg]\n---\n").aliases());
        assertEquals(List.of("Ada", "A. Berg"), parse("---\naliases: Ada, A. Berg\n---\n").aliases());
        assertEquals(List.of("Ada", "A. Berg"), parse("---\naliases:\n  - Ada\n  - A. Berg\n  -\n---\n").aliases());
        assertEquals(List.of(), parse("---\naliases:\n---\n").aliases());
    }

    // ---- links in values

    @Test
    void quotedLinksInValuesAreLinksWithExactRanges() {
        Note note = parse("""
                ---
                attendees: ["[[Ada Berg]]", "[[Bo Cho|Bo]]"]
                customer: "[[Northwind#Contacts]]"
                cover: '![[logo.png]]'
                ---
                Body [[Cy Dunn]]
                """);
        assertEquals(List.of(
                "WL 'Ada Berg' (1,13)-(1,25) fm target=[Ada Berg](1,15)-(1,23)",
                "WL 'Bo Cho' |Bo (1,29)-(1,42) fm target=[Bo Cho](1,31)-(1,37) alias=[Bo](1,38)-(1,40)",
                "WL 'Northwind'#Contacts (2,11)-(2,33) fm target=[Northwind](2,13)-(2,22) sub=[Contacts](2,23)-(2,31)",
                "EMBED 'logo.png' (3,8)-(3,21) fm target=[logo.png](3,11)-(3,19)",
                "WL 'Cy Dunn' (5,5)-(5,16) target=[Cy Dunn](5,7)-(5,14)"),
                note.links().stream().map(l -> l + " target=" + under(note, l.targetSpan())
                        + (l.subpathSpan() != null ? " sub=" + under(note, l.subpathSpan()) : "")
                        + (l.aliasSpan() != null ? " alias=" + under(note, l.aliasSpan()) : "")).toList());
        assertTrue(note.links().get(0).inFrontmatter());
        assertFalse(note.links().get(4).inFrontmatter());
    }

    @Test
    void anUnquotedLinkIsANestedYamlListAndNotALink() {
        Note note = parse("---\nup: [[Projects]]\n---\n");
        assertEquals(List.of(), note.links());
        assertEquals(List.of(List.of("Projects")), note.frontmatter().orElseThrow().field("up").orElseThrow().value());
    }

    @Test
    void aLinkReachedAgainThroughAYamlAliasIsCountedOnce() {
        Note note = parse("---\nlead: &lead \"[[Ada Berg]]\"\nowner: *lead\n---\n");
        assertEquals(List.of("WL 'Ada Berg' (1,13)-(1,25) fm"), strings(note.links()));
        assertEquals("[[Ada Berg]]", note.frontmatter().orElseThrow().field("owner").orElseThrow().value());
    }

    @Test
    void crlfAndAstralCharactersKeepFrontmatterRangesExact() {
        Note note = parse("---\r\ntitle: \"\uD83D\uDE00 [[Ada]]\"\r\ntags: a, b\r\n---\r\nbody [[B]]\r\n");
        assertEquals(List.of("WL 'Ada' (1,11)-(1,18) fm", "WL 'B' (4,5)-(4,10)"), strings(note.links()));
        assertEquals(List.of("#a (2,6)-(2,7) fm", "#b (2,9)-(2,10) fm"), strings(note.tags()));
        assertEquals("(1,0)-(1,5)", note.frontmatter().orElseThrow().field("title").orElseThrow().keySpan().toString());
    }

    // ---- empty values

    @ParameterizedTest(name = "{0} is empty: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            'owner:'                       | true
            'owner: ""'                    | true
            'owner: "   "'                 | true
            'owner: []'                    | true
            'owner: {}'                    | true
            'owner: ~'                     | true
            'owner: null'                  | true
            'owner: ["", " ", null]'       | true
            'owner: 0'                     | false
            'owner: false'                 | false
            'owner: 2026-01-03'            | false
            'owner: "[[Ada Berg]]"'        | false
            'owner: ["", "[[Ada Berg]]"]'  | false
            'owner: {name: }'              | false
            """)
    void aFieldIsEmptyOnlyWhenItCarriesNothing(String line, boolean empty) {
        Frontmatter fm = frontmatter("---\n" + line + "\n---\n");
        assertEquals(empty, fm.field("owner").orElseThrow().isEmpty(), line);
    }

    @Test
    void aBlockListOfBlankItemsIsEmpty() {
        assertTrue(frontmatter("---\nowner:\n  -\n  - \"\"\n---\n").field("owner").orElseThrow().isEmpty());
    }

    // ---- invalid YAML

    @Test
    void invalidYamlKeepsTheBlockWithTheReasonAndWhereTheParserStopped() {
        Note note = parse("""
                ---
                title: [unclosed
                owner: Ada
                ---
                # Body
                [[Link]]
                """);
        Frontmatter fm = note.frontmatter().orElseThrow();
        assertFalse(fm.isValid());
        assertEquals(List.of(), fm.fields());
        assertEquals("(0,0)-(3,3)", fm.span().toString());
        assertTrue(fm.error().startsWith("Frontmatter is not valid YAML: expected ',' or ']'"), fm.error());
        assertTrue(fm.error().endsWith("(while parsing a flow sequence started on line 2)"), fm.error());
        assertEquals("(2,5)-(2,10)", fm.errorSpan().toString());
        assertEquals(List.of("Problem[kind=INVALID_FRONTMATTER, span=(2,5)-(2,10), message=" + fm.error() + "]"),
                strings(note.problems()));
        assertEquals(List.of("H1 'Body' (4,2)-(4,6)"), strings(note.headings()));
        assertEquals(List.of("WL 'Link' (5,0)-(5,8)"), strings(note.links()));
    }

    @Test
    void aColonInsideAPlainValueIsReportedAtTheColon() {
        Frontmatter fm = frontmatter("---\nrole: CEO: Northwind\n---\n");
        assertEquals("Frontmatter is not valid YAML: mapping values are not allowed here", fm.error());
        assertEquals("(1,9)-(1,20)", fm.errorSpan().toString());
    }

    @Test
    void aTabIndentIsReportedOnItsLine() {
        Frontmatter fm = frontmatter("---\n\tkey: x\n---\n");
        assertTrue(fm.error().contains("Do not use \\t(TAB) for indentation"), fm.error());
        assertEquals(1, fm.errorSpan().start().line());
    }

    @Test
    void anUnclosedQuoteIsReportedWhereTheBlockEnds() {
        Frontmatter fm = frontmatter("---\ntitle: \"abc\n---\nbody");
        assertEquals("Frontmatter is not valid YAML: found unexpected end of stream "
                + "(while scanning a quoted scalar started on line 2)", fm.error());
        assertEquals("(2,0)-(2,3)", fm.errorSpan().toString());
    }

    @Test
    void aListIsNotAFrontmatterMap() {
        Note note = parse("---\n- a\n- b\n---\nbody #x\n");
        Frontmatter fm = note.frontmatter().orElseThrow();
        assertEquals("Frontmatter must be a map of 'key: value' lines, not a list", fm.error());
        assertEquals("(1,0)-(3,0)", fm.errorSpan().toString());
        assertEquals(Note.Problem.Kind.INVALID_FRONTMATTER, note.problems().get(0).kind());
        assertEquals(List.of("#x (4,6)-(4,7)"), strings(note.tags()));
    }

    @Test
    void aSingleValueIsNotAFrontmatterMap() {
        Frontmatter fm = frontmatter("---\njust text\n---\n");
        assertEquals("Frontmatter must be a map of 'key: value' lines, not a single value", fm.error());
        assertEquals("(1,0)-(1,9)", fm.errorSpan().toString());
    }

    @Test
    void anUnclosedBlockIsAProblemAndTheWholeNoteIsReadAsMarkdown() {
        Note note = parse("---\ntitle: x\n# Heading [[L]] #t\n");
        assertTrue(note.frontmatter().isEmpty());
        assertEquals(List.of("Problem[kind=INVALID_FRONTMATTER, span=(0,0)-(0,3), message=Frontmatter opened with '---' "
                + "on line 1 is never closed: add a '---' line after it]"), strings(note.problems()));
        assertEquals(List.of("H1 'Heading [[L]] #t' (2,2)-(2,18)"), strings(note.headings()));
        assertEquals(List.of("WL 'L' (2,10)-(2,15)"), strings(note.links()));
        assertEquals(List.of("#t (2,17)-(2,18)"), strings(note.tags()));
    }

    @Test
    void aLoneOpeningLineIsUnclosed() {
        assertEquals(Note.Problem.Kind.INVALID_FRONTMATTER, parse("---").problems().get(0).kind());
    }

    // ---- hostile YAML

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void anAliasBombIsRefusedQuickly() {
        StringBuilder yaml = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                yaml.append(i > 0 ? "," : "").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        Note note = parse(yaml + "---\nbody [[X]]\n");
        Frontmatter fm = note.frontmatter().orElseThrow();
        assertFalse(fm.isValid());
        assertTrue(fm.error().startsWith("Frontmatter is not valid YAML: Number of aliases"), fm.error());
        assertEquals(List.of("WL 'X' (12,5)-(12,10)"), strings(note.links()));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aValueThatRefersToItselfIsInvalid() {
        Frontmatter fm = frontmatter("---\na: &a\n  b: *a\n---\n");
        assertEquals("Frontmatter value of 'a' is nested too deeply or refers to itself", fm.error());
        assertEquals("(1,0)-(1,1)", fm.errorSpan().toString());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void aRecursiveKeyDoesNotHang() {
        Note note = parse("---\n&a [*a]: 1\nok: yes\n---\n[[X]]\n");
        assertEquals(List.of("WL 'X' (4,0)-(4,5)"), strings(note.links()));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void deeplyNestedValuesAreInvalid() {
        Frontmatter flow = frontmatter("---\na: " + "[".repeat(1000) + "]".repeat(1000) + "\n---\n");
        assertEquals("Frontmatter is not valid YAML: Nesting Depth exceeded max 64", flow.error());
        StringBuilder block = new StringBuilder("---\n");
        for (int i = 0; i < 200; i++) {
            block.append("  ".repeat(i)).append('k').append(i).append(":\n");
        }
        assertFalse(frontmatter(block + "---\n").isValid());
    }

    @Test
    void aQuotedLinkNeedingYamlEscapesNamesTheUnescapedNoteAtItsPlaceInTheSource() {
        String text = "---\nowner: '[[Tomás O''Neil]]'\nlead: \"[[Ada \\\"AB\\\" Berg#Key Facts]]\"\n---\n";
        Note note = NoteParser.parse("x.md", text);
        List<Link> links = note.links();
        assertEquals(2, links.size(), links.toString());
        assertEquals("Tomás O'Neil", links.get(0).target());
        assertEquals(1, links.get(0).span().start().line());
        assertEquals(8, links.get(0).span().start().character(), "the link starts after the quote");
        assertEquals("Ada \"AB\" Berg", links.get(1).target());
        assertEquals(List.of("Key Facts"), links.get(1).headings());
        assertEquals(2, links.get(1).span().start().line());
    }
}
