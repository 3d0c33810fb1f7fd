package org.vaultls.cli;

import java.nio.file.Path;
import java.util.List;
import org.vaultls.features.diagnostics.Finding;

/**
 * What one run of {@code check} found: the findings sorted by path and position, and the counts for
 * the summary.
 */
public record CheckResult(Path vaultRoot, int notes, int links, List<Finding> findings, long millis) {
    public CheckResult {
        findings = List.copyOf(findings);
    }
}
