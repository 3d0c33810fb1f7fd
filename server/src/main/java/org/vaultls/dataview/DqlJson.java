package org.vaultls.dataview;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.vaultls.dataview.Dql.*;

/**
 * Prints a parsed query as JSON in the shape of Dataview's parser output ({@code header}, {@code source},
 * {@code operations}; expression nodes {@code binaryop}, {@code variable}, {@code literal}, {@code function},
 * {@code negated}, {@code index}, {@code lambda}, {@code list}, {@code object}). Dataview's dates, durations
 * and links serialise as bare strings or objects; here their literal also says which it is
 * ({@code "valueType": "date" | "duration" | "link"}), dates as local ISO time and durations as ISO 8601.
 */
public final class DqlJson {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private final StringBuilder b = new StringBuilder();

    private DqlJson() {
    }

    /** The query as one line of JSON. */
    public static String of(Query q) {
        DqlJson j = new DqlJson();
        j.query(q);
        return j.b.toString();
    }

    /** The error as JSON: 1-based line and column, offset, expected. */
    public static String of(Dql.Error e) {
        DqlJson j = new DqlJson();
        j.b.append("{\"error\":").append(j.str(e.message())).append(",\"line\":").append(e.line())
                .append(",\"column\":").append(e.column()).append(",\"offset\":").append(e.offset())
                .append(",\"expected\":[");
        for (int i = 0; i < e.expected().size(); i++) {
            j.b.append(i == 0 ? "" : ",").append(j.str(e.expected().get(i)));
        }
        j.b.append("]}");
        return j.b.toString();
    }

    private void query(Query q) {
        b.append("{\"header\":");
        header(q.header());
        b.append(",\"source\":");
        source(q.source());
        b.append(",\"operations\":[");
        for (int i = 0; i < q.operations().size(); i++) {
            b.append(i == 0 ? "" : ",");
            operation(q.operations().get(i));
        }
        b.append("]}");
    }

    private void header(Header h) {
        if (h instanceof ListHeader l) {
            b.append("{\"type\":\"list\"");
            l.format().ifPresent(f -> {
                b.append(",\"format\":");
                expr(f);
            });
            b.append(",\"showId\":").append(l.showId()).append('}');
        } else if (h instanceof TableHeader t) {
            b.append("{\"type\":\"table\",\"fields\":[");
            for (int i = 0; i < t.fields().size(); i++) {
                b.append(i == 0 ? "" : ",");
                named(t.fields().get(i));
            }
            b.append("],\"showId\":").append(t.showId()).append('}');
        } else if (h instanceof TaskHeader t) {
            b.append("{\"type\":\"task\"}");
        } else if (h instanceof CalendarHeader c) {
            b.append("{\"type\":\"calendar\",\"showId\":true,\"field\":");
            named(c.field());
            b.append('}');
        }
    }

    private void named(NamedField f) {
        b.append("{\"name\":").append(str(f.name())).append(",\"field\":");
        expr(f.field());
        b.append('}');
    }

    private void source(Source src) {
        if (src instanceof FolderSource f) {
            b.append("{\"type\":\"folder\",\"folder\":").append(str(f.folder())).append('}');
        } else if (src instanceof TagSource t) {
            b.append("{\"type\":\"tag\",\"tag\":").append(str(t.tag())).append('}');
        } else if (src instanceof LinkSource l) {
            b.append("{\"type\":\"link\",\"file\":").append(str(l.file())).append(",\"direction\":")
                    .append(l.outgoing() ? "\"outgoing\"" : "\"incoming\"").append('}');
        } else if (src instanceof CsvSource c) {
            b.append("{\"type\":\"csv\",\"path\":").append(str(c.path())).append('}');
        } else if (src instanceof NegatedSource n) {
            b.append("{\"type\":\"negate\",\"child\":");
            source(n.child());
            b.append('}');
        } else if (src instanceof BinarySource o) {
            b.append("{\"type\":\"binaryop\",\"left\":");
            source(o.left());
            b.append(",\"op\":").append(str(o.op())).append(",\"right\":");
            source(o.right());
            b.append('}');
        }
    }

    private void operation(Operation op) {
        if (op instanceof Where w) {
            b.append("{\"type\":\"where\",\"clause\":");
            expr(w.clause());
            b.append('}');
        } else if (op instanceof Sort s) {
            b.append("{\"type\":\"sort\",\"fields\":[");
            for (int i = 0; i < s.fields().size(); i++) {
                b.append(i == 0 ? "" : ",").append("{\"field\":");
                expr(s.fields().get(i).field());
                b.append(",\"direction\":").append(s.fields().get(i).ascending() ? "\"ascending\"" : "\"descending\"")
                        .append('}');
            }
            b.append("]}");
        } else if (op instanceof Limit l) {
            b.append("{\"type\":\"limit\",\"amount\":");
            expr(l.amount());
            b.append('}');
        } else if (op instanceof Flatten f) {
            b.append("{\"type\":\"flatten\",\"field\":");
            named(f.field());
            b.append('}');
        } else if (op instanceof Group g) {
            b.append("{\"type\":\"group\",\"field\":");
            named(g.field());
            b.append('}');
        } else if (op instanceof FromOperation f) {
            source(f.source());
        }
    }

    private void expr(Expr e) {
        if (e instanceof Literal l) {
            literal(l.value());
        } else if (e instanceof Variable v) {
            b.append("{\"type\":\"variable\",\"name\":").append(str(v.name())).append('}');
        } else if (e instanceof Index i) {
            b.append("{\"type\":\"index\",\"object\":");
            expr(i.object());
            b.append(",\"index\":");
            expr(i.index());
            b.append('}');
        } else if (e instanceof Call c) {
            b.append("{\"type\":\"function\",\"func\":");
            expr(c.func());
            b.append(",\"arguments\":");
            list(c.arguments());
            b.append('}');
        } else if (e instanceof Lambda l) {
            b.append("{\"type\":\"lambda\",\"arguments\":[");
            for (int i = 0; i < l.arguments().size(); i++) {
                b.append(i == 0 ? "" : ",").append(str(l.arguments().get(i)));
            }
            b.append("],\"value\":");
            expr(l.value());
            b.append('}');
        } else if (e instanceof ListExpr l) {
            b.append("{\"type\":\"list\",\"values\":");
            list(l.values());
            b.append('}');
        } else if (e instanceof ObjectExpr o) {
            b.append("{\"type\":\"object\",\"values\":{");
            boolean first = true;
            for (Map.Entry<String, Expr> en : o.values().entrySet()) {
                b.append(first ? "" : ",").append(str(en.getKey())).append(':');
                expr(en.getValue());
                first = false;
            }
            b.append("}}");
        } else if (e instanceof Negated n) {
            b.append("{\"type\":\"negated\",\"child\":");
            expr(n.child());
            b.append('}');
        } else if (e instanceof BinaryOp o) {
            b.append("{\"type\":\"binaryop\",\"left\":");
            expr(o.left());
            b.append(",\"op\":").append(str(o.op())).append(",\"right\":");
            expr(o.right());
            b.append('}');
        }
    }

    private void list(List<Expr> values) {
        b.append('[');
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ",");
            expr(values.get(i));
        }
        b.append(']');
    }

    private void literal(Object v) {
        b.append("{\"type\":\"literal\",\"value\":");
        if (v == null) {
            b.append("null}");
        } else if (v instanceof Boolean bool) {
            b.append(bool).append('}');
        } else if (v instanceof Double d) {
            b.append(number(d)).append('}');
        } else if (v instanceof String s) {
            b.append(str(s)).append('}');
        } else if (v instanceof LocalDateTime t) {
            b.append(str(ISO.format(t))).append(",\"valueType\":\"date\"}");
        } else if (v instanceof Dql.Duration d) {
            b.append(str(iso(d))).append(",\"valueType\":\"duration\"}");
        } else if (v instanceof Dql.Link l) {
            b.append("{\"path\":").append(str(l.path()));
            if (l.subpath() != null) {
                b.append(",\"subpath\":").append(str(l.subpath()));
            }
            if (l.display() != null) {
                b.append(",\"display\":").append(str(l.display()));
            }
            b.append(",\"embed\":").append(l.embed()).append(",\"type\":").append(str(l.type()))
                    .append("},\"valueType\":\"link\"}");
        } else {
            throw new IllegalStateException("unknown literal " + v.getClass());
        }
    }

    /** ISO 8601 as Luxon writes it: P1Y2M3W4DT5H6M7.008S, PT0S when empty. */
    static String iso(Dql.Duration d) {
        StringBuilder s = new StringBuilder("P");
        part(s, d.years(), 'Y');
        part(s, d.months(), 'M');
        part(s, d.weeks(), 'W');
        part(s, d.days(), 'D');
        double secs = d.seconds() + d.millis() / 1000.0;
        if (d.hours() != 0 || d.minutes() != 0 || secs != 0) {
            s.append('T');
            part(s, d.hours(), 'H');
            part(s, d.minutes(), 'M');
            part(s, secs, 'S');
        }
        return s.length() == 1 ? "PT0S" : s.toString();
    }

    private static void part(StringBuilder s, double v, char unit) {
        if (v != 0) {
            s.append(number(v)).append(unit);
        }
    }

    private static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    private String str(String s) {
        StringBuilder o = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                o.append('\\').append(c);
            } else if (c == '\n') {
                o.append("\\n");
            } else if (c == '\r') {
                o.append("\\r");
            } else if (c == '\t') {
                o.append("\\t");
            } else if (c < 0x20) {
                o.append(String.format("\\u%04x", (int) c));
            } else {
                o.append(c);
            }
        }
        return o.append('"').toString();
    }
}
