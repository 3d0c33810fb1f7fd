package org.vaultls.lsp;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.text.Pos;
import org.vaultls.text.Span;

/** The one place where core values become lsp4j types and back. */
final class LspConvert {
    private LspConvert() {
    }

    static Range range(Span s) {
        return new Range(position(s.start()), position(s.end()));
    }

    static Position position(Pos p) {
        return new Position(p.line(), p.character());
    }

    static Pos pos(Position p) {
        return new Pos(p.getLine(), p.getCharacter());
    }

    static DiagnosticSeverity severity(org.vaultls.findings.Severity s) {
        switch (s) {
            case ERROR: return DiagnosticSeverity.Error;
            case WARNING: return DiagnosticSeverity.Warning;
            case INFORMATION: return DiagnosticSeverity.Information;
            default: return DiagnosticSeverity.Hint;
        }
    }

    static Diagnostic diagnostic(Finding f, VaultSession session) {
        Diagnostic d = new Diagnostic(range(f.span()), f.message(), severity(f.severity()), "vault-ls");
        d.setCode(Either.forLeft(f.code().id()));
        if (!f.related().isEmpty()) {
            List<DiagnosticRelatedInformation> rel = new ArrayList<>();
            for (Finding.Related r : f.related()) {
                rel.add(new DiagnosticRelatedInformation(new Location(session.uri(r.path()), range(r.span())),
                        r.message()));
            }
            d.setRelatedInformation(rel);
        }
        return d;
    }

    static Location location(org.vaultls.features.Location l, VaultSession session) {
        return new Location(session.uri(l.path()), range(l.span()));
    }
}
