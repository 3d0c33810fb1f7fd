package org.vaultls.dataview;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.vaultls.dataview.DqlEngine.EvalException;
import org.vaultls.dataview.DqlEngine.LinkValue;

/**
 * Dataview's function library: every function its documentation lists under Constructors, Numeric,
 * Objects, Arrays, Strings and Utility, with its argument rules.
 *
 * <p>Functions Dataview vectorizes over a list in their first argument (for {@code regextest} and
 * {@code regexmatch} the second) do so here: {@code lower(["A", "B"])} is {@code ["a", "b"]}. A null where a
 * value is needed gives null. {@code contains} looks into lists recursively and finds substrings in strings;
 * {@code econtains} wants an exact element; {@code icontains} ignores case. Lambdas are
 * {@link DqlValues.Function}s. Arguments no rule accepts are an error naming the function and the argument
 * types, as Dataview's "No implementation found" is.
 *
 * <p>Where this differs from Dataview: dates are UTC ({@code localtime} returns its argument); {@code hash}
 * gives stable numbers of its own, not Dataview's; regular expressions are Java's (nearly all JavaScript
 * patterns mean the same); {@code dateformat} and {@code date(text, format)} know Luxon's common tokens
 * (y, M/L, d, H, h, m, s, S, a, E/c, and quoted text).
 */
final class DqlFunctions {
    private static final Set<String> NAMES = Set.of("object", "list", "array", "date", "dur", "number", "string",
            "link", "embed", "elink", "typeof", "round", "trunc", "floor", "ceil", "min", "max", "sum", "product",
            "reduce", "average", "minby", "maxby", "contains", "icontains", "econtains", "containsword", "extract",
            "sort", "reverse", "length", "nonnull", "firstvalue", "all", "any", "none", "join", "filter", "map",
            "unique", "flat", "slice", "regextest", "regexmatch", "regexreplace", "replace", "lower", "upper",
            "split", "startswith", "endswith", "padleft", "padright", "substring", "truncate", "default",
            "ldefault", "choice", "striptime", "dateformat", "durationformat", "currencyformat", "localtime", "meta",
            "hash", "display");

    private final Pages pages;
    private final LocalDateTime now;

    DqlFunctions(Pages pages, LocalDateTime now) {
        this.pages = pages;
        this.now = now;
    }

    /** Whether {@code name} (any case) is one of Dataview's functions. */
    static boolean known(String name) {
        return NAMES.contains(name) || NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** Every function name, for completion and diagnostics. */
    static Set<String> names() {
        return NAMES;
    }

    private interface Fn1 {
        Object apply(Object x);
    }

    /** {@code f} on each element when {@code x} is a list, else on {@code x}: Dataview's vectorizing. */
    private static Object vec(Object x, Fn1 f) {
        if (x instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(f.apply(o));
            }
            return out;
        }
        return f.apply(x);
    }

    private static EvalException bad(String name, List<Object> a) {
        List<String> types = new ArrayList<>();
        a.forEach(o -> types.add(DqlValues.typeName(o)));
        return new EvalException("No implementation of '" + name + "' for arguments (" + String.join(", ", types) + ")");
    }

    private static List<?> items(String name, List<Object> a) {
        if (a.size() == 1 && a.get(0) instanceof List<?> l) {
            return l;
        }
        return a;
    }

    private static List<?> list(String name, List<Object> a, int at) {
        Object x = at < a.size() ? a.get(at) : null;
        if (x instanceof List<?> l) {
            return l;
        }
        throw bad(name, a);
    }

    private static DqlValues.Function fn(String name, List<Object> a, int at) {
        Object x = at < a.size() ? a.get(at) : null;
        if (x instanceof DqlValues.Function f) {
            return f;
        }
        throw bad(name, a);
    }

    private static Object call(DqlValues.Function f, Object... args) {
        return f.apply(java.util.Arrays.asList(args));
    }

    Object call(String name, List<Object> a) {
        String n = NAMES.contains(name) ? name : name.toLowerCase(Locale.ROOT);
        Object x = a.isEmpty() ? null : a.get(0);
        Object y = a.size() > 1 ? a.get(1) : null;
        Object z = a.size() > 2 ? a.get(2) : null;
        switch (n) {
            // ---- constructors ----
            case "object": {
                if (a.size() % 2 != 0) {
                    throw new EvalException("object() needs key, value pairs");
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < a.size(); i += 2) {
                    if (!(a.get(i) instanceof String k)) {
                        throw bad(n, a);
                    }
                    out.put(k, a.get(i + 1));
                }
                return out;
            }
            case "list":
            case "array":
                return new ArrayList<>(a);
            case "date":
                if (a.size() >= 2 && x instanceof String text && y instanceof String format) {
                    return parseDate(text, format);
                }
                return vec(x, this::date);
            case "dur":
                return vec(x, DqlFunctions::duration);
            case "number":
                return vec(x, v -> {
                    if (v instanceof Double) {
                        return v;
                    }
                    if (v instanceof String s) {
                        Matcher m = Pattern.compile("-?[0-9]+(\\.[0-9]+)?").matcher(s);
                        return m.find() ? Double.parseDouble(m.group()) : null;
                    }
                    return null;
                });
            case "string":
                return DqlValues.string(x);
            case "link":
                return vec(x, v -> {
                    LinkValue l = v instanceof LinkValue lv ? lv : v instanceof String s ? pages.link(s) : null;
                    if (l == null) {
                        return null;
                    }
                    return y instanceof String d ? new LinkValue(l.path(), l.subpath(), d, l.embed()) : l;
                });
            case "embed":
                return vec(x, v -> {
                    LinkValue l = v instanceof LinkValue lv ? lv : v instanceof String s ? pages.link(s) : null;
                    if (l == null) {
                        return null;
                    }
                    return new LinkValue(l.path(), l.subpath(), l.display(), y == null || DqlValues.truthy(y));
                });
            case "elink":
                if (!(x instanceof String url)) {
                    return x == null ? null : fail(n, a);
                }
                return new DqlValues.Widget(url, y instanceof String d ? d : url);
            case "typeof":
                return DqlValues.typeName(x);
            // ---- numeric ----
            case "round":
                return vec(x, v -> {
                    if (!(v instanceof Double d)) {
                        return v == null ? null : fail(n, a);
                    }
                    double scale = Math.pow(10, y instanceof Double p ? p : 0);
                    return Math.round(d * scale) / scale;
                });
            case "trunc":
                return vec(x, v -> v instanceof Double d ? (d < 0 ? Math.ceil(d) : Math.floor(d)) : numOrBad(n, a, v));
            case "floor":
                return vec(x, v -> v instanceof Double d ? Math.floor(d) : numOrBad(n, a, v));
            case "ceil":
                return vec(x, v -> v instanceof Double d ? Math.ceil(d) : numOrBad(n, a, v));
            case "min":
            case "max": {
                Object best = null;
                boolean first = true;
                for (Object o : items(n, a)) {
                    int c = first ? 0 : DqlValues.compare(o, best);
                    if (first || (n.equals("min") ? c < 0 : c > 0)) {
                        best = o;
                        first = false;
                    }
                }
                return best;
            }
            case "sum":
                return fold(list(n, a, 0), "+", 0.0);
            case "product":
                return fold(list(n, a, 0), "*", 1.0);
            case "reduce": {
                List<?> l = list(n, a, 0);
                if (y instanceof DqlValues.Function f) {
                    if (l.isEmpty()) {
                        return null;
                    }
                    Object acc = l.get(0);
                    for (int i = 1; i < l.size(); i++) {
                        acc = call(f, acc, l.get(i));
                    }
                    return acc;
                }
                if (!(y instanceof String op) || !Set.of("+", "-", "*", "/", "&", "|").contains(op)) {
                    throw bad(n, a);
                }
                return l.isEmpty() ? null : fold(l, op, null);
            }
            case "average": {
                List<?> l = list(n, a, 0);
                if (l.isEmpty()) {
                    return null;
                }
                Object total = fold(l, "+", null);
                return DqlOperators.apply(total, "/", (double) l.size());
            }
            case "minby":
            case "maxby": {
                List<?> l = list(n, a, 0);
                DqlValues.Function f = fn(n, a, 1);
                Object best = null;
                Object bestKey = null;
                boolean first = true;
                for (Object o : l) {
                    Object k = call(f, o);
                    int c = first ? 0 : DqlValues.compare(k, bestKey);
                    if (first || (n.equals("minby") ? c < 0 : c > 0)) {
                        best = o;
                        bestKey = k;
                        first = false;
                    }
                }
                return best;
            }
            // ---- objects, arrays and strings ----
            case "contains":
                return contains(x, y, false, true);
            case "icontains":
                return contains(x, y, true, true);
            case "econtains":
                return contains(x, y, false, false);
            case "containsword":
                return vec(x, v -> {
                    if (!(v instanceof String s) || !(y instanceof String w)) {
                        return v == null ? null : fail(n, a);
                    }
                    return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(w) + "(?![\\p{L}\\p{N}_])",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(s).find();
                });
            case "extract": {
                if (!(x instanceof Map<?, ?> m)) {
                    throw bad(n, a);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                for (Object k : a.subList(1, a.size())) {
                    if (!(k instanceof String key)) {
                        throw bad(n, a);
                    }
                    out.put(key, m.get(key));
                }
                return out;
            }
            case "sort": {
                List<Object> out = new ArrayList<>(list(n, a, 0));
                if (y instanceof DqlValues.Function f) {
                    out.sort((p, q) -> DqlValues.compare(call(f, p), call(f, q)));
                } else {
                    out.sort(DqlValues::compare);
                }
                return out;
            }
            case "reverse": {
                List<Object> out = new ArrayList<>(list(n, a, 0));
                java.util.Collections.reverse(out);
                return out;
            }
            case "length":
                return x instanceof List<?> l ? (double) l.size() : x instanceof String s ? (double) s.length()
                        : x instanceof Map<?, ?> m ? (double) m.size() : 0.0;
            case "nonnull": {
                List<Object> out = new ArrayList<>();
                for (Object o : items(n, a)) {
                    if (o != null) {
                        out.add(o);
                    }
                }
                return out;
            }
            case "firstvalue":
                for (Object o : items(n, a)) {
                    if (o != null) {
                        return o;
                    }
                }
                return null;
            case "all":
            case "any":
            case "none": {
                List<?> l;
                DqlValues.Function f = null;
                if (x instanceof List<?> xs && y instanceof DqlValues.Function g) {
                    l = xs;
                    f = g;
                } else {
                    l = items(n, a);
                }
                long hits = 0;
                for (Object o : l) {
                    if (DqlValues.truthy(f == null ? o : call(f, o))) {
                        hits++;
                    }
                }
                return n.equals("any") ? hits > 0 : n.equals("all") ? hits == l.size() : hits == 0;
            }
            case "join": {
                if (!(x instanceof List<?> l)) {
                    return DqlValues.string(x);
                }
                List<String> parts = new ArrayList<>();
                l.forEach(o -> parts.add(DqlValues.string(o)));
                return String.join(y instanceof String sep ? sep : ", ", parts);
            }
            case "filter": {
                DqlValues.Function f = fn(n, a, 1);
                List<Object> out = new ArrayList<>();
                for (Object o : list(n, a, 0)) {
                    if (DqlValues.truthy(call(f, o))) {
                        out.add(o);
                    }
                }
                return out;
            }
            case "map": {
                DqlValues.Function f = fn(n, a, 1);
                List<Object> out = new ArrayList<>();
                for (Object o : list(n, a, 0)) {
                    out.add(call(f, o));
                }
                return out;
            }
            case "unique": {
                List<Object> out = new ArrayList<>();
                for (Object o : list(n, a, 0)) {
                    if (out.stream().noneMatch(p -> DqlValues.compare(p, o) == 0)) {
                        out.add(o);
                    }
                }
                return out;
            }
            case "flat":
                return flat(list(n, a, 0), y instanceof Double d ? d.intValue() : 1);
            case "slice": {
                List<?> l = list(n, a, 0);
                int size = l.size();
                int from = y instanceof Double d ? jsIndex(d, size) : 0;
                int to = z instanceof Double d ? jsIndex(d, size) : size;
                return from >= to ? new ArrayList<>() : new ArrayList<Object>(l.subList(from, to));
            }
            case "regextest":
                return vec(y, v -> v instanceof String s && x instanceof String p ? regex(p).matcher(s).find()
                        : v == null ? null : fail(n, a));
            case "regexmatch":
                return vec(y, v -> v instanceof String s && x instanceof String p ? regex(p).matcher(s).matches()
                        : v == null ? null : fail(n, a));
            case "regexreplace":
                return vec(x, v -> {
                    if (!(v instanceof String s) || !(y instanceof String p) || !(z instanceof String r)) {
                        return v == null ? null : fail(n, a);
                    }
                    try {
                        return regex(p).matcher(s).replaceAll(r.replace("$&", "$0"));
                    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                        throw new EvalException("regexreplace: bad replacement '" + r + "'");
                    }
                });
            case "replace":
                return vec(x, v -> v instanceof String s && y instanceof String t && z instanceof String r
                        ? s.replace(t, r) : v == null ? null : fail(n, a));
            case "lower":
                return vec(x, v -> v instanceof String s ? s.toLowerCase(Locale.ROOT) : v == null ? null : fail(n, a));
            case "upper":
                return vec(x, v -> v instanceof String s ? s.toUpperCase(Locale.ROOT) : v == null ? null : fail(n, a));
            case "split": {
                if (!(x instanceof String s) || !(y instanceof String d)) {
                    return x == null ? null : fail(n, a);
                }
                List<Object> out = new ArrayList<>(List.of(regex(d).split(s, -1)));
                if (z instanceof Double limit && limit < out.size()) {
                    return new ArrayList<>(out.subList(0, Math.max(0, limit.intValue())));
                }
                return out;
            }
            case "startswith":
                return vec(x, v -> v instanceof String s && y instanceof String t ? s.startsWith(t)
                        : v == null ? null : fail(n, a));
            case "endswith":
                return vec(x, v -> v instanceof String s && y instanceof String t ? s.endsWith(t)
                        : v == null ? null : fail(n, a));
            case "padleft":
            case "padright":
                return vec(x, v -> {
                    if (!(v instanceof String s) || !(y instanceof Double len)) {
                        return v == null ? null : fail(n, a);
                    }
                    String pad = z instanceof String p && !p.isEmpty() ? p : " ";
                    StringBuilder fill = new StringBuilder();
                    while (fill.length() < len - s.length()) {
                        fill.append(pad);
                    }
                    String f = fill.substring(0, (int) Math.max(0, Math.min(fill.length(), len - s.length())));
                    return n.equals("padleft") ? f + s : s + f;
                });
            case "substring":
                return vec(x, v -> {
                    if (!(v instanceof String s) || !(y instanceof Double from)) {
                        return v == null ? null : fail(n, a);
                    }
                    int start = (int) Math.max(0, Math.min(s.length(), from));
                    int end = z instanceof Double to ? (int) Math.max(0, Math.min(s.length(), to)) : s.length();
                    return start <= end ? s.substring(start, end) : s.substring(end, start);
                });
            case "truncate":
                return vec(x, v -> {
                    if (!(v instanceof String s) || !(y instanceof Double len)) {
                        return v == null ? null : fail(n, a);
                    }
                    String suffix = z instanceof String t ? t : "...";
                    if (s.length() <= len) {
                        return s;
                    }
                    return s.substring(0, (int) Math.max(0, len - suffix.length())) + suffix;
                });
            // ---- utility ----
            case "default":
                return vec(x, v -> v == null ? y : v);
            case "ldefault":
                return x == null ? y : x;
            case "choice":
                return DqlValues.truthy(x) ? y : z;
            case "striptime":
                return vec(x, v -> v instanceof LocalDateTime t ? t.toLocalDate().atStartOfDay()
                        : v == null ? null : fail(n, a));
            case "dateformat":
                return vec(x, v -> {
                    if (!(v instanceof LocalDateTime t) || !(y instanceof String f)) {
                        return v == null ? null : fail(n, a);
                    }
                    return formatter(f).format(t);
                });
            case "durationformat":
                return vec(x, v -> {
                    if (!(v instanceof Dql.Duration d) || !(y instanceof String f)) {
                        return v == null ? null : fail(n, a);
                    }
                    return durationFormat(d, f);
                });
            case "currencyformat":
                return vec(x, v -> {
                    if (!(v instanceof Double d)) {
                        return v == null ? null : fail(n, a);
                    }
                    NumberFormat f = NumberFormat.getCurrencyInstance(Locale.US);
                    try {
                        f.setCurrency(Currency.getInstance(y instanceof String c ? c : "USD"));
                    } catch (IllegalArgumentException e) {
                        throw new EvalException("currencyformat: unknown currency '" + y + "'");
                    }
                    return f.format(d);
                });
            case "localtime":
                return x;
            case "meta": {
                if (!(x instanceof LinkValue l)) {
                    throw bad(n, a);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("display", l.display());
                out.put("embed", l.embed());
                out.put("path", l.path());
                out.put("subpath", l.subpath());
                out.put("type", l.subpath() == null ? "file" : l.subpath().startsWith("^") ? "block" : "header");
                return out;
            }
            case "hash": {
                long h = 0xcbf29ce484222325L;
                for (Object o : a) {
                    for (char c : (DqlValues.string(o) + "\u0000").toCharArray()) {
                        h = (h ^ c) * 0x100000001b3L;
                    }
                }
                return (double) (h >>> 11);
            }
            case "display":
                return display(x);
            default:
                throw new IllegalStateException("known() and call() disagree on " + name);
        }
    }

    private static Object fail(String n, List<Object> a) {
        throw bad(n, a);
    }

    private static Object numOrBad(String n, List<Object> a, Object v) {
        if (v == null) {
            return null;
        }
        throw bad(n, a);
    }

    private static Object fold(List<?> l, String op, Object empty) {
        if (l.isEmpty()) {
            return empty;
        }
        Object acc = l.get(0);
        for (int i = 1; i < l.size(); i++) {
            Object v = l.get(i);
            acc = op.equals("&") ? (Object) (DqlValues.truthy(acc) && DqlValues.truthy(v))
                    : op.equals("|") ? (Object) (DqlValues.truthy(acc) || DqlValues.truthy(v))
                    : DqlOperators.apply(acc, op, v);
        }
        return acc;
    }

    private static int jsIndex(double d, int size) {
        int i = (int) d;
        return i < 0 ? Math.max(0, size + i) : Math.min(size, i);
    }

    private static List<Object> flat(List<?> l, int depth) {
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            if (o instanceof List<?> inner && depth > 0) {
                out.addAll(flat(inner, depth - 1));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    private static Pattern regex(String p) {
        try {
            return Pattern.compile(p);
        } catch (PatternSyntaxException e) {
            throw new EvalException("Invalid regular expression '" + p + "'");
        }
    }

    /**
     * Dataview's {@code contains}: a substring in a string, a key in an object, equality otherwise; in a
     * list, any element that contains the value ({@code recurse}) or equals it ({@code econtains}).
     */
    static Object contains(Object container, Object value, boolean ignoreCase, boolean recurse) {
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
                if (recurse ? Boolean.TRUE.equals(contains(o, value, ignoreCase, true))
                        : DqlValues.compare(o, value) == 0) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Map<?, ?> m) {
            return value instanceof String k && m.containsKey(k);
        }
        return DqlValues.compare(container, value) == 0;
    }

    /** A value as plain text, links by their display text or note name. */
    private static Object display(Object v) {
        if (v instanceof LinkValue l) {
            if (l.display() != null) {
                return l.display();
            }
            String p = l.path().endsWith(".md") ? l.path().substring(0, l.path().length() - 3) : l.path();
            return p.substring(p.lastIndexOf('/') + 1) + (l.subpath() == null ? "" : " > " + l.subpath());
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(o -> parts.add(String.valueOf(display(o))));
            return String.join(", ", parts);
        }
        return v == null ? "" : DqlValues.string(v);
    }

    private Object date(Object v) {
        if (v == null || v instanceof LocalDateTime) {
            return v;
        }
        if (v instanceof String s) {
            LocalDateTime d = DqlValues.parseDate(s.strip());
            if (d != null) {
                return d;
            }
            if (s.strip().matches("[A-Za-z-]+")) {
                return DqlParser.parse("LIST date(" + s.strip() + ")", now).query()
                        .flatMap(q -> ((Dql.ListHeader) q.header()).format())
                        .map(e -> e instanceof Dql.Literal l ? l.value() : null).orElse(null);
            }
            return null;
        }
        if (v instanceof LinkValue link) {
            Map<String, Object> page = pages.page(link.path());
            if (page != null && page.get("file") instanceof Map<?, ?> file) {
                return file.get("day");
            }
            String name = link.path().replaceAll(".*/", "").replaceAll("\\.md$", "");
            return DqlValues.parseDate(name);
        }
        return null;
    }

    private static Object duration(Object v) {
        if (v == null || v instanceof Dql.Duration) {
            return v;
        }
        if (v instanceof String s && s.matches("[0-9A-Za-z ,.]+")) {
            return DqlParser.parse("LIST dur(" + s.strip() + ")").query()
                    .flatMap(q -> ((Dql.ListHeader) q.header()).format())
                    .map(e -> e instanceof Dql.Literal l ? l.value() : null).orElse(null);
        }
        return null;
    }

    /** Luxon format tokens as a Java formatter: letters mostly agree; L (stand-alone month) is M, a is a. */
    private static DateTimeFormatter formatter(String luxon) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < luxon.length(); i++) {
            char c = luxon.charAt(i);
            if (c == '\'') {
                int end = luxon.indexOf('\'', i + 1);
                end = end < 0 ? luxon.length() : end;
                b.append('\'').append(luxon, i + 1, end).append('\'');
                i = end;
            } else if ("yMLdHhmsSaEcWkq".indexOf(c) >= 0) {
                b.append(switch (c) {
                    case 'L' -> 'M';
                    case 'c' -> 'E';
                    case 'W' -> 'w';
                    case 'k' -> 'Y';
                    case 'q' -> 'Q';
                    default -> c;
                });
            } else if (Character.isLetter(c)) {
                b.append('\'').append(c).append('\'');
            } else {
                b.append(c == '\'' ? "''" : String.valueOf(c));
            }
        }
        try {
            return DateTimeFormatter.ofPattern(b.toString().replace("yyyy", "uuuu").replace("EEEEE", "EEEE"), Locale.US);
        } catch (IllegalArgumentException e) {
            throw new EvalException("Unsupported date format '" + luxon + "'");
        }
    }

    private static Object parseDate(String text, String format) {
        try {
            TemporalAccessor t = formatter(format).parse(text);
            LocalDate d = LocalDate.of(t.get(ChronoField.YEAR), t.isSupported(ChronoField.MONTH_OF_YEAR)
                    ? t.get(ChronoField.MONTH_OF_YEAR) : 1, t.isSupported(ChronoField.DAY_OF_MONTH)
                    ? t.get(ChronoField.DAY_OF_MONTH) : 1);
            return t.isSupported(ChronoField.HOUR_OF_DAY) ? d.atTime(t.get(ChronoField.HOUR_OF_DAY),
                    t.isSupported(ChronoField.MINUTE_OF_HOUR) ? t.get(ChronoField.MINUTE_OF_HOUR) : 0)
                    : d.atStartOfDay();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * Luxon's {@code Duration.toFormat}: the units the format names take the whole duration, largest
     * first (a year is 365 days, a month 30), each token as many digits as it is long at least.
     */
    private static String durationFormat(Dql.Duration d, String format) {
        String units = "yMwdhmsS";
        long[] size = {365L * 86_400_000, 30L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};
        boolean[] used = new boolean[units.length()];
        boolean quoted = false;
        for (char c : format.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && units.indexOf(c) >= 0) {
                used[units.indexOf(c)] = true;
            }
        }
        double rest = DqlValues.millis(d);
        long[] amount = new long[units.length()];
        for (int i = 0; i < units.length(); i++) {
            if (used[i]) {
                amount[i] = (long) Math.floor(rest / size[i]);
                rest -= amount[i] * (double) size[i];
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\'') {
                int end = format.indexOf('\'', i + 1);
                end = end < 0 ? format.length() : end;
                out.append(format, i + 1, end);
                i = end;
            } else if (units.indexOf(c) >= 0) {
                int j = i;
                while (j < format.length() && format.charAt(j) == c) {
                    j++;
                }
                String digits = Long.toString(amount[units.indexOf(c)]);
                out.append("0".repeat(Math.max(0, (j - i) - digits.length()))).append(digits);
                i = j - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A value as Dataview writes it in text. */
    static String string(Object v) {
        return DqlValues.string(v);
    }
}
