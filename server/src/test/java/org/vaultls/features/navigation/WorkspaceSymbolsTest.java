package org.vaultls.features.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.index.VaultIndex;

class WorkspaceSymbolsTest {

    private static final VaultIndex VAULT = TestVault.of(
            "People/Ada Berg.md", SeedNotes.ADA_BERG.replace("type: people", "type: people\naliases: [Ada B]"),
            "People/Tomás O'Neil.md", SeedNotes.TOMAS,
            "Meetings/2025-12-19 - Lakehouse kickoff.md", SeedNotes.KICKOFF,
            "Customers/Bergen Shipping.md", "---\ntype: customer\ntags: [customer]\n---\n# Bergen Shipping\n",
            "Projects/Iceberg Tables.md", "# Iceberg Tables\n\n## Open questions\n",
            "Projects/Build Engine Rollout Guide.md", "Steps.\n",
            "Places/Berg.md", "Fjord town.\n",
            "Daily/2025-12-20.md", "Notes from the #customer call, about #Lakehouse\n").index();

    /** Each symbol as {@code KIND name (container) path line:start-end}. */
    private static List<String> search(String query, int limit) {
        List<String> out = new ArrayList<>();
        for (WorkspaceSymbol s : Navigation.workspaceSymbols(VAULT, query, limit)) {
            out.add(s.kind() + " " + s.name() + " (" + s.container() + ") " + CursorVault.where(s.location()));
        }
        return out;
    }

    @Test
    void exactThenPrefixThenWordStartThenSubstringThenScatteredLetters() {
        assertEquals(List.of(
                "FILE Berg (Places) Places/Berg.md 0:0-0",
                "FILE Bergen Shipping (Customers) Customers/Bergen Shipping.md 0:0-0",
                "PERSON Ada Berg (Head of Data Platform · Northwind Traders) People/Ada Berg.md 0:0-0",
                "FILE Iceberg Tables (Projects) Projects/Iceberg Tables.md 0:0-0",
                "FILE Build Engine Rollout Guide (Projects) Projects/Build Engine Rollout Guide.md 0:0-0"),
                search("BERG", 100));
    }

    @Test
    void theLimitKeepsTheBestMatches() {
        assertEquals(List.of(
                "FILE Berg (Places) Places/Berg.md 0:0-0",
                "FILE Bergen Shipping (Customers) Customers/Bergen Shipping.md 0:0-0"),
                search("berg", 2));
        assertEquals(List.of(), search("berg", 0));
    }

    @Test
    void aliasesAndHeadingsAreFoundWithTheirNote() {
        assertEquals(List.of(
                "ALIAS Ada B (Ada Berg) People/Ada Berg.md 2:9-16",
                "PERSON Ada Berg (Head of Data Platform · Northwind Traders) People/Ada Berg.md 0:0-0"),
                search("ada b", 100));
        assertEquals(List.of("HEADING Open questions (Iceberg Tables) Projects/Iceberg Tables.md 2:0-17"),
                search("open q", 100));
    }

    @Test
    void anEmptyQueryListsTheShortestNamesUpToTheLimit() {
        assertEquals(List.of(
                "FILE Berg (Places) Places/Berg.md 0:0-0",
                "ALIAS Ada B (Ada Berg) People/Ada Berg.md 2:9-16",
                "PERSON Ada Berg (Head of Data Platform · Northwind Traders) People/Ada Berg.md 0:0-0"),
                search("", 3));
    }

    @Test
    void aHashQuerySearchesTagsCountingTheNotesThatCarryThem() {
        assertEquals(List.of(
                "TAG #Lakehouse (1 note) Daily/2025-12-20.md 0:38-47",
                "TAG #project/lakehouse (1 note) Meetings/2025-12-19 - Lakehouse kickoff.md 3:16-33"),
                search("#lake", 100));
        assertEquals(List.of("TAG #customer (2 notes) Customers/Bergen Shipping.md 2:7-15"), search("#cust", 100));
    }

    @Test
    void aPersonRanksBeforeAHeadingOfTheSameName() {
        VaultIndex vault = TestVault.of(
                "Meetings/1on1.md", "# 1:1\n\n## Ada Berg\n",
                "People/Ada Berg.md", SeedNotes.ADA_BERG).index();
        List<String> kinds = Navigation.workspaceSymbols(vault, "ada berg", 10).stream()
                .map(s -> s.kind() + " " + s.location().path()).toList();
        assertEquals(List.of("PERSON People/Ada Berg.md", "HEADING Meetings/1on1.md"), kinds);
    }

    @Test
    void findsNamesIgnoringAccents() {
        List<String> found = search("tomas", 100);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("PERSON Tomás O'Neil ("), found::toString);
    }

    @Test
    void anOwnerTagQueryFindsThePerson() {
        List<String> found = search("@AdaBerg", 100);
        assertEquals(1, found.size(), found::toString);
        assertTrue(found.get(0).startsWith("PERSON Ada Berg ("), found::toString);
        assertEquals(found, search("@adab", 100));
    }
}
