package org.vaultls.features.dataview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vaultls.features.dataview.DataviewCheckTokens.Kind;
import org.vaultls.features.dataview.DataviewCheckTokens.Token;
import org.vaultls.index.Person;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;

/**
 * What to complete at the cursor inside a {@code ```dataview} query: the query type at its start
 * (LIST, TABLE, TASK, CALENDAR); elsewhere the data commands and the words that fit where the cursor
 * is (WITHOUT ID after LIST or TABLE, ASC/DESC in a SORT, AS in columns, groups and flattens,
 * {@code and}/{@code or}), Dataview's functions with their signatures, and the fields the vault's notes
 * have (frontmatter and inline), with the task fields in a TASK query; Dataview's {@code file.*} fields
 * after {@code file.}; folders in a FROM string; {@code @Owner} tags in a string that starts with
 * {@code @}. After {@code #} and in {@code [[} it hands over to tag and link completion. Keywords are
 * written in the case the user started typing them in. Empty outside DQL queries (dataviewjs included),
 * so that the usual completion, which offers nothing in code, applies there.
 */
public final class DataviewCompleter {
    private static final List<String> HEADERS = List.of("LIST", "TABLE", "TASK", "CALENDAR");
    private static final List<String> COMMANDS = List.of("FROM", "WHERE", "SORT", "GROUP BY", "FLATTEN", "LIMIT");

    /** What an item stands for. */
    public enum ItemKind { KEYWORD, FUNCTION, FIELD, FOLDER, PERSON }

    /** One item: the editor replaces {@code start..end} (offsets into the note, on the cursor's line) with {@code newText}. */
    public record Item(String label, ItemKind kind, String detail, String documentation, int start, int end,
                       String newText) {
    }

    /** The answer inside a query. */
    public sealed interface Answer permits Items, Link, Tag {
    }

    /** These items, best first (possibly none: nothing completes here). */
    public record Items(List<Item> items) implements Answer {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** A {@code [[link}} is being typed: complete it as a wikilink. */
    public record Link() implements Answer {
    }

    /** A {@code #tag} is being typed from {@code start} (the {@code #}) to {@code end}. */
    public record Tag(String partial, int start, int end) implements Answer {
    }

    private DataviewCompleter() {
    }

    /** The answer at {@code offset} of {@code note}; empty when the cursor is not in a DQL query's text. */
    public static Optional<Answer> at(VaultIndex index, Note note, int offset) {
        Optional<DataviewBlocks.Block> block = DataviewBlocks.at(note, offset).filter(b -> !b.js()
                && offset >= b.queryStart() && (offset < b.queryEnd() || b.queryEnd() == b.end()));
        return block.map(b -> new Context(index, b, offset - b.queryStart()).answer());
    }

    /** The cursor's place in one query; offsets here are into the query text. */
    private static final class Context {
        private final VaultIndex index;
        private final DataviewBlocks.Block block;
        private final String q;
        private final int c;
        private final List<Token> before;

        Context(VaultIndex index, DataviewBlocks.Block block, int cursor) {
            this.index = index;
            this.block = block;
            this.q = block.query();
            this.c = Math.min(cursor, q.length());
            this.before = DataviewCheckTokens.of(q.substring(0, c));
        }

        Answer answer() {
            if (inComment()) {
                return new Items(List.of());
            }
            Token last = before.isEmpty() ? null : before.get(before.size() - 1);
            boolean atLast = last != null && last.end() == c;
            if (atLast && last.kind() == Kind.STRING && !last.closed()) {
                return inString(last);
            }
            if (atLast && last.kind() == Kind.LINK && !last.closed()) {
                return new Link();
            }
            if (atLast && (last.kind() == Kind.TAG || last.isPunct('#'))) {
                return new Tag(last.kind() == Kind.TAG ? last.text() : "", abs(last.start()), abs(wordEnd()));
            }
            int start = c;
            while (start > 0 && DataviewCheckTokens.wordChar(q.charAt(start - 1))) {
                start--;
            }
            String partial = q.substring(start, c);
            int tokensBefore = before.size() - (partial.isEmpty() ? 0 : 1);
            Token prev = tokensBefore > 0 ? before.get(tokensBefore - 1) : null;
            if (!partial.isEmpty() && !DataviewCheckTokens.wordChar(partial.charAt(0))) {
                return new Items(List.of());
            }
            if (prev != null && prev.isPunct('.')) {
                Token owner = tokensBefore > 1 ? before.get(tokensBefore - 2) : null;
                return owner != null && owner.kind() == Kind.WORD && owner.text().equals("file")
                        ? new Items(fileFields(partial, start)) : new Items(List.of());
            }
            if (start > 0 && partial.isEmpty() && !opensAWord(q.charAt(start - 1))) {
                return new Items(List.of());
            }
            if (prev == null) {
                return new Items(keywords(HEADERS, partial, start));
            }
            return new Items(words(prev, tokensBefore, partial, start));
        }

        /** True when a {@code //} comment, outside any string, runs on this line up to the cursor. */
        private boolean inComment() {
            boolean string = false;
            for (int i = q.lastIndexOf('\n', Math.max(0, c - 1)) + 1; i < c; i++) {
                char ch = q.charAt(i);
                if (ch == '"' && (i == 0 || q.charAt(i - 1) != '\\')) {
                    string = !string;
                } else if (!string && ch == '/' && i + 1 < c && q.charAt(i + 1) == '/') {
                    return true;
                }
            }
            return false;
        }

        private int abs(int queryOffset) {
            return block.queryStart() + queryOffset;
        }

        /** The end of the word the cursor is in (the part after the cursor included). */
        private int wordEnd() {
            int e = c;
            while (e < q.length() && (DataviewCheckTokens.wordChar(q.charAt(e)) || q.charAt(e) == '/')) {
                e++;
            }
            return e;
        }

        /** After these a new word starts: a space, an opening bracket, a comma, an operator. */
        private static boolean opensAWord(char ch) {
            return Character.isWhitespace(ch) || "([{,!=<>+-*/%&|".indexOf(ch) >= 0;
        }

        private Answer inString(Token s) {
            String content = s.text();
            int from = s.start() + 1;
            int to = c;
            while (to < q.length() && q.charAt(to) != '"' && q.charAt(to) != '\n') {
                to++;
            }
            int i = before.size() - 1;
            if (DataviewCheckTokens.inFrom(before, i)) {
                return new Items(folders(content, from, to));
            }
            if (content.startsWith("@")) {
                return new Items(owners(content.substring(1), from, to));
            }
            return new Items(List.of());
        }

        private List<Item> folders(String partial, int from, int to) {
            String p = partial.toLowerCase(Locale.ROOT);
            List<Map.Entry<String, Integer>> matches = new ArrayList<>();
            for (Map.Entry<String, Integer> e : DataviewCheckVocabulary.of(index).folders.entrySet()) {
                if (!e.getKey().isEmpty() && e.getKey().toLowerCase(Locale.ROOT).startsWith(p)) {
                    matches.add(e);
                }
            }
            matches.sort(Map.Entry.comparingByKey());
            List<Item> out = new ArrayList<>();
            for (Map.Entry<String, Integer> e : matches) {
                out.add(new Item(e.getKey(), ItemKind.FOLDER, count(e.getValue()), null, abs(from), abs(to),
                        e.getKey()));
            }
            return out;
        }

        private List<Item> owners(String partial, int from, int to) {
            String p = partial.toLowerCase(Locale.ROOT);
            Map<String, Person> tags = new LinkedHashMap<>();
            for (Person person : index.people()) {
                for (String tag : person.ownerTags()) {
                    if (tag.toLowerCase(Locale.ROOT).startsWith(p)) {
                        tags.putIfAbsent(tag, person);
                    }
                }
            }
            List<Item> out = new ArrayList<>();
            tags.entrySet().stream().sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER)).forEach(e ->
                    out.add(new Item("@" + e.getKey(), ItemKind.PERSON, e.getValue().title(), null, abs(from), abs(to),
                            "@" + e.getKey())));
            return out;
        }

        private List<Item> fileFields(String partial, int start) {
            List<Item> out = new ArrayList<>();
            for (String f : DataviewCheck.FILE_FIELDS) {
                if (f.startsWith(partial.toLowerCase(Locale.ROOT))) {
                    out.add(new Item(f, ItemKind.FIELD, "file field", null, abs(start), abs(wordEnd()), f));
                }
            }
            return out;
        }

        /** Keywords, functions and fields at a word after {@code prev}. */
        private List<Item> words(Token prev, int tokensBefore, String partial, int start) {
            String section = "";
            for (int k = tokensBefore - 1; k >= 0; k--) {
                Token t = before.get(k);
                if (t.isCommand() || k == 0) {
                    section = t.text().toUpperCase(Locale.ROOT);
                    break;
                }
            }
            List<String> kws = new ArrayList<>();
            if (prev == before.get(0) && (prev.isWord("LIST") || prev.isWord("TABLE"))) {
                kws.add("WITHOUT ID");
            }
            kws.addAll(COMMANDS);
            if (section.equals("SORT")) {
                kws.addAll(List.of("ASC", "DESC"));
            }
            if (section.equals("TABLE") || section.equals("GROUP") || section.equals("FLATTEN")) {
                kws.add("AS");
            }
            kws.addAll(List.of("AND", "OR"));
            List<Item> out = new ArrayList<>(keywords(kws, partial, start));
            if (section.equals("FROM")) {
                return out; // sources are strings, tags and links
            }
            String p = partial.toLowerCase(Locale.ROOT);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String g : List.of("file", "this")) {
                fields.put(g, g.equals("file") ? "the page's file fields" : "the note holding this query");
            }
            if (before.get(0).isWord("TASK")) {
                DataviewCheck.TASK_FIELDS.forEach(f -> fields.putIfAbsent(f, "task field"));
            }
            DataviewCheckVocabulary.of(index).fields.entrySet().stream()
                    .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .forEach(e -> fields.putIfAbsent(e.getKey(), "field · " + count(e.getValue())));
            fields.forEach((f, detail) -> {
                if (f.toLowerCase(Locale.ROOT).startsWith(p)) {
                    out.add(new Item(f, ItemKind.FIELD, detail, null, abs(start), abs(wordEnd()), f));
                }
            });
            for (DataviewCompleterFunctions.Function f : DataviewCompleterFunctions.all()) {
                if (f.name().startsWith(p)) {
                    out.add(new Item(f.name(), ItemKind.FUNCTION, f.signature(), f.summary(), abs(start),
                            abs(wordEnd()), f.name() + "("));
                }
            }
            return out;
        }

        private List<Item> keywords(List<String> kws, String partial, int start) {
            boolean lower = !partial.isEmpty() && partial.equals(partial.toLowerCase(Locale.ROOT));
            List<Item> out = new ArrayList<>();
            for (String k : kws) {
                if (k.toLowerCase(Locale.ROOT).startsWith(partial.toLowerCase(Locale.ROOT))) {
                    String text = lower ? k.toLowerCase(Locale.ROOT) : k;
                    out.add(new Item(text, ItemKind.KEYWORD, "keyword", null, abs(start), abs(wordEnd()), text));
                }
            }
            out.sort(Comparator.comparing(i -> !i.label().toLowerCase(Locale.ROOT)
                    .equals(partial.toLowerCase(Locale.ROOT))));
            return out;
        }

        private static String count(int notes) {
            return notes == 1 ? "1 note" : notes + " notes";
        }
    }
}
