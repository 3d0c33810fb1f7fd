package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.vaultls.index.VaultIndex;

class PrepareTest {

    @Test
    void prepareMakesTheSnapshotsNamesAndCountsAheadOfTheFirstRequest() {
        VaultIndex index = CrmVault.of().index();
        assertFalse(LinkTargets.isKept(index));
        assertFalse(VaultTallies.isKept(index));
        Completions.prepare(index);
        assertTrue(LinkTargets.isKept(index));
        assertTrue(VaultTallies.isKept(index));
    }
}
