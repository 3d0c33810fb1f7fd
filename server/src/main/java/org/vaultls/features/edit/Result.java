package org.vaultls.features.edit;

/**
 * The outcome of an edit request: a value, or the message that explains to the user why the request
 * was refused (shown by the editor as is). Exactly one of the two is non-null.
 */
public record Result<T>(T value, String error) {

    public Result {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("a result holds either a value or an error");
        }
    }

    public static <T> Result<T> ok(T value) {
        return new Result<>(value, null);
    }

    public static <T> Result<T> error(String message) {
        return new Result<>(null, message);
    }

    public boolean isOk() {
        return error == null;
    }
}
