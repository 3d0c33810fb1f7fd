package org.vaultls.index;

import org.vaultls.vault.Task;

/** A task and the note that holds it. */
public record TaskRef(String path, Task task) {
}
