package org.vaultls.features.edit;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Writes a frontmatter value: in the quote style it already had, else plain when YAML reads it back as text. */
final class YamlScalar {
    private static final Pattern PLAIN = Pattern.compile("\\p{L}[\\p{L}\\p{M}\\p{N} .'_\\-()&,]*");
    private static final Set<String> KEYWORDS = Set.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private YamlScalar() {
    }

    /** {@code value} written like {@code raw}, the scalar it replaces. */
    static String like(String raw, String value) {
        if (raw.startsWith("'") || raw.startsWith("\"")) {
            char q = raw.charAt(0);
            return q + LinkText.yamlEscape(value, q) + q;
        }
        return of(value);
    }

    /** {@code value} as a scalar: plain when that reads back as the same text, else single-quoted. */
    static String of(String value) {
        if (PLAIN.matcher(value).matches() && !value.endsWith(" ") && !KEYWORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return value;
        }
        return "'" + LinkText.yamlEscape(value, '\'') + "'";
    }
}
