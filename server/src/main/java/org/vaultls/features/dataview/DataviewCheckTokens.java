package org.vaultls.features.dataview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The tokens of a query's text with their offsets, for the places the syntax tree cannot say (it has no
 * positions): which word a diagnostic ranges over, and what the cursor is in when completing. Words are
 * the parser's identifiers (letters, digits, {@code _} and {@code -}), strings run to their unescaped
 * closing quote (or the line's end), {@code #tags} and {@code [[links]]} are one token each, and
 * {@code //} comments are left out. It never fails: any other character is a one-character token.
 */
final class DataviewCheckTokens {
    /** The data commands that start a section of a query (GROUP is followed by BY). */
    static final Set<String> COMMANDS = Set.of("FROM", "WHERE", "SORT", "GROUP", "FLATTEN", "LIMIT");

    enum Kind { WORD, STRING, TAG, LINK, PUNCT }

    /**
     * One token; {@code start}/{@code end} are offsets into the query text. For a string, {@code text} is
     * its content without quotes and {@code closed} says whether the closing quote is there.
     */
    record Token(Kind kind, String text, int start, int end, boolean closed) {
        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        boolean isPunct(char c) {
            return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
        }

        /** True for a data command word (FROM, WHERE, ...), compared as Dataview does, ignoring case. */
        boolean isCommand() {
            return kind == Kind.WORD && COMMANDS.contains(text.toUpperCase(Locale.ROOT));
        }
    }

    private DataviewCheckTokens() {
    }

    static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || Character.isSurrogate(c)
                || (c >= 0x2600 && c <= 0x27BF);
    }

    private static boolean wordStart(char c) {
        return Character.isLetter(c) || Character.isSurrogate(c) || (c >= 0x2600 && c <= 0x27BF);
    }

    /** The tokens of {@code q}, in order. */
    static List<Token> of(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '/' && i + 1 < n && q.charAt(i + 1) == '/') {
                while (i < n && q.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder content = new StringBuilder();
                boolean closed = false;
                while (j < n && q.charAt(j) != '\n') {
                    char d = q.charAt(j);
                    if (d == '\\' && j + 1 < n && q.charAt(j + 1) != '\n') {
                        content.append(q.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    if (d == '"') {
                        closed = true;
                        j++;
                        break;
                    }
                    content.append(d);
                    j++;
                }
                out.add(new Token(Kind.STRING, content.toString(), i, j, closed));
                i = j;
            } else if (c == '#' && i + 1 < n && wordChar(q.charAt(i + 1)) || c == '#' && i + 1 < n
                    && q.charAt(i + 1) == '/') {
                int j = i + 1;
                while (j < n && (wordChar(q.charAt(j)) || q.charAt(j) == '/')) {
                    j++;
                }
                out.add(new Token(Kind.TAG, q.substring(i + 1, j), i, j, true));
                i = j;
            } else if (c == '[' && i + 1 < n && q.charAt(i + 1) == '[') {
                int close = q.indexOf("]]", i + 2);
                int eol = q.indexOf('\n', i + 2);
                boolean closed = close >= 0 && (eol < 0 || close < eol);
                int end = closed ? close + 2 : (eol < 0 ? n : eol);
                String inner = q.substring(i + 2, closed ? close : end);
                out.add(new Token(Kind.LINK, inner, i, end, closed));
                i = end;
            } else if (wordStart(c) || Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && wordChar(q.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.WORD, q.substring(i, j), i, j, true));
                i = j;
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1, true));
                i++;
            }
        }
        return out;
    }

    /** True when token {@code i} lies in a FROM section: after a FROM, before the next data command. */
    static boolean inFrom(List<Token> tokens, int i) {
        for (int k = i - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.isCommand()) {
                return t.isWord("FROM");
            }
        }
        return false;
    }
}
