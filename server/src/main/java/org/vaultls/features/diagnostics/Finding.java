package org.vaultls.features.diagnostics;

import java.util.List;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;
import org.vaultls.text.Span;

/**
 * One problem found in a note: the same value is published to editors and printed by {@code check}.
 *
 * @param path vault-relative path of the note, with {@code /} separators
 * @param related other places that explain the finding (the candidates of an ambiguous link)
 */
public record Finding(String path, Span span, Severity severity, FindingCode code, String message,
                      List<Related> related) implements Comparable<Finding> {

    /** A place in the vault that a finding points at. */
    public record Related(String path, Span span, String message) {
    }

    public Finding {
        related = related == null ? List.of() : List.copyOf(related);
    }

    public Finding withSeverity(Severity s) {
        return new Finding(path, span, s, code, message, related);
    }

    @Override
    public int compareTo(Finding o) {
        int c = path.compareTo(o.path);
        if (c != 0) {
            return c;
        }
        c = span.compareTo(o.span);
        if (c != 0) {
            return c;
        }
        c = code.compareTo(o.code);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
