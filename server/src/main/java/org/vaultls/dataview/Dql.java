package org.vaultls.dataview;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The syntax tree of a Dataview query (DQL, Dataview 0.5.x): a header (LIST, TABLE, TASK, CALENDAR),
 * a source (FROM) and data commands in the order written. Node names follow Dataview's own parser
 * output, so {@link DqlJson} can print the tree in that shape.
 */
public final class Dql {
    private Dql() {
    }

    /**
     * The names (lower case) of the functions the engine evaluates: Dataview's library. Completion and
     * the unknown-function check describe the same list (a test holds them equal).
     */
    public static java.util.Set<String> functionNames() {
        return DqlFunctions.names();
    }

    /** A parsed query. {@code source} is the folder "" (every note) when there is no FROM. */
    public record Query(Header header, Source source, List<Operation> operations) {
    }

    /** The query type and what it shows. */
    public sealed interface Header permits ListHeader, TableHeader, TaskHeader, CalendarHeader {
    }

    /** {@code LIST [WITHOUT ID] [expression]}. */
    public record ListHeader(Optional<Expr> format, boolean showId) implements Header {
    }

    /** {@code TABLE [WITHOUT ID] expr [AS name], ...}. */
    public record TableHeader(List<NamedField> fields, boolean showId) implements Header {
    }

    /** {@code TASK}. */
    public record TaskHeader() implements Header {
    }

    /** {@code CALENDAR expr}: parsed, not rendered. */
    public record CalendarHeader(NamedField field) implements Header {
    }

    /** An expression with its column or group name: the {@code AS} name, else the expression's text. */
    public record NamedField(Expr field, String name) {
    }

    /** A FROM source. */
    public sealed interface Source permits FolderSource, TagSource, LinkSource, CsvSource, NegatedSource,
            BinarySource {
    }

    /** {@code "folder"} or {@code "path/to/note"}: Dataview decides at evaluation which it is. */
    public record FolderSource(String folder) implements Source {
    }

    /** {@code #tag}, which also matches its subtags. */
    public record TagSource(String tag) implements Source {
    }

    /** {@code [[note]]} (notes linking to it) or {@code outgoing([[note]])} (notes it links to). */
    public record LinkSource(String file, boolean outgoing) implements Source {
    }

    /** {@code csv("file.csv")}. */
    public record CsvSource(String path) implements Source {
    }

    /** {@code -source} or {@code !source}. */
    public record NegatedSource(Source child) implements Source {
    }

    /** {@code a and b}, {@code a or b}; op is {@code &} or {@code |}. Equal precedence, left to right. */
    public record BinarySource(Source left, String op, Source right) implements Source {
    }

    /** A data command. */
    public sealed interface Operation permits Where, Sort, Limit, Flatten, Group, FromOperation {
    }

    /** {@code WHERE expr}. */
    public record Where(Expr clause) implements Operation {
    }

    /** {@code SORT key [ASC|DESC], ...}. */
    public record Sort(List<SortKey> fields) implements Operation {
    }

    /** One sort key. */
    public record SortKey(Expr field, boolean ascending) {
    }

    /** {@code LIMIT expr}. */
    public record Limit(Expr amount) implements Operation {
    }

    /** {@code FLATTEN expr [AS name]}. */
    public record Flatten(NamedField field) implements Operation {
    }

    /** {@code GROUP BY expr [AS name]}. */
    public record Group(NamedField field) implements Operation {
    }

    /**
     * A FROM written after another data command. Dataview 0.5.68 accepts it and keeps it as an
     * operation (the query's source stays the one written first, or every note); we keep the quirk.
     */
    public record FromOperation(Source source) implements Operation {
    }

    /** An expression. */
    public sealed interface Expr permits Literal, Variable, Index, Call, Lambda, ListExpr, ObjectExpr, Negated,
            BinaryOp {
    }

    /** The expressions directly inside {@code e}, in source order (none for a literal or a variable). */
    public static List<Expr> children(Expr e) {
        if (e instanceof Index i) {
            return List.of(i.object(), i.index());
        }
        if (e instanceof Call c) {
            List<Expr> all = new java.util.ArrayList<>(c.arguments().size() + 1);
            all.add(c.func());
            all.addAll(c.arguments());
            return all;
        }
        if (e instanceof Lambda l) {
            return List.of(l.value());
        }
        if (e instanceof ListExpr l) {
            return l.values();
        }
        if (e instanceof ObjectExpr o) {
            return List.copyOf(o.values().values());
        }
        if (e instanceof Negated n) {
            return List.of(n.child());
        }
        if (e instanceof BinaryOp b) {
            return List.of(b.left(), b.right());
        }
        return List.of(); // a literal or a variable
    }

    /**
     * A literal: {@code value} is null, a Boolean, a Double, a String, a {@link java.time.LocalDateTime}
     * (a {@code date(...)}), a {@link Duration} or a {@link Link}.
     */
    public record Literal(Object value) implements Expr {
    }

    /** A field or a name, such as {@code file}, {@code completed} or {@code my-field}. */
    public record Variable(String name) implements Expr {
    }

    /** {@code object.name}, {@code object["name"]}, {@code object[0]}. */
    public record Index(Expr object, Expr index) implements Expr {
    }

    /** {@code func(arguments)}. */
    public record Call(Expr func, List<Expr> arguments) implements Expr {
    }

    /** {@code (a, b) => value}. */
    public record Lambda(List<String> arguments, Expr value) implements Expr {
    }

    /** {@code [a, b]}. */
    public record ListExpr(List<Expr> values) implements Expr {
    }

    /** {@code {a: 1, "b c": 2}}, keys in the order written. */
    public record ObjectExpr(Map<String, Expr> values) implements Expr {
    }

    /** {@code !child}. */
    public record Negated(Expr child) implements Expr {
    }

    /** {@code left op right}: op is one of {@code * / % + - > < >= <= = != & |}. */
    public record BinaryOp(Expr left, String op, Expr right) implements Expr {
    }

    /** A {@code dur(...)} literal: calendar parts kept apart, as Dataview (Luxon) keeps them. */
    public record Duration(double years, double months, double weeks, double days, double hours, double minutes,
            double seconds, double millis) {
    }

    /** A {@code [[link]]} literal; type is {@code file}, {@code header} or {@code block}. */
    public record Link(String path, String subpath, String display, boolean embed, String type) {
    }

    /** A syntax error: 1-based line and column, the offset, and what the parser expected there. */
    public record Error(int line, int column, int offset, List<String> expected) {
        /** "expected a, b or c". */
        public String message() {
            if (expected.isEmpty()) {
                return "syntax error";
            }
            if (expected.size() == 1) {
                return "expected " + expected.get(0);
            }
            return "expected " + String.join(", ", expected.subList(0, expected.size() - 1)) + " or "
                    + expected.get(expected.size() - 1);
        }
    }

    /** A parse: exactly one of query and error is present. */
    public record ParseResult(Optional<Query> query, Optional<Error> error) {
    }
}
