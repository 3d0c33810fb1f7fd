package org.vaultls.features.dataview;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.dataview.DqlRender;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * A block's result as markdown for an editor's hover, which shows {@code [[x]]} as plain text: every
 * link the result names (its rows' notes, and wikilinks inside task text) becomes a markdown link to
 * the note's URI, {@code [Name](<file:///...>)}, or, with no URI function, the note's name as text. A
 * link that resolves to no note stays its written name. At most {@code cap} rows, then "… and N more".
 */
public final class ResultMarkdown {
    private static final char MARK = '\u0001';
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[\\[" + MARK + "(\\d+)" + MARK + "]]");
    private static final Pattern WIKILINK = Pattern.compile("!?\\[\\[([^\\]|#^\\n]*)([#^][^\\]|\\n]*)?(?:\\|([^\\]\\n]*))?]]");

    private ResultMarkdown() {
    }

    /** The hover text of {@code r}: a title line with the summary, then the result or the error. */
    public static String hover(VaultIndex index, BlockResult r, String summary, Function<String, String> uriOf,
            int cap) {
        StringBuilder out = new StringBuilder("**Dataview** · ").append(escape(summary)).append("\n\n");
        if (r.error().isPresent()) {
            return out.append(r.kind() == BlockResult.Kind.SYNTAX ? "Syntax error: " : "")
                    .append(escape(r.error().get().replaceFirst("^syntax error ", ""))).append('\n').toString();
        }
        return out.append(of(index, r, uriOf, cap)).toString();
    }

    /** The result of {@code r} (which must hold one) with clickable links. */
    static String of(VaultIndex index, BlockResult r, Function<String, String> uriOf, int cap) {
        List<String> paths = new ArrayList<>();
        String md = DqlRender.markdown(r.result().orElseThrow(), p -> {
            paths.add(p);
            return MARK + String.valueOf(paths.size() - 1) + MARK;
        }, cap);
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(md);
        int last = 0;
        while (m.find()) {
            out.append(wikilinks(index, md.substring(last, m.start()), uriOf));
            String path = paths.get(Integer.parseInt(m.group(1)));
            out.append(link(index.note(path).isPresent() ? Optional.of(path) : Optional.empty(),
                    VaultPaths.stem(path), uriOf));
            last = m.end();
        }
        out.append(wikilinks(index, md.substring(last), uriOf));
        return out.toString();
    }

    /** The wikilinks inside text the result copies (task text) made into links. */
    private static String wikilinks(VaultIndex index, String text, Function<String, String> uriOf) {
        if (text.indexOf("[[") < 0) {
            return text;
        }
        Matcher m = WIKILINK.matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(text, last, m.start());
            String target = m.group(1).strip();
            String shown = m.group(3) != null && !m.group(3).isBlank() ? m.group(3).strip()
                    : target + (m.group(2) == null ? "" : m.group(2));
            out.append(link(resolve(index, target), shown, uriOf));
            last = m.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /** A written link target as a note path: the path itself, else the one note of that name. */
    static Optional<String> resolve(VaultIndex index, String target) {
        if (target.isEmpty()) {
            return Optional.empty();
        }
        for (String p : List.of(target, target + ".md")) {
            if (index.note(p).isPresent()) {
                return Optional.of(p);
            }
        }
        List<String> named = index.notesNamed(VaultPaths.stem(target));
        return named.isEmpty() ? Optional.empty() : Optional.of(named.get(0));
    }

    private static String link(Optional<String> path, String shown, Function<String, String> uriOf) {
        if (path.isEmpty() || uriOf == null) {
            return escape(shown);
        }
        return "[" + escape(shown) + "](<" + uriOf.apply(path.get()).replace(">", "%3E") + ">)";
    }

    /** Text that markdown shows as written. */
    static String escape(String s) {
        return s.replaceAll("([\\\\`*_\\[\\]<>])", "\\\\$1");
    }
}
