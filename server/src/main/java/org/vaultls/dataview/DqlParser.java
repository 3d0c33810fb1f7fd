package org.vaultls.dataview;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.dataview.Dql.*;

/**
 * Parses DQL as Dataview 0.5.68 does, quirks included (checked against it by DataviewOracleTest):
 * keywords are case-insensitive; {@code and}/{@code or} share one precedence and group left to right,
 * below comparison, below {@code + -}, below {@code * / %}; {@code true}, {@code false}, {@code null}
 * and {@code and}/{@code or} match without a word boundary ({@code nullx} is {@code null} then an error);
 * a LIST or TABLE expression may not start with FROM, WHERE, LIMIT, GROUP or FLATTEN, but may with SORT;
 * a FROM after another command is kept as an operation; {@code //} comments run to the end of the line
 * between commands. Dates in {@code date(...)} are fixed at parse time from the given clock.
 *
 * <p>A backtracking recursive-descent parser. Like Dataview's (parsimmon) it reports the furthest
 * position any token failed at, with the tokens expected there. It never throws.
 */
public final class DqlParser {
    private static final Pattern WS = Pattern.compile("\\s+");
    private static final Pattern COMMENT = Pattern.compile("//[^\\n]*");
    private static final String LETTER = "\\p{L}\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}";
    private static final Pattern IDENT = Pattern.compile("[" + LETTER + "][" + LETTER + "\\p{N}_-]*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern TAG = Pattern.compile("#[" + LETTER + "\\p{N}_/-]+");
    private static final java.util.Set<String> KEYWORDS =
            java.util.Set.of("FROM", "WHERE", "LIMIT", "GROUP", "FLATTEN");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})-(\\d{2})(?:(?:-(\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,3}))?)?)?)?)?)");
    /** Duration units, longest first: like Dataview, "5 ms" reads as 5 minutes, then fails at the "s". */
    private static final Pattern DUR_PART = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(years|year|yrs|yr"
            + "|months|month|mos|mo|weeks|week|wks|wk|w|days|day|d|hours|hour|hrs|hr|h|minutes|minute|mins|min|m"
            + "|seconds|second|secs|sec|s)");

    private final String s;
    private final LocalDateTime now;
    private int pos;
    private int furthest = -1;
    private final TreeSet<String> expected = new TreeSet<>();

    private DqlParser(String text, LocalDateTime now) {
        this.s = text;
        this.now = now;
    }

    /** Parses a whole query; {@code now} is what {@code date(today)}, {@code date(now)} and friends mean. */
    public static ParseResult parse(String text, LocalDateTime now) {
        DqlParser p = new DqlParser(text, now);
        Query q = p.query();
        if (q != null && p.pos == text.length()) {
            return new ParseResult(Optional.of(q), Optional.empty());
        }
        return new ParseResult(Optional.empty(), Optional.of(p.error()));
    }

    /** Parses with the system clock (UTC). */
    public static ParseResult parse(String text) {
        return parse(text, LocalDateTime.now(ZoneOffset.UTC));
    }

    private Dql.Error error() {
        int at = Math.max(furthest, 0);
        int line = 1;
        int col = 1;
        for (int i = 0; i < at && i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new Dql.Error(line, col, at, List.copyOf(expected));
    }

    // ---- tokens ----

    private void fail(String what) {
        if (pos > furthest) {
            furthest = pos;
            expected.clear();
        }
        if (pos == furthest) {
            expected.add(what);
        }
    }

    private String match(Pattern p, String what) {
        Matcher m = p.matcher(s).region(pos, s.length());
        if (m.lookingAt()) {
            pos = m.end();
            return m.group();
        }
        fail(what);
        return null;
    }

    private boolean lit(String token) {
        if (s.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        fail("'" + token + "'");
        return false;
    }

    private boolean word(String kw) {
        if (s.regionMatches(true, pos, kw, 0, kw.length())) {
            pos += kw.length();
            return true;
        }
        fail(kw);
        return false;
    }

    private void optWs() {
        Matcher m = WS.matcher(s).region(pos, s.length());
        if (m.lookingAt()) {
            pos = m.end();
        }
    }

    private boolean ws() {
        return match(WS, "whitespace") != null;
    }

    /** Whitespace and {@code //} comments, any number. */
    private void gap() {
        while (true) {
            int start = pos;
            optWs();
            Matcher m = COMMENT.matcher(s).region(pos, s.length());
            if (m.lookingAt()) {
                pos = m.end();
            }
            if (pos == start) {
                return;
            }
        }
    }

    /** One or more {@code item}s separated by commas (spaces around them allowed); null without the first. */
    private <T> List<T> commaList(Supplier<T> item) {
        T first = item.get();
        if (first == null) {
            return null;
        }
        List<T> out = new ArrayList<>();
        out.add(first);
        while (true) {
            T next = attempt(() -> {
                optWs();
                if (!lit(",")) {
                    return null;
                }
                optWs();
                return item.get();
            });
            if (next == null) {
                return out;
            }
            out.add(next);
        }
    }

    private <T> T attempt(Supplier<T> parser) {
        int start = pos;
        T t = parser.get();
        if (t == null) {
            pos = start;
        }
        return t;
    }

    // ---- query ----

    private Query query() {
        gap();
        Header header = header();
        if (header == null) {
            return null;
        }
        Source source = attempt(() -> {
            gap();
            return fromClause();
        });
        if (source == null) {
            source = new FolderSource("");
        }
        List<Operation> ops = new ArrayList<>();
        while (true) {
            Operation op = attempt(() -> {
                gap();
                return operation();
            });
            if (op == null) {
                break;
            }
            ops.add(op);
        }
        gap();
        if (pos < s.length()) {
            fail("EOF");
        }
        return new Query(header, source, List.copyOf(ops));
    }

    private Header header() {
        int start = pos;
        if (word("TABLE")) {
            boolean showId = !withoutId();
            List<NamedField> fields = attempt(() -> {
                if (!ws()) {
                    return null;
                }
                return commaList(this::namedColumn);
            });
            return new TableHeader(fields == null ? List.of() : List.copyOf(fields), showId);
        }
        pos = start;
        if (word("LIST")) {
            boolean showId = !withoutId();
            Expr format = attempt(() -> ws() ? expression() : null);
            return new ListHeader(Optional.ofNullable(format), showId);
        }
        pos = start;
        if (word("TASK")) {
            return new TaskHeader();
        }
        pos = start;
        if (word("CALENDAR")) {
            NamedField f = attempt(() -> ws() ? namedColumn() : null);
            return f == null ? null : new CalendarHeader(f);
        }
        pos = start;
        return null;
    }

    private boolean withoutId() {
        return attempt(() -> ws() && word("WITHOUT") && ws() && word("ID") ? Boolean.TRUE : null) != null;
    }

    private NamedField namedColumn() {
        int start = pos;
        Expr e = expression();
        if (e == null) {
            return null;
        }
        String text = s.substring(start, pos);
        String as = attempt(() -> {
            if (!ws() || !word("AS") || !ws()) {
                return null;
            }
            String str = attempt(this::string);
            return str != null ? str : match(IDENT, "identifier");
        });
        return new NamedField(e, as != null ? as : text);
    }

    private NamedField namedField() {
        int start = pos;
        Expr e = expression();
        if (e == null) {
            return null;
        }
        String text = s.substring(start, pos);
        String as = attempt(() -> {
            if (!ws() || !word("AS") || !ws()) {
                return null;
            }
            String str = attempt(this::string);
            return str != null ? str : match(IDENT, "identifier");
        });
        return new NamedField(e, as != null ? as : text);
    }

    private Source fromClause() {
        return word("FROM") && ws() ? source() : null;
    }

    private Operation operation() {
        Operation op;
        if ((op = attempt(() -> word("WHERE") && ws() ? nullable(expression(), Where::new) : null)) != null) {
            return op;
        }
        if ((op = attempt(this::sort)) != null) {
            return op;
        }
        if ((op = attempt(() -> word("LIMIT") && ws() ? nullable(expression(), Limit::new) : null)) != null) {
            return op;
        }
        if ((op = attempt(() -> word("FLATTEN") && ws() ? nullable(namedField(), Flatten::new) : null)) != null) {
            return op;
        }
        if ((op = attempt(() -> word("GROUP BY") && ws() ? nullable(namedField(), Group::new)
                : null)) != null) {
            return op;
        }
        return attempt(() -> nullable(fromClause(), FromOperation::new));
    }

    private static <A, B> B nullable(A a, java.util.function.Function<A, B> f) {
        return a == null ? null : f.apply(a);
    }

    private Operation sort() {
        if (!word("SORT") || !ws()) {
            return null;
        }
        List<SortKey> keys = commaList(this::sortKey);
        return keys == null ? null : new Sort(List.copyOf(keys));
    }

    private SortKey sortKey() {
        Expr e = expression();
        if (e == null) {
            return null;
        }
        Boolean asc = attempt(() -> {
            if (!ws()) {
                return null;
            }
            int at = pos;
            for (String d : new String[] {"ASCENDING", "DESCENDING", "ASC", "DESC"}) {
                pos = at;
                if (word(d)) {
                    return d.startsWith("A");
                }
            }
            return null;
        });
        return new SortKey(e, asc == null || asc);
    }

    // ---- sources ----

    private Source source() {
        Source left = sourceAtom();
        if (left == null) {
            return null;
        }
        while (true) {
            Source l = left;
            Source next = attempt(() -> {
                optWs();
                int at = pos;
                String op = word("and") ? "&" : null;
                if (op == null) {
                    pos = at;
                    op = word("or") ? "|" : null;
                }
                if (op == null) {
                    return null;
                }
                optWs();
                Source r = sourceAtom();
                return r == null ? null : new BinarySource(l, op, r);
            });
            if (next == null) {
                return left;
            }
            left = next;
        }
    }

    private Source sourceAtom() {
        Source src;
        if ((src = attempt(() -> nullable(string(), FolderSource::new))) != null) {
            return src;
        }
        if ((src = attempt(() -> nullable(match(TAG, "tag ('#hello/stuff')"), TagSource::new))) != null) {
            return src;
        }
        if ((src = attempt(() -> nullable(link(), l -> new LinkSource(l.path(), false)))) != null) {
            return src;
        }
        if ((src = attempt(() -> {
            if (!lit("outgoing(")) {
                return null;
            }
            optWs();
            Link l = link();
            return l != null && lit(")") ? new LinkSource(l.path(), true) : null; // no space before ')'

        })) != null) {
            return src;
        }
        if ((src = attempt(() -> {
            if (!lit("csv(")) {
                return null;
            }
            optWs();
            String p = string();
            optWs();
            return p != null && lit(")") ? new CsvSource(p) : null;
        })) != null) {
            return src;
        }
        if ((src = attempt(() -> {
            if (!lit("(")) {
                return null;
            }
            optWs();
            Source inner = source();
            optWs();
            return inner != null && lit(")") ? inner : null;
        })) != null) {
            return src;
        }
        if ((src = attempt(() -> (lit("-") || lit("!")) ? nullable(sourceAtom(), NegatedSource::new) : null))
                != null) {
            return src;
        }
        return null;
    }

    // ---- expressions ----

    private static final String[][] LEVELS = {
        {"*", "/", "%"},
        {"+", "-"},
        {">=", "<=", "!=", "=", ">", "<"},
    };

    /** An expression: and/or over comparisons over sums over products over atoms. */
    public Expr expression() {
        return booleanLevel();
    }

    private Expr booleanLevel() {
        Expr left = binaryLevel(2);
        if (left == null) {
            return null;
        }
        while (true) {
            Expr l = left;
            Expr next = attempt(() -> {
                optWs();
                String op = null;
                int at = pos;
                for (String[] cand : new String[][] {{"and", "&"}, {"or", "|"}, {"&", "&"}, {"|", "|"}}) {
                    pos = at;
                    if (s.regionMatches(true, pos, cand[0], 0, cand[0].length())) {
                        pos += cand[0].length();
                        op = cand[1];
                        break;
                    }
                }
                if (op == null) {
                    pos = at;
                    fail("'and' or 'or'");
                    return null;
                }
                optWs();
                Expr r = binaryLevel(2);
                return r == null ? null : new BinaryOp(l, op, r);
            });
            if (next == null) {
                return left;
            }
            left = next;
        }
    }

    private Expr binaryLevel(int level) {
        Expr left = level == 0 ? negatedOrAtom() : binaryLevel(level - 1);
        if (left == null) {
            return null;
        }
        while (true) {
            Expr l = left;
            Expr next = attempt(() -> {
                optWs();
                String op = null;
                for (String cand : LEVELS[level]) {
                    if (s.startsWith(cand, pos)) {
                        op = cand;
                        break;
                    }
                }
                if (op == null) {
                    fail(String.join(" or ", java.util.Arrays.stream(LEVELS[level]).map(o -> "'" + o + "'")
                            .toList()));
                    return null;
                }
                pos += op.length();
                optWs();
                Expr r = level == 0 ? negatedOrAtom() : binaryLevel(level - 1);
                return r == null ? null : new BinaryOp(l, op, r);
            });
            if (next == null) {
                return left;
            }
            left = next;
        }
    }

    private Expr negatedOrAtom() {
        if (s.startsWith("![[", pos)) { // an embed, not a negated link
            Expr embed = attempt(this::postfix);
            if (embed != null) {
                return embed;
            }
        }
        Expr neg = attempt(() -> {
            if (!lit("!")) {
                return null;
            }
            return nullable(negatedOrAtom(), Negated::new);
        });
        return neg != null ? neg : postfix();
    }

    private Expr postfix() {
        Expr e = primary();
        if (e == null) {
            return null;
        }
        while (true) {
            Expr base = e;
            Expr next = attempt(() -> {
                if (s.startsWith(".", pos)) {
                    pos++;
                    String name = match(IDENT, "variable identifier");
                    return name == null ? null : new Index(base, new Literal(name));
                }
                fail("'.'");
                if (s.startsWith("[", pos)) {
                    pos++;
                    optWs();
                    Expr idx = expression();
                    optWs();
                    return idx != null && lit("]") ? new Index(base, idx) : null;
                }
                fail("'['");
                if (s.startsWith("(", pos)) {
                    pos++;
                    optWs();
                    List<Expr> args = commaList(")");
                    return args == null ? null : new Call(base, args);
                }
                fail("'('");
                return null;
            });
            if (next == null) {
                return e;
            }
            e = next;
        }
    }

    /** Expressions separated by commas up to {@code close}, which is consumed. */
    private List<Expr> commaList(String close) {
        List<Expr> out = new ArrayList<>();
        if (attempt(() -> lit(close) ? Boolean.TRUE : null) != null) {
            return out;
        }
        while (true) {
            Expr e = expression();
            if (e == null) {
                return null;
            }
            out.add(e);
            optWs();
            if (s.startsWith(",", pos)) {
                pos++;
                optWs();
                continue;
            }
            fail("','");
            return lit(close) ? out : null;
        }
    }

    private Expr primary() {
        Expr e;
        if ((e = attempt(this::lambda)) != null) {
            return e;
        }
        if ((e = attempt(() -> {
            if (!lit("(")) {
                return null;
            }
            optWs();
            Expr inner = expression();
            optWs();
            return inner != null && lit(")") ? inner : null;
        })) != null) {
            return e;
        }
        if ((e = attempt(() -> s.startsWith("null", pos) ? advance(4, new Literal(null))
                : failNull("'null'"))) != null) {
            return e;
        }
        if ((e = attempt(() -> {
            // Dataview takes true, True, false and False, nothing else (TRUE is a variable)
            if (s.startsWith("true", pos) || s.startsWith("True", pos)) {
                return advance(4, new Literal(Boolean.TRUE));
            }
            if (s.startsWith("false", pos) || s.startsWith("False", pos)) {
                return advance(5, new Literal(Boolean.FALSE));
            }
            return failNull("boolean");
        })) != null) {
            return e;
        }
        if ((e = attempt(() -> nullable(match(NUMBER, "number"), n -> new Literal(Double.parseDouble(n)))))
                != null) {
            return e;
        }
        if ((e = attempt(() -> nullable(string(), Literal::new))) != null) {
            return e;
        }
        if ((e = attempt(this::dateLiteral)) != null) {
            return e;
        }
        if ((e = attempt(this::durationLiteral)) != null) {
            return e;
        }
        if ((e = attempt(() -> nullable(link(), Literal::new))) != null) {
            return e;
        }
        if ((e = attempt(() -> {
            if (!lit("[")) {
                return null;
            }
            optWs();
            return nullable(commaList("]"), ListExpr::new);
        })) != null) {
            return e;
        }
        if ((e = attempt(this::object)) != null) {
            return e;
        }
        return attempt(this::variable);
    }

    /** A name; FROM, WHERE, LIMIT, GROUP and FLATTEN are not, and fail (like Dataview) after the word. */
    private Expr variable() {
        Matcher m = IDENT.matcher(s).region(pos, s.length());
        if (!m.lookingAt()) {
            fail("variable");
            return null;
        }
        pos = m.end();
        if (KEYWORDS.contains(m.group().toUpperCase(java.util.Locale.ROOT))) {
            fail("variable");
            return null;
        }
        return new Variable(m.group());
    }

    private <T> T advance(int n, T t) {
        pos += n;
        return t;
    }

    private <T> T failNull(String what) {
        fail(what);
        return null;
    }

    private Expr lambda() {
        if (!lit("(")) {
            return null;
        }
        optWs();
        List<String> args = new ArrayList<>();
        if (!s.startsWith(")", pos)) {
            while (true) {
                String a = match(IDENT, "identifier");
                if (a == null) {
                    return null;
                }
                args.add(a);
                optWs();
                if (s.startsWith(",", pos)) {
                    pos++;
                    optWs();
                    continue;
                }
                break;
            }
        }
        if (!lit(")")) {
            return null;
        }
        optWs();
        if (!lit("=>")) {
            return null;
        }
        optWs();
        Expr body = expression();
        return body == null ? null : new Lambda(List.copyOf(args), body);
    }

    private Expr object() {
        if (!lit("{")) {
            return null;
        }
        optWs();
        Map<String, Expr> values = new LinkedHashMap<>();
        if (s.startsWith("}", pos)) {
            pos++;
            return new ObjectExpr(values);
        }
        while (true) {
            String key = attempt(this::string);
            if (key == null) {
                key = match(IDENT, "identifier");
            }
            if (key == null) {
                return null;
            }
            optWs();
            if (!lit(":")) {
                return null;
            }
            optWs();
            Expr v = expression();
            if (v == null) {
                return null;
            }
            values.put(key, v);
            optWs();
            if (s.startsWith(",", pos)) {
                pos++;
                optWs();
                continue;
            }
            return lit("}") ? new ObjectExpr(values) : null;
        }
    }

    private String string() {
        if (!s.startsWith("\"", pos)) {
            fail("string");
            return null;
        }
        int i = pos + 1;
        StringBuilder b = new StringBuilder();
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return b.toString();
            }
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '"' || s.charAt(i + 1) == '\\')) {
                b.append(s.charAt(i + 1)); // only \" and \\ are escapes; "\n" stays a backslash and an n
                i += 2;
                continue;
            }
            b.append(c);
            i++;
        }
        int start = pos;
        pos = s.length(); // like Dataview, an unclosed string fails where the text ends
        fail("'\"'");
        pos = start;
        return null;
    }

    private Link link() {
        boolean embed = s.startsWith("![[", pos);
        if (!embed && !s.startsWith("[[", pos)) {
            fail("file link");
            return null;
        }
        int open = pos + (embed ? 3 : 2);
        int close = s.indexOf("]]", open);
        if (close < 0) {
            fail("file link");
            return null;
        }
        String inner = s.substring(open, close);
        pos = close + 2;
        String display = null;
        int bar = inner.indexOf('|');
        if (bar >= 0) {
            display = inner.substring(bar + 1);
            inner = inner.substring(0, bar);
        }
        String subpath = null;
        String type = "file";
        int hash = inner.indexOf('#');
        if (hash >= 0) {
            subpath = inner.substring(hash + 1);
            inner = inner.substring(0, hash);
            type = "header";
            if (subpath.startsWith("^")) {
                subpath = subpath.substring(1);
                type = "block";
            }
        }
        return new Link(inner, subpath, display, embed, type);
    }

    private Expr dateLiteral() {
        if (!word("date(")) {
            fail("date");
            return null;
        }
        optWs();
        LocalDateTime value = null;
        Matcher m = DATE.matcher(s).region(pos, s.length());
        if (m.lookingAt()) {
            try {
                value = LocalDateTime.of(Integer.parseInt(m.group(1)),
                        m.group(2) == null ? 1 : Integer.parseInt(m.group(2)),
                        m.group(3) == null ? 1 : Integer.parseInt(m.group(3)),
                        m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                        m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                        m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00").substring(0, 3)) * 1_000_000);
                pos = m.end();
            } catch (java.time.DateTimeException e) {
                value = null;
            }
        }
        if (value == null) {
            Matcher w = IDENT.matcher(s).region(pos, s.length());
            if (w.lookingAt()) {
                value = shorthand(w.group().toLowerCase(java.util.Locale.ROOT));
                if (value != null) {
                    pos = w.end();
                }
            }
        }
        if (value == null) {
            fail("date");
            return null;
        }
        optWs();
        return lit(")") ? new Literal(value) : null;
    }

    private LocalDateTime shorthand(String w) {
        LocalDate today = now.toLocalDate();
        LocalDate d = switch (w) {
            case "today" -> today;
            case "yesterday" -> today.minusDays(1);
            case "tomorrow" -> today.plusDays(1);
            case "sow", "start-of-week" -> today.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case "eow", "end-of-week" -> today.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
            case "som", "start-of-month" -> today.withDayOfMonth(1);
            case "eom", "end-of-month" -> today.with(TemporalAdjusters.lastDayOfMonth());
            case "soy", "start-of-year" -> today.withDayOfYear(1);
            case "eoy", "end-of-year" -> today.with(TemporalAdjusters.lastDayOfYear());
            default -> null;
        };
        if (d != null) {
            // the ends (eow, eom, eoy) are the last millisecond of their day, as in Dataview
            return w.startsWith("e") ? d.atTime(23, 59, 59, 999_000_000) : d.atStartOfDay();
        }
        return w.equals("now") ? now : null;
    }

    private Expr durationLiteral() {
        if (!word("dur(")) {
            fail("duration");
            return null;
        }
        optWs();
        double[] parts = new double[8];
        int count = 0;
        while (true) {
            Matcher m = DUR_PART.matcher(s).region(pos, s.length());
            if (!m.lookingAt()) {
                break;
            }
            int unit = unit(m.group(2).toLowerCase(java.util.Locale.ROOT));
            if (unit < 0) {
                break;
            }
            parts[unit] += Double.parseDouble(m.group(1));
            pos = m.end();
            count++;
            Matcher sep = Pattern.compile("\\s*,?\\s*").matcher(s).region(pos, s.length());
            int before = pos;
            if (sep.lookingAt() && DUR_PART.matcher(s).region(sep.end(), s.length()).lookingAt()) {
                pos = sep.end();
            } else {
                pos = before;
                break;
            }
        }
        if (count == 0) {
            fail("duration");
            return null;
        }
        optWs();
        return lit(")") ? new Literal(new Duration(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5],
                parts[6], parts[7])) : null;
    }

    private static int unit(String u) {
        return switch (u) {
            case "years", "year", "yrs", "yr", "y" -> 0;
            case "months", "month", "mos", "mo" -> 1;
            case "weeks", "week", "wks", "wk", "w" -> 2;
            case "days", "day", "d" -> 3;
            case "hours", "hour", "hrs", "hr", "h" -> 4;
            case "minutes", "minute", "mins", "min", "m" -> 5;
            case "seconds", "second", "secs", "sec", "s" -> 6;
            default -> -1;
        };
    }

}
