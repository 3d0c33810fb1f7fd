package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vaultls.TestVault;
import org.vaultls.vault.Task;

/** People of the vault: who counts as one, their owner tags, the facts read from their note, their tasks. */
class PeopleTest {
    /** A person note in the exact shape the vault's generator writes (see the seed notes); fictional. */
    static final String SIOBHAN = """
            ---
            type: people
            title: Siobhán O'Neill
            created: '2026-01-03'
            last_contact: '2025-12-19'
            auto_created: true
            aliases:
            - Shiv
            - S. O'Neill
            tags:
            - type/people
            - needs-review
            ---

            # Siobhán O'Neill

            ## Contact Information

            | Field | Value |
            |-------|-------|
            | **Role** |  |
            | **Company** | Northwind Traders |
            | **Department** | _Unknown_ |
            | **Email** | _Unknown_ |
            | **Phone** | _Unknown_ |
            | **LinkedIn** | _Unknown_ |
            | **Location** | _Unknown_ |

            ## Relationship

            _How do you work with this person? What is your dynamic?_

            ## Tasks They Own

            _Action items this person is responsible for:_

            ```dataview
            TASK
            WHERE contains(text, "@SiobhánONeill") AND !completed
            SORT due ASC
            ```

            ## Key Facts

            - Runs the Lisbon data centre migration; wants a weekly status by email.
            - Prefers S3 compatibility over a custom API (~40 PB in scope).
            - Reports to the CIO since 2024.

            ## Topics Discussed

            Storage roadmap, Lisbon migration, budget for 2026

            ## Recent Context

            - 2025-12-19: [[2025-12-19]] - Weekly sync on the Lisbon migration... (via Kofi Mensah)

            ## Related Customers

            - [[Northwind Traders]]
            """;

    private static Person person(VaultIndex index, String path) {
        return index.person(path).orElseThrow(() -> new AssertionError(path + " is not a person"));
    }

    @Test
    void readsEverythingFromASeedShapedPersonNote() {
        Person p = person(TestVault.of("people/Siobhán O'Neill.md", SIOBHAN).index(), "people/Siobhán O'Neill.md");
        assertEquals("Siobhán O'Neill", p.title());
        assertEquals(List.of("SiobhánONeill", "Shiv", "SONeill"), p.ownerTags());
        assertEquals("@SiobhánONeill", p.ownerTag());
        assertNull(p.role(), "an empty Role cell is unknown");
        assertEquals("Northwind Traders", p.company());
        assertEquals("2025-12-19", p.lastContact());
        assertEquals(List.of(
                "Runs the Lisbon data centre migration; wants a weekly status by email.",
                "Prefers S3 compatibility over a custom API (~40 PB in scope).",
                "Reports to the CIO since 2024."), p.keyFacts());
    }

    @ParameterizedTest(name = "{0} is @{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            # title                      | owner tag
            Kofi Mensah                  | KofiMensah
            Siobhán O'Neill              | SiobhánONeill
            Jean-Luc Moreau              | JeanLucMoreau
            Ngozi O’Brien                | NgoziOBrien
            Dr. Ana-María Díaz (CFO)     | DrAnaMaríaDíazCFO
            Zoë van der Berg             | ZoëvanderBerg
            R2 D2                        | R2D2
            李 小龙                       | 李小龙
            """)
    void theOwnerTagIsTheTitleWithoutSpacesAndPunctuation(String title, String tag) {
        VaultIndex index = TestVault.of("people/p.md", "---\ntype: person\ntitle: \"" + title + "\"\n---\n").index();
        assertEquals(List.of(tag), person(index, "people/p.md").ownerTags());
        assertEquals("people/p.md", index.personByOwnerTag(tag).map(Person::path).orElseThrow());
    }

    @Test
    void theTitleIsTheFileNameWhenTheFrontmatterHasNone() {
        VaultIndex index = TestVault.of(
                "people/Kofi Mensah.md", "---\ntype: people\n---\n",
                "people/jl.md", "---\ntype: people\ntitle: Jean-Luc Moreau\n---\n").index();
        assertEquals("Kofi Mensah", person(index, "people/Kofi Mensah.md").title());
        assertEquals(List.of("KofiMensah"), person(index, "people/Kofi Mensah.md").ownerTags());
        assertEquals(List.of("JeanLucMoreau"), person(index, "people/jl.md").ownerTags());
        assertTrue(index.personByOwnerTag("jl").isEmpty());
    }

    @Test
    void ownerTagsCompareIgnoringCaseAndUnicodeForm() {
        VaultIndex index = TestVault.of("people/Siobhán O'Neill.md", SIOBHAN).index();
        for (String tag : List.of("siobhánoneill", "SIOBHÁNONEILL", "Siobha\u0301nONeill", "shiv", "soneill")) {
            assertTrue(index.personByOwnerTag(tag).isPresent(), tag);
        }
        assertTrue(index.personByOwnerTag("SiobhanONeill").isEmpty(), "an accent is not dropped");
    }

    @Test
    void anAliasThatIsTheTitleAgainGivesNoSecondTag() {
        VaultIndex index = TestVault.of("people/Kofi.md", """
                ---
                type: people
                title: Kofi Mensah
                aliases: [Kofi Mensah, KM]
                ---
                """).index();
        assertEquals(List.of("KofiMensah", "KM"), person(index, "people/Kofi.md").ownerTags());
    }

    @Test
    void aPersonIsANoteOfAPeopleTypeOrTag() {
        VaultIndex index = TestVault.of(
                "a.md", "---\ntype: people\n---\n",
                "b.md", "---\ntype: Person\n---\n",
                "c.md", "---\ntype: [customer, person]\n---\n",
                "d.md", "---\ntags: [Type/People]\n---\n",
                "e.md", "Met at the fair. #type/people\n",
                "f.md", "---\ntype: customer\n---\n",
                "g.md", "---\ntags: [type/people-archive]\n---\n",
                "h.md", "# People I know\n").index();
        assertEquals(List.of("a.md", "b.md", "c.md", "d.md", "e.md"),
                index.people().stream().map(Person::path).toList());
    }

    @Test
    void thePeopleTypesAndTagsAreConfigurable() {
        VaultIndex index = TestVault.of(
                "a.md", "---\ntype: Contact\n---\n",
                "b.md", "---\ntags: [crm/person]\n---\n",
                "c.md", "---\ntype: people\n---\n",
                "d.md", "---\ntags: [type/people]\n---\n").config("""
                {"people": {"types": ["contact"], "tags": ["CRM/Person"]}}
                """).index();
        assertEquals(List.of("a.md", "b.md"), index.people().stream().map(Person::path).toList());
    }

    @Test
    void roleAndCompanyComeFromFrontmatterBeforeTheContactTable() {
        Person p = person(TestVault.of("people/Kofi Mensah.md", """
                ---
                type: people
                role: CTO
                company: Contoso
                ---
                | Field | Value |
                |-------|-------|
                | **Role** | Head of Storage |
                | **Company** | Northwind Traders |
                """).index(), "people/Kofi Mensah.md");
        assertEquals("CTO", p.role());
        assertEquals("Contoso", p.company());
    }

    @Test
    void anUnknownFrontmatterValueFallsBackToTheTable() {
        Person p = person(TestVault.of("people/Kofi Mensah.md", """
                ---
                type: people
                role: _Unknown_
                company: ""
                ---
                | Field | Value |
                |-------|-------|
                | **Role** | Head of Storage |
                | **Company** | Northwind Traders |
                """).index(), "people/Kofi Mensah.md");
        assertEquals("Head of Storage", p.role());
        assertEquals("Northwind Traders", p.company());
    }

    @Test
    void anUnknownOrMissingTableRowGivesNothing() {
        Person p = person(TestVault.of("people/Kofi Mensah.md", """
                ---
                type: people
                last_contact: 2025-11-06
                ---
                | Field | Value |
                |-------|-------|
                | **Role** | _Unknown_ |
                | **Email** | kofi@example.com |
                """).index(), "people/Kofi Mensah.md");
        assertNull(p.role());
        assertNull(p.company());
        assertEquals("2025-11-06", p.lastContact());
    }

    @Test
    void keyFactsStopAtTheNextHeadingOfAnyLevel() {
        Person p = person(TestVault.of("people/Kofi Mensah.md", """
                ---
                type: people
                ---
                ## Key Facts
                Some prose first.
                - Leads the platform team.
                  - a detail under it, not a fact of its own
                1. Joined in 2019.
                * Speaks Twi and French.
                -
                ### Older notes
                - Used to work at Contoso.
                ## Topics Discussed
                - Not a fact.
                """).index(), "people/Kofi Mensah.md");
        assertEquals(List.of("Leads the platform team.", "Joined in 2019.", "Speaks Twi and French."), p.keyFacts());
    }

    @Test
    void theKeyFactsHeadingIsConfigurable() {
        VaultIndex index = TestVault.of("people/Kofi Mensah.md", """
                ---
                type: people
                ---
                ## Key Facts
                - Not read.
                ## highlights
                - Leads the platform team.
                """).config("""
                {"keyFactsHeading": "Highlights"}
                """).index();
        assertEquals(List.of("Leads the platform team."), person(index, "people/Kofi Mensah.md").keyFacts());
    }

    @Test
    void aPersonWithoutKeyFactsHasNone() {
        VaultIndex index = TestVault.of("people/Kofi Mensah.md", "---\ntype: people\n---\n# Kofi\n").index();
        assertEquals(List.of(), person(index, "people/Kofi Mensah.md").keyFacts());
    }

    @Test
    void tasksOwnedByAPersonCoverEveryOwnerTagOnceInPathAndLineOrder() {
        VaultIndex index = TestVault.of(
                "people/Siobhán O'Neill.md", SIOBHAN,
                "meetings/2025-01-10 Sync.md", """
                        - [ ] Send the deck @SiobhánONeill 📅 2025-01-17
                        - [x] Book the room @Shiv
                        - [ ] Call the vendor @KofiMensah
                        """,
                "daily/2025-01-09.md", """
                        - [/] Draft the plan @shiv
                        - [-] Drop the old idea @SiobhánONeill
                        - [X] Send the minutes @siobhánoneill
                        - [ ] Review together @Shiv @SiobhánONeill
                        - [>] Chase the budget @Siobha\u0301nONeill
                        """).index();
        Person p = person(index, "people/Siobhán O'Neill.md");
        List<String> owned = index.tasksOwnedBy(p).stream()
                .map(r -> r.path() + ":" + r.task().span().start().line() + " [" + r.task().status() + "]").toList();
        assertEquals(List.of(
                "daily/2025-01-09.md:0 [/]",
                "daily/2025-01-09.md:1 [-]",
                "daily/2025-01-09.md:2 [X]",
                "daily/2025-01-09.md:3 [ ]",
                "daily/2025-01-09.md:4 [>]",
                "meetings/2025-01-10 Sync.md:0 [ ]",
                "meetings/2025-01-10 Sync.md:1 [x]"), owned);
        List<String> open = index.tasksOwnedBy(p).stream().map(TaskRef::task).filter(Task::isOpen)
                .map(t -> t.text().substring(0, t.text().indexOf(" @"))).toList();
        assertEquals(List.of("Draft the plan", "Review together", "Chase the budget", "Send the deck"), open);
    }

    @Test
    void doneAndCancelledTasksAreClosedAndEveryOtherStatusIsOpen() {
        VaultIndex index = TestVault.of("Todo.md", """
                - [ ] todo
                - [x] done
                - [X] done too
                - [-] cancelled
                - [/] in progress
                - [>] deferred
                - [?] question
                """).index();
        List<String> open = index.note("Todo.md").orElseThrow().tasks().stream()
                .filter(Task::isOpen).map(Task::text).toList();
        assertEquals(List.of("todo", "in progress", "deferred", "question"), open);
    }

    @Test
    void aPersonWithNoTasksOwnsNone() {
        VaultIndex index = TestVault.of("people/Kofi Mensah.md", "---\ntype: people\n---\n",
                "Todo.md", "- [ ] Call @Someone\n").index();
        assertEquals(List.of(), index.tasksOwnedBy(person(index, "people/Kofi Mensah.md")));
        assertFalse(index.people().isEmpty());
    }
}
