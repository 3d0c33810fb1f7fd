package org.vaultls.features.navigation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.CancelledException;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** References and workspace symbols check for cancellation as they walk the vault, and stop. */
class CancelledSearchTest {
    private static VaultIndex vault(int notes) {
        TestVault v = TestVault.of("target.md", "# Target\n#tag\n");
        for (int i = 0; i < notes; i++) {
            v = v.with("n" + i + ".md", "See [[target]] #tag\n");
        }
        return v.index();
    }

    /** A check that cancels on its {@code n}th call. */
    private static CancelCheck cancelAt(int n, AtomicInteger calls) {
        return () -> {
            if (calls.incrementAndGet() >= n) {
                throw new CancelledException();
            }
        };
    }

    @Test
    void referencesStopOnceCancelled() {
        VaultIndex index = vault(50);
        Note target = index.note("target.md").orElseThrow();
        AtomicInteger calls = new AtomicInteger();
        assertThrows(CancelledException.class,
                () -> Navigation.references(index, target, 2, false, cancelAt(5, calls)));
        assertEquals(5, calls.get(), "stopped at the check that cancelled");
        assertEquals(50, Navigation.references(index, target, 2, false, CancelCheck.NEVER).size());
    }

    @Test
    void tagReferencesStopOnceCancelled() {
        VaultIndex index = vault(50);
        Note target = index.note("target.md").orElseThrow();
        int onTag = target.text().indexOf("#tag") + 2;
        assertThrows(CancelledException.class,
                () -> Navigation.references(index, target, onTag, false, cancelAt(3, new AtomicInteger())));
    }

    @Test
    void workspaceSymbolsStopOnceCancelled() {
        VaultIndex index = vault(50);
        assertThrows(CancelledException.class,
                () -> Navigation.workspaceSymbols(index, "n", 200, cancelAt(10, new AtomicInteger())));
        assertThrows(CancelledException.class,
                () -> Navigation.workspaceSymbols(index, "#ta", 200, cancelAt(10, new AtomicInteger())));
        assertEquals(true, Navigation.workspaceSymbols(index, "n", 200, CancelCheck.NEVER).size() >= 50);
    }
}
