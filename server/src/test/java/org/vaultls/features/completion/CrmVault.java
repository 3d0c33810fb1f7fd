package org.vaultls.features.completion;

import org.vaultls.TestVault;

/** A small CRM-shaped vault the completion tests share: people, projects, customers, attachments. */
final class CrmVault {
    static final String DAILY = "Daily/2026-01-02.md";

    private CrmVault() {
    }

    static TestVault of() {
        return TestVault.of(
                "People/Ada Berg.md", """
                        ---
                        type: people
                        title: Ada Berg
                        aliases: [Ada]
                        role: Senior Account Executive
                        company: Kestrel Analytics
                        tags:
                        - type/people
                        - team/sales
                        ---
                        # Ada Berg

                        ## Key Facts

                        - Owns the Northwind account
                        - Wants decisions written down
                        """,
                "People/Bob Kowalski.md", """
                        ---
                        type: person
                        role: CTO
                        company: Skerry Freight
                        tags: [type/people]
                        ---
                        # Bob Kowalski
                        """,
                "Projects/Roadmap.md", """
                        ---
                        type: project
                        status: active
                        ---
                        # Roadmap
                        """,
                "Customers/Northwind/Roadmap.md", """
                        ---
                        type: customer
                        status: active
                        ---
                        # Northwind roadmap #customer/northwind
                        """,
                "Projects/Apollo.md", """
                        ---
                        type: project
                        status: planning
                        tags: [project/apollo]
                        ---
                        # Apollo

                        ## Goals: 2026

                        ### Launch
                        ### Budget

                        ## Risks

                        ### Launch

                        Vendor lock-in is the main risk. ^risk-1

                        - Budget review slips
                        - Hiring freeze
                        ^list-a
                        """,
                "Meetings/2026-01-05 Apollo kickoff.md", """
                        ---
                        type: meeting
                        tags: [project/apollo]
                        ---
                        Kickoff with [[Ada Berg]]. #project/apollo #followup
                        """,
                DAILY, "",
                "Attachments/org-chart.png", "",
                "Attachments/pricing.pdf", "");
    }
}
