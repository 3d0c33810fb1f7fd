package org.vaultls.features.navigation;

/**
 * Fictional notes in the shape of the real vault's seeds: a person with frontmatter, a contact table,
 * dataview blocks and a Key Facts list, and a meeting note holding tasks with {@code @Owner} tags.
 * Line numbers are given in comments because tests assert exact places.
 */
public final class SeedNotes {
    private SeedNotes() {
    }

    /** {@code People/Ada Berg.md}: title H1 on line 11, Key Facts on line 29. */
    public static final String ADA_BERG = """
            ---
            type: people
            title: Ada Berg
            created: '2025-11-02'
            last_contact: '2025-12-19'
            auto_created: true
            tags:
            - type/people
            - needs-review
            ---

            # Ada Berg

            ## Contact Information

            | Field | Value |
            |-------|-------|
            | **Role** | Head of Data Platform |
            | **Company** | Northwind Traders |
            | **Email** | _Unknown_ |

            ## Tasks They Own

            ```dataview
            TASK
            WHERE contains(text, "@AdaBerg") AND !completed
            SORT due ASC
            ```

            ## Key Facts

            - Runs a data platform team of twelve across Oslo and Lisbon.
            - Prefers written updates over status meetings.
            - Budget for the lakehouse migration is approved through Q3.

            ## Related Customers

            - [[Northwind Traders]]
            """;

    /**
     * {@code Meetings/2025-12-19 - Lakehouse kickoff.md}: a link to Ada on line 6, tasks on lines
     * 10-13 (Ada owns the open ones on lines 10 and 12, a done one on 11; line 13 is Tomás's).
     */
    public static final String KICKOFF = """
            ---
            type: meeting
            date: '2025-12-19'
            tags: [meeting, project/lakehouse]
            ---
            # Lakehouse kickoff
            Attendees: [[Ada Berg]], [[Tomás O'Neil]]

            ## Action items

            - [ ] Send the migration plan @AdaBerg 📅 2026-01-15
            - [x] Book the workshop room @AdaBerg
            - [ ] Review storage quotes @adaberg
            - [ ] Draft the cost model @TomásONeil
            """;

    /** {@code People/Tomás O'Neil.md}: a person known by frontmatter only, with no tasks. */
    public static final String TOMAS = """
            ---
            type: people
            title: Tomás O'Neil
            role: Solutions Architect
            company: Fabrikam
            last_contact: '2025-11-30'
            ---

            # Tomás O'Neil
            """;
}
