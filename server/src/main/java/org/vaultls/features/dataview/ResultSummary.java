package org.vaultls.features.dataview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.dataview.DqlEngine;
import org.vaultls.dataview.DqlEngine.Row;
import org.vaultls.text.Dates;
import org.vaultls.vault.Task;

/**
 * A block's result in a few words, as its code lens shows it: "4 open tasks · 1 overdue" (a task is
 * overdue when it is open and its due date is before today), "5 tasks · 3 open", "3 notes", "12 rows",
 * "2 groups · 7 notes"; "Dataview: syntax error", "Dataview: error", "Dataview: evaluating…" and
 * "dataviewjs: not run" when there is no result.
 */
public final class ResultSummary {
    private ResultSummary() {
    }

    public static String of(BlockResult r, LocalDate today) {
        switch (r.kind()) {
            case SYNTAX: return "Dataview: syntax error";
            case EVALUATION: return "Dataview: error";
            case JAVASCRIPT: return "dataviewjs: not run";
            case TIMED_OUT: return "Dataview: evaluating…";
            default: break;
        }
        DqlEngine.Result result = r.result().orElseThrow();
        List<Row> rows = result.rows();
        boolean grouped = rows.stream().anyMatch(Row::isGroup);
        List<Row> leaves = leaves(rows);
        String head = grouped ? count(rows.size(), "group") + " · " : "";
        if (result.kind() == DqlEngine.Kind.TASK) {
            return head + tasks(leaves, today);
        }
        if (result.kind() == DqlEngine.Kind.TABLE) {
            return head + count(leaves.size(), "row");
        }
        return head + count(leaves.size(), "note");
    }

    private static String tasks(List<Row> rows, LocalDate today) {
        int all = 0;
        int open = 0;
        int overdue = 0;
        for (Row row : rows) {
            Task t = row.task();
            if (t == null) {
                continue;
            }
            all++;
            if (t.isOpen()) {
                open++;
                Optional<LocalDate> due = Optional.ofNullable(t.fields().get("due")).flatMap(Dates::day);
                if (due.isPresent() && due.get().isBefore(today)) {
                    overdue++;
                }
            }
        }
        String text = open == all ? count(open, "open task") : count(all, "task") + " · " + open + " open";
        return overdue > 0 ? text + " · " + overdue + " overdue" : text;
    }

    /** The rows with each group replaced by its members, in order. */
    static List<Row> leaves(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (Row row : rows) {
            if (row.isGroup()) {
                out.addAll(leaves(row.members()));
            } else {
                out.add(row);
            }
        }
        return out;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
