package org.vaultls.features.diagnostics;

/**
 * What a whole word is, for mentions: letters, digits and combining marks make words; a name mentioned
 * must neither start nor end inside one. A few joining characters also count as inside: {@code _},
 * {@code -}, {@code /}, {@code \}, {@code @} and {@code #} on either side ({@code Apollo-2},
 * {@code docs/apollo}, {@code @Ada}), and a {@code .} followed by a word character after it
 * ({@code apollo.example.com}), so paths, handles and host names are not mentions.
 */
final class MentionText {
    private static final String JOINERS = "_-/\\@#";

    private MentionText() {
    }

    static boolean isWordChar(char c) {
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    /** True when a mention may start at {@code at}: nothing word-like is just before it. */
    static boolean startsWord(String text, int at) {
        if (at == 0) {
            return true;
        }
        char before = text.charAt(at - 1);
        return !isWordChar(before) && JOINERS.indexOf(before) < 0;
    }

    /** True when a mention may end at {@code end} (exclusive): nothing word-like follows. */
    static boolean endsWord(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        char after = text.charAt(end);
        if (isWordChar(after) || JOINERS.indexOf(after) >= 0) {
            return false;
        }
        return !(after == '.' && end + 1 < text.length() && isWordChar(text.charAt(end + 1)));
    }
}
