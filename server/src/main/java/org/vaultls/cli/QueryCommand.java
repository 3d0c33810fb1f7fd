package org.vaultls.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vaultls.dataview.Dql;
import org.vaultls.dataview.DqlEngine;
import org.vaultls.dataview.DqlEngine.LinkValue;
import org.vaultls.dataview.DqlEngine.Result;
import org.vaultls.dataview.DqlEngine.Row;
import org.vaultls.dataview.DqlParser;
import org.vaultls.dataview.DqlRender;
import org.vaultls.features.dataview.ResultsSection;
import org.vaultls.text.Dates;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;
import org.vaultls.vault.VaultPaths;

/**
 * {@code vault-ls query [VAULT] 'DQL' [--from NOTE] [--format text|json|markdown] [--today DAY]}: runs one
 * Dataview query on a vault, headless. {@code this} is the note {@code --from} names (a path, with or
 * without {@code .md}, or a note name), else an empty note outside the vault. Exit 0 with the result, 1 on
 * a syntax or evaluation error, 2 on a usage or vault problem.
 *
 * <p>The JSON shape: {@code {"kind": "list"|"table"|"task", "headers": [...], "showId": bool, "count": n,
 * "rows": [row...]}}, a row being {@code {"path": "A/b.md", "id": value, "values": [value...]}} plus, for a
 * task, {@code "task": {"line": 1-based, "status": " ", "text": "..."}}, and, for a group,
 * {@code "path": null, "members": [row...]}. Values: a link is {@code {"link": "path.md"}}, a date its ISO
 * text ({@code 2026-01-07} at midnight), numbers, strings, booleans, null, lists and objects as in JSON.
 * On an error: {@code {"error": "..."}} (and exit 1).
 */
final class QueryCommand {
    private static final String SELF = "vault-ls query.md";

    private QueryCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> positional = new ArrayList<>();
        String from = null;
        String format = "text";
        Clock clock = Dates.defaultClock();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--from", "--format", "-f", "--today" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            return usage(err, a + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (a.equals("--from")) {
                        from = value;
                    } else if (a.equals("--today")) {
                        Optional<LocalDate> day = Dates.day(value);
                        if (day.isEmpty() || value.strip().length() != 10) {
                            return usage(err, "--today needs a date YYYY-MM-DD, not '" + value + "'");
                        }
                        clock = Clock.fixed(day.get().atStartOfDay(java.time.ZoneId.systemDefault()).toInstant(),
                                java.time.ZoneId.systemDefault());
                    } else {
                        format = value.toLowerCase(Locale.ROOT);
                        if (!List.of("text", "json", "markdown").contains(format)) {
                            return usage(err, "unknown format '" + value + "' (text, json, markdown)");
                        }
                    }
                }
                case "--help", "-h" -> {
                    out.println(Main.USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-") && a.length() > 1 && !a.startsWith("- ")) {
                        return usage(err, "unknown option '" + args[i] + "'");
                    }
                    positional.add(args[i]);
                }
            }
        }
        if (positional.isEmpty() || positional.size() > 2) {
            return usage(err, positional.isEmpty() ? "query needs a DQL query" : "query takes a vault folder and one query");
        }
        if (positional.size() == 1 && isFolder(positional.get(0))) {
            return usage(err, "query needs a DQL query after the vault folder '" + positional.get(0) + "'");
        }
        String dql = positional.get(positional.size() - 1);
        Optional<OpenVault> vault = OpenVault.load(positional.size() == 2 ? positional.get(0) : null, err);
        if (vault.isEmpty()) {
            return 2;
        }
        VaultIndex index = vault.get().index();
        Note self;
        if (from != null) {
            Optional<String> path = notePath(index, from);
            if (path.isEmpty()) {
                return usage(err, "--from names no note of the vault: '" + from + "'");
            }
            self = index.note(path.get()).orElseThrow();
        } else {
            self = NoteParser.parse(SELF, "");
        }
        Dql.ParseResult parsed = DqlParser.parse(dql, LocalDateTime.now(clock));
        String problem;
        Result result = null;
        if (parsed.error().isPresent()) {
            Dql.Error e = parsed.error().get();
            problem = "syntax error at line " + e.line() + ", column " + e.column() + ": " + e.message();
        } else {
            result = DqlEngine.run(index, self, parsed.query().orElseThrow());
            problem = result.error().orElse(null);
        }
        if (problem != null) {
            if (format.equals("json")) {
                out.println(json(Map.of("error", problem)));
            }
            err.println("vault-ls: error: query: " + problem);
            return 1;
        }
        Result r = result;
        switch (format) {
            case "json" -> out.println(json(jsonResult(r)));
            case "markdown" -> out.print(DqlRender.markdown(r, p -> ResultsSection.linkText(index, p), Integer.MAX_VALUE));
            default -> text(r, out, "");
        }
        out.flush();
        err.println("vault-ls: " + r.rows().size() + (r.rows().size() == 1 ? " row" : " rows"));
        return 0;
    }

    private static boolean isFolder(String arg) {
        try {
            return java.nio.file.Files.isDirectory(java.nio.file.Path.of(arg));
        } catch (java.nio.file.InvalidPathException e) {
            return false; // a query, not a path
        }
    }

    /** A note by path (with or without .md) or by name. */
    static Optional<String> notePath(VaultIndex index, String name) {
        String n = name.replace('\\', '/');
        for (String p : List.of(n, n + ".md")) {
            if (index.note(p).isPresent()) {
                return Optional.of(p);
            }
        }
        List<String> named = index.notesNamed(VaultPaths.stem(n));
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
    }

    /** One line per row: the id (a note's path), then its values, tab-separated; a task as path:line: - [s] text. */
    private static void text(Result r, PrintStream out, String indent) {
        if (r.kind() == DqlEngine.Kind.TABLE && indent.isEmpty() && !r.headers().isEmpty()) {
            out.println(String.join("\t", r.headers()));
        }
        rows(r, r.rows(), out, indent);
    }

    private static void rows(Result r, List<Row> rows, PrintStream out, String indent) {
        for (Row row : rows) {
            if (row.isGroup()) {
                out.println(indent + plain(row.id()));
                rows(r, row.members(), out, indent + "  ");
                continue;
            }
            if (row.task() != null) {
                out.println(indent + row.path() + ":" + (row.task().span().start().line() + 1) + ": - ["
                        + row.task().status() + "] " + row.task().text());
                continue;
            }
            List<String> cells = new ArrayList<>();
            if (r.showId()) {
                cells.add(plain(row.id()));
            }
            row.values().forEach(v -> cells.add(plain(v)));
            out.println(indent + String.join("\t", cells));
        }
    }

    private static String plain(Object v) {
        if (v instanceof LinkValue l) {
            return l.path();
        }
        return DqlRender.value(v, p -> p).replace("\t", " ").replace("\n", " ");
    }

    static Map<String, Object> jsonResult(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind().name().toLowerCase(Locale.ROOT));
        m.put("headers", r.headers());
        m.put("showId", r.showId());
        m.put("count", r.rows().size());
        List<Object> rows = new ArrayList<>();
        r.rows().forEach(row -> rows.add(jsonRow(row)));
        m.put("rows", rows);
        return m;
    }

    private static Map<String, Object> jsonRow(Row row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", row.path());
        m.put("id", jsonValue(row.id()));
        if (row.task() != null) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("line", row.task().span().start().line() + 1);
            t.put("status", String.valueOf(row.task().status()));
            t.put("text", row.task().text());
            m.put("task", t);
        }
        List<Object> values = new ArrayList<>();
        row.values().forEach(v -> values.add(jsonValue(v)));
        m.put("values", values);
        if (row.isGroup()) {
            List<Object> members = new ArrayList<>();
            row.members().forEach(x -> members.add(jsonRow(x)));
            m.put("members", members);
        }
        return m;
    }

    private static Object jsonValue(Object v) {
        if (v == null || v instanceof Boolean || v instanceof String) {
            return v;
        }
        if (v instanceof Double d) {
            return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15 ? (Object) d.longValue() : d;
        }
        if (v instanceof LinkValue l) {
            return Map.of("link", l.path());
        }
        if (v instanceof LocalDateTime d) {
            return d.toLocalTime().equals(LocalTime.MIDNIGHT) ? d.toLocalDate().toString() : d.toString();
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(jsonValue(x)));
            return out;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, x) -> out.put(String.valueOf(k), jsonValue(x)));
            return out;
        }
        return DqlRender.value(v, p -> p);
    }

    private static String json(Object o) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int usage(PrintStream err, String message) {
        err.println("vault-ls: error: " + message + " (see --help)");
        return 2;
    }
}
