package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.completion.CompletionCandidate;
import org.vaultls.features.completion.Completions;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

class LiveIndexTest {

    private static List<String> labels(VaultIndex index, String typed) {
        Note typing = NoteParser.parse("Daily/today.md", typed);
        return Completions.complete(index, typing, typed.length()).items().stream()
                .map(CompletionCandidate::label).toList();
    }

    @Test
    void beforeTheVaultIsReadTheAliasesOfTheNotesReadSoFarComplete() {
        LiveIndex live = new LiveIndex();
        live.listed(VaultIndex.build(VaultConfig.defaults(), ObsidianSettings.defaults(),
                List.of(NoteParser.placeholder("Calculus 2.md"), NoteParser.placeholder("Home.md")), List.of()));
        assertEquals(List.of(), labels(live.currentOrNames(0), "[[mata37"));

        Note calculus = NoteParser.parse("Calculus 2.md", "---\naliases: [MATA37]\n---\n# Calculus 2\n");
        live.read(calculus);
        live.read(NoteParser.parse("Home.md", "no aliases"));
        assertEquals(List.of("MATA37"), labels(live.currentOrNames(0), "[[mata37"));

        VaultIndex whole = VaultIndex.build(VaultConfig.defaults(), ObsidianSettings.defaults(), List.of(calculus),
                List.of());
        live.ready(whole);
        assertSame(whole, live.currentOrNames(0));
    }
}
