package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.vaultls.features.highlight.Token;
import org.vaultls.text.Pos;
import org.vaultls.text.Span;

class TokenResultsTest {
    private static Token token(int line, int from, int to, Token.Type type, Token.Modifier... mods) {
        return new Token(Span.of(0, to - from, new Pos(line, from), new Pos(line, to)), type, Set.of(mods));
    }

    @Test
    void tokensAreEncodedRelativeToTheOneBefore() {
        assertEquals(List.of(2, 4, 3, 2, 0, 0, 6, 5, 0, 1, 1, 0, 2, 3, 8),
                TokenResults.encode(List.of(
                        token(2, 4, 7, Token.Type.TAG),
                        token(2, 10, 15, Token.Type.LINK, Token.Modifier.BROKEN),
                        token(3, 0, 2, Token.Type.OWNER, Token.Modifier.UNKNOWN))));
    }

    @Test
    void aDeltaAgainstAnUnknownResultIsTheFullTokens() {
        TokenResults results = new TokenResults();
        results.full("a", List.of(token(0, 0, 3, Token.Type.TAG)));
        var answer = results.delta("a", "no-such-id", List.of(token(0, 0, 4, Token.Type.TAG)));
        assertTrue(answer.isLeft());
        assertEquals(List.of(0, 0, 4, 2, 0), answer.getLeft().getData());
    }

    @Test
    void anUnchangedDocumentGetsAnEmptyDelta() {
        TokenResults results = new TokenResults();
        String id = results.full("a", List.of(token(0, 0, 3, Token.Type.TAG))).getResultId();
        var answer = results.delta("a", id, List.of(token(0, 0, 3, Token.Type.TAG)));
        assertTrue(answer.getRight().getEdits().isEmpty());
    }
}
