package org.vaultls.dataview;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The part of Dataview's function library evaluated so far, with Dataview's null handling (a null
 * where a value is needed gives null, not an error). {@code contains} is Dataview's: a substring for
 * strings, an element for lists (recursing into strings), a key for objects; {@code icontains} ignores
 * case.
 */
final class DqlFunctions {
    private static final Set<String> NAMES = Set.of("contains", "icontains", "econtains", "length", "lower", "upper",
            "startswith", "endswith", "default", "choice", "string", "number", "join", "nonnull", "typeof",
            "min", "max", "sum", "round", "replace", "split", "list", "date", "any", "all", "none");

    private DqlFunctions() {
    }

    static boolean known(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    static Object call(String name, List<Object> a) {
        Object x = a.isEmpty() ? null : a.get(0);
        Object y = a.size() > 1 ? a.get(1) : null;
        switch (name.toLowerCase(Locale.ROOT)) {
            case "contains":
                return contains(x, y, false, true);
            case "icontains":
                return contains(x, y, true, true);
            case "econtains":
                return contains(x, y, false, false);
            case "length":
                return x instanceof List<?> l ? (double) l.size() : x instanceof String s ? (double) s.length()
                        : x instanceof Map<?, ?> m ? (double) m.size() : 0.0;
            case "lower":
                return x instanceof String s ? s.toLowerCase(Locale.ROOT) : x;
            case "upper":
                return x instanceof String s ? s.toUpperCase(Locale.ROOT) : x;
            case "startswith":
                return x instanceof String s && y instanceof String t ? s.startsWith(t) : null;
            case "endswith":
                return x instanceof String s && y instanceof String t ? s.endsWith(t) : null;
            case "default":
                return x == null ? y : x;
            case "choice":
                return DqlEngine.truthy(x) ? y : (a.size() > 2 ? a.get(2) : null);
            case "string":
                return string(x);
            case "number":
                if (x instanceof Double) {
                    return x;
                }
                if (x instanceof String s) {
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?").matcher(s);
                    return m.find() ? Double.parseDouble(m.group()) : null;
                }
                return null;
            case "join":
                if (x instanceof List<?> l) {
                    List<String> parts = new ArrayList<>();
                    l.forEach(o -> parts.add(string(o)));
                    return String.join(y instanceof String sep ? sep : ", ", parts);
                }
                return string(x);
            case "nonnull": {
                List<Object> out = new ArrayList<>();
                for (Object o : a.size() == 1 && x instanceof List<?> l ? l : a) {
                    if (o != null) {
                        out.add(o);
                    }
                }
                return out;
            }
            case "typeof":
                return DqlEngine.typeName(x);
            case "min":
            case "max": {
                List<?> items = a.size() == 1 && x instanceof List<?> l ? l : a;
                Object best = null;
                for (Object o : items) {
                    if (best == null || (name.equalsIgnoreCase("min") ? DqlEngine.compare(o, best) < 0
                            : DqlEngine.compare(o, best) > 0)) {
                        best = o;
                    }
                }
                return best;
            }
            case "sum": {
                double total = 0;
                if (x instanceof List<?> l) {
                    for (Object o : l) {
                        if (o instanceof Double d) {
                            total += d;
                        }
                    }
                }
                return total;
            }
            case "round": {
                if (!(x instanceof Double d)) {
                    return null;
                }
                double scale = Math.pow(10, y instanceof Double p ? p : 0);
                return Math.round(d * scale) / scale;
            }
            case "replace":
                return x instanceof String s && y instanceof String t && a.size() > 2 && a.get(2) instanceof String r
                        ? s.replace(t, r) : null;
            case "split":
                if (x instanceof String s && y instanceof String t) {
                    return new ArrayList<Object>(List.of(s.split(t, -1)));
                }
                return null;
            case "list":
                return new ArrayList<>(a);
            case "date":
                if (x instanceof LocalDateTime) {
                    return x;
                }
                if (x instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    return java.time.LocalDate.parse(s).atStartOfDay();
                }
                if (x instanceof DqlEngine.LinkValue link) {
                    String n = link.path().replaceAll(".*/", "").replaceAll("\\.md$", "");
                    return n.matches("\\d{4}-\\d{2}-\\d{2}") ? java.time.LocalDate.parse(n).atStartOfDay() : null;
                }
                return null;
            case "any":
            case "all":
            case "none": {
                List<?> items = a.size() == 1 && x instanceof List<?> l ? l : a;
                long truthy = items.stream().filter(DqlEngine::truthy).count();
                String n = name.toLowerCase(Locale.ROOT);
                return n.equals("any") ? truthy > 0 : n.equals("all") ? truthy == items.size() : truthy == 0;
            }
            default:
                throw new IllegalStateException("known() and call() disagree on " + name);
        }
    }

    private static Object contains(Object container, Object value, boolean ignoreCase, boolean recurse) {
        if (container == null) {
            return false;
        }
        if (container instanceof String s) {
            if (!(value instanceof String v)) {
                return false;
            }
            return ignoreCase ? s.toLowerCase(Locale.ROOT).contains(v.toLowerCase(Locale.ROOT)) : s.contains(v);
        }
        if (container instanceof List<?> l) {
            for (Object o : l) {
                if (recurse && o instanceof String s && value instanceof String) {
                    if (Boolean.TRUE.equals(contains(s, value, ignoreCase, true))) {
                        return true;
                    }
                } else if (DqlEngine.compare(o, value) == 0) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> m) {
            return value instanceof String k && m.containsKey(k);
        }
        return DqlEngine.compare(container, value) == 0;
    }

    /** A value as Dataview writes it in text. */
    static String string(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
        }
        if (v instanceof DqlEngine.LinkValue l) {
            return "[[" + l.path().replaceAll("\\.md$", "") + "]]";
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        return v.toString();
    }
}
