package org.vaultls.vault;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vaultls.text.Span;

/**
 * The YAML block between the {@code ---} lines at the top of a note. Values are plain Java values:
 * {@code String} for every scalar (numbers and dates as written), {@code List}, {@code Map}, or
 * {@code null}. A block that does not parse keeps its span and the parser's reason, and has no fields.
 *
 * @param span the whole block, both delimiter lines included
 * @param error why the YAML does not parse, or null
 * @param errorSpan where the parser stopped, or null
 */
public record Frontmatter(Span span, List<Field> fields, String error, Span errorSpan) {

    /** One top-level key and its value. */
    public record Field(String key, Span keySpan, Object value, Span valueSpan) {
        public Field {
            key = Shared.of(key);
            value = Shared.value(value);
        }

        /**
         * True when the value carries nothing: null, {@code ""}, {@code []}, {@code {}}, or a list whose
         * items are all blank.
         */
        public boolean isEmpty() {
            return isBlank(value);
        }

        private static boolean isBlank(Object v) {
            if (v == null) {
                return true;
            }
            if (v instanceof String s) {
                return s.isBlank();
            }
            if (v instanceof Map<?, ?> m) {
                return m.isEmpty();
            }
            if (v instanceof List<?> l) {
                for (Object item : l) {
                    if (item instanceof List<?> || item instanceof Map<?, ?> || !isBlank(item)) {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        /** The value as a list of strings: a list's scalar items, or a scalar split at commas. */
        public List<String> stringList() {
            List<String> out = new ArrayList<>();
            if (value instanceof List<?> l) {
                for (Object o : l) {
                    if (o instanceof String s && !s.isBlank()) {
                        out.add(s.trim());
                    }
                }
            } else if (value instanceof String s) {
                for (String part : s.split(",")) {
                    if (!part.isBlank()) {
                        out.add(part.trim());
                    }
                }
            }
            return out;
        }
    }

    public Frontmatter {
        fields = List.copyOf(fields);
    }

    public static Frontmatter invalid(Span span, String error, Span errorSpan) {
        return new Frontmatter(span, Collections.emptyList(), error, errorSpan);
    }

    public boolean isValid() {
        return error == null;
    }

    /** The field of that key, compared case-insensitively as Obsidian does for properties. */
    public Optional<Field> field(String key) {
        for (Field f : fields) {
            if (f.key().equalsIgnoreCase(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A scalar value of the key as text, or empty when absent, blank or not a scalar. */
    public Optional<String> string(String key) {
        return field(key).map(Field::value).filter(v -> v instanceof String s && !s.isBlank())
                .map(v -> ((String) v).trim());
    }

    /** The values of the key as strings (list items or comma-separated), lower-cased. */
    public List<String> lowerList(String key) {
        List<String> out = new ArrayList<>();
        field(key).ifPresent(f -> f.stringList().forEach(s -> out.add(s.toLowerCase(Locale.ROOT))));
        return out;
    }
}
