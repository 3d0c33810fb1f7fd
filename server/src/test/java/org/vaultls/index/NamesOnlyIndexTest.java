package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.completion.CompletionCandidate;
import org.vaultls.features.completion.Completions;
import org.vaultls.vault.NoteParser;

/** The index of file names that answers {@code [[} completion while a large vault is still being read. */
class NamesOnlyIndexTest {

    @Test
    void aNamesOnlyIndexKnowsEveryNoteAndAttachmentButNoContent(@TempDir Path vault) throws Exception {
        Files.createDirectories(vault.resolve("People"));
        Files.writeString(vault.resolve("People/Ada Berg.md"), "---\naliases: [Ada]\n---\n# Ada Berg\n");
        Files.writeString(vault.resolve("chart.png"), "png");
        VaultLoader loader = new VaultLoader(vault, VaultConfig.defaults(), ObsidianSettings.defaults(), w -> { });
        VaultIndex names = loader.namesOnly(loader.list());
        assertEquals(List.of("People/Ada Berg.md"), List.copyOf(names.notes().keySet()));
        assertEquals(List.of("chart.png"), names.attachments());
        assertTrue(names.note("People/Ada Berg.md").orElseThrow().text().isEmpty(), "nothing was read");

        var typing = NoteParser.parse("Daily/today.md", "Met [[Ada");
        List<String> labels = Completions.complete(names, typing, typing.text().length()).items().stream()
                .map(CompletionCandidate::label).toList();
        assertTrue(labels.contains("Ada Berg"), labels.toString());
    }

    @Test
    void beforeTheVaultIsReadAHeadingOrBlockCompletionReadsItsTargetNote(@TempDir Path vault) throws Exception {
        Files.writeString(vault.resolve("Calculus 2.md"), "# Calculus 2\n## Series\nA line ^limits\n");
        VaultLoader loader = new VaultLoader(vault, VaultConfig.defaults(), ObsidianSettings.defaults(), w -> { });
        VaultIndex names = loader.namesOnly(loader.list());
        var typing = NoteParser.parse("Daily/today.md", "See [[Calculus 2#Se");
        assertTrue(Completions.complete(names, typing, typing.text().length()).items().isEmpty(), "nothing read");
        List<String> labels = Completions.completeEarly(names, typing, typing.text().length(), loader::read).items()
                .stream().map(CompletionCandidate::label).toList();
        assertEquals(List.of("Series"), labels);
        var block = NoteParser.parse("Daily/today.md", "See [[Calculus 2#^li");
        assertEquals(List.of("^limits"), Completions.completeEarly(names, block, block.text().length(), loader::read)
                .items().stream().map(CompletionCandidate::label).toList());
    }
}
