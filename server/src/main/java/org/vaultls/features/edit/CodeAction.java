package org.vaultls.features.edit;

import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.diagnostics.Finding;

/**
 * A fix the editor offers for a finding: its menu title, its LSP kind ({@code quickfix}), the change
 * it makes, the finding it fixes (or null), and whether it is the one fix to apply without asking.
 */
public record CodeAction(String title, String kind, WorkspaceChange change, Finding fixes, boolean preferred) {
    static final String QUICKFIX = "quickfix";

    static CodeAction quickfix(String title, WorkspaceChange change, Finding fixes, boolean preferred) {
        return new CodeAction(title, QUICKFIX, change, fixes, preferred);
    }
}
