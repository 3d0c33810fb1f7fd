package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;

/**
 * The findings on the real public vaults of {@code shared/vaults/} beside the project (skipped when
 * the folder is absent: the project's tests do not need it). What a person keeping the vault would
 * agree with: no empty-field finding for the list properties Obsidian writes empty, the intentional
 * broken links and nothing else, no template placeholder as a broken link.
 */
class SharedVaultsCorpusTest {
    /** A day after every date of the two vaults' tasks is written, so the counts do not drift. */
    private static final LocalDate TODAY = LocalDate.of(2025, 12, 20);

    /** {@code shared/vaults} in the folder holding the checkout, or in one of its parents (worktrees). */
    private static Path shared(String vault) {
        Path dir = Path.of("..").toAbsolutePath().normalize();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParent()) {
            Path p = dir.resolve("shared").resolve("vaults").resolve(vault);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        assumeTrue(false, "no shared/vaults/" + vault + " beside the project");
        return null;
    }

    private static List<Finding> findings(Path vault) {
        VaultIndex index = TestVault.loadDir(vault);
        return Diagnostics.forVault(index, VaultAssert.clockAt(TODAY));
    }

    private static Map<String, Long> byCode(List<Finding> findings) {
        return findings.stream().collect(Collectors.groupingBy(f -> f.code().id(), TreeMap::new,
                Collectors.counting()));
    }

    private static List<String> of(List<Finding> findings, FindingCode code) {
        return findings.stream().filter(f -> f.code() == code).map(f -> f.path() + " " + f.message()).toList();
    }

    @Test
    void tasksDemoHasNoEmptyFieldFindingForTheListPropertiesObsidianWritesEmpty() {
        List<Finding> f = findings(shared("tasks-demo"));
        List<String> empty = of(f, FindingCode.EMPTY_FRONTMATTER_FIELD);
        for (String key : List.of("tags", "aliases", "cssclasses")) {
            assertTrue(empty.stream().noneMatch(m -> m.contains("field '" + key + "'")), key + ": " + empty);
        }
        assertTrue(f.stream().noneMatch(x -> x.path().startsWith("Test Data/yaml_tags_")), f.toString());
    }

    @Test
    void tasksDemoBreaksOnlyItsIntentionalLinks() {
        List<Finding> f = findings(shared("tasks-demo"));
        assertEquals(List.of(
                "Test Data/link_in_task_markdown_link.md No note named 'pa'; create it, or fix the link",
                "Test Data/link_in_task_wikilink.md No note named 'pa'; create it, or fix the link",
                "Test Data/link_is_broken.md No note named 'broken link - do not fix me'; create it, or fix the link"),
                of(f, FindingCode.BROKEN_LINK));
        assertEquals(List.of(), of(f, FindingCode.LINK_OUTSIDE_VAULT));
    }

    @Test
    void tasksDemoFlagsTheImpossibleDatesOfItsInvalidDateTestNotesOnly() {
        List<Finding> f = findings(shared("tasks-demo"));
        List<String> invalid = of(f, FindingCode.INVALID_DATE);
        assertTrue(invalid.size() >= 20, invalid.toString());
        assertTrue(invalid.stream().allMatch(m -> m.startsWith("Manual Testing/Invalid ")), invalid.toString());
        assertTrue(invalid.contains("Manual Testing/Invalid Dates.md '2022-02-29' is not a date: February has 28 days"
                + " in 2022"), invalid.toString());
    }

    @Test
    void kepanosVaultReportsNoTemplateAndNoObsidianListProperty() {
        List<Finding> f = findings(shared("kepano-obsidian"));
        assertTrue(f.stream().noneMatch(x -> x.path().startsWith("Templates/")), f.toString());
        assertTrue(of(f, FindingCode.BROKEN_LINK).stream().noneMatch(m -> m.contains("{{") || m.contains("<%")));
        assertEquals(List.of(), of(f, FindingCode.INVALID_DATE));
        assertEquals(List.of(), of(f, FindingCode.LINK_OUTSIDE_VAULT));
        Map<String, Long> codes = byCode(f);
        assertTrue(codes.keySet().stream().allMatch(c -> c.equals("broken-link") || c.equals("empty-frontmatter-field")),
                codes.toString());
    }
}
