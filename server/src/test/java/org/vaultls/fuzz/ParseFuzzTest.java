package org.vaultls.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.vaultls.text.Span;
import org.vaultls.vault.BoundedParse;
import org.vaultls.vault.Note;

/**
 * Every pathological input parses, within a hang guard of 10 s a case (generous: CI machines are noisy),
 * into a note that keeps its text, whose elements lie inside it, and that has at most one problem of
 * being too complex. Run larger by hand: {@code mvn -o test -Dtest=ParseFuzzTest -Dvaultls.fuzz.scale=10}.
 */
class ParseFuzzTest {
    static final Duration PER_CASE = Duration.ofSeconds(10);

    @TestFactory
    Stream<DynamicTest> everyPathologicalInputParsesWithinBounds() {
        int scale = Pathological.scale();
        return Pathological.cases(scale).entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String text = e.getValue();
            Note note = assertTimeoutPreemptively(PER_CASE.multipliedBy(scale), () -> BoundedParse.parse("f.md", text),
                    e.getKey());
            assertEquals(text, note.text());
            List<Span> spans = Stream.of(note.links().stream().map(l -> l.span()), note.tags().stream().map(t -> t.span()),
                    note.headings().stream().map(h -> h.span()), note.tasks().stream().map(t -> t.span()),
                    note.blocks().stream().map(b -> b.span())).flatMap(s -> s).toList();
            for (Span s : spans) {
                assertTrue(0 <= s.startOffset() && s.startOffset() <= s.endOffset() && s.endOffset() <= text.length(),
                        () -> "span " + s + " outside the text");
            }
            assertTrue(note.problems().stream().filter(p -> p.kind() == Note.Problem.Kind.TOO_COMPLEX).count() <= 1);
        }));
    }
}
