package org.vaultls.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.dataview.DqlEngine.LinkValue;
import org.vaultls.dataview.DqlEngine.Result;
import org.vaultls.index.VaultIndex;

/**
 * Dataview's function library and lambdas, each case as the Dataview docs (reference/functions) give it.
 * Every expression is evaluated as the value of {@code LIST WITHOUT ID expr} on one note.
 */
class DqlFunctionsTest {
    private static final VaultIndex VAULT = TestVault.of(
            "Here.md", "---\nrating: 4\n---\n# Here\n",
            "Daily/2025-12-01.md", "A day.\n").index();

    private static Object eval(String expr) {
        Result r = result(expr);
        assertTrue(r.error().isEmpty(), () -> expr + ": " + r.error().get());
        return r.rows().get(0).values().get(0);
    }

    private static Result result(String expr) {
        Dql.ParseResult p = DqlParser.parse("LIST WITHOUT ID " + expr + " FROM \"Here\"", LocalDateTime.of(2025, 12, 19, 9, 0));
        assertTrue(p.query().isPresent(), () -> expr + ": " + p.error());
        return DqlEngine.run(VAULT, VAULT.note("Here.md").orElseThrow(), p.query().get(), LocalDateTime.of(2025, 12, 19, 9, 0));
    }

    private static void check(Object expected, String expr) {
        assertEquals(expected, eval(expr), expr);
    }

    @Test
    void constructors() {
        check(Map.of("a", 1.0), "object(\"a\", 1)");
        check(List.of(1.0, "b"), "list(1, \"b\")");
        check(LocalDateTime.of(2025, 12, 1, 0, 0), "date(\"2025-12-01\")");
        check(LocalDateTime.of(2025, 12, 19, 0, 0), "date(\"today\")");
        check(LocalDateTime.of(2025, 12, 1, 0, 0), "date([[2025-12-01]])");
        check(LocalDateTime.of(2025, 1, 5, 0, 0), "date(\"05/01/2025\", \"dd/MM/yyyy\")");
        check(new Dql.Duration(0, 0, 0, 3, 2, 0, 0, 0), "dur(\"3 days, 2 hours\")");
        check(18.0, "number(\"18 years\")");
        check(null, "number(\"none\")");
        check("5", "string(5)");
        check(new LinkValue("Here.md", null, "there", false), "link(\"Here\", \"there\")");
        check(new LinkValue("Here.md", null, null, true), "embed(link(\"Here\"))");
        check("widget", "typeof(elink(\"https://example.com\", \"ex\"))");
        check("[ex](https://example.com)", "string(elink(\"https://example.com\", \"ex\"))");
        check(List.of("number", "string", "date", "duration", "link", "array", "object", "boolean", "null"),
                "map([1, \"a\", date(today), dur(1 d), [[Here]], [], {}, true, null], (x) => typeof(x))");
    }

    @Test
    void numeric() {
        check(16.56, "round(16.555555, 2)");
        check(List.of(2.0, 3.0), "round([1.6, 2.5])");
        check(-12.0, "trunc(-12.937)");
        check(-13.0, "floor(-12.1)");
        check(13.0, "ceil(12.1)");
        check(1.0, "min(5, 2, 1)");
        check(3.0, "max([1, 3, 2])");
        check(6.0, "sum([1, 2, 3])");
        check(24.0, "product([1, 2, 3, 4])");
        check(-4.0, "reduce([1, 2, 3], \"-\")");
        check(2.0, "average([1, 2, 3])");
        check("bb", "minby([\"ccc\", \"bb\", \"dddd\"], (s) => length(s))");
        check("dddd", "maxby([\"ccc\", \"bb\", \"dddd\"], (s) => length(s))");
    }

    @Test
    void containsLooksIntoListsAndStrings() {
        // docs: contains("Hello", "Lo") = false; contains(["this","is","example"], "ex") = true;
        // econtains wants an exact element; icontains ignores case
        check(false, "contains(\"Hello\", \"Lo\")");
        check(true, "contains([\"this\", \"is\", \"example\"], \"ex\")");
        check(false, "econtains([\"this\", \"is\", \"example\"], \"ex\")");
        check(true, "econtains([\"this\", \"is\", \"example\"], \"is\")");
        check(true, "icontains(\"Hello\", \"Lo\")");
        check(true, "contains({a: 1}, \"a\")");
        check(true, "contains(list([[Here]]), this.file.link)");
        check(true, "containsword(\"Hello there!\", \"hello\")");
        check(List.of(false, true), "containsword([\"I have no words.\", \"word up\"], \"word\")");
    }

    @Test
    void arrays() {
        check(Map.of("a", 1.0), "extract({a: 1, b: 2}, \"a\")");
        check(List.of(1.0, 2.0, 3.0), "sort([3, 1, 2])");
        check(List.of(3.0, 2.0, 1.0), "reverse([1, 2, 3])");
        check(3.0, "length([1, 2, 3])");
        check(5.0, "length(\"hello\")");
        check(List.of(1.0, 2.0), "nonnull([null, 1, null, 2])");
        check(2.0, "firstvalue([null, 2, 3])");
        check(true, "all([1, 2, 3], (x) => x > 0)");
        check(false, "any([1, 2, 3], (x) => x > 3)");
        check(true, "none([false, null])");
        check("a, b", "join([\"a\", \"b\"])");
        check("a-b", "join([\"a\", \"b\"], \"-\")");
        check(List.of(2.0, 3.0), "filter([1, 2, 3], (x) => x >= 2)");
        check(List.of(2.0, 4.0), "map([1, 2], (x) => x * 2)");
        check(List.of(1.0, 2.0), "unique([1, 2, 1])");
        check(List.of(1.0, 2.0, 3.0, List.of(4.0)), "flat([1, [2, [3, [4]]]], 2)");
        check(List.of(2.0, 3.0), "slice([1, 2, 3, 4], 1, 3)");
        check(List.of(3.0, 4.0), "slice([1, 2, 3, 4], -2)");
    }

    @Test
    void strings() {
        check(true, "regextest(\"\\w+\", \"hello\")");
        check(false, "regexmatch(\"\\w+\", \"hello there\")");
        check("h-ll-", "regexreplace(\"hello\", \"[eo]\", \"-\")");
        check("a-b-c", "replace(\"a b c\", \" \", \"-\")");
        check("abc", "lower(\"ABC\")");
        check(List.of("A", "B"), "upper([\"a\", \"b\"])");
        check(List.of("a", "b", "c"), "split(\"a, b,c\", \", ?\")");
        check(List.of("a"), "split(\"a b c\", \" \", 1)");
        check(true, "startswith(\"yes\", \"ye\")");
        check(false, "endswith(\"yes\", \"ye\")");
        check("  hi", "padleft(\"hi\", 4)");
        check("hi--", "padright(\"hi\", 4, \"-\")");
        check("ell", "substring(\"hello\", 1, 4)");
        check("hello w...", "truncate(\"hello world!\", 10)");
    }

    @Test
    void utility() {
        check(5.0, "default(null, 5)");
        check(Arrays.asList(1.0, 5.0), "default([1, null], 5)");
        check(List.of(1.0), "ldefault([1], 5)");
        check("yes", "choice(true, \"yes\", \"no\")");
        check(LocalDateTime.of(2025, 12, 19, 0, 0), "striptime(date(now))");
        check("2025-12-19", "dateformat(date(now), \"yyyy-MM-dd\")");
        check("19 December 2025", "dateformat(date(now), \"d MMMM yyyy\")");
        check("2 days, 03 hours", "durationformat(dur(\"2 days 3 hours\"), \"d 'days', hh 'hours'\")");
        check("$1,234.50", "currencyformat(1234.5)");
        check("€1,234.50", "currencyformat(1234.5, \"EUR\")");
        check("header", "meta([[Here#Top|x]]).type");
        check("x", "meta([[Here#Top|x]]).display");
        check("Here.md", "meta([[Here#Top|x]]).path");
        check("Top", "meta([[Here#Top|x]]).subpath");
        assertEquals(eval("hash(\"seed\", file.name)"), eval("hash(\"seed\", \"Here\")"), "hash is stable");
        check("Here", "display([[Here]])");
    }

    @Test
    void lambdasSeeTheRowAndTheirArguments() {
        check(List.of(5.0, 6.0), "map([1, 2], (x) => x + rating)");
        check(3.0, "reduce([1, 2], (a, b) => a + b)");
    }

    @Test
    void wrongArgumentsAndUnknownFunctionsAreErrorsNotExceptions() {
        assertEquals("No implementation of 'lower' for arguments (number)", result("lower(1)").error().orElseThrow());
        assertEquals("Unknown function 'nope'", result("nope(1)").error().orElseThrow());
        assertEquals("Invalid regular expression '('", result("regextest(\"(\", \"x\")").error().orElseThrow());
        assertTrue(result("map(1, 2)").error().isPresent());
        assertTrue(result("object(\"a\")").error().isPresent());
    }
}
