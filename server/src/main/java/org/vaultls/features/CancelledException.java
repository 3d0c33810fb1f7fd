package org.vaultls.features;

import java.util.concurrent.CancellationException;

/**
 * Thrown by a {@link CancelCheck} when its request was cancelled. It is a
 * {@link CancellationException}, so loops that isolate each participant's failures let it through,
 * and the language server answers it with RequestCancelled (-32800).
 */
public final class CancelledException extends CancellationException {
    public CancelledException() {
        super("the request was cancelled");
    }
}
