package org.vaultls.lsp;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/**
 * The client as vault-ls sees it: a standard LSP client plus the {@code vault-ls/status}
 * notification, which editors may show (the VS Code extension puts it in the status bar) and others
 * ignore.
 */
public interface VaultLanguageClient extends LanguageClient {

    /** Indexing state of one vault: {@code state} is "indexing" or "ready". */
    record Status(String vault, String state, int notes, int total) {
    }

    @JsonNotification("vault-ls/status")
    default void status(Status status) {
    }
}
