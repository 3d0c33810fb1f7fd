package org.vaultls.dataview;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.vaultls.dataview.Dql.*;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;

/**
 * Evaluates a parsed DQL query on the index, for the note that holds the block ({@code this}).
 *
 * <p>What is evaluated so far: LIST (rows are pages; a LIST expression is evaluated per row), TABLE
 * (one value per column), TASK (rows are the tasks of the source's pages, in file then line order);
 * FROM (folders or note paths, tags with their subtags, {@code [[note]]} = notes linking to it,
 * {@code outgoing([[note]])}, and, or, negation); WHERE, SORT (several keys; null sorts first, as in
 * Dataview) and LIMIT. GROUP BY, FLATTEN and CALENDAR are reported as not evaluated. Pages expose
 * {@code file.name/path/folder/link/outlinks/inlinks/tags/etags/aliases/ext/day/tasks} and their
 * frontmatter; tasks {@code text, completed, status, checked, due, scheduled, start, created,
 * completion, path, link, line, tags, outlinks} and their inline fields. Values follow Dataview's rules:
 * a {@code YYYY-MM-DD} string is a date, links are equal when their paths are, values of different
 * types order by type name, and truthiness is Dataview's.
 */
public final class DqlEngine {
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?)?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** A link value: the vault path of the note it points to (or the written target when unresolved). */
    public record LinkValue(String path) {
    }

    /** The query type of a result, which decides how it is shown. */
    public enum Kind {
        LIST, TABLE, TASK
    }

    /**
     * One result row. {@code id} is what identifies the row (the page's {@link LinkValue}, or the group key
     * after GROUP BY); {@code path} the page (null for a group); {@code task} the task for TASK rows (else
     * null); {@code values} the LIST expression or the TABLE columns; {@code members} the rows of a group
     * (empty when the row is not a group).
     */
    public record Row(Object id, String path, Task task, List<Object> values, List<Row> members) {
        public Row(String path, Task task, List<Object> values) {
            this(new LinkValue(path), path, task, values, List.of());
        }

        public boolean isGroup() {
            return path == null;
        }
    }

    /**
     * The rows, or why there are none. {@code headers} are the TABLE's column names, led by the id column's
     * name ("File", or the group's name) unless WITHOUT ID; empty for LIST and TASK. {@code showId} is false
     * for WITHOUT ID.
     */
    public record Result(Kind kind, List<String> headers, boolean showId, List<Row> rows, Optional<String> error) {
        static Result failed(String message) {
            return new Result(Kind.LIST, List.of(), true, List.of(), Optional.of(message));
        }
    }

    private final VaultIndex index;
    private final Note self;

    private DqlEngine(VaultIndex index, Note self) {
        this.index = index;
        this.self = self;
    }

    /** Runs {@code query} as the block in {@code self} would run it. Never throws on a query's content. */
    public static Result run(VaultIndex index, Note self, Query query) {
        try {
            return new DqlEngine(index, self).run(query);
        } catch (EvalException e) {
            return Result.failed(e.getMessage());
        }
    }

    private static final class EvalException extends RuntimeException {
        EvalException(String message) {
            super(message);
        }
    }

    private record Scope(Map<String, Object> fields, Scope parent) {
        Object get(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.fields.containsKey(name)) {
                    return s.fields.get(name);
                }
            }
            return null;
        }
    }

    private Result run(Query q) {
        if (q.header() instanceof CalendarHeader) {
            throw new EvalException("CALENDAR queries are parsed but not rendered outside Obsidian");
        }
        List<String> pages = new ArrayList<>(new TreeSet<>(pages(q.source())));
        List<Row> rows = new ArrayList<>();
        List<Scope> scopes = new ArrayList<>();
        Scope thisScope = new Scope(Map.of("this", page(self)), null);
        for (String path : pages) {
            Note n = index.note(path).orElseThrow();
            Scope pageScope = new Scope(page(n), thisScope);
            if (q.header() instanceof TaskHeader) {
                for (Task t : n.tasks()) {
                    rows.add(new Row(path, t, List.of()));
                    scopes.add(new Scope(task(n, t), pageScope));
                }
            } else {
                rows.add(new Row(path, null, List.of()));
                scopes.add(pageScope);
            }
        }
        for (Operation op : q.operations()) {
            List<Row> keptRows = new ArrayList<>();
            List<Scope> keptScopes = new ArrayList<>();
            if (op instanceof Where w) {
                for (int i = 0; i < rows.size(); i++) {
                    if (truthy(eval(w.clause(), scopes.get(i)))) {
                        keptRows.add(rows.get(i));
                        keptScopes.add(scopes.get(i));
                    }
                }
            } else if (op instanceof Sort s) {
                List<Integer> order = new ArrayList<>();
                List<List<Object>> keys = new ArrayList<>();
                for (int i = 0; i < rows.size(); i++) {
                    order.add(i);
                    List<Object> k = new ArrayList<>();
                    for (SortKey key : s.fields()) {
                        k.add(eval(key.field(), scopes.get(i)));
                    }
                    keys.add(k);
                }
                order.sort((a, b) -> {
                    for (int k = 0; k < s.fields().size(); k++) {
                        int c = compare(keys.get(a).get(k), keys.get(b).get(k));
                        if (c != 0) {
                            return s.fields().get(k).ascending() ? c : -c;
                        }
                    }
                    return 0;
                });
                for (int i : order) {
                    keptRows.add(rows.get(i));
                    keptScopes.add(scopes.get(i));
                }
            } else if (op instanceof Limit l) {
                Object amount = eval(l.amount(), thisScope);
                if (!(amount instanceof Double d)) {
                    throw new EvalException("LIMIT needs a number, not " + typeName(amount));
                }
                int n = (int) Math.max(0, Math.min(rows.size(), d));
                keptRows.addAll(rows.subList(0, n));
                keptScopes.addAll(scopes.subList(0, n));
            } else if (op instanceof Group) {
                throw new EvalException("GROUP BY is not evaluated yet");
            } else if (op instanceof Flatten) {
                throw new EvalException("FLATTEN is not evaluated yet");
            } else if (op instanceof FromOperation) {
                throw new EvalException("FROM must come before the other commands");
            }
            rows = keptRows;
            scopes = keptScopes;
        }
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            List<Object> values = new ArrayList<>();
            if (q.header() instanceof ListHeader l && l.format().isPresent()) {
                values.add(eval(l.format().get(), scopes.get(i)));
            } else if (q.header() instanceof TableHeader t) {
                for (NamedField f : t.fields()) {
                    values.add(eval(f.field(), scopes.get(i)));
                }
            }
            out.add(new Row(r.path(), r.task(), values));
        }
        Kind kind = q.header() instanceof TaskHeader ? Kind.TASK
                : q.header() instanceof TableHeader ? Kind.TABLE : Kind.LIST;
        boolean showId = q.header() instanceof TableHeader t ? t.showId()
                : !(q.header() instanceof ListHeader l) || l.showId();
        List<String> headers = new ArrayList<>();
        if (q.header() instanceof TableHeader t) {
            if (showId) {
                headers.add("File");
            }
            t.fields().forEach(f -> headers.add(f.name()));
        }
        return new Result(kind, List.copyOf(headers), showId, List.copyOf(out), Optional.empty());
    }

    // ---- sources ----

    private Set<String> pages(Source src) {
        if (src instanceof FolderSource f) {
            String folder = f.folder().endsWith("/") ? f.folder().substring(0, f.folder().length() - 1) : f.folder();
            Set<String> out = new LinkedHashSet<>();
            for (String path : index.notes().keySet()) {
                if (folder.isEmpty() || path.equals(folder) || path.equals(folder + ".md")
                        || path.startsWith(folder + "/")) {
                    out.add(path);
                }
            }
            return out;
        }
        if (src instanceof TagSource t) {
            String tag = t.tag().substring(1).toLowerCase(Locale.ROOT);
            Set<String> out = new LinkedHashSet<>();
            for (Note n : index.notes().values()) {
                for (Tag nt : n.tags()) {
                    String name = nt.name().toLowerCase(Locale.ROOT);
                    if (name.equals(tag) || name.startsWith(tag + "/")) {
                        out.add(n.path());
                    }
                }
            }
            return out;
        }
        if (src instanceof LinkSource l) {
            Optional<String> target = resolveName(l.file());
            if (target.isEmpty()) {
                return Set.of();
            }
            if (l.outgoing()) {
                Set<String> out = new LinkedHashSet<>();
                for (Object o : outlinks(index.note(target.get()).orElseThrow())) {
                    String p = ((LinkValue) o).path();
                    if (index.note(p).isPresent()) {
                        out.add(p);
                    }
                }
                return out;
            }
            return new LinkedHashSet<>(index.backlinks(target.get()));
        }
        if (src instanceof CsvSource) {
            throw new EvalException("csv() sources are not evaluated");
        }
        if (src instanceof NegatedSource n) {
            Set<String> all = new LinkedHashSet<>(index.notes().keySet());
            all.removeAll(pages(n.child()));
            return all;
        }
        BinarySource b = (BinarySource) src;
        Set<String> left = new LinkedHashSet<>(pages(b.left()));
        Set<String> right = pages(b.right());
        if (b.op().equals("&")) {
            left.retainAll(right);
        } else {
            left.addAll(right);
        }
        return left;
    }

    private Optional<String> resolveName(String name) {
        String n = name.endsWith(".md") ? name : name + ".md";
        if (index.note(n).isPresent()) {
            return Optional.of(n);
        }
        List<String> named = index.notesNamed(name);
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
    }

    // ---- pages and tasks ----

    private Map<String, Object> page(Note n) {
        Map<String, Object> fields = new LinkedHashMap<>();
        n.frontmatter().ifPresent(fm -> {
            for (Frontmatter.Field f : fm.fields()) {
                Object v = value(f.value());
                fields.put(f.key(), v);
                fields.putIfAbsent(f.key().toLowerCase(Locale.ROOT), v);
            }
        });
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("name", n.name());
        file.put("path", n.path());
        file.put("folder", n.folder());
        file.put("ext", "md");
        file.put("link", new LinkValue(n.path()));
        file.put("outlinks", outlinks(n));
        List<Object> inlinks = new ArrayList<>();
        index.backlinks(n.path()).forEach(p -> inlinks.add(new LinkValue(p)));
        file.put("inlinks", inlinks);
        Set<String> etags = new LinkedHashSet<>();
        Set<String> tags = new LinkedHashSet<>();
        for (Tag t : n.tags()) {
            etags.add("#" + t.name());
            String[] parts = t.name().split("/");
            for (int i = 1; i <= parts.length; i++) {
                tags.add("#" + String.join("/", java.util.Arrays.copyOf(parts, i)));
            }
        }
        file.put("etags", new ArrayList<Object>(etags));
        file.put("tags", new ArrayList<Object>(tags));
        file.put("aliases", new ArrayList<Object>(n.aliases()));
        file.put("day", ISO_DATE.matcher(n.name()).matches() ? value(n.name()) : null);
        List<Object> tasks = new ArrayList<>();
        for (Task t : n.tasks()) {
            tasks.add(task(n, t));
        }
        file.put("tasks", tasks);
        fields.put("file", file);
        return fields;
    }

    private List<Object> outlinks(Note n) {
        List<Object> out = new ArrayList<>();
        for (Link l : n.links()) {
            if (l.isSameNote()) {
                continue;
            }
            Resolution r = index.resolve(n, l);
            out.add(new LinkValue(r.isBroken() ? l.target() : r.path()));
        }
        return out;
    }

    private Map<String, Object> task(Note n, Task t) {
        Map<String, Object> f = new LinkedHashMap<>();
        t.fields().forEach((k, v) -> f.put(k, value(v)));
        f.put("text", t.text());
        boolean done = t.status() == 'x' || t.status() == 'X';
        f.put("completed", done);
        f.put("fullyCompleted", done);
        f.put("checked", t.status() != ' ');
        f.put("status", String.valueOf(t.status()));
        f.putIfAbsent("completion", f.get("done"));
        f.putIfAbsent("due", null);
        f.put("path", n.path());
        f.put("link", new LinkValue(n.path()));
        f.put("line", (double) t.span().start().line());
        List<Object> tags = new ArrayList<>();
        for (Tag tag : n.tags()) {
            if (tag.span().startOffset() >= t.span().startOffset() && tag.span().endOffset() <= t.span().endOffset()) {
                tags.add("#" + tag.name());
            }
        }
        f.put("tags", tags);
        return f;
    }

    /** A frontmatter or inline value as Dataview types it. */
    private static Object value(Object v) {
        if (v instanceof String s) {
            String t = s.strip();
            if (ISO_DATE.matcher(t).matches()) {
                return t.length() == 10 ? LocalDate.parse(t).atStartOfDay() : LocalDateTime.parse(t);
            }
            if (NUMBER.matcher(t).matches()) {
                return Double.parseDouble(t);
            }
            if (t.startsWith("[[") && t.endsWith("]]")) {
                String inner = t.substring(2, t.length() - 2).split("[|#]", 2)[0];
                return new LinkValue(inner);
            }
            return s;
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
            l.forEach(o -> out.add(value(o)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, o) -> out.put(String.valueOf(k), value(o)));
            return out;
        }
        return v;
    }

    // ---- expressions ----

    private Object eval(Expr e, Scope scope) {
        if (e instanceof Literal l) {
            Object v = l.value();
            return v instanceof Dql.Link link ? new LinkValue(resolveName(link.path()).orElse(link.path())) : v;
        }
        if (e instanceof Variable v) {
            return scope.get(v.name());
        }
        if (e instanceof Index i) {
            return index(eval(i.object(), scope), eval(i.index(), scope));
        }
        if (e instanceof Negated n) {
            return !truthy(eval(n.child(), scope));
        }
        if (e instanceof ListExpr l) {
            List<Object> out = new ArrayList<>();
            l.values().forEach(x -> out.add(eval(x, scope)));
            return out;
        }
        if (e instanceof ObjectExpr o) {
            Map<String, Object> out = new LinkedHashMap<>();
            o.values().forEach((k, x) -> out.put(k, eval(x, scope)));
            return out;
        }
        if (e instanceof BinaryOp b) {
            Object left = eval(b.left(), scope);
            if (b.op().equals("&")) {
                return truthy(left) && truthy(eval(b.right(), scope));
            }
            if (b.op().equals("|")) {
                return truthy(left) || truthy(eval(b.right(), scope));
            }
            return binary(left, b.op(), eval(b.right(), scope));
        }
        if (e instanceof Call c && c.func() instanceof Variable f) {
            List<Object> args = new ArrayList<>();
            c.arguments().forEach(a -> args.add(eval(a, scope)));
            if (!DqlFunctions.known(f.name())) {
                throw new EvalException("Unknown function '" + f.name() + "'");
            }
            return DqlFunctions.call(f.name(), args);
        }
        if (e instanceof Lambda) {
            throw new EvalException("lambdas are only evaluated as function arguments (not yet)");
        }
        throw new EvalException("cannot evaluate " + e);
    }

    private Object index(Object object, Object key) {
        if (object == null) {
            return null;
        }
        if (object instanceof LinkValue link && key instanceof String) {
            return index.note(link.path()).map(n -> page(n).get(key)).orElse(null);
        }
        if (object instanceof Map<?, ?> m && key instanceof String k) {
            Object v = m.get(k);
            return v != null ? v : m.get(k.toLowerCase(Locale.ROOT));
        }
        if (object instanceof List<?> l) {
            if (key instanceof Double d) {
                int i = d.intValue();
                return i >= 0 && i < l.size() ? l.get(i) : null;
            }
            List<Object> out = new ArrayList<>(); // Dataview swizzles: list.field is each element's field
            for (Object o : l) {
                out.add(index(o, key));
            }
            return out;
        }
        if (object instanceof String s && key instanceof Double d) {
            int i = d.intValue();
            return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : null;
        }
        return null;
    }

    private static Object binary(Object l, String op, Object r) {
        switch (op) {
            case "=":
                return compare(l, r) == 0;
            case "!=":
                return compare(l, r) != 0;
            case "<":
                return compare(l, r) < 0;
            case "<=":
                return compare(l, r) <= 0;
            case ">":
                return compare(l, r) > 0;
            case ">=":
                return compare(l, r) >= 0;
            default:
                break;
        }
        if (l instanceof Double a && r instanceof Double b) {
            switch (op) {
                case "+":
                    return a + b;
                case "-":
                    return a - b;
                case "*":
                    return a * b;
                case "/":
                    return a / b;
                default:
                    return a % b;
            }
        }
        if (op.equals("+") && (l instanceof String || r instanceof String)) {
            return DqlFunctions.string(l) + DqlFunctions.string(r);
        }
        if (l instanceof LocalDateTime d && r instanceof Dql.Duration dur && (op.equals("+") || op.equals("-"))) {
            int sign = op.equals("+") ? 1 : -1;
            return d.plusYears(sign * (long) dur.years()).plusMonths(sign * (long) dur.months())
                    .plusWeeks(sign * (long) dur.weeks()).plusDays(sign * (long) dur.days())
                    .plusHours(sign * (long) dur.hours()).plusMinutes(sign * (long) dur.minutes())
                    .plusSeconds(sign * (long) dur.seconds());
        }
        if (l == null || r == null) {
            return null;
        }
        throw new EvalException("cannot apply '" + op + "' to " + typeName(l) + " and " + typeName(r));
    }

    /** Dataview's truthiness. */
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
        return true;
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
        return "object";
    }

    /** Dataview's order: null first, then by type name, then within the type. */
    @SuppressWarnings("unchecked")
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
        if (a instanceof LinkValue x) {
            return x.path().compareTo(((LinkValue) b).path());
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
        return Comparator.comparing(Object::toString).compare(a, b);
    }
}
