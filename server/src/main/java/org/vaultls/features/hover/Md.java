package org.vaultls.features.hover;

/** Small helpers for writing hover markdown. */
final class Md {
    private Md() {
    }

    /** Escapes the characters that would turn a name into markup. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>#|~".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Inline code, fenced with enough backticks to hold any backticks inside. */
    static String code(String s) {
        String fence = s.contains("`") ? "`` " : "`";
        return fence + s + (fence.length() > 1 ? " ``" : "`");
    }

    /** Cuts text to {@code max} characters, marking the cut with an ellipsis. */
    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1).stripTrailing() + "…";
    }
}
