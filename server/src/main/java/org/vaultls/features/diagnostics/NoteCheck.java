package org.vaultls.features.diagnostics;

import java.util.List;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** One kind of check on a note; adds its findings, at their default severity, to {@code out}. */
interface NoteCheck {
    void check(Note note, VaultIndex index, List<Finding> out);

    /** Which findings the check makes, so a note exempt from them can skip it. */
    boolean isLinkCheck();

    static Finding finding(Note note, FindingCode code, org.vaultls.text.Span span, String message) {
        return new Finding(note.path(), span, code.defaultSeverity(), code, message, List.of());
    }
}
