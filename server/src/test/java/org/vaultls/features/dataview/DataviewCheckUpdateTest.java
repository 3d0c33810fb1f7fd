package org.vaultls.features.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.VaultDiagnostics;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.NoteParser;

/**
 * The findings of a query that reads the vault follow edits of other notes: a folder that appears, a
 * field someone starts using, a person who gets the owner tag. Each is checked against what checking the
 * note afresh gives.
 */
class DataviewCheckUpdateTest {
    private static final String QUERIES = "People/Ada.md";
    private static final String TEXT = "```dataview\nTABLE stauts FROM \"VAST/Projects\" OR #rocket\n```\n"
            + "```dataview\nTASK WHERE contains(text, \"@TomReyes\")\n```\n";

    private static VaultChange edit(VaultIndex index, String path, String text) {
        return index.apply(List.of(NoteParser.parse(path, text)), List.of(), List.of(), List.of());
    }

    private static List<String> codes(Map<String, List<Finding>> changed) {
        return changed.getOrDefault(QUERIES, List.of()).stream().map(f -> f.code().id()).toList();
    }

    @Test
    void findingsOfAQueryChangeWhenAnotherNoteBringsWhatItNames() {
        VaultIndex index = TestVault.of(QUERIES, TEXT, "Other.md", "plain\n").index();
        VaultDiagnostics diagnostics = new VaultDiagnostics();
        assertEquals(List.of("dataview-unknown-field", "dataview-unknown-source", "dataview-unknown-source",
                "dataview-unknown-owner"), codes(diagnostics.reset(index)));

        VaultChange folder = edit(index, "VAST/Projects/Apollo.md", "# Apollo\n");
        assertEquals(List.of("dataview-unknown-field", "dataview-unknown-source", "dataview-unknown-owner"),
                codes(diagnostics.update(folder)));

        VaultChange field = edit(folder.after(), "Other.md", "---\nstauts: x\n---\nplain #rocket/v2\n");
        assertEquals(List.of("dataview-unknown-owner"), codes(diagnostics.update(field)));

        VaultChange person = edit(field.after(), "People/Tom Reyes.md", "---\ntype: people\n---\n");
        Map<String, List<Finding>> changed = diagnostics.update(person);
        assertTrue(changed.containsKey(QUERIES) && changed.get(QUERIES).isEmpty(), () -> "now clean: " + changed);

        VaultIndex last = person.after();
        assertEquals(Diagnostics.forNote(last, last.note(QUERIES).orElseThrow()), diagnostics.current().get(QUERIES));
    }

    @Test
    void aFieldThatGoesAwayComesBackAsAHint() {
        VaultIndex index = TestVault.of(QUERIES, TEXT, "VAST/Projects/A.md", "#rocket\n",
                "People/Tom Reyes.md", "---\ntype: people\n---\n", "Other.md", "stauts:: x\n").index();
        VaultDiagnostics diagnostics = new VaultDiagnostics();
        diagnostics.reset(index);
        assertEquals(List.of(), diagnostics.current().get(QUERIES));
        assertEquals(List.of("dataview-unknown-field"), codes(diagnostics.update(edit(index, "Other.md", "x\n"))));
    }

    @Test
    void typingThatLeavesTagsAndFieldsAloneDoesNotRecheckTheQueries() {
        VaultIndex index = TestVault.of(QUERIES, TEXT, "Other.md", "---\nstatus: a\n---\nplain #t [k:: v]\n").index();
        DataviewCheck.problems(index, index.note(QUERIES).orElseThrow());
        assertTrue(DataviewCheck.mayAlter(edit(index, "Other.md",
                "---\nstatus: b\n---\nplain text, more #t [k:: w]\n")).isEmpty());
        assertTrue(DataviewCheck.mayAlter(edit(index, "Other.md", "---\nstatus: b\n---\nplain #t2 [k:: w]\n"))
                .isPresent());
        assertTrue(DataviewCheck.mayAlter(edit(index, "Other.md", "---\nstatus: b\n---\nplain #t [k2:: w]\n"))
                .isPresent());
    }

    @Test
    void aNewTagOrFieldRechecksOnlyTheQueriesThatMayNameIt() {
        VaultIndex index = TestVault.of(QUERIES, TEXT, "Other.md", "plain\n",
                "Zoo.md", "```dataview\nLIST FROM #Zebra/Stripes\n```\n",
                "Fields.md", "```dataview\nTABLE Priority\n```\n").index();
        VaultDiagnostics diagnostics = new VaultDiagnostics();
        diagnostics.reset(index);
        VaultChange tag = edit(index, "Other.md", "plain #zebra/stripes\n");
        var queries = DataviewCheck.mayAlter(tag).orElseThrow();
        assertTrue(queries.test(tag.after().note("Zoo.md").orElseThrow()), "names the tag, in another case");
        assertFalse(queries.test(tag.after().note(QUERIES).orElseThrow()), "names no such tag");
        assertFalse(queries.test(tag.after().note("Fields.md").orElseThrow()));
        Map<String, List<Finding>> changed = diagnostics.update(tag);
        assertTrue(changed.containsKey("Zoo.md") && changed.get("Zoo.md").isEmpty(), () -> "now clean: " + changed);

        VaultChange field = edit(tag.after(), "Other.md", "plain #zebra/stripes\n[priority:: high]\n");
        queries = DataviewCheck.mayAlter(field).orElseThrow();
        assertTrue(queries.test(field.after().note("Fields.md").orElseThrow()), "names the field, in another case");
        assertFalse(queries.test(field.after().note("Zoo.md").orElseThrow()));
        assertTrue(diagnostics.update(field).get("Fields.md").isEmpty(), "its unknown field is known now");
        for (String p : List.of(QUERIES, "Zoo.md", "Fields.md")) {
            assertEquals(Diagnostics.forNote(field.after(), field.after().note(p).orElseThrow()),
                    diagnostics.current().get(p), p);
        }
    }
}
