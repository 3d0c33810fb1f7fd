package org.vaultls.lsp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.lsp4j.SemanticTokens;
import org.eclipse.lsp4j.SemanticTokensDelta;
import org.eclipse.lsp4j.SemanticTokensEdit;
import org.eclipse.lsp4j.SemanticTokensLegend;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.vaultls.features.highlight.Token;

/**
 * Semantic token answers in LSP's encoding, and the last one given per document, so that a delta
 * request is answered by diffing against it: one edit replacing what lies between the common prefix
 * and the common suffix of the two arrays. An unknown previous result id gets the full tokens.
 */
final class TokenResults {
    /** Documents whose last answer is kept; the least recently answered one goes first. */
    private static final int KEPT = 64;

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Result> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Result> e) {
            return size() > KEPT;
        }
    };

    private record Result(String id, List<Integer> data) {
    }

    /** The legend: token types and modifiers in their enums' order. */
    static SemanticTokensLegend legend() {
        List<String> types = new ArrayList<>();
        for (Token.Type t : Token.Type.values()) {
            types.add(t.legend());
        }
        List<String> mods = new ArrayList<>();
        for (Token.Modifier m : Token.Modifier.values()) {
            mods.add(m.legend());
        }
        return new SemanticTokensLegend(types, mods);
    }

    /** LSP's relative encoding: per token delta line, delta start, length, type, modifier bits. */
    static List<Integer> encode(List<Token> tokens) {
        List<Integer> data = new ArrayList<>(tokens.size() * 5);
        int line = 0;
        int start = 0;
        for (Token t : tokens) {
            int l = t.span().start().line();
            int c = t.span().start().character();
            data.add(l - line);
            data.add(l == line ? c - start : c);
            data.add(t.span().endOffset() - t.span().startOffset());
            data.add(t.type().ordinal());
            int bits = 0;
            for (Token.Modifier m : t.modifiers()) {
                bits |= 1 << m.ordinal();
            }
            data.add(bits);
            line = l;
            start = c;
        }
        return data;
    }

    SemanticTokens full(String uri, List<Token> tokens) {
        List<Integer> data = encode(tokens);
        return new SemanticTokens(remember(uri, data), data);
    }

    Either<SemanticTokens, SemanticTokensDelta> delta(String uri, String previousId, List<Token> tokens) {
        List<Integer> data = encode(tokens);
        Result before;
        synchronized (last) {
            before = last.get(uri);
        }
        String id = remember(uri, data);
        if (before == null || !before.id().equals(previousId)) {
            return Either.forLeft(new SemanticTokens(id, data));
        }
        List<Integer> old = before.data();
        int prefix = 0;
        int max = Math.min(old.size(), data.size());
        while (prefix < max && old.get(prefix).equals(data.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && old.get(old.size() - 1 - suffix).equals(data.get(data.size() - 1 - suffix))) {
            suffix++;
        }
        List<SemanticTokensEdit> edits = new ArrayList<>();
        if (prefix != old.size() || prefix != data.size()) {
            edits.add(new SemanticTokensEdit(prefix, old.size() - prefix - suffix,
                    new ArrayList<>(data.subList(prefix, data.size() - suffix))));
        }
        SemanticTokensDelta delta = new SemanticTokensDelta(edits);
        delta.setResultId(id);
        return Either.forRight(delta);
    }

    private String remember(String uri, List<Integer> data) {
        String id = Long.toString(ids.incrementAndGet());
        synchronized (last) {
            last.put(uri, new Result(id, List.copyOf(data)));
        }
        return id;
    }
}
