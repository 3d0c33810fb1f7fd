package org.vaultls.features.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.vaultls.dataview.Dql;

/**
 * One function list: what completion offers and the unknown-function check accepts is exactly what the
 * engine evaluates, so no function completes that then fails to run, and none runs that the check flags.
 */
class DataviewFunctionListTest {
    @Test
    void completionAndTheCheckKnowTheFunctionsTheEngineEvaluates() {
        Set<String> described = new TreeSet<>();
        DataviewCompleterFunctions.all().forEach(f -> described.add(f.name()));
        assertEquals(new TreeSet<>(Dql.functionNames()), described);
        // every one has a signature naming it and a line of what it does
        DataviewCompleterFunctions.all().forEach(f -> assertTrue(f.signature().startsWith(f.name() + "(")
                && !f.summary().isBlank(), f.toString()));
    }
}
