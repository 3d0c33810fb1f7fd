package org.vaultls.features.dataview;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.vaultls.features.Location;
import org.vaultls.features.dataview.DataviewBlocks.Block;
import org.vaultls.features.query.Title;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;

/**
 * Go to definition on a FROM source of a dataview block: {@code "Projects"} leads to the note at that
 * path when there is one, else to the first note (in path order) inside that folder; {@code [[x]]} and
 * {@code outgoing([[x]])} to the note x; {@code #tag} to the first note carrying it or a subtag. The
 * source is found by a scan of the query text: the string, link or tag under the cursor, when the
 * nearest data command before it (outside strings and {@code //} comments) is FROM.
 */
public final class FromSources {
    private static final List<String> COMMANDS = List.of("from", "where", "sort", "group", "flatten", "limit",
            "list", "table", "task", "calendar");

    private FromSources() {
    }

    /** Where the FROM source at {@code offset} leads, or nothing. */
    public static List<Location> definition(VaultIndex index, Note note, int offset) {
        Optional<Block> block = DataviewBlocks.at(note, offset);
        if (block.isEmpty() || block.get().js()) {
            return List.of();
        }
        Optional<Source> s = sourceAt(block.get().query(), offset - block.get().queryStart());
        return s.flatMap(x -> target(index, x)).map(p -> List.of(new Location(p, Title.TOP))).orElse(List.of());
    }

    /** A source token: its kind ('"' folder, '[' link, '#' tag) and its text. */
    record Source(char kind, String text) {
    }

    /** The FROM source whose token holds {@code at}, if any. */
    static Optional<Source> sourceAt(String q, int at) {
        String command = "";
        int i = 0;
        while (i < q.length()) {
            char c = q.charAt(i);
            if (c == '/' && i + 1 < q.length() && q.charAt(i + 1) == '/') {
                while (i < q.length() && q.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder text = new StringBuilder();
                while (j < q.length() && q.charAt(j) != '"' && q.charAt(j) != '\n') {
                    if (q.charAt(j) == '\\' && j + 1 < q.length()) {
                        j++;
                    }
                    text.append(q.charAt(j));
                    j++;
                }
                if (at >= i && at <= j && command.equals("from")) {
                    return Optional.of(new Source('"', text.toString()));
                }
                i = j + 1;
            } else if (c == '[' && q.startsWith("[[", i)) {
                int close = q.indexOf("]]", i);
                int j = close < 0 ? q.length() : close + 2;
                if (at >= i && at <= j && command.equals("from") && close > 0) {
                    return Optional.of(new Source('[', q.substring(i + 2, close)));
                }
                i = j;
            } else if (c == '#' && (i == 0 || " \t\n(!-".indexOf(q.charAt(i - 1)) >= 0)) {
                int j = i + 1;
                while (j < q.length() && (Character.isLetterOrDigit(q.charAt(j)) || "_-/".indexOf(q.charAt(j)) >= 0)) {
                    j++;
                }
                if (at >= i && at <= j && command.equals("from") && j > i + 1) {
                    return Optional.of(new Source('#', q.substring(i + 1, j)));
                }
                i = j;
            } else if (Character.isLetter(c)) {
                int j = i;
                while (j < q.length() && (Character.isLetterOrDigit(q.charAt(j)) || q.charAt(j) == '_')) {
                    j++;
                }
                String word = q.substring(i, j).toLowerCase(Locale.ROOT);
                if (COMMANDS.contains(word)) {
                    command = word;
                }
                i = j;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> target(VaultIndex index, Source s) {
        switch (s.kind()) {
            case '"': {
                String folder = s.text().strip().replaceAll("^/+|/+$", "");
                if (folder.isEmpty()) {
                    return Optional.empty(); // every note: nowhere in particular
                }
                for (String p : List.of(folder, folder + ".md")) {
                    if (index.note(p).isPresent()) {
                        return Optional.of(p);
                    }
                }
                String prefix = folder.toLowerCase(Locale.ROOT) + "/";
                return index.notes().keySet().stream().filter(p -> p.toLowerCase(Locale.ROOT).startsWith(prefix))
                        .findFirst();
            }
            case '[': {
                String target = s.text().split("\\|", 2)[0].split("[#^]", 2)[0].strip();
                return ResultMarkdown.resolve(index, target);
            }
            default: {
                String tag = s.text().toLowerCase(Locale.ROOT);
                for (Note n : index.notes().values()) {
                    for (Tag t : n.tags()) {
                        String name = t.name().toLowerCase(Locale.ROOT).replaceFirst("^#", "");
                        if (name.equals(tag) || name.startsWith(tag + "/")) {
                            return Optional.of(n.path());
                        }
                    }
                }
                return Optional.empty();
            }
        }
    }
}
