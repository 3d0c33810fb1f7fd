package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A whole vault's load: every note parsed in order, on large-stack threads, without a handoff each. */
class BoundedParseMapTest {
    @Test
    void keepsTheOrderOfItsItems() {
        List<Integer> items = IntStream.range(0, 1000).boxed().toList();
        assertEquals(items.stream().map(i -> i * 2).toList(), BoundedParse.map(items, i -> i * 2));
    }

    @Test
    void parsesOnItsOwnLargeStackThreads() {
        List<String> threads = BoundedParse.map(List.of("a", "b"), x -> {
            BoundedParse.parse("n.md", "# " + x);
            return Thread.currentThread().getName();
        });
        assertTrue(threads.stream().allMatch("vault-ls-load"::equals), threads.toString());
    }

    @Test
    void aDeepNoteParsedThereIsAFindingNotACrash() {
        String deep = "> ".repeat(5000) + "[[Nope]]\n";
        Note n = BoundedParse.map(List.of(deep), text -> BoundedParse.parse("deep.md", text)).get(0);
        assertTrue(n.problems().stream().anyMatch(p -> p.kind() == Note.Problem.Kind.TOO_COMPLEX), n.problems().toString());
    }

    @Test
    void rethrowsWhatTheFunctionThrows() {
        List<Integer> items = IntStream.range(0, 100).boxed().toList();
        assertThrows(CancellationException.class, () -> BoundedParse.map(items, i -> {
            if (i == 50) {
                throw new CancellationException("session closed");
            }
            return i;
        }));
    }
}
