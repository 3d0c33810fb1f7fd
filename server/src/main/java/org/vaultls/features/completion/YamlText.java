package org.vaultls.features.completion;

/**
 * Writes a string as a YAML scalar: plain when YAML reads it back as the same string, else in quotes.
 * In a flow list ({@code [a, b]}) commas and brackets also need quotes.
 */
final class YamlText {
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private YamlText() {
    }

    static String scalar(String value, boolean flow) {
        return isPlain(value, flow) ? value : quoted(value, '"');
    }

    static boolean isPlain(String value, boolean flow) {
        if (value.isEmpty() || !value.equals(value.strip()) || INDICATORS.indexOf(value.charAt(0)) >= 0) {
            return false;
        }
        if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            return false;
        }
        if (flow) {
            for (int i = 0; i < value.length(); i++) {
                if (",[]{}".indexOf(value.charAt(i)) >= 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The value between {@code quote}s: {@code '} doubles inner single quotes, {@code "} escapes. */
    static String quoted(String value, char quote) {
        if (quote == '\'') {
            return "'" + value.replace("'", "''") + "'";
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
