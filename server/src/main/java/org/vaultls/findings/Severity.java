package org.vaultls.findings;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; the order is LSP's (error first). */
public enum Severity {
    ERROR, WARNING, INFORMATION, HINT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is at least as serious as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }

    /** Parses {@code error|warning|information|info|hint}; empty for anything else. */
    public static Optional<Severity> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "error": return Optional.of(ERROR);
            case "warning": case "warn": return Optional.of(WARNING);
            case "information": case "info": return Optional.of(INFORMATION);
            case "hint": return Optional.of(HINT);
            default: return Optional.empty();
        }
    }
}
