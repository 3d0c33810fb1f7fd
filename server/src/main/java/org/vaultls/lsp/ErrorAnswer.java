package org.vaultls.lsp;

import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/**
 * The error answer for a request that failed: a refusal keeps its own code and message, a method
 * left unimplemented is -32601, anything else is -32603 naming the exception's class. The stack
 * trace goes to the server's log (stderr), never into the answer.
 */
final class ErrorAnswer {
    private static final Logger LOG = Logger.getLogger(ErrorAnswer.class.getName());

    private ErrorAnswer() {
    }

    static ResponseError of(Throwable thrown) {
        Throwable t = cause(thrown);
        if (t instanceof ResponseErrorException e) {
            return e.getResponseError();
        }
        if (t instanceof UnsupportedOperationException) {
            return new ResponseError(ResponseErrorCode.MethodNotFound, "vault-ls does not implement this request",
                    null);
        }
        LOG.log(Level.SEVERE, "a request failed", thrown);
        return new ResponseError(ResponseErrorCode.InternalError, "vault-ls failed on this request ("
                + t.getClass().getSimpleName() + "); the server log has the details", null);
    }

    /** The exception under the wrappers lsp4j and the JDK put around it. */
    static Throwable cause(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException
                || c instanceof InvocationTargetException)
                && c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }
}
