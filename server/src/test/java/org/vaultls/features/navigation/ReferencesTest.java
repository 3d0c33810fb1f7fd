package org.vaultls.features.navigation;

import static org.vaultls.features.navigation.CursorVault.assertLocations;

import org.junit.jupiter.api.Test;

class ReferencesTest {

    private static final String APOLLO = """
            # Apollo

            ## Scope

            One region first. ^region-choice

            ## Risks
            """;

    private static void assertReferences(CursorVault v, boolean includeDeclaration, String... expected) {
        assertLocations(Navigation.references(v.index(), v.note(), v.offset(), includeDeclaration), expected);
    }

    @Test
    void aLinkFindsEveryBacklinkOfItsNoteWhateverTheSubpath() {
        assertReferences(CursorVault.of(
                "Daily/a.md", "Started [[Apo{|}llo]]",
                "Daily/b.md", "Risks: [[Projects/Apollo#Risks]] and [see](../Projects/Apollo.md)",
                "Daily/c.md", "Not these: [[Old/Projects/Apollo]] [[Apollo 13]]",
                "Projects/Apollo.md", APOLLO,
                "Old/Projects/Apollo.md", "# An older Apollo\n"),
                false,
                "Daily/a.md 0:8-18",
                "Daily/b.md 0:7-32",
                "Daily/b.md 0:37-65");
    }

    @Test
    void includingTheDeclarationAddsTheNotesTitle() {
        assertReferences(CursorVault.of(
                "Daily/a.md", "Started [[Apo{|}llo]]",
                "Projects/Apollo.md", APOLLO),
                true,
                "Daily/a.md 0:8-18",
                "Projects/Apollo.md 0:0-8");
    }

    @Test
    void aLinkToAHeadingFindsOnlyLinksToThatHeadingComparedAsObsidianDoes() {
        assertReferences(CursorVault.of(
                "Daily/a.md", "[[Apollo#Sc{|}ope]]",
                "Daily/b.md", "[[apollo#scope]] [[Apollo#Risks]] [[Apollo]] [[Apollo#Apollo#Scope]]",
                "Projects/Apollo.md", APOLLO),
                true,
                "Daily/a.md 0:0-16",
                "Daily/b.md 0:0-16",
                "Daily/b.md 0:45-68",
                "Projects/Apollo.md 2:0-8");
    }

    @Test
    void aHeadingUnderTheCursorFindsLinksToIt() {
        assertReferences(CursorVault.of(
                "Projects/Apollo.md", APOLLO.replace("## Risks", "## Ri{|}sks") + "\nSee [[#Risks]].\n",
                "Daily/b.md", "[[Apollo#Risks]] [[Apollo#Scope]]"),
                false,
                "Daily/b.md 0:0-16",
                "Projects/Apollo.md 8:4-14");
    }

    @Test
    void aHeadingIsAlsoReachedByLinksToItsSubheadingsThatNameIt() {
        assertReferences(CursorVault.of(
                "Projects/Apollo.md", "# Apollo\n\n## Sc{|}ope\n\n### Goals\n",
                "Daily/b.md", "[[Apollo#Scope#Goals]] [[Apollo#Goals]]"),
                false,
                "Daily/b.md 0:0-22");
    }

    @Test
    void aFirstHeadingThatIsNotTheNotesNameFindsOnlyLinksToIt() {
        assertReferences(CursorVault.of(
                "Plan.md", "# Over{|}view\n",
                "Daily/b.md", "[[Plan]] [[Plan#Overview]]"),
                true,
                "Daily/b.md 0:9-26",
                "Plan.md 0:0-10");
    }

    @Test
    void aBlockIdFindsLinksToThatBlock() {
        assertReferences(CursorVault.of(
                "Projects/Apollo.md", APOLLO.replace("^region-choice", "^region-{|}choice"),
                "Daily/b.md", "![[Apollo#^region-choice]] [[Apollo#^other]]"),
                true,
                "Daily/b.md 0:0-26",
                "Projects/Apollo.md 4:18-32");
    }

    @Test
    void aPersonsTitleFindsTheirBacklinksAndTheTasksTheyOwn() {
        assertReferences(CursorVault.of(
                "People/Ada Berg.md", SeedNotes.ADA_BERG.replace("# Ada Berg", "# Ada{|} Berg"),
                "Meetings/2025-12-19 - Lakehouse kickoff.md", SeedNotes.KICKOFF,
                "People/Tomás O'Neil.md", SeedNotes.TOMAS),
                false,
                "Meetings/2025-12-19 - Lakehouse kickoff.md 6:11-23",
                "Meetings/2025-12-19 - Lakehouse kickoff.md 10:30-38",
                "Meetings/2025-12-19 - Lakehouse kickoff.md 11:29-37",
                "Meetings/2025-12-19 - Lakehouse kickoff.md 12:28-36");
    }

    @Test
    void anOwnerTagFindsThePersonsBacklinksAndTasksAndTheirTitle() {
        assertReferences(CursorVault.of(
                "Meetings/2025-12-19 - Lakehouse kickoff.md",
                SeedNotes.KICKOFF.replace("@TomásONeil", "@Tomás{|}ONeil"),
                "People/Tomás O'Neil.md", SeedNotes.TOMAS,
                "People/Ada Berg.md", SeedNotes.ADA_BERG),
                true,
                "Meetings/2025-12-19 - Lakehouse kickoff.md 6:25-41",
                "Meetings/2025-12-19 - Lakehouse kickoff.md 13:27-38",
                "People/Tomás O'Neil.md 8:0-14");
    }

    @Test
    void anOwnerTagOfNoPersonFindsTheSameTagElsewhere() {
        assertReferences(CursorVault.of(
                "Daily/a.md", "- [ ] Call @Ghost{|}Writer\n",
                "Daily/b.md", "- [ ] Pay @ghostwriter\n- [ ] Pay @Ghost\n"),
                true,
                "Daily/a.md 0:11-23",
                "Daily/b.md 0:10-22");
    }

    @Test
    void aBrokenLinkFindsTheOtherLinksToTheSameMissingNote() {
        assertReferences(CursorVault.of(
                "Daily/a.md", "[[Lakehouse{|} RFC]]",
                "Daily/b.md", "[[lakehouse rfc#Goals]] [[Lakehouse]]"),
                false,
                "Daily/a.md 0:0-17",
                "Daily/b.md 0:0-23");
    }

    @Test
    void aTagFindsEveryUseOfTheTagIgnoringCase() {
        assertReferences(CursorVault.of(
                "Daily/a.md", "Filed #project/lake{|}house",
                "Daily/b.md", "---\ntags: [Project/Lakehouse]\n---\n#project/lakehouse-old #project\n"),
                false,
                "Daily/a.md 0:7-24",
                "Daily/b.md 1:7-24");
    }

    @Test
    void anAttachmentLinkFindsEveryEmbedOfTheFile() {
        assertReferences(CursorVault.of(
                "Daily/a.md", "![[diagram{|}.png]]",
                "Daily/b.md", "![[Assets/diagram.png|300]] ![[other.png]]",
                "Assets/diagram.png", "",
                "Assets/other.png", ""),
                true,
                "Assets/diagram.png 0:0-0",
                "Daily/a.md 0:0-16",
                "Daily/b.md 0:0-27");
    }

    @Test
    void aLinkToAPersonAlsoFindsTheOwnerTagsOfTheirTasks() {
        assertReferences(CursorVault.of(
                "Daily/d.md", "Lunch with [[Ada Berg{|}]]",
                "People/Ada Berg.md", SeedNotes.ADA_BERG,
                "Meetings/m.md", "- [ ] Send notes @AdaBerg\n"),
                false,
                "Daily/d.md 0:11-23",
                "Meetings/m.md 0:17-25");
    }

    @Test
    void aLinkToAMissingHeadingFindsTheOtherLinksToThatMissingHeading() {
        assertReferences(CursorVault.of(
                "Daily/a.md", "[[Apollo#Budget{|}]]",
                "Daily/b.md", "[[Apollo#budget]] [[Apollo#Scope]] [[Apollo]]",
                "Projects/Apollo.md", APOLLO),
                true,
                "Daily/a.md 0:0-17",
                "Daily/b.md 0:0-17");
    }

    @Test
    void linksWrittenWithDecomposedAccentsStillCount() {
        assertReferences(CursorVault.of(
                "People/Tomás O'Neil.md", SeedNotes.TOMAS.replace("# Tomás O'Neil", "# Tomás{|} O'Neil"),
                "Daily/d.md", "Met [[Toma\u0301s O'Neil]] and [[TOMÁS O'NEIL.md]]"),
                false,
                "Daily/d.md 0:4-21",
                "Daily/d.md 0:26-45");
    }

    @Test
    void theFrontmatterTitleLineOfAPersonWorksLikeTheirTitleHeading() {
        assertReferences(CursorVault.of(
                "People/Tomás O'Neil.md", SeedNotes.TOMAS.replace("title: Tomás", "title: Tom{|}ás"),
                "Meetings/2025-12-19 - Lakehouse kickoff.md", SeedNotes.KICKOFF),
                true,
                "Meetings/2025-12-19 - Lakehouse kickoff.md 6:25-41",
                "Meetings/2025-12-19 - Lakehouse kickoff.md 13:27-38",
                "People/Tomás O'Neil.md 2:0-19");
    }
}
