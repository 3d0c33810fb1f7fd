package org.vaultls.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.vaultls.dataview.Dql.*;

class DqlParserTest {
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 12, 19, 10, 30);

    private static Query parse(String q) {
        Dql.ParseResult r = DqlParser.parse(q, NOW);
        assertTrue(r.query().isPresent(), () -> "parses: " + r.error());
        return r.query().get();
    }

    private static Dql.Error error(String q) {
        Dql.ParseResult r = DqlParser.parse(q, NOW);
        assertTrue(r.error().isPresent(), () -> "fails: " + r.query());
        return r.error().get();
    }

    private static Expr var(String n) {
        return new Variable(n);
    }

    private static Expr field(Expr o, String name) {
        return new Index(o, new Literal(name));
    }

    @Test
    void parsesTheSeedsProjectsQuery() {
        Query q = parse("""
                LIST
                FROM "VAST/Projects" OR "Personal/Projects"
                WHERE contains(file.outlinks, this.file.link)
                """);
        assertEquals(new ListHeader(Optional.empty(), true), q.header());
        assertEquals(new BinarySource(new FolderSource("VAST/Projects"), "|", new FolderSource("Personal/Projects")),
                q.source());
        assertEquals(List.of(new Where(new Call(var("contains"),
                List.of(field(var("file"), "outlinks"), field(field(var("this"), "file"), "link"))))),
                q.operations());
    }

    @Test
    void parsesTheSeedsTaskQueries() {
        Query q = parse("TASK\nFROM \"\"\nWHERE !completed AND contains(text, \"Manish Sah\")\nSORT due ASC");
        assertEquals(new TaskHeader(), q.header());
        assertEquals(new FolderSource(""), q.source());
        assertEquals(new Where(new BinaryOp(new Negated(var("completed")), "&",
                new Call(var("contains"), List.of(var("text"), new Literal("Manish Sah"))))), q.operations().get(0));
        assertEquals(new Sort(List.of(new SortKey(var("due"), true))), q.operations().get(1));

        Query q2 = parse("TASK\nWHERE contains(text, \"@ManishSah\") AND !completed\nSORT due ASC");
        assertEquals(new FolderSource(""), q2.source(), "no FROM is every note");
        assertEquals(2, q2.operations().size());
    }

    @Test
    void andAndOrShareOnePrecedenceAndGroupLeftToRight() {
        Where w = (Where) parse("LIST WHERE a or b and c").operations().get(0);
        assertEquals(new BinaryOp(new BinaryOp(var("a"), "|", var("b")), "&", var("c")), w.clause());
    }

    @Test
    void arithmeticBindsTighterThanComparison() {
        Where w = (Where) parse("LIST WHERE a + b * 2 > 3").operations().get(0);
        assertEquals(new BinaryOp(new BinaryOp(var("a"), "+", new BinaryOp(var("b"), "*", new Literal(2.0))), ">",
                new Literal(3.0)), w.clause());
    }

    @Test
    void readsTableColumnsWithTheirNames() {
        TableHeader t = (TableHeader) parse("TABLE WITHOUT ID file.link AS \"Note\", due, a + b").header();
        assertEquals(List.of("Note", "due", "a + b"), t.fields().stream().map(NamedField::name).toList());
        assertEquals(false, t.showId());
    }

    @Test
    void fixesDateShorthandsAtParseTime() {
        Where w = (Where) parse("LIST WHERE date(today) < date(eom)").operations().get(0);
        assertEquals(new BinaryOp(new Literal(LocalDateTime.of(2025, 12, 19, 0, 0)), "<",
                new Literal(LocalDateTime.of(2025, 12, 31, 23, 59, 59, 999_000_000))), w.clause());
    }

    @Test
    void readsLinksDurationsListsAndObjects() {
        Where w = (Where) parse("LIST WHERE [[Note#^b1|x]] and dur(1h 30m) and [1, {a: \"b\"}]").operations().get(0);
        BinaryOp and = (BinaryOp) w.clause();
        BinaryOp first = (BinaryOp) and.left();
        assertEquals(new Literal(new Dql.Link("Note", "b1", "x", false, "block")), first.left());
        assertEquals("PT1H30M", DqlJson.iso((Dql.Duration) ((Literal) first.right()).value()));
        assertEquals(ListExpr.class, and.right().getClass());
    }

    @Test
    void skipsCommentsBetweenCommands() {
        assertEquals(2, parse("// mine\nLIST\n// where\nWHERE a // why\nSORT b").operations().size());
    }

    @Test
    void reportsWhereTheQueryStopsMakingSense() {
        Dql.Error e = error("LIST\nWHERE a +");
        assertEquals(2, e.line());
        assertEquals(10, e.column());
        assertTrue(e.expected().contains("variable"), e.expected().toString());
        assertEquals(1, error("FOO").column());
        assertEquals(17, error("LIST WHERE where").column(), "a keyword is no variable: it fails after the word");
    }

    @Test
    void neverThrowsOnGarbage() {
        for (String q : List.of("", "(", "LIST WHERE ((((", "LIST FROM \"", "TABLE ,,,", "LIST WHERE [[", "\u0000",
                "LIST WHERE date(", "LIST WHERE dur(", "LIST WHERE {a:", "LIST WHERE (a) =>")) {
            Dql.ParseResult r = DqlParser.parse(q, NOW);
            assertTrue(r.query().isPresent() != r.error().isPresent(), q);
        }
    }

    @Test
    void printsDataviewsTreeShape() {
        assertEquals("{\"header\":{\"type\":\"list\",\"showId\":true},\"source\":{\"type\":\"tag\",\"tag\":\"#x\"},"
                + "\"operations\":[{\"type\":\"limit\",\"amount\":{\"type\":\"literal\",\"value\":3}}]}",
                DqlJson.of(parse("LIST FROM #x LIMIT 3")));
    }
}
