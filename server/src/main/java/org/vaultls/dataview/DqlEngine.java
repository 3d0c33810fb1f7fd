package org.vaultls.dataview;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vaultls.dataview.Dql.*;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;

/**
 * Evaluates a parsed DQL query on the index, for the note that holds the block ({@code this}), with
 * Dataview 0.5's semantics.
 *
 * <p>LIST and TABLE rows are pages, TASK rows the tasks of the source's pages (file order, then line
 * order; a task's fields are looked up first in the task, then in its page). Data commands run in the
 * order written, any number of each: WHERE keeps rows whose clause is truthy; SORT orders by several keys
 * (stable, null first); LIMIT keeps the first n; FLATTEN makes one row per element of a list (a non-list
 * value is one element; an empty list drops the row), under the field's name or its {@code AS} name;
 * GROUP BY orders the rows by the key and makes one row per distinct key whose fields are {@code key}
 * and {@code rows} (the group's rows; {@code rows.field} is each row's field, lists flattened one level),
 * so later commands see the groups. A TABLE after GROUP BY names its id column after the group field.
 * CALENDAR and {@code csv()} sources are reported as not evaluated; so is a FROM after another command.
 *
 * <p>Pages, tasks and list items are the objects {@link Pages} builds; values follow {@link DqlValues};
 * functions are {@link DqlFunctions}. A query never throws: an unknown function, a wrong argument or an
 * operator without meaning for its operands becomes the Result's error.
 */
public final class DqlEngine {
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(DqlEngine.class.getName());

    /**
     * A link value: the vault path of the note it points to (or the written target when unresolved), and
     * optionally a heading or block ({@code subpath}), a display text, and whether it is an embed.
     */
    public record LinkValue(String path, String subpath, String display, boolean embed) {
        public LinkValue(String path) {
            this(path, null, null, false);
        }
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

        /** A group after GROUP BY: its key and its rows. */
        public static Row group(Object key, List<Object> values, List<Row> members) {
            return new Row(key, null, null, values, members);
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

        /** True when the rows are groups (the query had a GROUP BY). */
        public boolean grouped() {
            return !rows.isEmpty() && rows.get(0).isGroup();
        }
    }

    private final VaultIndex index;
    private final Note self;
    private final LocalDateTime now;
    private final Pages pages;
    private final DqlFunctions functions;
    private final Map<String, Object> thisPage;

    private DqlEngine(VaultIndex index, Note self, LocalDateTime now) {
        this.index = index;
        this.self = self;
        this.now = now;
        this.pages = new Pages(index);
        this.functions = new DqlFunctions(pages, now);
        this.thisPage = self == null ? null : pages.page(self);
    }

    /** Runs {@code query} as the block in {@code self} would run it. Never throws on a query's content. */
    public static Result run(VaultIndex index, Note self, Query query) {
        return run(index, self, query, LocalDateTime.now(ZoneOffset.UTC));
    }

    /** As {@link #run(VaultIndex, Note, Query)}, with {@code now} for {@code date("today")} and friends. */
    public static Result run(VaultIndex index, Note self, Query query, LocalDateTime now) {
        try {
            return new DqlEngine(index, self, now).run(query);
        } catch (EvalException e) {
            return Result.failed(e.getMessage());
        } catch (StackOverflowError e) {
            return Result.failed("the query nests too deeply to evaluate");
        } catch (RuntimeException e) {
            // a bug of ours, not the user's: still an answer, never an exception out of a hover or a lens
            LOG.log(java.util.logging.Level.WARNING, "Dataview evaluation failed in " + (self == null ? "-" : self.path()), e);
            return Result.failed("could not evaluate the query (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Why an expression has no value: becomes the Result's error. */
    static final class EvalException extends RuntimeException {
        EvalException(String message) {
            super(message, null, false, false);
        }
    }

    /** Where names are looked up: a row's fields, then its page's (for tasks), then {@code this}. */
    record Scope(Map<String, Object> fields, Scope parent) {
        Object get(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                Object v = s.fields.get(name);
                if (v != null || s.fields.containsKey(name)) {
                    return v;
                }
            }
            return null;
        }
    }

    /** A row on its way through the data commands: what it shows, and the fields commands read. */
    private record Item(Row row, Scope scope) {
    }

    private Result run(Query q) {
        if (q.header() instanceof CalendarHeader) {
            throw new EvalException("CALENDAR queries are parsed but not rendered outside Obsidian");
        }
        Map<String, Object> globals = new HashMap<>();
        globals.put("this", thisPage);
        Scope root = new Scope(globals, null);
        List<Item> items = new ArrayList<>();
        boolean taskQuery = q.header() instanceof TaskHeader;
        List<Operation> ops = q.operations();
        // the first WHERE runs as the rows are made, so rows it drops are never built: TASK FROM "" makes
        // a task object for every task of the vault, but a row for few of them
        Expr firstWhere = !ops.isEmpty() && ops.get(0) instanceof Where w ? w.clause() : null;
        if (firstWhere != null) {
            ops = ops.subList(1, ops.size());
        }
        // and in a TASK query the first WHERE's leading conjuncts that read only a task's plain fields
        // run first on a view of the task, so the tasks they drop get no object at all
        List<Expr> plain = taskQuery && firstWhere != null ? plainPrefix(firstWhere) : List.of();
        Pages.PlainTask view = new Pages.PlainTask();
        Scope viewScope = new Scope(view, root);
        for (Note n : sourceNotes(q.source())) {
            String path = n.path();
            if (taskQuery && n.tasks().isEmpty()) {
                continue;
            }
            Scope pageScope = null;
            if (taskQuery) {
                for (Task t : n.tasks()) {
                    if (!plain.isEmpty() && !passes(plain, view, viewScope, n, t)) {
                        continue;
                    }
                    if (pageScope == null) {
                        pageScope = new Scope(pages.page(n), root);
                    }
                    Scope s = new Scope(pages.task(n, t), pageScope);
                    if (firstWhere == null || DqlValues.truthy(eval(firstWhere, s))) {
                        items.add(new Item(new Row(path, t, List.of()), s));
                    }
                }
            } else {
                pageScope = new Scope(pages.page(n), root);
                if (firstWhere == null || DqlValues.truthy(eval(firstWhere, pageScope))) {
                    items.add(new Item(new Row(path, null, List.of()), pageScope));
                }
            }
        }
        String idName = "File";
        for (Operation op : ops) {
            if (op instanceof Where w) {
                List<Item> kept = new ArrayList<>();
                for (Item it : items) {
                    if (DqlValues.truthy(eval(w.clause(), it.scope()))) {
                        kept.add(it);
                    }
                }
                items = kept;
            } else if (op instanceof Sort s) {
                items = sort(items, s);
            } else if (op instanceof Limit l) {
                Object amount = eval(l.amount(), root);
                if (!(amount instanceof Double d)) {
                    throw new EvalException("LIMIT needs a number, not " + DqlValues.typeName(amount));
                }
                items = new ArrayList<>(items.subList(0, (int) Math.max(0, Math.min(items.size(), d))));
            } else if (op instanceof Flatten f) {
                items = flatten(items, f.field());
            } else if (op instanceof Group g) {
                items = group(items, g.field(), root);
                idName = g.field().name();
            } else if (op instanceof FromOperation) {
                throw new EvalException("FROM must come before the other commands");
            }
        }
        List<Row> out = new ArrayList<>();
        for (Item it : items) {
            Row r = it.row();
            List<Object> values = new ArrayList<>();
            if (q.header() instanceof ListHeader l && l.format().isPresent()) {
                values.add(eval(l.format().get(), it.scope()));
            } else if (q.header() instanceof TableHeader t) {
                for (NamedField f : t.fields()) {
                    values.add(eval(f.field(), it.scope()));
                }
            }
            out.add(new Row(r.id(), r.path(), r.task(), values, r.members()));
        }
        Kind kind = taskQuery ? Kind.TASK : q.header() instanceof TableHeader ? Kind.TABLE : Kind.LIST;
        boolean showId = q.header() instanceof TableHeader t ? t.showId()
                : !(q.header() instanceof ListHeader l) || l.showId();
        List<String> headers = new ArrayList<>();
        if (q.header() instanceof TableHeader t) {
            if (showId) {
                headers.add(idName);
            }
            t.fields().forEach(f -> headers.add(f.name()));
        }
        return new Result(kind, List.copyOf(headers), showId, List.copyOf(out), Optional.empty());
    }

    /** False when one of {@code conjuncts}, evaluated on task {@code t}'s plain fields, is falsy. */
    private boolean passes(List<Expr> conjuncts, Pages.PlainTask view, Scope viewScope, Note n, Task t) {
        view.at(n, t);
        for (Expr c : conjuncts) {
            if (!DqlValues.truthy(eval(c, viewScope))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The conjuncts of {@code where} ({@code a AND b AND c}, in the order they are evaluated) up to the
     * first that may read more than a task's {@link Pages#PLAIN_FIELDS} and {@code this}. A task for which
     * one of them is falsy is one the whole clause drops, having evaluated nothing past it: the conjuncts
     * before it are the same, and {@code AND} stops there, so not even an error of a later part is missed.
     */
    static List<Expr> plainPrefix(Expr where) {
        List<Expr> conjuncts = new ArrayList<>();
        conjuncts(where, conjuncts);
        List<Expr> out = new ArrayList<>();
        for (Expr c : conjuncts) {
            if (!plain(c)) {
                break;
            }
            out.add(c);
        }
        return out;
    }

    private static void conjuncts(Expr e, List<Expr> out) {
        if (e instanceof BinaryOp b && b.op().equals("&")) {
            conjuncts(b.left(), out);
            conjuncts(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** True when {@code e} reads no name but a plain task field and {@code this}, and calls only Dataview's functions. */
    private static boolean plain(Expr e) {
        if (e instanceof Literal) {
            return true;
        }
        if (e instanceof Variable v) {
            return v.name().equals("this") || Pages.PLAIN_FIELDS.contains(v.name());
        }
        if (e instanceof Index i) {
            return plain(i.object()) && plain(i.index());
        }
        if (e instanceof Negated n) {
            return plain(n.child());
        }
        if (e instanceof BinaryOp b) {
            return plain(b.left()) && plain(b.right());
        }
        if (e instanceof ListExpr l) {
            return l.values().stream().allMatch(DqlEngine::plain);
        }
        if (e instanceof ObjectExpr o) {
            return o.values().values().stream().allMatch(DqlEngine::plain);
        }
        if (e instanceof Call c) {
            return c.func() instanceof Variable f && DqlFunctions.known(f.name())
                    && c.arguments().stream().allMatch(DqlEngine::plain);
        }
        return false; // a lambda binds names of its own: left to the full evaluation
    }

    private List<Item> sort(List<Item> items, Sort s) {
        List<List<Object>> keys = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            order.add(i);
            List<Object> k = new ArrayList<>();
            for (SortKey key : s.fields()) {
                k.add(eval(key.field(), items.get(i).scope()));
            }
            keys.add(k);
        }
        order.sort((a, b) -> {
            for (int k = 0; k < s.fields().size(); k++) {
                int c = DqlValues.compare(keys.get(a).get(k), keys.get(b).get(k));
                if (c != 0) {
                    return s.fields().get(k).ascending() ? c : -c;
                }
            }
            return 0;
        });
        List<Item> out = new ArrayList<>();
        order.forEach(i -> out.add(items.get(i)));
        return out;
    }

    /** Dataview's FLATTEN: one row per element, the element under the field's name. */
    private List<Item> flatten(List<Item> items, NamedField field) {
        List<Item> out = new ArrayList<>();
        for (Item it : items) {
            Object v = eval(field.field(), it.scope());
            List<?> elements = v instanceof List<?> l ? l : java.util.Collections.singletonList(v);
            for (Object e : elements) {
                Scope s = it.scope();
                out.add(new Item(it.row(), new Scope(new Overlay(s.fields(), field.name(), e), s.parent())));
            }
        }
        return out;
    }

    /** Dataview's GROUP BY: rows ordered by key (stable), one row per distinct key with {@code key, rows}. */
    private List<Item> group(List<Item> items, NamedField field, Scope root) {
        List<Object> keys = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            keys.add(eval(field.field(), items.get(i).scope()));
            order.add(i);
        }
        order.sort((a, b) -> DqlValues.compare(keys.get(a), keys.get(b)));
        List<Item> out = new ArrayList<>();
        int i = 0;
        while (i < order.size()) {
            Object key = keys.get(order.get(i));
            List<Object> rows = new ArrayList<>();
            List<Row> members = new ArrayList<>();
            int j = i;
            while (j < order.size() && DqlValues.compare(keys.get(order.get(j)), key) == 0) {
                Item member = items.get(order.get(j));
                rows.add(data(member.scope()));
                members.add(member.row());
                j++;
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("key", key);
            fields.put("rows", rows);
            out.add(new Item(Row.group(key, List.of(), List.copyOf(members)), new Scope(fields, root)));
            i = j;
        }
        return out;
    }

    /** A row's own fields, which a group's {@code rows} holds: a page, a task, or a flattened row. */
    private static Map<String, Object> data(Scope s) {
        return s.fields();
    }

    // ---- sources ----

    /** The notes of a source in path order (the index keeps its notes by path). */
    private java.util.Collection<Note> sourceNotes(Source src) {
        if (src instanceof FolderSource f && f.folder().isEmpty()) {
            return index.notes().values(); // the snapshot's own, immutable: no copy of 10k notes
        }
        List<Note> out = new ArrayList<>();
        Set<String> paths = sourcePages(src);
        for (Map.Entry<String, Note> e : index.notes().entrySet()) {
            if (paths.contains(e.getKey())) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private Set<String> sourcePages(Source src) {
        if (src instanceof FolderSource f) {
            String folder = f.folder().endsWith("/") ? f.folder().substring(0, f.folder().length() - 1) : f.folder();
            Set<String> out = new java.util.HashSet<>();
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
            Optional<String> target = pages.resolve(l.file());
            if (target.isEmpty()) {
                return Set.of();
            }
            if (l.outgoing()) {
                Set<String> out = new LinkedHashSet<>();
                Note n = index.note(target.get()).orElseThrow();
                for (Object o : pages.outlinks(n, 0, n.text().length())) {
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
            all.removeAll(sourcePages(n.child()));
            return all;
        }
        BinarySource b = (BinarySource) src;
        Set<String> left = new LinkedHashSet<>(sourcePages(b.left()));
        Set<String> right = sourcePages(b.right());
        if (b.op().equals("&")) {
            left.retainAll(right);
        } else {
            left.addAll(right);
        }
        return left;
    }

    // ---- expressions ----

    Object eval(Expr e, Scope scope) {
        if (e instanceof Literal l) {
            Object v = l.value();
            if (v instanceof Dql.Link link) {
                LinkValue target = pages.link(link.path());
                return new LinkValue(target.path(), link.subpath(), link.display(), link.embed());
            }
            return v;
        }
        if (e instanceof Variable v) {
            if (v.name().equals("this")) {
                return thisPage; // a global, never a page's field: asking the page would build all its fields
            }
            return scope.get(v.name());
        }
        if (e instanceof Index i) {
            return index(eval(i.object(), scope), eval(i.index(), scope));
        }
        if (e instanceof Negated n) {
            return !DqlValues.truthy(eval(n.child(), scope));
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
                return DqlValues.truthy(left) && DqlValues.truthy(eval(b.right(), scope));
            }
            if (b.op().equals("|")) {
                return DqlValues.truthy(left) || DqlValues.truthy(eval(b.right(), scope));
            }
            return DqlOperators.apply(left, b.op(), eval(b.right(), scope));
        }
        if (e instanceof Call c) {
            List<Object> args = new ArrayList<>();
            c.arguments().forEach(a -> args.add(eval(a, scope)));
            if (c.func() instanceof Variable f && DqlFunctions.known(f.name())) {
                return functions.call(f.name(), args);
            }
            Object fn = c.func() instanceof Variable f ? scope.get(f.name()) : eval(c.func(), scope);
            if (fn instanceof DqlValues.Function callable) {
                return callable.apply(args);
            }
            throw new EvalException("Unknown function '"
                    + (c.func() instanceof Variable f ? f.name() : DqlValues.typeName(fn)) + "'");
        }
        if (e instanceof Lambda l) {
            return (DqlValues.Function) arguments -> {
                Map<String, Object> bound = new HashMap<>();
                for (int i = 0; i < l.arguments().size(); i++) {
                    bound.put(l.arguments().get(i), i < arguments.size() ? arguments.get(i) : null);
                }
                return eval(l.value(), new Scope(bound, scope));
            };
        }
        throw new EvalException("cannot evaluate " + e);
    }

    /** {@code object[key]} and {@code object.key}, as Dataview indexes each type. */
    Object index(Object object, Object key) {
        if (object == null || key == null) {
            return null;
        }
        if (object instanceof LinkValue link && key instanceof String k) {
            switch (k) {
                case "path":
                    return link.path();
                case "display":
                    return link.display();
                case "embed":
                    return link.embed();
                case "subpath":
                    return link.subpath();
                case "type":
                    return link.subpath() == null ? "file" : link.subpath().startsWith("^") ? "block" : "header";
                default:
                    Map<String, Object> page = pages.page(link.path());
                    return page == null ? null : index(page, k);
            }
        }
        if (object instanceof Map<?, ?> m && key instanceof String k) {
            Object v = m.get(k);
            if (v == null && !m.containsKey(k)) {
                String c = DqlValues.canonical(k);
                v = c.equals(k) ? null : m.get(c);
            }
            return v;
        }
        if (object instanceof List<?> l) {
            if (key instanceof Double d) {
                int i = d.intValue();
                return i >= 0 && i < l.size() ? l.get(i) : null;
            }
            List<Object> out = new ArrayList<>(); // swizzling: list.field is each element's field, flattened
            for (Object o : l) {
                Object v = index(o, key);
                if (v instanceof List<?> inner) {
                    out.addAll(inner);
                } else {
                    out.add(v);
                }
            }
            return out;
        }
        if (object instanceof String s && key instanceof Double d) {
            int i = d.intValue();
            return i >= 0 && i < s.length() ? String.valueOf(s.charAt(i)) : null;
        }
        if (object instanceof LocalDateTime t && key instanceof String k) {
            return DqlValues.dateField(t, k);
        }
        if (object instanceof Dql.Duration d && key instanceof String k) {
            return DqlValues.durationField(d, k);
        }
        if (object instanceof Map<?, ?> m && key instanceof Double d) {
            return m.get(DqlValues.number(d));
        }
        return null;
    }

    /** Dataview's truthiness. */
    static boolean truthy(Object v) {
        return DqlValues.truthy(v);
    }

    /** Dataview's type names. */
    static String typeName(Object v) {
        return DqlValues.typeName(v);
    }

    /** Dataview's order. */
    static int compare(Object a, Object b) {
        return DqlValues.compare(a, b);
    }

    /** An object with one field set or replaced (FLATTEN's element), without copying the object. */
    private static final class Overlay extends KeyedMap {
        private final Map<String, Object> base;
        private final String name;
        private final Object value;

        Overlay(Map<String, Object> base, String name, Object value) {
            this.base = base;
            this.name = name;
            this.value = value;
        }

        @Override
        public boolean containsKey(Object key) {
            return name.equals(key) || base.containsKey(key);
        }

        @Override
        public Object get(Object key) {
            return name.equals(key) ? value : base.get(key);
        }

        @Override
        Set<String> keys() {
            Set<String> keys = new LinkedHashSet<>(base.keySet());
            keys.add(name);
            return keys;
        }
    }
}
