package org.vaultls.features.completion;

import static org.vaultls.features.completion.CompletionAssert.assertApplied;
import static org.vaultls.features.completion.CompletionAssert.c;
import static org.vaultls.features.completion.CompletionAssert.testCompletionFor;
import static org.vaultls.features.completion.CrmVault.DAILY;

import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;

class FrontmatterCompletionTest {

    @Test
    void offersTheKeysOtherNotesUseThatThisNoteLacks() {
        testCompletionFor(CrmVault.of(), DAILY, "---\ntype: daily\n{|}\n---\n",
                c("tags", "4 notes", "tags: "), c("status", "3 notes"), c("company", "2 notes"),
                c("role", "2 notes"), c("aliases", "1 note"), c("title", "1 note"));
    }

    @Test
    void completesAPartialKeyAndAddsTheColon() {
        assertApplied(CrmVault.of(), DAILY, "---\nro{|}\n---\n", "role", "---\nrole: \n---\n");
    }

    @Test
    void renamesAKeyWithoutDoublingItsColon() {
        assertApplied(CrmVault.of(), DAILY, "---\nsta{|}tus: planning\n---\n", "status", "---\nstatus: planning\n---\n");
    }

    @Test
    void offersTheValuesOtherNotesGiveTheKeyWithCounts() {
        testCompletionFor(CrmVault.of(), DAILY, "---\ntype: {|}\n---\n",
                c("project", "2 notes", "project"), c("customer", "1 note"), c("meeting", "1 note"),
                c("people", "1 note"), c("person", "1 note"));
    }

    @Test
    void filtersValuesByThePartialAndReplacesIt() {
        testCompletionFor(CrmVault.of(), DAILY, "---\nstatus: pl{|}\n---\n", c("planning", "1 note"));
        assertApplied(CrmVault.of(), DAILY, "---\nstatus: pl{|}\n---\n", "planning", "---\nstatus: planning\n---\n");
    }

    @Test
    void offersValuesInsideAnInlineListLeavingOutThoseAlreadyThere() {
        // tags takes the vault's tags, #customer/northwind and #followup from bodies too
        testCompletionFor(CrmVault.of(), DAILY, "---\ntags: [type/people, {|}]\n---\n",
                c("project/apollo", "2 notes"), c("customer/northwind", "1 note"), c("followup", "1 note"),
                c("team/sales", "1 note"));
        assertApplied(CrmVault.of(), DAILY, "---\ntags: [type/people, pro{|}]\n---\n", "project/apollo",
                "---\ntags: [type/people, project/apollo]\n---\n");
    }

    @Test
    void offersValuesForAListItemUnderTheKey() {
        testCompletionFor(CrmVault.of(), DAILY, "---\ntags:\n- type/people\n- {|}\n---\n",
                c("project/apollo"), c("customer/northwind"), c("followup"), c("team/sales"));
    }

    @Test
    void quotesValuesThatYamlWouldMisread() {
        TestVault vault = TestVault.of("A.md", "---\ncompany: \"[[Kestrel]]\"\n---\n",
                "B.md", "---\ncompany: \"Acme: West\"\n---\n", "C.md", "");
        testCompletionFor(vault, "C.md", "---\ncompany: {|}\n---\n",
                c("[[Kestrel]]", null, "\"[[Kestrel]]\""), c("Acme: West", null, "\"Acme: West\""));
        assertApplied(vault, "C.md", "---\ncompany: \"Ac{|}\"\n---\n", "Acme: West", "---\ncompany: \"Acme: West\"\n---\n");
        assertApplied(vault, "C.md", "---\ncompany: 'Ac{|}\n---\n", "Acme: West", "---\ncompany: 'Acme: West'\n---\n");
    }

    @Test
    void offersNoKeysOutsideTheFrontmatter() {
        testCompletionFor(CrmVault.of(), DAILY, "---\ntype: daily\n---\nro{|}");
        testCompletionFor(CrmVault.of(), DAILY, "---{|}\ntype: daily\n---\n");
    }
}
