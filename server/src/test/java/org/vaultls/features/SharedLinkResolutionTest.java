package org.vaultls.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.highlight.SemanticTokens;
import org.vaultls.features.highlight.Token;
import org.vaultls.features.hint.Hint;
import org.vaultls.features.hint.InlayHints;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * After an edit the editor asks for the note's diagnostics, tokens and hints of one snapshot: the
 * note's links are resolved once for all three, and each answers as it did alone.
 */
class SharedLinkResolutionTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private static VaultIndex vault() {
        return TestVault.of(
                "Daily/today.md", "[[Apollo]] [[Nowhere]] [[Apollo#Nope]] [[Twin]] [[apollo]] and Apollo again\n",
                "Projects/Apollo.md", "---\ntitle: Project Apollo\n---\n# Apollo\n",
                "a/Twin.md", "", "b/Twin.md", "").index();
    }

    @Test
    void checksTokensAndHintsResolveTheNotesLinksOnceBetweenThem() {
        VaultIndex index = vault();
        Note today = index.note("Daily/today.md").orElseThrow();
        Diagnostics.forNote(index, today, CLOCK, true);
        List<org.vaultls.index.Resolution> made = index.resolutions(today);
        SemanticTokens.of(index, today, CancelCheck.NEVER);
        InlayHints.of(index, today, 0, today.text().length(), CLOCK, CancelCheck.NEVER);
        assertSame(made, index.resolutions(today), "the check's resolutions, kept for the others");
        assertEquals(today.links().size(), made.size());
    }

    @Test
    void eachOfThemResolvesThroughTheSharedResolutions() {
        VaultIndex forTokens = vault();
        Note n = forTokens.note("Daily/today.md").orElseThrow();
        assertFalse(forTokens.hasResolutions(n));
        SemanticTokens.of(forTokens, n, CancelCheck.NEVER);
        assertTrue(forTokens.hasResolutions(n), "tokens");

        VaultIndex forHints = vault();
        Note h = forHints.note("Daily/today.md").orElseThrow();
        assertFalse(forHints.hasResolutions(h));
        InlayHints.of(forHints, h, 0, h.text().length(), CLOCK, CancelCheck.NEVER);
        assertTrue(forHints.hasResolutions(h), "hints");

        VaultIndex forCheck = vault();
        Note c = forCheck.note("Daily/today.md").orElseThrow();
        assertFalse(forCheck.hasResolutions(c));
        Diagnostics.forNote(forCheck, c, CLOCK, true);
        assertTrue(forCheck.hasResolutions(c), "link check");
    }

    @Test
    void sharingChangesNoAnswer() {
        // each feature first on a fresh snapshot (resolving alone), then after the others
        VaultIndex alone = vault();
        Note a = alone.note("Daily/today.md").orElseThrow();
        List<Token> tokensAlone = SemanticTokens.of(alone, a, CancelCheck.NEVER);
        VaultIndex alone2 = vault();
        Note a2 = alone2.note("Daily/today.md").orElseThrow();
        List<Hint> hintsAlone = InlayHints.of(alone2, a2, 0, a2.text().length(), CLOCK, CancelCheck.NEVER);
        List<Finding> findingsAlone = Diagnostics.forNote(vault(), vault().note("Daily/today.md").orElseThrow(),
                CLOCK, true);

        VaultIndex shared = vault();
        Note s = shared.note("Daily/today.md").orElseThrow();
        List<Finding> findings = Diagnostics.forNote(shared, s, CLOCK, true);
        assertTrue(shared.hasResolutions(s), "the check resolved every link");
        assertEquals(tokensAlone, SemanticTokens.of(shared, s, CancelCheck.NEVER));
        assertEquals(hintsAlone, InlayHints.of(shared, s, 0, s.text().length(), CLOCK, CancelCheck.NEVER));
        assertEquals(findingsAlone, findings);
        assertFalse(findings.isEmpty());
        assertTrue(hintsAlone.stream().anyMatch(h -> h.label().contains("Project Apollo")), hintsAlone.toString());
    }
}
