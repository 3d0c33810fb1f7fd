package org.vaultls.features.dataview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultls.dataview.Dql;

/**
 * What a parsed query names, gathered from its syntax tree for the checks: the functions it calls, the
 * fields it reads at the top level ({@code due}, not the {@code due} of {@code a.due}), the fields it
 * reads under {@code file.} and {@code this.file.}, the names it binds itself (lambda parameters), and
 * the sources of FROMs written after other commands.
 */
final class DataviewCheckWalk {
    final Set<String> functions = new HashSet<>();
    final Set<String> variables = new HashSet<>();
    final Set<String> fileFields = new HashSet<>();
    final Set<String> names = new HashSet<>();
    final List<Dql.Source> sources = new ArrayList<>();

    void query(Dql.Query q) {
        Dql.Header h = q.header();
        if (h instanceof Dql.ListHeader l) {
            l.format().ifPresent(this::expr);
        } else if (h instanceof Dql.TableHeader t) {
            t.fields().forEach(f -> expr(f.field()));
        } else if (h instanceof Dql.CalendarHeader c) {
            expr(c.field().field());
        }
        for (Dql.Operation op : q.operations()) {
            if (op instanceof Dql.Where w) {
                expr(w.clause());
            } else if (op instanceof Dql.Sort s) {
                s.fields().forEach(k -> expr(k.field()));
            } else if (op instanceof Dql.Limit l) {
                expr(l.amount());
            } else if (op instanceof Dql.Flatten f) {
                expr(f.field().field());
            } else if (op instanceof Dql.Group g) {
                expr(g.field().field());
            } else if (op instanceof Dql.FromOperation f) {
                sources.add(f.source());
            }
        }
    }

    private void expr(Dql.Expr e) {
        if (e instanceof Dql.Variable v) {
            variables.add(v.name());
        } else if (e instanceof Dql.Index i) {
            if (isFile(i.object()) && i.index() instanceof Dql.Literal lit && lit.value() instanceof String s) {
                fileFields.add(s);
            }
            expr(i.object());
            if (!(i.index() instanceof Dql.Literal)) {
                expr(i.index());
            }
        } else if (e instanceof Dql.Call c) {
            if (c.func() instanceof Dql.Variable v) {
                functions.add(v.name());
            } else {
                expr(c.func());
            }
            c.arguments().forEach(this::expr);
        } else if (e instanceof Dql.Lambda l) {
            names.addAll(l.arguments());
            expr(l.value());
        } else if (e instanceof Dql.ListExpr l) {
            l.values().forEach(this::expr);
        } else if (e instanceof Dql.ObjectExpr o) {
            o.values().values().forEach(this::expr);
        } else if (e instanceof Dql.Negated n) {
            expr(n.child());
        } else if (e instanceof Dql.BinaryOp b) {
            expr(b.left());
            expr(b.right());
        }
    }

    /** {@code file} or {@code this.file}. */
    private static boolean isFile(Dql.Expr e) {
        return e instanceof Dql.Variable v && v.name().equals("file")
                || e instanceof Dql.Index i && i.object() instanceof Dql.Variable v2 && v2.name().equals("this")
                && i.index() instanceof Dql.Literal l && "file".equals(l.value());
    }
}
