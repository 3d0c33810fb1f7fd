package org.vaultls.dataview;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultls.dataview.DqlEngine.EvalException;

/**
 * Dataview's binary operators other than {@code and}/{@code or}: comparisons on any two values (by
 * {@link DqlValues#compare}), and arithmetic where Dataview defines it: numbers; strings joined with
 * {@code +} to anything and repeated by {@code *}; {@code date - date} (a duration), {@code date ± duration},
 * {@code duration ± duration}, {@code duration * number}, {@code duration / number}; arrays and objects
 * joined with {@code +}. A null operand of arithmetic gives null. Anything else is an error.
 */
final class DqlOperators {
    private DqlOperators() {
    }

    static Object apply(Object l, String op, Object r) {
        switch (op) {
            case "=":
                return DqlValues.compare(l, r) == 0;
            case "!=":
                return DqlValues.compare(l, r) != 0;
            case "<":
                return DqlValues.compare(l, r) < 0;
            case "<=":
                return DqlValues.compare(l, r) <= 0;
            case ">":
                return DqlValues.compare(l, r) > 0;
            case ">=":
                return DqlValues.compare(l, r) >= 0;
            default:
                break;
        }
        if (l instanceof Double a && r instanceof Double b) {
            return switch (op) {
                case "+" -> a + b;
                case "-" -> a - b;
                case "*" -> a * b;
                case "/" -> a / b;
                default -> a % b;
            };
        }
        if (op.equals("+") && (l instanceof String || r instanceof String)) {
            return (l == null ? "null" : DqlValues.string(l)) + (r == null ? "null" : DqlValues.string(r));
        }
        if (l == null || r == null) {
            return null;
        }
        if (op.equals("*") && l instanceof String s && r instanceof Double n) {
            return s.repeat((int) Math.max(0, n));
        }
        if (op.equals("*") && l instanceof Double n && r instanceof String s) {
            return s.repeat((int) Math.max(0, n));
        }
        if (l instanceof LocalDateTime a && r instanceof LocalDateTime b && op.equals("-")) {
            return DqlValues.ofMillis(a.toInstant(ZoneOffset.UTC).toEpochMilli() - b.toInstant(ZoneOffset.UTC).toEpochMilli());
        }
        if (l instanceof LocalDateTime a && r instanceof Dql.Duration d && (op.equals("+") || op.equals("-"))) {
            return DqlValues.plus(a, d, op.equals("+") ? 1 : -1);
        }
        if (l instanceof Dql.Duration d && r instanceof LocalDateTime a && op.equals("+")) {
            return DqlValues.plus(a, d, 1);
        }
        if (l instanceof Dql.Duration a && r instanceof Dql.Duration b && (op.equals("+") || op.equals("-"))) {
            return DqlValues.add(a, b, op.equals("+") ? 1 : -1);
        }
        if (l instanceof Dql.Duration a && r instanceof Double n && (op.equals("*") || op.equals("/"))) {
            return DqlValues.scale(a, op.equals("*") ? n : 1 / n);
        }
        if (l instanceof Double n && r instanceof Dql.Duration a && op.equals("*")) {
            return DqlValues.scale(a, n);
        }
        if (l instanceof List<?> a && r instanceof List<?> b && op.equals("+")) {
            List<Object> out = new ArrayList<>(a);
            out.addAll(b);
            return out;
        }
        if (l instanceof Map<?, ?> a && r instanceof Map<?, ?> b && op.equals("+")) {
            Map<String, Object> out = new LinkedHashMap<>();
            a.forEach((k, v) -> out.put(String.valueOf(k), v));
            b.forEach((k, v) -> out.put(String.valueOf(k), v));
            return out;
        }
        throw new EvalException("No implementation of '" + op + "' for " + DqlValues.typeName(l) + " and "
                + DqlValues.typeName(r));
    }
}
