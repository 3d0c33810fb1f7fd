package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaultls.TestVault;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * Link resolution as Obsidian does it, as tables over one vault whose names are chosen to trip a
 * resolver up: the same name in several folders, a folder name that is a suffix of another, a file
 * name stored decomposed (as macOS writes it), names with dots, and attachments.
 */
class LinkResolutionTest {
    /** "Tomás Ruiz" with the accent as a combining character: the bytes a Mac file system returns. */
    static final String TOMAS_DECOMPOSED = "Toma\u0301s Ruiz";

    static final VaultIndex VAULT = TestVault.of(
            "Home.md", "# Home\n",
            "Plan.md", "# Plan at the root\n",
            "projects/Plan.md", "# Plan of projects\n",
            "projects/Kickoff.md", "",
            "a/b/Note.md", "",
            "a/b/Other.md", "",
            "a/b/c/Leaf.md", "",
            "a/c/Deep.md", "",
            "ab/Note.md", "",
            "ab/Sibling.md", "",
            "xb/Memo.md", "",
            "x/y/Report.md", "",
            "archive/Report.md", "",
            "people/" + TOMAS_DECOMPOSED + ".md", "",
            "people/E. M. Forster.md", "",
            "people/Ada Berg.md", "---\naliases: [Ada, The Admiral]\n---\n",
            "notes/v1.2 notes.md", "",
            "releases/v1.2.md", "",
            "assets/org-chart.png", "",
            "assets/Quarterly report.pdf", "",
            "assets/logo.svg", "",
            "a/b/logo.svg", "",
            "docs/Specs.md", """
                    # Spec: Overview
                    Intro.
                    ## [Draft] Goals | 2024
                    Goals text.
                    ### Sub^goal
                    ## Risks
                    Main risk. ^risk-1
                    # Appendix
                    ## Risks
                    ### Mitigation
                    - mitigate early ^Mit-2
                    """).index();

    @ParameterizedTest(name = "from {0}: {1} resolves to {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # from              | link                            | resolves to
            # case-insensitive, .md optional for notes
            Home.md             | [[Home]]                        | Home.md
            Home.md             | [[home]]                        | Home.md
            Home.md             | [[HOME.md]]                     | Home.md
            # unicode compared after NFC: the file name is decomposed, the links are composed
            Home.md             | [[Tomás Ruiz]]                  | people/Tomás Ruiz.md
            Home.md             | [[TOMÁS RUIZ]]                  | people/Tomás Ruiz.md
            Home.md             | [[people/tomás ruiz.md]]        | people/Tomás Ruiz.md
            Home.md             | [[Tomas Ruiz]]                  | BROKEN
            # names with dots are notes, not attachments
            Home.md             | [[E. M. Forster]]               | people/E. M. Forster.md
            Home.md             | [[v1.2 notes]]                  | notes/v1.2 notes.md
            Home.md             | [[v1.2]]                        | releases/v1.2.md
            # attachments need their extension
            Home.md             | [[org-chart]]                   | BROKEN
            Home.md             | [[org-chart.png]]               | assets/org-chart.png
            Home.md             | [[Org-Chart.PNG]]               | assets/org-chart.png
            Home.md             | ![[assets/org-chart.png]]       | assets/org-chart.png
            Home.md             | [[Quarterly report.pdf]]        | assets/Quarterly report.pdf
            Home.md             | [[Quarterly report]]            | BROKEN
            Home.md             | [[org-chart.png.md]]            | BROKEN
            Home.md             | [[logo.svg]]                    | a/b/logo.svg AMBIGUOUS
            a/b/Other.md        | ![[logo.svg]]                   | a/b/logo.svg
            Home.md             | [[assets/logo.svg]]             | assets/logo.svg
            # exact vault path, else a note whose path ends with the link's path at a folder boundary
            Home.md             | [[a/b/Note]]                    | a/b/Note.md
            Home.md             | [[b/Note]]                      | a/b/Note.md
            Home.md             | [[B/NOTE.md]]                   | a/b/Note.md
            Home.md             | [[Memo]]                        | xb/Memo.md
            Home.md             | [[b/Memo]]                      | BROKEN
            Home.md             | [[y/Report]]                    | x/y/Report.md
            # several candidates: the linking note's own folder wins, else the shortest path string
            Home.md             | [[Note]]                        | ab/Note.md AMBIGUOUS
            a/b/Other.md        | [[Note]]                        | a/b/Note.md
            ab/Sibling.md       | [[Note]]                        | ab/Note.md
            a/b/c/Leaf.md       | [[Note]]                        | ab/Note.md AMBIGUOUS
            Home.md             | [[Report]]                      | x/y/Report.md AMBIGUOUS
            archive/Report.md   | [[Report]]                      | archive/Report.md
            # an exact vault path beats a note in the linking note's folder
            projects/Kickoff.md | [[Plan]]                        | Plan.md
            projects/Kickoff.md | [[projects/Plan]]               | projects/Plan.md
            # ./ and ../ are relative to the linking note, with no fallback
            a/b/Other.md        | [[./Note]]                      | a/b/Note.md
            a/b/Other.md        | [[./c/Leaf]]                    | a/b/c/Leaf.md
            a/b/Other.md        | [[../c/Deep]]                   | a/c/Deep.md
            a/b/Other.md        | [[../../Home]]                  | Home.md
            a/b/Other.md        | [[../../assets/org-chart.png]]  | assets/org-chart.png
            Home.md             | [[./Home]]                      | Home.md
            a/b/Other.md        | [[./Home]]                      | BROKEN
            a/b/Other.md        | [[./Deep]]                      | BROKEN
            a/b/Other.md        | [[../Leaf]]                     | BROKEN
            a/b/Other.md        | [[../../../Home]]               | BROKEN
            Home.md             | [[../Home]]                     | BROKEN
            # aliases do not resolve a bare link
            Home.md             | [[Ada Berg]]                    | people/Ada Berg.md
            Home.md             | [[Ada]]                         | BROKEN
            Home.md             | [[The Admiral]]                 | BROKEN
            # markdown links follow the same rules, with %-escapes decoded
            Home.md             | [Ada](people/Ada%20Berg.md)     | people/Ada Berg.md
            a/b/Other.md        | [up](../../Home.md)             | Home.md
            Home.md             | [x](Nowhere.md)                 | BROKEN
            """)
    void resolvesLikeObsidian(String from, String linkText, String expected) {
        Link link = onlyLink(from, linkText);
        Resolution r = VAULT.resolve(VAULT.note(from).orElseThrow(), link);
        String actual = r.isBroken() ? "BROKEN"
                : Normalizer.normalize(r.path(), Normalizer.Form.NFC) + (r.ambiguous() ? " AMBIGUOUS" : "");
        assertEquals(expected, actual, () -> linkText + " from " + from + ": " + r);
    }

    @ParameterizedTest(name = "from {0}: {1} finds {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # from          | link                                | finds
            # headings compare after dropping [ ] | ^ # : and collapsing spaces, ignoring case
            Home.md         | [[Specs#Spec: Overview]]            | heading 'Spec: Overview' on line 0
            Home.md         | [[Specs#spec overview]]             | heading 'Spec: Overview' on line 0
            Home.md         | [[Specs#Spec   Overview]]           | heading 'Spec: Overview' on line 0
            Home.md         | [[Specs#Draft Goals 2024]]          | "heading '[Draft] Goals | 2024' on line 2"
            Home.md         | [[Specs#Subgoal]]                   | heading 'Sub^goal' on line 4
            Home.md         | [[Specs#Overview]]                  | BROKEN-HEADING
            Home.md         | [[Specs#Risks]]                     | heading 'Risks' on line 5
            # each heading of a chain must exist inside the section of the one before it
            Home.md         | [[Specs#Spec Overview#Risks]]       | heading 'Risks' on line 5
            Home.md         | [[Specs#Appendix#Risks]]            | heading 'Risks' on line 8
            Home.md         | [[Specs#Appendix#Mitigation]]       | heading 'Mitigation' on line 9
            Home.md         | [[Specs#Appendix#Risks#Mitigation]] | heading 'Mitigation' on line 9
            Home.md         | [[Specs#Spec Overview#Subgoal]]     | heading 'Sub^goal' on line 4
            Home.md         | [[Specs#Spec Overview#Mitigation]]  | BROKEN-HEADING
            Home.md         | [[Specs#Draft Goals 2024#Risks]]    | BROKEN-HEADING
            Home.md         | [[Specs#Risks#Spec Overview]]       | BROKEN-HEADING
            Home.md         | [[Specs#Mitigation#Appendix]]       | BROKEN-HEADING
            # block ids match exactly
            Home.md         | [[Specs#^risk-1]]                   | block '^risk-1' on line 6
            Home.md         | [[Specs#^Mit-2]]                    | block '^Mit-2' on line 10
            Home.md         | [[Specs#^RISK-1]]                   | BROKEN-BLOCK
            Home.md         | [[Specs#^risk]]                     | BROKEN-BLOCK
            # same-note links
            docs/Specs.md   | [[#Risks]]                          | heading 'Risks' on line 5
            docs/Specs.md   | [[#Appendix#Risks]]                 | heading 'Risks' on line 8
            docs/Specs.md   | [[#^risk-1]]                        | block '^risk-1' on line 6
            docs/Specs.md   | [[#Nope]]                           | BROKEN-HEADING
            Home.md         | [[#Home]]                           | heading 'Home' on line 0
            Home.md         | [[#Risks]]                          | BROKEN-HEADING
            Home.md         | [[#^risk-1]]                        | BROKEN-BLOCK
            """)
    void findsHeadingsAndBlocksLikeObsidian(String from, String linkText, String expected) {
        Link link = onlyLink(from, linkText);
        Resolution r = VAULT.resolve(VAULT.note(from).orElseThrow(), link);
        Note target = VAULT.note(r.path()).orElseThrow(() -> new AssertionError(linkText + " is broken: " + r));
        String actual;
        if (link.blockId() != null) {
            Optional<BlockId> b = VaultIndex.findBlock(target, link.blockId());
            actual = b.map(x -> "block '^" + x.id() + "' on line " + x.span().start().line()).orElse("BROKEN-BLOCK");
        } else {
            Optional<Heading> h = VaultIndex.findHeading(target, link.headings());
            actual = h.map(x -> "heading '" + x.text() + "' on line " + x.span().start().line())
                    .orElse("BROKEN-HEADING");
        }
        assertEquals(expected, actual, () -> linkText + " from " + from);
    }

    @Test
    void aComposedLinkResolvesToTheDecomposedFileNameAsStored() {
        Resolution r = resolve("Home.md", "[[Tomás Ruiz]]");
        assertEquals("people/" + TOMAS_DECOMPOSED + ".md", r.path());
        assertTrue(r.note());
    }

    @Test
    void aDecomposedLinkResolvesToAComposedFileName() {
        VaultIndex vault = TestVault.of("people/José Núñez.md", "", "Home.md", "").index();
        Note home = vault.note("Home.md").orElseThrow();
        Link link = onlyLink("Home.md", "[[Jose\u0301 Nu\u0301n\u0303ez]]");
        assertEquals("people/José Núñez.md", vault.resolve(home, link).path());
    }

    @Test
    void anAmbiguousLinkListsEveryCandidateChosenFirst() {
        Resolution r = resolve("Home.md", "[[Note]]");
        assertTrue(r.ambiguous());
        assertEquals(List.of("ab/Note.md", "a/b/Note.md"), r.candidates());
    }

    @Test
    void aNoteInTheLinkingFolderWinsWithoutBeingAGuess() {
        Resolution r = resolve("a/b/Other.md", "[[Note]]");
        assertFalse(r.ambiguous());
        assertEquals("a/b/Note.md", r.path());
        assertEquals(List.of("a/b/Note.md", "ab/Note.md"), r.candidates());
    }

    @Test
    void aUniqueMatchHasNoCandidates() {
        Resolution r = resolve("Home.md", "[[b/Note]]");
        assertEquals(List.of(), r.candidates());
        assertFalse(r.ambiguous());
    }

    @Test
    void attachmentsAndNotesAreToldApart() {
        assertTrue(resolve("Home.md", "[[org-chart.png]]").isAttachment());
        assertFalse(resolve("Home.md", "[[E. M. Forster]]").isAttachment());
        assertTrue(resolve("Home.md", "[[E. M. Forster]]").note());
    }

    @Test
    void aSameNoteLinkResolvesToTheLinkingNote() {
        assertEquals("docs/Specs.md", resolve("docs/Specs.md", "[[#Risks]]").path());
    }

    @Test
    void headingKeyDropsObsidiansSpecialCharactersAndCollapsesSpaces() {
        assertEquals("draft goals 2024", VaultIndex.headingKey("[Draft]  Goals | 2024"));
        assertEquals("q3 review", VaultIndex.headingKey("  Q3: ^Review#  "));
    }

    private static Resolution resolve(String from, String linkText) {
        return VAULT.resolve(VAULT.note(from).orElseThrow(), onlyLink(from, linkText));
    }

    /** The one link of {@code text}, parsed as if written in the note at {@code from}. */
    private static Link onlyLink(String from, String text) {
        List<Link> links = NoteParser.parse(from, text).links();
        assertEquals(1, links.size(), () -> "expected one link in " + text + ": " + links);
        return links.get(0);
    }
}
