package org.vaultls;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package layering of the product code, read from its class files:
 * <pre>
 *   text, findings              leaves: they import nothing of ours
 *   vault   ← text              notes and their parsers
 *   config  ← findings          settings (severities name finding codes)
 *   cache   ← vault, config     the persistent note cache (the binary form of parsed notes)
 *   index   ← cache, vault, config  the snapshot and link resolution
 *   dataview ← index, …         the Dataview query language (DQL): parser, syntax tree, evaluation
 *   features ← index, …         completion, diagnostics, edit, hover, navigation
 *   warm    ← features, cache, …  findings stored between runs, and reused for the notes that did not change
 *   lsp, cli ← features, …      the adapters; bench drives the server from outside
 * </pre>
 * Only the adapters (lsp, cli, bench) may touch lsp4j.
 */
class ArchitectureTest {
    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.vaultls");

    @Test
    void layersDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Root").definedBy("org.vaultls")
                .layer("Text").definedBy("org.vaultls.text..")
                .layer("Findings").definedBy("org.vaultls.findings..")
                .layer("Vault").definedBy("org.vaultls.vault..")
                .layer("Config").definedBy("org.vaultls.config..")
                .layer("Cache").definedBy("org.vaultls.cache..")
                .layer("Index").definedBy("org.vaultls.index..")
                .layer("Dataview").definedBy("org.vaultls.dataview..")
                .layer("Features").definedBy("org.vaultls.features..")
                .layer("Warm").definedBy("org.vaultls.warm..")
                .layer("Lsp").definedBy("org.vaultls.lsp..")
                .layer("Cli").definedBy("org.vaultls.cli..")
                .optionalLayer("Bench").definedBy("org.vaultls.bench..") // may move to its own module
                .whereLayer("Root").mayNotAccessAnyLayer()
                .whereLayer("Text").mayNotAccessAnyLayer()
                .whereLayer("Findings").mayNotAccessAnyLayer()
                .whereLayer("Vault").mayOnlyAccessLayers("Text")
                .whereLayer("Config").mayOnlyAccessLayers("Findings")
                .whereLayer("Cache").mayOnlyAccessLayers("Text", "Findings", "Vault", "Config")
                .whereLayer("Index").mayOnlyAccessLayers("Text", "Findings", "Vault", "Config", "Cache")
                .whereLayer("Dataview").mayOnlyAccessLayers("Text", "Findings", "Vault", "Config", "Index")
                .whereLayer("Features").mayOnlyAccessLayers("Text", "Findings", "Vault", "Config", "Index",
                        "Dataview")
                .whereLayer("Warm").mayOnlyAccessLayers("Text", "Findings", "Vault", "Config", "Cache", "Index",
                        "Dataview", "Features")
                .whereLayer("Lsp").mayOnlyAccessLayers("Root", "Text", "Findings", "Vault", "Config", "Cache",
                        "Index", "Dataview", "Features", "Warm")
                .whereLayer("Cli").mayOnlyAccessLayers("Root", "Text", "Findings", "Vault", "Config", "Cache",
                        "Index", "Dataview", "Features", "Warm", "Lsp")
                .whereLayer("Bench").mayNotBeAccessedByAnyLayer()
                .check(PRODUCT);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.vaultls.(**)").should().beFreeOfCycles().check(PRODUCT);
    }

    @Test
    void lsp4jStaysInTheAdapters() {
        noClasses().that().resideOutsideOfPackages("org.vaultls.lsp..", "org.vaultls.cli..", "org.vaultls.bench..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.lsp4j..")
                .because("features return domain values and only lsp/LspConvert turns them into lsp4j types")
                .check(PRODUCT);
    }
}
