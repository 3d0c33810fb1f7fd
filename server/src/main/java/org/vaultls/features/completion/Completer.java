package org.vaultls.features.completion;

import java.util.Optional;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/** Completes one kind of trigger; returns empty when the trigger at the cursor is not its kind. */
interface Completer {
    Optional<CompletionResult> complete(CompletionTrigger trigger, VaultIndex index, Note note);
}
