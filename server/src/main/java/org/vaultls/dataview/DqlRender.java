package org.vaultls.dataview;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vaultls.dataview.DqlEngine.LinkValue;
import org.vaultls.dataview.DqlEngine.Result;
import org.vaultls.dataview.DqlEngine.Row;

/**
 * A query result as markdown, the way Dataview shows it: LIST as a bullet list, TABLE as a table, TASK as
 * task lines grouped under their note. Links are written as wikilinks through {@code target} (a note's
 * path to the link text that reaches it from the note the markdown goes into). At most {@code cap} rows
 * are shown, then "… and N more".
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
            case TASK -> tasks(out, rows.subList(0, shown), target);
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
            row.values().forEach(v -> parts.add(value(v, target)));
            out.append("- ").append(String.join(": ", parts)).append('\n');
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
            out.append("- [").append(row.task().status()).append("] ").append(row.task().text()).append('\n');
        }
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
            return "[[" + target.apply(l.path()) + "]]";
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
        if (v instanceof LocalDateTime d) {
            return d.toLocalTime().equals(LocalTime.MIDNIGHT) ? d.toLocalDate().toString() : d.toString();
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
        return String.valueOf(v);
    }
}
