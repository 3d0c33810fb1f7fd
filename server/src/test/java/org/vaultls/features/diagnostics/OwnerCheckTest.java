package org.vaultls.features.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.vaultls.VaultAssert.d;
import static org.vaultls.VaultAssert.testDiagnosticsFor;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/** The owner check: an {@code @Owner} tag in a task must name a person of the vault. */
class OwnerCheckTest {

    private static TestVault vault(String tasks) {
        return TestVault.of(
                "people/Siobhán O'Neill.md", "---\ntype: people\naliases: [Shiv]\n---\n",
                "people/Kofi Mensah.md", "---\ntags: [type/people]\n---\n",
                "people/jl.md", "---\ntype: person\ntitle: Jean-Luc Moreau\n---\n",
                "meetings/Sync.md", tasks);
    }

    @Test
    void ownerTagsOfPeopleAreKnownIgnoringCaseAndIncludingAliases() {
        testDiagnosticsFor(vault("""
                - [ ] Send deck @SiobhánONeill
                - [ ] Call @kofimensah
                - [ ] Review @SHIV
                - [ ] Book the room @JeanLucMoreau
                """), "meetings/Sync.md");
    }

    @Test
    void flagsAnUnknownOwnerAtTheTagAndSuggestsTheClosest() {
        List<Finding> f = testDiagnosticsFor(vault("""
                - [ ] Draft @KofiMensha
                - [ ] Review @Shivv
                """), "meetings/Sync.md",
                d(0, 12, 23, FindingCode.UNKNOWN_OWNER),
                d(1, 13, 19, FindingCode.UNKNOWN_OWNER));
        assertEquals("No person has the owner tag @KofiMensha; did you mean @KofiMensah?", f.get(0).message());
        assertEquals("No person has the owner tag @Shivv; did you mean @Shiv?", f.get(1).message());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void anOwnerWithNoCloseMatchIsToldToCreateThePerson() {
        List<Finding> f = testDiagnosticsFor(vault("- [x] Old item @Nobody\n"), "meetings/Sync.md",
                d(0, 15, 22, FindingCode.UNKNOWN_OWNER));
        assertEquals("No person has the owner tag @Nobody; create a person note for them, or fix the tag",
                f.get(0).message());
    }

    @Test
    void theFileNameOfAPersonWithATitleIsNotAnOwnerTag() {
        testDiagnosticsFor(vault("- [ ] Ask @jl\n"), "meetings/Sync.md", d(0, 10, 13, FindingCode.UNKNOWN_OWNER));
    }

    @Test
    void anAtOutsideATaskIsNotAnOwner() {
        testDiagnosticsFor(vault("""
                Met @Nobody at the fair.
                - a list item @Nobody
                """), "meetings/Sync.md");
    }

    @Test
    void aVaultWithoutPeopleFlagsEveryOwner() {
        testDiagnosticsFor(TestVault.of("Todo.md", "- [ ] Call @KofiMensah\n"), "Todo.md",
                d(0, 11, 22, FindingCode.UNKNOWN_OWNER));
    }

    @Test
    void anOwnerTagWrittenWithoutItsAccentsGetsTheAccentedOne() {
        List<Finding> f = testDiagnosticsFor(vault("- [ ] Call @JoseNunez\n")
                .with("people/José Núñez.md", "---\ntype: people\n---\n"), "meetings/Sync.md",
                d(0, 11, 21, FindingCode.UNKNOWN_OWNER));
        assertEquals("No person has the owner tag @JoseNunez; did you mean @JoséNúñez?", f.get(0).message());
    }
}
