package org.vaultls.dataview;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.vaultls.dataview.DqlEngine.LinkValue;

/**
 * Dataview's value model: the types a value can have, how they are typed from text, compared, made
 * truthy, written, and how dates and durations do arithmetic.
 *
 * <p>Values are {@code null}, {@link Boolean}, {@link Double}, {@link String}, {@link LocalDateTime}
 * (dates, in UTC), {@link Dql.Duration}, {@link LinkValue}, {@link List} (arrays), {@link Map}
 * (objects, keys in order), {@link Function} (a lambda) and {@link Widget} (an {@code elink}).
 * Durations keep their calendar parts as Luxon does; where one number is needed (comparison, dividing) a
 * year is 365 days and a month 30, Luxon's "casual" conversion that Dataview relies on.
 */
final class DqlValues {
    private static final Pattern ISO_DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern LINK = Pattern.compile("!?\\[\\[([^\\]]+)]]");
    private static final long DAY = 86_400_000L;

    private DqlValues() {
    }

    /** A lambda, or any value that can be called with arguments. */
    @FunctionalInterface
    interface Function {
        Object apply(List<Object> arguments);
    }

    /** An external link made by {@code elink(url, display)}: Dataview's "widget" type. */
    record Widget(String url, String display) {
    }

    /** Dataview's type names; values of different types order by them. */
    static String typeName(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof Double) {
            return "number";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof LocalDateTime) {
            return "date";
        }
        if (v instanceof Dql.Duration) {
            return "duration";
        }
        if (v instanceof LinkValue) {
            return "link";
        }
        if (v instanceof List<?>) {
            return "array";
        }
        if (v instanceof Function) {
            return "function";
        }
        if (v instanceof Widget) {
            return "widget";
        }
        return "object";
    }

    /** Dataview's truthiness: null, false, 0, "" and empty arrays and objects are false. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof List<?> l) {
            return !l.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof Dql.Duration d) {
            return millis(d) != 0;
        }
        return true;
    }

    /**
     * Dataview's order: null before anything, values of different types by their type names, then within
     * the type (strings by code unit, links by path then subpath, durations by length, lists element-wise,
     * objects by their keys then values).
     */
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        String ta = typeName(a);
        String tb = typeName(b);
        if (!ta.equals(tb)) {
            return ta.compareTo(tb);
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        if (a instanceof Double x) {
            return Double.compare(x, (Double) b);
        }
        if (a instanceof String x) {
            return x.compareTo((String) b);
        }
        if (a instanceof LocalDateTime x) {
            return x.compareTo((LocalDateTime) b);
        }
        if (a instanceof Dql.Duration x) {
            return Double.compare(millis(x), millis((Dql.Duration) b));
        }
        if (a instanceof LinkValue x) {
            LinkValue y = (LinkValue) b;
            int c = x.path().compareTo(y.path());
            if (c != 0) {
                return c;
            }
            return compare(x.subpath(), y.subpath());
        }
        if (a instanceof List<?> x) {
            List<?> y = (List<?>) b;
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                int c = compare(x.get(i), y.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        if (a instanceof Map<?, ?> x) {
            Map<?, ?> y = (Map<?, ?>) b;
            List<Object> kx = new ArrayList<>(x.keySet());
            List<Object> ky = new ArrayList<>(y.keySet());
            kx.sort((p, q) -> String.valueOf(p).compareTo(String.valueOf(q)));
            ky.sort((p, q) -> String.valueOf(p).compareTo(String.valueOf(q)));
            int c = compare(new ArrayList<Object>(kx.stream().map(String::valueOf).toList()),
                    new ArrayList<Object>(ky.stream().map(String::valueOf).toList()));
            if (c != 0) {
                return c;
            }
            for (Object k : kx) {
                c = compare(x.get(k), y.get(k));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** A value as Dataview writes it in text (dates as ISO, durations as "2 days, 3 hours"). */
    static String string(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof LinkValue l) {
            StringBuilder b = new StringBuilder(l.embed() ? "![[" : "[[");
            b.append(l.path().endsWith(".md") ? l.path().substring(0, l.path().length() - 3) : l.path());
            if (l.subpath() != null) {
                b.append('#').append(l.subpath());
            }
            if (l.display() != null) {
                b.append('|').append(l.display());
            }
            return b.append("]]").toString();
        }
        if (v instanceof LocalDateTime t) {
            return date(t);
        }
        if (v instanceof Dql.Duration d) {
            return duration(d);
        }
        if (v instanceof Widget w) {
            return "[" + w.display() + "](" + w.url() + ")";
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(o -> parts.add(string(o)));
            return String.join(", ", parts);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, o) -> parts.add(k + ": " + string(o)));
            return "{ " + String.join(", ", parts) + " }";
        }
        if (v instanceof Function) {
            return "<function>";
        }
        return v.toString();
    }

    static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    static String date(LocalDateTime t) {
        if (t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return t.toLocalDate().toString();
        }
        return t.truncatedTo(ChronoUnit.SECONDS).equals(t) ? t.toString() : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** "1 year, 2 days, 3 hours": the non-zero parts, largest first, as Luxon's human form lists them. */
    static String duration(Dql.Duration d) {
        double[] parts = {d.years(), d.months(), d.weeks(), d.days(), d.hours(), d.minutes(), d.seconds(), d.millis()};
        String[] names = {"year", "month", "week", "day", "hour", "minute", "second", "millisecond"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != 0) {
                out.add(number(parts[i]) + " " + names[i] + (parts[i] == 1 ? "" : "s"));
            }
        }
        return out.isEmpty() ? "0 seconds" : String.join(", ", out);
    }

    // ---- typing text ----

    /**
     * A frontmatter or inline value as Dataview types it: a {@code YYYY-MM-DD[THH:mm[:ss]]} string is a
     * date, a number string a number, {@code true}/{@code false} booleans, {@code [[x]]} a link, and
     * (inline fields only) a comma list of links a list. YAML's own types come through as they are.
     */
    static Object typed(Object v, boolean inline, java.util.function.Function<String, LinkValue> link) {
        if (v instanceof String s) {
            String t = s.strip();
            if (t.isEmpty()) {
                return inline ? null : s;
            }
            LocalDateTime date = parseDate(t);
            if (date != null) {
                return date;
            }
            if (NUMBER.matcher(t).matches()) {
                return Double.parseDouble(t);
            }
            if (inline && (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false"))) {
                return Boolean.parseBoolean(t.toLowerCase(Locale.ROOT));
            }
            java.util.regex.Matcher m = LINK.matcher(t);
            if (m.matches()) {
                return linkOf(m.group(1), t.startsWith("!"), link);
            }
            if (inline && t.contains("[[")) {
                String[] parts = t.split("\\s*,\\s*");
                List<Object> links = new ArrayList<>();
                for (String p : parts) {
                    java.util.regex.Matcher pm = LINK.matcher(p);
                    if (!pm.matches()) {
                        return s.strip();
                    }
                    links.add(linkOf(pm.group(1), p.startsWith("!"), link));
                }
                return links;
            }
            return inline ? t : s;
        }
        if (v instanceof Number num) {
            return num.doubleValue();
        }
        if (v instanceof java.util.Date d) {
            return LocalDateTime.ofInstant(d.toInstant(), ZoneOffset.UTC);
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(o -> out.add(typed(o, false, link)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, o) -> out.put(String.valueOf(k), typed(o, false, link)));
            return out;
        }
        return v;
    }

    private static LinkValue linkOf(String inner, boolean embed, java.util.function.Function<String, LinkValue> link) {
        String display = null;
        int bar = inner.indexOf('|');
        if (bar >= 0) {
            display = inner.substring(bar + 1);
            inner = inner.substring(0, bar);
        }
        String sub = null;
        int hash = inner.indexOf('#');
        if (hash >= 0) {
            sub = inner.substring(hash + 1);
            inner = inner.substring(0, hash);
        }
        LinkValue target = link.apply(inner.strip());
        return new LinkValue(target.path(), sub, display, embed);
    }

    /** An ISO date or date-time ("2025-12-01", "2025-12-01T09:30"), or null. */
    static LocalDateTime parseDate(String t) {
        if (t.length() < 10 || !ISO_DATE.matcher(t).matches()) {
            return null;
        }
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:\\d{2}")) {
                return java.time.OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return LocalDateTime.parse(t);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * Dataview's second name for a field: lower case, spaces as dashes, markdown emphasis and other
     * punctuation dropped ("Due Date" and "**Due Date**" are also {@code due-date}).
     */
    static String canonical(String key) {
        StringBuilder b = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_' || Character.isSurrogate(c)) {
                if (space) {
                    b.append('-');
                    space = false;
                }
                b.append(Character.toLowerCase(c));
            } else if (c != '*' && c != '`' && c != '~' && c != '=') {
                space = false;
            }
        }
        return b.toString();
    }

    // ---- dates and durations ----

    static double millis(Dql.Duration d) {
        return d.millis() + 1000 * (d.seconds() + 60 * (d.minutes() + 60 * d.hours()))
                + DAY * (d.days() + 7 * d.weeks() + 30 * d.months() + 365 * d.years());
    }

    /** A duration of {@code ms} milliseconds in days, hours, minutes, seconds and milliseconds. */
    static Dql.Duration ofMillis(double ms) {
        double sign = Math.signum(ms);
        double rest = Math.abs(ms);
        double days = Math.floor(rest / DAY);
        rest -= days * DAY;
        double hours = Math.floor(rest / 3_600_000);
        rest -= hours * 3_600_000;
        double minutes = Math.floor(rest / 60_000);
        rest -= minutes * 60_000;
        double seconds = Math.floor(rest / 1000);
        rest -= seconds * 1000;
        return new Dql.Duration(0, 0, 0, sign * days, sign * hours, sign * minutes, sign * seconds, sign * rest);
    }

    static LocalDateTime plus(LocalDateTime t, Dql.Duration d, int sign) {
        LocalDateTime out = t.plusYears(sign * (long) d.years()).plusMonths(sign * (long) d.months());
        double rest = d.millis() + 1000 * (d.seconds() + 60 * (d.minutes() + 60 * d.hours()))
                + DAY * (d.days() + 7 * d.weeks() + 30 * (d.months() % 1) + 365 * (d.years() % 1));
        return out.plus(sign * Math.round(rest), ChronoUnit.MILLIS);
    }

    static Dql.Duration add(Dql.Duration a, Dql.Duration b, int sign) {
        return new Dql.Duration(a.years() + sign * b.years(), a.months() + sign * b.months(), a.weeks() + sign * b.weeks(),
                a.days() + sign * b.days(), a.hours() + sign * b.hours(), a.minutes() + sign * b.minutes(),
                a.seconds() + sign * b.seconds(), a.millis() + sign * b.millis());
    }

    static Dql.Duration scale(Dql.Duration a, double f) {
        return new Dql.Duration(a.years() * f, a.months() * f, a.weeks() * f, a.days() * f, a.hours() * f,
                a.minutes() * f, a.seconds() * f, a.millis() * f);
    }

    /** {@code date.year}, {@code date.weekday} (1 = Monday) and the other Luxon fields Dataview exposes. */
    static Object dateField(LocalDateTime t, String key) {
        return switch (key) {
            case "year" -> (double) t.getYear();
            case "month" -> (double) t.getMonthValue();
            case "day" -> (double) t.getDayOfMonth();
            case "hour" -> (double) t.getHour();
            case "minute" -> (double) t.getMinute();
            case "second" -> (double) t.getSecond();
            case "millisecond" -> (double) (t.getNano() / 1_000_000);
            case "weekday" -> (double) t.getDayOfWeek().getValue();
            case "week", "weekNumber" -> (double) t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case "weekyear", "weekYear" -> (double) t.get(IsoFields.WEEK_BASED_YEAR);
            case "quarter" -> (double) t.get(IsoFields.QUARTER_OF_YEAR);
            case "ordinal" -> (double) t.getDayOfYear();
            case "daysInMonth" -> (double) t.toLocalDate().lengthOfMonth();
            case "ts" -> (double) t.toInstant(ZoneOffset.UTC).toEpochMilli();
            default -> null;
        };
    }

    /** {@code duration.days} and friends: the part as written, as Luxon's getters give it. */
    static Object durationField(Dql.Duration d, String key) {
        return switch (key) {
            case "years" -> d.years();
            case "months" -> d.months();
            case "weeks" -> d.weeks();
            case "days" -> d.days();
            case "hours" -> d.hours();
            case "minutes" -> d.minutes();
            case "seconds" -> d.seconds();
            case "milliseconds" -> d.millis();
            default -> null;
        };
    }
}
