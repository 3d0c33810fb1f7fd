package org.vaultls.lsp;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.eclipse.lsp4j.jsonrpc.CompletableFutures;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.CancelledException;

/**
 * The one way every request runs: off the JSON-RPC reader thread (so the next message is read
 * while a feature works), with a {@link CancelCheck} that long features call in their loops. A
 * cancelled request answers RequestCancelled (-32800); a refusal ({@link #invalidParams}, or a
 * {@code ResponseErrorException}) keeps its code; any other exception or error becomes -32603,
 * logged with its stack trace on the server's stderr by {@link ErrorAnswer}.
 */
final class Requests {
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "vault-ls-request");
        t.setDaemon(true);
        return t;
    });

    private Requests() {
    }

    static <T> CompletableFuture<T> run(Function<CancelCheck, T> work) {
        return CompletableFutures.computeAsync(POOL, cancel -> work.apply(() -> {
            if (cancel.isCanceled()) {
                throw new CancelledException();
            }
        }));
    }

    /** {@code value}, or an InvalidParams (-32602) refusal naming the missing field. */
    static <T> T require(T value, String field) {
        if (value == null) {
            throw invalidParams("missing " + field);
        }
        return value;
    }

    static ResponseErrorException invalidParams(String why) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidParams, why, null));
    }

    static ResponseErrorException invalidRequest(String why) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, why, null));
    }
}
