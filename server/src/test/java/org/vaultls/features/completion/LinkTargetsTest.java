package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.features.completion.CrmVault.DAILY;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.index.VaultIndex;

class LinkTargetsTest {
    private final Snapshots start = Snapshots.of(CrmVault.of().index());

    private static List<String> listed(LinkTargets.Target[] targets) {
        return Arrays.stream(targets).map(t -> t.kind() + " " + t.label() + " " + t.path()).toList();
    }

    /** The targets carried over from the snapshot before equal those built afresh. */
    private static LinkTargets assertSameAsFresh(VaultIndex index) {
        LinkTargets carried = LinkTargets.of(index);
        LinkTargets fresh = LinkTargets.fresh(index);
        assertEquals(listed(fresh.notesAndAliases), listed(carried.notesAndAliases));
        assertEquals(listed(fresh.attachments), listed(carried.attachments));
        return carried;
    }

    @Test
    void keepsTheTargetsWhileEditsLeaveNamesAlone() {
        VaultIndex before = start.index();
        LinkTargets first = LinkTargets.of(before);
        assertSame(first, LinkTargets.of(before));
        LinkTargets typed = LinkTargets.of(start.with(DAILY, "Met [[Ada Berg]] and talked pricing").index());
        assertSame(first.notesAndAliases, typed.notesAndAliases);
        assertSame(first.attachments, typed.attachments);
    }

    @Test
    void carriesTheTargetsOverManyKeystrokesWithNoRequestBetween() {
        LinkTargets first = LinkTargets.of(start.index());
        Snapshots typed = start;
        for (int i = 0; i < 200; i++) {
            typed = typed.with(DAILY, "Met [[Ada Berg]] and talked pricing " + i);
        }
        assertSame(first.notesAndAliases, LinkTargets.of(typed.index()).notesAndAliases);
        Snapshots renamed = typed.with(DAILY, "---\naliases: [Today]\n---\n");
        assertTrue(Arrays.stream(assertSameAsFresh(renamed.index()).notesAndAliases)
                .anyMatch(t -> t.label().equals("Today")));
    }

    @Test
    void aRequestStillHoldingTheSnapshotBeforeTheLastKeystrokeCarriesOverToo() {
        LinkTargets first = LinkTargets.of(start.index());
        Snapshots one = start.with(DAILY, "Met [[Ada");
        Snapshots two = one.with(DAILY, "Met [[Ada B");
        assertSame(first.notesAndAliases, LinkTargets.of(one.index()).notesAndAliases);
        assertSame(first.notesAndAliases, LinkTargets.of(two.index()).notesAndAliases);
    }

    @Test
    void typingInOneVaultKeepsTheTargetsOfAnother() {
        VaultIndex other = org.vaultls.TestVault.of("Elsewhere.md", "").index();
        LinkTargets.of(other);
        LinkTargets.of(start.index());
        Snapshots typed = start;
        for (int i = 0; i < 10; i++) {
            typed = typed.with(DAILY, "typing " + i);
        }
        assertTrue(LinkTargets.isKept(other));
    }

    @Test
    void updatesTheTargetsWhenAnAliasIsAdded() {
        LinkTargets first = LinkTargets.of(start.index());
        LinkTargets second = assertSameAsFresh(
                start.with("People/Bob Kowalski.md", "---\naliases: [Bobby]\n---\n").index());
        assertNotSame(first.notesAndAliases, second.notesAndAliases);
        assertTrue(Arrays.stream(second.notesAndAliases).anyMatch(t -> t.label().equals("Bobby")));
    }

    @Test
    void updatesTheTargetsWhenNotesAreAddedAndRemoved() {
        LinkTargets.of(start.index());
        Snapshots added = start.with("Projects/Zephyr.md", "---\naliases: [Z]\n---\n");
        assertTrue(Arrays.stream(assertSameAsFresh(added.index()).notesAndAliases)
                .anyMatch(t -> t.label().equals("Zephyr")));
        LinkTargets removed = assertSameAsFresh(added.without("People/Ada Berg.md").index());
        assertFalse(Arrays.stream(removed.notesAndAliases).anyMatch(t -> t.path().equals("People/Ada Berg.md")));
    }

    @Test
    void updatesTheAttachmentsWhenOneIsAdded() {
        LinkTargets.of(start.index());
        LinkTargets more = assertSameAsFresh(start.withAttachment("Attachments/logo.svg").index());
        assertTrue(Arrays.stream(more.attachments).anyMatch(t -> t.label().equals("logo.svg")));
    }
}
