package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.text.Span;

/**
 * The markdown body of a note as Obsidian reads it: wikilinks, embeds and local markdown links with
 * the exact range of each part, headings, block ids, tags and tasks, and nothing of that inside code or
 * comments. Ranges are (line,character) with characters counted in UTF-16 code units, as LSP does.
 * Each link is shown with the text under its parts, so a wrong range is visible at a glance:
 * {@code target=[Ada Berg](0,6)-(0,14)} is the text and range of the target.
 */
class NoteParserTest {

    private static Note parse(String text) {
        return NoteParser.parse("Notes/Test.md", text);
    }

    private static String under(Note note, Span span) {
        return "[" + note.text().substring(span.startOffset(), span.endOffset()) + "]" + span;
    }

    /** A link's snapshot followed by the text and range of its target, subpath and alias. */
    private static String describe(Note note, Link link) {
        StringBuilder sb = new StringBuilder(link.toString()).append(" target=").append(under(note, link.targetSpan()));
        if (link.subpathSpan() != null) {
            sb.append(" sub=").append(under(note, link.subpathSpan()));
        }
        if (link.aliasSpan() != null) {
            sb.append(" alias=").append(under(note, link.aliasSpan()));
        }
        return sb.toString();
    }

    private static List<String> links(String text) {
        Note note = parse(text);
        return note.links().stream().map(l -> describe(note, l)).toList();
    }

    private static List<String> headings(Note note) {
        return note.headings().stream().map(h -> h + " line=" + h.span()).toList();
    }

    private static List<String> strings(List<?> items) {
        return items.stream().map(Object::toString).toList();
    }

    /** Every element of a note, one per line: what a CRLF and an LF copy of a note must agree on. */
    private static String snapshot(Note note) {
        List<Object> all = new ArrayList<>();
        all.addAll(note.links());
        all.addAll(note.headings());
        all.addAll(note.blocks());
        all.addAll(note.tags());
        all.addAll(note.tasks());
        all.addAll(note.problems());
        return String.join("\n", strings(all));
    }

    // ---- wikilinks

    @Test
    void linksToANoteByNameWithOrWithoutItsExtension() {
        assertEquals(List.of(
                "WL 'Ada Berg' (0,4)-(0,16) target=[Ada Berg](0,6)-(0,14)",
                "WL 'Ada Berg.md' (0,21)-(0,36) target=[Ada Berg.md](0,23)-(0,34)"),
                links("Met [[Ada Berg]] and [[Ada Berg.md]]."));
    }

    @Test
    void splitsTheAliasAtTheFirstBar() {
        assertEquals(List.of("WL 'Ada Berg' |Ada (0,4)-(0,20) target=[Ada Berg](0,6)-(0,14) alias=[Ada](0,15)-(0,18)"),
                links("See [[Ada Berg|Ada]]."));
    }

    @Test
    void splitsAHeadingChainAtEachHash() {
        assertEquals(List.of(
                "WL 'Ada Berg'#Key Facts (0,0)-(0,22) target=[Ada Berg](0,2)-(0,10) sub=[Key Facts](0,11)-(0,20)",
                "WL 'Ada Berg'#Key Facts#Phone (0,23)-(0,51) target=[Ada Berg](0,25)-(0,33)"
                        + " sub=[Key Facts#Phone](0,34)-(0,49)"),
                links("[[Ada Berg#Key Facts]] [[Ada Berg#Key Facts#Phone]]"));
        Link chain = parse("[[Ada Berg#Key Facts#Phone]]").links().get(0);
        assertEquals(List.of("Key Facts", "Phone"), chain.headings());
        assertNull(chain.blockId());
    }

    @Test
    void readsACaretAfterTheHashAsABlockReference() {
        assertEquals(List.of("WL 'Ada Berg'#^intro-1 (0,0)-(0,21) target=[Ada Berg](0,2)-(0,10) sub=[^intro-1](0,11)-(0,19)"),
                links("[[Ada Berg#^intro-1]]"));
        Link ref = parse("[[Ada Berg#^intro-1]]").links().get(0);
        assertEquals("intro-1", ref.blockId());
        assertEquals(List.of(), ref.headings());
    }

    @Test
    void aLinkWithoutAPathPointsIntoTheSameNote() {
        assertEquals(List.of(
                "WL ''#Key Facts (0,0)-(0,14) target=[](0,2)-(0,2) sub=[Key Facts](0,3)-(0,12)",
                "WL ''#^intro (0,19)-(0,30) target=[](0,21)-(0,21) sub=[^intro](0,22)-(0,28)"),
                links("[[#Key Facts]] and [[#^intro]]"));
        assertTrue(parse("[[#^intro]]").links().get(0).isSameNote());
    }

    @Test
    void keepsFolderAndRelativePathsAsWritten() {
        assertEquals(List.of(
                "WL 'People/Ada Berg' (0,0)-(0,19) target=[People/Ada Berg](0,2)-(0,17)",
                "WL './Ada Berg' (0,20)-(0,34) target=[./Ada Berg](0,22)-(0,32)",
                "WL '../Ada Berg' (0,35)-(0,50) target=[../Ada Berg](0,37)-(0,48)"),
                links("[[People/Ada Berg]] [[./Ada Berg]] [[../Ada Berg]]"));
    }

    @Test
    void trimsSpacesAroundTheTarget() {
        assertEquals(List.of("WL 'Ada Berg' (0,0)-(0,14) target=[Ada Berg](0,3)-(0,11)"), links("[[ Ada Berg ]]"));
    }

    @Test
    void embedsKeepTheirSizeAsAliasAndThePdfPageAsSubpath() {
        assertEquals(List.of(
                "EMBED 'diagram.png' |100x200 (0,0)-(0,24) target=[diagram.png](0,3)-(0,14) alias=[100x200](0,15)-(0,22)",
                "EMBED 'Spec.pdf'#page=3 (0,25)-(0,45) target=[Spec.pdf](0,28)-(0,36) sub=[page=3](0,37)-(0,43)",
                "EMBED 'Ada Berg' (0,46)-(0,59) target=[Ada Berg](0,49)-(0,57)"),
                links("![[diagram.png|100x200]] ![[Spec.pdf#page=3]] ![[Ada Berg]]"));
        assertTrue(parse("![[x.png]]").links().get(0).embed());
    }

    @Test
    void linksToAttachmentsKeepAnyExtension() {
        assertEquals(List.of(
                "WL 'report.xlsx' (0,0)-(0,15) target=[report.xlsx](0,2)-(0,13)",
                "WL 'Q3 deck.pptx' (0,16)-(0,32) target=[Q3 deck.pptx](0,18)-(0,30)",
                "WL 'scan.PDF' (0,33)-(0,45) target=[scan.PDF](0,35)-(0,43)"),
                links("[[report.xlsx]] [[Q3 deck.pptx]] [[scan.PDF]]"));
    }

    @Test
    void anEscapedBarInATableSeparatesTheAliasAndTheBackslashIsNotPartOfTheTarget() {
        assertEquals(List.of(
                "WL 'Ada Berg' |Ada (2,2)-(2,19) target=[Ada Berg](2,4)-(2,12) alias=[Ada](2,14)-(2,17)",
                "WL 'Bo Cho'#Key Facts |facts (2,22)-(2,49) target=[Bo Cho](2,24)-(2,30)"
                        + " sub=[Key Facts](2,31)-(2,40) alias=[facts](2,42)-(2,47)"),
                links("""
                        | Who | Note |
                        |-----|------|
                        | [[Ada Berg\\|Ada]] | [[Bo Cho#Key Facts\\|facts]] |
                        """));
    }

    @Test
    void emptyLinksAreNotLinks() {
        assertEquals(List.of(), links("[[]] [[|alias]] [[ ]] ![[]]"));
    }

    // ---- markdown links

    @Test
    void aMarkdownLinkToALocalFileIsDecoded() {
        assertEquals(List.of(
                "MD 'Ada Berg.md' (0,4)-(0,26) target=[Ada%20Berg.md](0,12)-(0,25)",
                "MD 'Ada Berg.md' (0,31)-(0,49) target=[Ada Berg.md](0,36)-(0,47)"),
                links("See [notes](Ada%20Berg.md) and [n](<Ada Berg.md>)."));
    }

    @Test
    void aMarkdownLinkCarriesAHeadingOrBlockAfterItsHash() {
        assertEquals(List.of(
                "MD 'Ada Berg.md'#Key Facts (0,0)-(0,30) target=[Ada%20Berg.md](0,4)-(0,17) sub=[Key%20Facts](0,18)-(0,29)",
                "MD 'Ada Berg.md'#^intro (0,31)-(0,56) target=[Ada%20Berg.md](0,35)-(0,48) sub=[^intro](0,49)-(0,55)",
                "MD ''#Local (0,57)-(0,68) target=[](0,61)-(0,61) sub=[Local](0,62)-(0,67)"),
                links("[h](Ada%20Berg.md#Key%20Facts) [b](Ada%20Berg.md#^intro) [s](#Local)"));
    }

    @Test
    void anAngleBracketLinkMayHoldSpacesInItsHeadingAndATitle() {
        assertEquals(List.of(
                "MD 'Ada Berg.md'#Key Facts (0,0)-(0,30) target=[Ada Berg.md](0,5)-(0,16) sub=[Key Facts](0,17)-(0,26)",
                "MD 'Bo.md' (0,31)-(0,55) target=[Bo.md](0,36)-(0,41)"),
                links("[k](<Ada Berg.md#Key Facts>  ) [b](<Bo.md> \"Bo's page\")"));
    }

    @Test
    void aMarkdownImageIsAnEmbed() {
        assertEquals(List.of("MDIMG 'img/Q3 chart.png' (0,0)-(0,28) target=[img/Q3%20chart.png](0,9)-(0,27)"),
                links("![chart](img/Q3%20chart.png)"));
    }

    @Test
    void anythingWithASchemeIsExternalAndNotALink() {
        Note note = parse("[w](https://example.com/#frag) [m](mailto:ada@example.com) "
                + "[o](obsidian://open?vault=CRM&file=Ada) [c](//cdn.example.com/x.md) <https://auto.example.com>\n"
                + "[s](<https://example.com/a b>)");
        assertEquals(List.of(), note.links());
        assertEquals(List.of(), note.tags());
    }

    @Test
    void spacesOutsideAngleBracketsAreNotALinkDestination() {
        assertEquals(List.of(), links("[t](Ada Berg.md)"));
    }

    // ---- headings

    @Test
    void readsAtxHeadingsWithTheRangeOfTheirText() {
        Note note = parse("# Ada Berg\n## Key Facts ##\n###### Six\n####### Seven\n#NoSpace\n");
        assertEquals(List.of(
                "H1 'Ada Berg' (0,2)-(0,10) line=(0,0)-(0,10)",
                "H2 'Key Facts' (1,3)-(1,12) line=(1,0)-(1,15)",
                "H6 'Six' (2,7)-(2,10) line=(2,0)-(2,10)"), headings(note));
        assertEquals(List.of("#NoSpace (4,1)-(4,8)"), strings(note.tags()), "'#NoSpace' is a tag, not a heading");
    }

    @Test
    void readsSetextHeadingsWhoseLineSpansTheUnderline() {
        assertEquals(List.of(
                "H1 'Ada Berg' (0,0)-(0,8) line=(0,0)-(1,8)",
                "H2 'Key Facts' (3,0)-(3,9) line=(3,0)-(4,9)"),
                headings(parse("Ada Berg\n========\n\nKey Facts\n---------\n")));
    }

    @Test
    void aHeadingMayHoldLinksAndTags() {
        Note note = parse("## Call with [[Ada Berg]] #crm");
        assertEquals(List.of("H2 'Call with [[Ada Berg]] #crm' (0,3)-(0,30) line=(0,0)-(0,30)"), headings(note));
        assertEquals(List.of("WL 'Ada Berg' (0,13)-(0,25)"), strings(note.links()));
        assertEquals(List.of("#crm (0,27)-(0,30)"), strings(note.tags()));
    }

    // ---- block ids

    @Test
    void aBlockIdEndsAParagraph() {
        assertEquals(List.of("^intro (1,10)-(1,16)"),
                strings(parse("First line\nends here ^intro\n\nNot ^mid here\nno space^glued\n").blocks()));
    }

    @Test
    void aBlockIdOnItsOwnLineNamesTheListQuoteOrTableBeforeIt() {
        assertEquals(List.of("^list-1 (3,0)-(3,7)", "^quote-1 (7,0)-(7,8)", "^table-1 (13,0)-(13,8)"),
                strings(parse("""
                        - one
                        - two

                        ^list-1

                        > quoted

                        ^quote-1

                        | a |
                        |---|
                        | 1 |

                        ^table-1
                        """).blocks()));
    }

    @Test
    void aBlockIdEndsAListItem() {
        assertEquals(List.of("^task-1 (0,11)-(0,18)"), strings(parse("- call Ada ^task-1\n- plain\n").blocks()));
    }

    @Test
    void headingsCodeAndCommentsHoldNoBlockIds() {
        assertEquals(List.of(), parse("""
                ## Key Facts ^facts
                Title ^setext
                =============
                ```
                code ^incode
                ```
                %%
                hidden ^incomment
                %%
                <!--
                hidden ^inhtml
                -->
                """).blocks());
    }

    // ---- tags

    @Test
    void aTagIsLettersDigitsUnderscoresDashesAndSlashesInAnyScript() {
        assertEquals(List.of(
                "#customer (0,6)-(0,14)",
                "#project/apollo (0,16)-(0,30)",
                "#Ünïcödé (0,32)-(0,39)",
                "#日本語 (0,41)-(0,44)",
                "#y2k (0,46)-(0,49)",
                "#a_b-c (0,51)-(0,56)"),
                strings(parse("Tags #customer #project/apollo #Ünïcödé #日本語 #y2k #a_b-c").tags()));
    }

    @Test
    void aTagStartsAfterWhitespaceOrAtTheStartOfALine() {
        assertEquals(List.of("#start (0,1)-(0,6)", "#mid (1,6)-(1,9)", "#afterTab (2,2)-(2,10)"),
                strings(parse("#start\nline #mid\n\t#afterTab").tags()));
    }

    @Test
    void punctuationAndATrailingSlashEndATag() {
        assertEquals(List.of("#end (0,1)-(0,4)", "#nested/tag (0,7)-(0,17)"),
                strings(parse("#end. #nested/tag/ x").tags()));
    }

    @Test
    void numbersWordsWithAHashAndHashesInLinksAreNotTags() {
        assertEquals(List.of(), parse("#2024 a#b C# x # [[Note#Heading]] `#code` [t](Note.md#Heading) "
                + "https://example.com/#frag").tags());
    }

    // ---- tasks

    @Test
    void aTaskIsAListItemWithACheckboxOfAnyStatus() {
        Note note = parse("""
                - [ ] Open
                * [x] Done
                1. [ ] Numbered
                2) [/] In progress
                - [-] Cancelled
                + [>] Forwarded
                > - [ ] Quoted
                - [] not a task
                - [ ]no space
                """);
        assertEquals(List.of(
                "TASK [ ] 'Open' (0,0)-(0,10)",
                "TASK [x] 'Done' (1,0)-(1,10)",
                "TASK [ ] 'Numbered' (2,0)-(2,15)",
                "TASK [/] 'In progress' (3,0)-(3,18)",
                "TASK [-] 'Cancelled' (4,0)-(4,15)",
                "TASK [>] 'Forwarded' (5,0)-(5,15)",
                "TASK [ ] 'Quoted' (6,2)-(6,14)"), strings(note.tasks()));
        assertEquals(List.of(true, false, true, true, false, true, true),
                note.tasks().stream().map(Task::isOpen).toList());
    }

    @Test
    void anOwnerTagIsAnAtNameButNotAnEmailNorInsideALinkOrCode() {
        Note note = parse("- [ ] Call @AdaBerg and @Bo_Cho, not ada@example.com, [[Cy Dunn|@Cy]] or `@Code`");
        assertEquals(List.of("TASK [ ] 'Call @AdaBerg and @Bo_Cho, not ada@example.com, [[Cy Dunn|@Cy]] or `@Code`'"
                + " (0,0)-(0,80) [@AdaBerg (0,11)-(0,19), @Bo_Cho (0,24)-(0,31)]"), strings(note.tasks()));
        assertEquals(List.of("WL 'Cy Dunn' |@Cy (0,54)-(0,69)"), strings(note.links()));
    }

    @Test
    void tasksPluginEmojiDatesBecomeFields() {
        assertEquals(List.of(
                "TASK [ ] 'Ship \uD83D\uDCC5 2026-01-10 \u23F3 2026-01-08 \uD83D\uDEEB 2026-01-05 \u2795 2026-01-01'"
                        + " (0,0)-(0,64) {created=2026-01-01, due=2026-01-10, scheduled=2026-01-08, start=2026-01-05}",
                "TASK [x] 'Done \u2705 2026-01-02' (1,0)-(1,23) {done=2026-01-02}",
                "TASK [-] 'Dropped \u274C 2026-01-03' (2,0)-(2,26) {cancelled=2026-01-03}"),
                strings(parse("- [ ] Ship \uD83D\uDCC5 2026-01-10 \u23F3 2026-01-08 \uD83D\uDEEB 2026-01-05 \u2795 2026-01-01\n"
                        + "- [x] Done \u2705 2026-01-02\n"
                        + "- [-] Dropped \u274C 2026-01-03\n").tasks()));
    }

    @Test
    void dataviewInlineFieldsBecomeFields() {
        assertEquals(List.of("TASK [ ] 'Renew [due:: 2026-01-10] (owner:: Ada Berg)' (0,0)-(0,49)"
                        + " {due=2026-01-10, owner=Ada Berg}"),
                strings(parse("- [ ] Renew [due:: 2026-01-10] (owner:: Ada Berg)").tasks()));
    }

    // ---- what code, comments and HTML hide

    @Test
    void nothingInsideCodeIsALinkTagHeadingTaskOrBlockId() {
        Note note = parse("""
                Code `[[InSpan]] #inspan` here.
                ```
                [[Fenced]] #fenced
                # not heading
                - [ ] not task
                para ^notblock
                ```
                ~~~
                [[Tilde]] #tilde
                ~~~

                    [[Indented]] #indented

                ```dataview
                TASK FROM [[Dv]] WHERE contains(text, "#dv")
                ```
                [[Real]] #real
                """);
        assertEquals(List.of("WL 'Real' (16,0)-(16,8)"), strings(note.links()));
        assertEquals(List.of("#real (16,10)-(16,14)"), strings(note.tags()));
        assertEquals(List.of(), note.headings());
        assertEquals(List.of(), note.tasks());
        assertEquals(List.of(), note.blocks());
    }

    @Test
    void anUnclosedFenceHidesTheRestOfTheNote() {
        Note note = parse("[[Before]]\n```\n[[InCode]] #incode\n");
        assertEquals(List.of("WL 'Before' (0,0)-(0,10)"), strings(note.links()));
        assertEquals(List.of(), note.tags());
    }

    @Test
    void percentCommentsHideInlineAndOverLinesAndAnUnclosedOneRunsToTheEnd() {
        Note note = parse("""
                %% [[Hidden]] #hidden %% shown [[Shown]] #shown
                %%
                # Hidden heading
                - [ ] hidden task
                text ^hidden
                %%
                after [[After]] `%%` [[AfterCode]]
                %% unclosed [[Gone]] #gone
                # Gone
                """);
        assertEquals(List.of("WL 'Shown' (0,31)-(0,40)", "WL 'After' (6,6)-(6,15)", "WL 'AfterCode' (6,21)-(6,34)"),
                strings(note.links()));
        assertEquals(List.of("#shown (0,42)-(0,47)"), strings(note.tags()));
        assertEquals(List.of(), note.headings());
        assertEquals(List.of(), note.tasks());
        assertEquals(List.of(), note.blocks());
    }

    @Test
    void htmlCommentsHideWhatTheyHold() {
        Note note = parse("""
                text <!-- [[InlineHtml]] #inline --> end #shown

                <!--
                [[BlockHtml]] #block
                # heading
                - [ ] task
                -->
                [[Real]]
                """);
        assertEquals(List.of("WL 'Real' (7,0)-(7,8)"), strings(note.links()));
        assertEquals(List.of("#shown (0,42)-(0,47)"), strings(note.tags()));
        assertEquals(List.of(), note.headings());
        assertEquals(List.of(), note.tasks());
    }

    // ---- line endings and UTF-16

    private static final String RICH = """
            ---
            title: Ada Berg
            tags: [crm]
            attendees: ["[[Bo Cho]]"]
            ---
            # Ada Berg
            Met [[Bo Cho#Key Facts|Bo]] about #apollo ^met

            Setext
            ------
            - [ ] Call @AdaBerg \uD83D\uDCC5 2026-01-10
            > [!note]
            > quoted [[Cy Dunn]]

            ```
            [[Nope]]
            ```
            %% [[Hidden]]
            %%
            ^after
            """;

    @Test
    void crlfLineEndingsGiveTheSamePositionsAsLineFeeds() {
        Note lf = parse(RICH);
        Note crlf = parse(RICH.replace("\n", "\r\n"));
        assertEquals(snapshot(lf), snapshot(crlf));
        assertEquals(3, lf.links().size(), snapshot(lf));
        assertEquals(List.of("H1 'Ada Berg' (5,2)-(5,10) line=(5,0)-(5,10)", "H2 'Setext' (8,0)-(8,6) line=(8,0)-(9,6)"),
                headings(crlf));
    }

    @Test
    void anAstralCharacterShiftsWhatFollowsByTwoCharacters() {
        Note note = parse("\uD83D\uDE00 [[Ada Berg]] #tag ^blk\n- [ ] \uD83D\uDCDE call @Ada");
        assertEquals(List.of("WL 'Ada Berg' (0,3)-(0,15) target=[Ada Berg](0,5)-(0,13)"),
                note.links().stream().map(l -> describe(note, l)).toList());
        assertEquals(List.of("#tag (0,17)-(0,20)"), strings(note.tags()));
        assertEquals(List.of("^blk (0,21)-(0,25)"), strings(note.blocks()));
        assertEquals("[@Ada (1,14)-(1,18)]", note.tasks().get(0).owners().toString());
    }

    @Test
    void everyRangeCoversTheTextItNames() {
        Note note = parse(RICH + "![[pic.png|50]] [x](Ada%20Berg.md#Key%20Facts) #a/b\n");
        String text = note.text();
        for (Link l : note.links()) {
            String whole = text.substring(l.span().startOffset(), l.span().endOffset());
            assertTrue(whole.matches("!?\\[.*[])]"), l + " covers " + whole);
            if (l.kind() == Link.Kind.WIKI) {
                assertEquals(l.target(), text.substring(l.targetSpan().startOffset(), l.targetSpan().endOffset()), l.toString());
            }
            if (l.alias() != null) {
                assertEquals(l.alias(), text.substring(l.aliasSpan().startOffset(), l.aliasSpan().endOffset()));
            }
            assertTrue(l.span().startOffset() <= l.targetSpan().startOffset()
                    && l.targetSpan().endOffset() <= l.span().endOffset(), l.toString());
        }
        for (Tag t : note.tags()) {
            assertEquals(t.name(), text.substring(t.span().startOffset(), t.span().endOffset()), t.toString());
        }
        for (Heading h : note.headings()) {
            assertEquals(h.text(), text.substring(h.textSpan().startOffset(), h.textSpan().endOffset()), h.toString());
        }
        for (BlockId b : note.blocks()) {
            assertEquals("^" + b.id(), text.substring(b.span().startOffset(), b.span().endOffset()));
        }
        for (Task task : note.tasks()) {
            for (OwnerRef o : task.owners()) {
                assertEquals("@" + o.name(), text.substring(o.span().startOffset(), o.span().endOffset()));
            }
        }
        assertFalse(note.tags().isEmpty());
        assertEquals(5, note.links().size(), snapshot(note));
    }
}
