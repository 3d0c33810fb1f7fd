package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.features.completion.CrmVault.DAILY;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.vaultls.index.VaultIndex;

class LinkTargetsTest {

    @Test
    void keepsTheTargetsOfASnapshotWhoseNamesDidNotChange() {
        VaultIndex before = CrmVault.of().index();
        VaultIndex typed = CrmVault.of().with(DAILY, "Met [[Ada Berg]] and talked pricing").index();
        LinkTargets first = LinkTargets.of(before);
        assertSame(first, LinkTargets.of(before));
        assertSame(first.notesAndAliases, LinkTargets.of(typed).notesAndAliases);
        assertSame(first.attachments, LinkTargets.of(typed).attachments);
    }

    @Test
    void rebuildsTheTargetsWhenAnAliasIsAdded() {
        VaultIndex before = CrmVault.of().index();
        VaultIndex aliased = CrmVault.of().with("People/Bob Kowalski.md", "---\naliases: [Bobby]\n---\n").index();
        LinkTargets first = LinkTargets.of(before);
        LinkTargets second = LinkTargets.of(aliased);
        assertNotSame(first.notesAndAliases, second.notesAndAliases);
        assertTrue(Arrays.stream(second.notesAndAliases).anyMatch(t -> t.label().equals("Bobby")));
    }

    @Test
    void rebuildsTheTargetsWhenANoteIsAdded() {
        LinkTargets first = LinkTargets.of(CrmVault.of().index());
        LinkTargets second = LinkTargets.of(CrmVault.of().with("Projects/Zephyr.md", "").index());
        assertTrue(Arrays.stream(second.notesAndAliases).anyMatch(t -> t.label().equals("Zephyr")));
        assertNotSame(first.notesAndAliases, second.notesAndAliases);
    }
}
