package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.vaultls.vault.VaultPaths;

class FuzzyRankerTest {

    private static int tierOf(String partial, String name) {
        int score = new FuzzyRanker(partial).score(name.toLowerCase());
        return score < 0 ? -1 : FuzzyRanker.tier(score);
    }

    @Test
    void aPrefixIsTheFirstTier() {
        assertEquals(0, tierOf("Ber", "Bergen Trip"));
        assertEquals(0, tierOf("", "Anything"));
    }

    @Test
    void piecesThatStartWordsAreTheSecondTier() {
        assertEquals(1, tierOf("berg", "Ada Berg"));
        assertEquals(1, tierOf("ab", "Ada Berg"));
        assertEquals(1, tierOf("adbe", "Ada Berg"));
        assertEquals(1, tierOf("0105", "2026-01-05 Apollo kickoff"));
    }

    @Test
    void charactersInOrderAreTheThirdTier() {
        assertEquals(2, tierOf("ber", "Amber Notes"));
        assertEquals(2, tierOf("abg", "Ada Berg"));
    }

    @Test
    void otherNamesDoNotMatch() {
        assertEquals(-1, tierOf("gba", "Ada Berg"));
        assertEquals(-1, tierOf("Ada Bergen", "Ada Berg"));
    }

    @Test
    void withinATierAnEarlierOrTighterMatchWins() {
        FuzzyRanker ranker = new FuzzyRanker("berg");
        assertTrue(ranker.score("ada berg") < ranker.score("ada lind berg"));
        FuzzyRanker loose = new FuzzyRanker("ber");
        assertTrue(loose.score("amber") < loose.score("cabinet error"));
        FuzzyRanker pieces = new FuzzyRanker("ber");
        assertTrue(pieces.score("ada berg") < pieces.score("big earth report"));
    }

    @Test
    void comparesWithoutCaseOrAccents() {
        // the partial is typed decomposed (e + combining acute), as macOS writes names
        assertEquals(0, new FuzzyRanker("Rene\u0301").score(VaultPaths.fold("Ren\u00e9 Dubois")));
        assertEquals(0, new FuzzyRanker("rene").score(VaultPaths.fold("Ren\u00e9 Dubois")));
        assertEquals("rene dubois", VaultPaths.fold("Ren\u00e9 Dubois"));
    }

    @Test
    void aNameWithTheAccentsAsTypedScoresBetter() {
        FuzzyRanker accented = new FuzzyRanker("Núñ");
        assertTrue(accented.score("nunez family", "Núñez Family", 2) < accented.score("nunez report", "Nunez Report", 2));
        FuzzyRanker plain = new FuzzyRanker("nun");
        assertTrue(plain.score("nunez report", "Nunez Report", 2) < plain.score("nunez family", "Núñez Family", 2));
    }

    @Test
    void givesUpQuicklyOnPathologicalNames() {
        String name = "a ".repeat(40) + "c";
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> {
            for (int i = 0; i < 1000; i++) {
                new FuzzyRanker("aaaaaaaaaaaaab").score(name);
            }
        });
    }

    @Test
    void aScatteredMatchStaysInOnePathSegmentAndSkipsNoDigit() {
        FuzzyRanker r = new FuzzyRanker("mata37");
        assertEquals(FuzzyRanker.NO_MATCH, r.score("biases-metadata-2023-10-01 13.37.webp"));
        assertEquals(FuzzyRanker.NO_MATCH, new FuzzyRanker("ab").score("xa/yb"));
        assertEquals(2, FuzzyRanker.tier(new FuzzyRanker("mta37").score("xmata37")));
    }
}
