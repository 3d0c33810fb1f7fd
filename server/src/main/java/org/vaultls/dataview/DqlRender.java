package org.vaultls.dataview;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vaultls.dataview.DqlEngine.LinkValue;
import org.vaultls.dataview.DqlEngine.Result;
import org.vaultls.dataview.DqlEngine.Row;

/**
 * A query result as markdown, the way Dataview shows it: LIST as a bullet list (a list value as a nested
 * list under its row), TABLE as a table, TASK as task lines under their note. After GROUP BY, LIST shows
 * the group keys (with the LIST expression), TABLE one row per group, and TASK each group's key as a bold
 * line with its tasks below. Links are written as wikilinks through {@code target} (a note's path to the
 * link text that reaches it from the note the markdown goes into). At most {@code cap} rows (groups, after
 * GROUP BY) are shown, then "… and N more".
 */
public final class DqlRender {
    private DqlRender() {
    }

    /** The result as markdown (an error as one line starting "Dataview: "). */
    public static String markdown(Result result, Function<String, String> target, int cap) {
        if (result.error().isPresent()) {
            return "Dataview: " + result.error().get() + "\n";
        }
        StringBuilder out = new StringBuilder();
        List<Row> rows = result.rows();
        int shown = Math.min(cap, rows.size());
        switch (result.kind()) {
            case TABLE -> table(out, result, rows.subList(0, shown), target);
            case TASK -> {
                if (result.grouped()) {
                    groupedTasks(out, rows.subList(0, shown), target);
                } else {
                    tasks(out, rows.subList(0, shown), target);
                }
            }
            default -> list(out, result, rows.subList(0, shown), target);
        }
        if (rows.size() > shown) {
            out.append("\n… and ").append(rows.size() - shown).append(" more\n");
        }
        if (rows.isEmpty()) {
            out.append("_No results._\n");
        }
        return out.toString();
    }

    private static void list(StringBuilder out, Result result, List<Row> rows, Function<String, String> target) {
        for (Row row : rows) {
            List<String> parts = new ArrayList<>();
            if (result.showId()) {
                parts.add(value(row.id(), target));
            }
            List<?> nested = null;
            for (Object v : row.values()) {
                if (v instanceof List<?> l && result.showId()) {
                    nested = l; // Dataview shows a list value as a list under the row
                } else {
                    parts.add(value(v, target));
                }
            }
            out.append("- ").append(String.join(": ", parts)).append('\n');
            if (nested != null) {
                for (Object o : nested) {
                    out.append("    - ").append(value(o, target)).append('\n');
                }
            }
        }
    }

    private static void table(StringBuilder out, Result result, List<Row> rows, Function<String, String> target) {
        List<String> headers = result.headers();
        out.append("| ").append(String.join(" | ", headers.stream().map(DqlRender::cell).toList())).append(" |\n");
        out.append("|").append("---|".repeat(Math.max(1, headers.size()))).append('\n');
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            if (result.showId()) {
                cells.add(cell(value(row.id(), target)));
            }
            row.values().forEach(v -> cells.add(cell(value(v, target))));
            out.append("| ").append(String.join(" | ", cells)).append(" |\n");
        }
    }

    private static void tasks(StringBuilder out, List<Row> rows, Function<String, String> target) {
        String page = null;
        for (Row row : rows) {
            if (row.task() == null) {
                continue;
            }
            if (!row.path().equals(page)) {
                page = row.path();
                out.append(out.length() == 0 ? "" : "\n").append(value(new LinkValue(page), target)).append('\n');
            }
            task(out, row);
        }
    }

    private static void groupedTasks(StringBuilder out, List<Row> groups, Function<String, String> target) {
        for (Row group : groups) {
            out.append(out.length() == 0 ? "" : "\n").append("**").append(value(group.id(), target)).append("**\n");
            for (Row member : group.members()) {
                if (member.task() != null) {
                    task(out, member);
                } else {
                    out.append("- ").append(value(member.id(), target)).append('\n');
                }
            }
        }
    }

    private static void task(StringBuilder out, Row row) {
        out.append("- [").append(row.task().status()).append("] ").append(row.task().text()).append('\n');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** One value as Dataview shows it. */
    public static String value(Object v, Function<String, String> target) {
        if (v == null) {
            return "-";
        }
        if (v instanceof LinkValue l) {
            StringBuilder b = new StringBuilder(l.embed() ? "![[" : "[[").append(target.apply(l.path()));
            if (l.subpath() != null) {
                b.append('#').append(l.subpath());
            }
            if (l.display() != null) {
                b.append('|').append(l.display());
            }
            return b.append("]]").toString();
        }
        if (v instanceof Double d) {
            return DqlValues.number(d);
        }
        if (v instanceof LocalDateTime d) {
            return DqlValues.date(d);
        }
        if (v instanceof List<?> l) {
            List<String> parts = new ArrayList<>();
            l.forEach(o -> parts.add(value(o, target)));
            return String.join(", ", parts);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, o) -> parts.add(k + ": " + value(o, target)));
            return String.join(", ", parts);
        }
        return DqlValues.string(v);
    }
}
