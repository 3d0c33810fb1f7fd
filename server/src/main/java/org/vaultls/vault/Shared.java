package org.vaultls.vault;

/**
 * One copy of the short strings notes repeat: link targets, tag and owner names, field keys and short
 * values, heading texts. At 100k notes there are millions of them and most are copies of a few
 * thousand (every meeting's {@code type: meeting}, every link to one person), ~60 bytes each. The
 * JVM's string table holds its strings weakly, so a name no note uses any more (one typed and
 * deleted) is collected with the last note that held it.
 */
public final class Shared {
    /** Longer strings are rarely repeated, and not worth the look-up. */
    static final int MAX_LENGTH = 64;

    private Shared() {
    }

    /** The shared copy of {@code s}; {@code s} itself when it is null or long. */
    public static String of(String s) {
        return s == null || s.length() > MAX_LENGTH ? s : s.intern();
    }

    /** {@link #of(String)} for a value that may be a string. */
    static Object value(Object v) {
        return v instanceof String s ? of(s) : v;
    }
}
