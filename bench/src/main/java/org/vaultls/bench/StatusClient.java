package org.vaultls.bench;

import org.eclipse.lsp4j.jsonrpc.services.JsonNotification;
import org.eclipse.lsp4j.services.LanguageClient;

/** A language client that also hears vault-ls's indexing status. */
public interface StatusClient extends LanguageClient {
    @JsonNotification("vault-ls/status")
    void status(Status status);

    /** The {@code vault-ls/status} notification's payload. */
    final class Status {
        String vault;
        String state;
        int notes;
        int total;
    }
}
