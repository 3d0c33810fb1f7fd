package org.vaultls.features.dataview;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.vaultls.dataview.Dql;
import org.vaultls.dataview.DqlParser;
import org.vaultls.features.dataview.DataviewCheckTokens.Kind;
import org.vaultls.features.dataview.DataviewCheckTokens.Token;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.Person;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;
import org.vaultls.vault.Regions;

/**
 * Checks the {@code ```dataview} blocks of a note ({@code dataviewjs} is JavaScript and is not checked):
 * a query Dataview cannot parse (dataview-syntax, at the parser's furthest position, with what it
 * expected there in words); a FROM folder, note, tag or {@code [[link]]} that nothing in the vault is
 * (dataview-unknown-source: Dataview then quietly shows nothing from it; a negated one, {@code -#tag},
 * is left alone, since leaving out nothing is harmless); a function Dataview does not have
 * (dataview-unknown-function); a field no note has, neither in frontmatter nor inline, and that is not
 * one of Dataview's implicit fields (dataview-unknown-field); and an {@code @Owner} string in
 * {@code contains(text, "@X")} that no person's owner tag starts with (dataview-unknown-owner; a prefix
 * is fine, since {@code contains} matches substrings).
 *
 * <p>The syntax tree has no positions, so each problem the tree shows is ranged over its tokens in the
 * block's text ({@link DataviewCheckTokens}); a problem whose tokens cannot be found is not reported,
 * rather than put in the wrong place. The findings that read the vault change when other notes change:
 * see {@link #mayAlter} and {@link #readsTheVault}.
 */
public final class DataviewCheck {
    /** Dataview's implicit page fields, under {@code file.}. */
    static final List<String> FILE_FIELDS = List.of("name", "folder", "path", "ext", "link", "size", "ctime", "cday",
            "mtime", "mday", "tags", "etags", "inlinks", "outlinks", "aliases", "tasks", "lists", "frontmatter",
            "day", "starred");
    /** The fields of a task (and list item) row of a TASK query. */
    static final List<String> TASK_FIELDS = List.of("text", "completed", "fullyCompleted", "status", "checked",
            "due", "scheduled", "start", "completion", "created", "tags", "outlinks", "section", "link", "path",
            "line", "lineCount", "children", "task", "annotated", "parent", "blockId", "list", "real", "header",
            "symbol", "visual", "subtasks", "position");
    /** Names every query can use: the page itself, the note holding the query, and a group's parts. */
    private static final Set<String> GLOBALS = Set.of("file", "this", "row", "rows", "key");
    private static final Set<String> KEYWORDS = Set.of("list", "table", "task", "calendar", "from", "where", "sort",
            "group", "by", "flatten", "limit", "asc", "desc", "ascending", "descending", "as", "without", "id", "and",
            "or", "true", "false", "null");

    /** One problem in a block: its code, where it is in the note, and what to say. */
    public record Problem(FindingCode code, Span span, String message) {
    }

    private DataviewCheck() {
    }

    /** The problems of every dataview block of {@code note}, in block order. */
    public static List<Problem> problems(VaultIndex index, Note note) {
        List<DataviewBlocks.Block> blocks = DataviewBlocks.of(note);
        List<Problem> out = new ArrayList<>();
        for (DataviewBlocks.Block b : blocks) {
            if (!b.js()) {
                new Block(index, note, b, out).check();
            }
        }
        return out;
    }

    /** True when {@code note} has a dataview query whose findings may depend on other notes. */
    public static boolean readsTheVault(Note note) {
        for (Regions.Region r : note.regions().list()) {
            if (r.kind() == Regions.Kind.DATAVIEW) {
                return true;
            }
        }
        return false;
    }

    /**
     * Follows a change of the index (call it before checking notes against the snapshot after) and says
     * which notes with queries ({@link #readsTheVault}) it did not touch may have other findings: empty
     * when none may, since the vault's folders, notes, tags, field names and owner tags are as before;
     * else a test that is true at least for every note whose findings may differ.
     */
    public static Optional<Predicate<Note>> mayAlter(VaultChange change) {
        DataviewCheckVocabulary.follow(change);
        return DataviewCheckVocabulary.mayAlter(change);
    }

    /** "expected WHERE, SORT or end of query": Dataview's expected tokens, in words. */
    static String expectedInWords(Dql.Error e) {
        Set<String> x = new HashSet<>(e.expected());
        List<String> words = new ArrayList<>();
        for (String kw : List.of("LIST", "TABLE", "TASK", "CALENDAR", "WITHOUT ID", "FROM", "WHERE", "SORT",
                "GROUP BY", "FLATTEN", "LIMIT", "ASC", "DESC", "AS", "and", "or")) {
            if (x.remove(kw)) {
                words.add(kw);
            }
        }
        boolean expression = x.contains("variable") && x.contains("number");
        boolean operator = x.removeIf(t -> t.contains("' or '") || t.equals("'and' or 'or'"));
        List<String> rest = new ArrayList<>();
        for (String t : x.stream().sorted().toList()) {
            if (expression && Set.of("'!'", "'('", "'['", "'{'", "'null'", "boolean", "date", "date(", "dur(",
                    "duration", "file link", "number", "string", "variable").contains(t)) {
                continue;
            }
            if (operator && Set.of("'('", "'.'", "'['").contains(t)) {
                continue; // a call, a field or an index: the expression goes on
            }
            rest.add(switch (t) {
                case "EOF" -> null;
                case "whitespace" -> "a space";
                case "variable" -> "a field name";
                case "string" -> "a string";
                case "number" -> "a number";
                case "boolean" -> "true or false";
                case "file link" -> "a [[link]]";
                case "date" -> "a date";
                case "duration" -> "a duration";
                case "tag" -> "a #tag";
                default -> t;
            });
        }
        rest.removeIf(s -> s == null);
        words.addAll(rest);
        if (expression) {
            words.add("an expression");
        }
        if (operator) {
            words.add("an operator");
        }
        if (x.contains("EOF")) {
            words.add("end of query");
        }
        if (words.isEmpty()) {
            return "Dataview cannot parse this query";
        }
        if (words.size() == 1) {
            return "expected " + words.get(0);
        }
        return "expected " + String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** The checks of one block. */
    private static final class Block {
        private final VaultIndex index;
        private final Note note;
        private final DataviewBlocks.Block block;
        private final List<Problem> out;
        private final List<Token> tokens;

        Block(VaultIndex index, Note note, DataviewBlocks.Block block, List<Problem> out) {
            this.index = index;
            this.note = note;
            this.block = block;
            this.out = out;
            this.tokens = DataviewCheckTokens.of(block.query());
        }

        void check() {
            Dql.ParseResult r = DqlParser.parse(block.query());
            if (r.error().isPresent()) {
                syntax(r.error().get());
                return;
            }
            Dql.Query q = r.query().orElseThrow();
            DataviewCheckVocabulary vocabulary = DataviewCheckVocabulary.of(index);
            Set<String> sources = new HashSet<>();
            DataviewCheckWalk walk = new DataviewCheckWalk();
            walk.query(q);
            List<Dql.Source> all = new ArrayList<>();
            all.add(q.source());
            walk.sources.forEach(all::add);
            for (Dql.Source s : all) {
                unknownSources(s, vocabulary, sources);
            }
            functions(walk.functions);
            fields(walk, vocabulary, q.header() instanceof Dql.TaskHeader);
            owners();
        }

        private Span span(int from, int to) {
            return note.lines().span(block.queryStart() + from, block.queryStart() + to);
        }

        private void add(FindingCode code, Token t, String message) {
            add(code, t.start(), t.end(), message);
        }

        private void add(FindingCode code, int from, int to, String message) {
            out.add(new Problem(code, span(from, to), message));
        }

        private void syntax(Dql.Error e) {
            String q = block.query();
            int at = Math.min(e.offset(), q.length());
            int from = at;
            int to = at;
            if (q.substring(at).isBlank()) {
                // at the end: just after the last thing written, not on the closing fence
                from = q.stripTrailing().length();
                to = from;
            } else {
                while (from > 0 && DataviewCheckTokens.wordChar(q.charAt(from - 1)) && to < q.length()
                        && DataviewCheckTokens.wordChar(q.charAt(at))) {
                    from--;
                }
                while (to < q.length() && DataviewCheckTokens.wordChar(q.charAt(to))) {
                    to++;
                }
                if (to == at && !Character.isWhitespace(q.charAt(at))) {
                    to = at + 1;
                }
            }
            add(FindingCode.DATAVIEW_SYNTAX, from, to, "Dataview cannot parse this query: " + expectedInWords(e));
        }

        // ---- FROM ----

        private void unknownSources(Dql.Source s, DataviewCheckVocabulary v, Set<String> seen) {
            if (s instanceof Dql.NegatedSource) {
                return; // leaving out what does not exist leaves out nothing, which is harmless
            } else if (s instanceof Dql.BinarySource b) {
                unknownSources(b.left(), v, seen);
                unknownSources(b.right(), v, seen);
            } else if (s instanceof Dql.FolderSource f) {
                if (!folderExists(f.folder(), v) && seen.add("\"" + f.folder())) {
                    fromTokens(t -> t.kind() == Kind.STRING && t.text().equals(f.folder()), t -> add(
                            FindingCode.DATAVIEW_UNKNOWN_SOURCE, t, "No folder or note '" + f.folder()
                                    + "' in the vault, so this source matches nothing" + folderHint(f.folder(), v)));
                }
            } else if (s instanceof Dql.TagSource tag) {
                String name = tag.tag().startsWith("#") ? tag.tag().substring(1) : tag.tag();
                if (!v.tags.containsKey(name.toLowerCase(Locale.ROOT)) && seen.add("#" + name)) {
                    fromTokens(t -> t.kind() == Kind.TAG && t.text().equalsIgnoreCase(name), t -> add(
                            FindingCode.DATAVIEW_UNKNOWN_SOURCE, t, "No note has the tag #" + name
                                    + " or a subtag of it, so this source matches nothing"));
                }
            } else if (s instanceof Dql.LinkSource l) {
                if (!noteExists(l.file()) && (l.outgoing() || nobodyLinksTo(l.file())) && seen.add("[" + l.file())) {
                    fromTokens(t -> t.kind() == Kind.LINK && linkTarget(t.text()).equals(l.file()), t -> add(
                            FindingCode.DATAVIEW_UNKNOWN_SOURCE, t, "No note named '" + l.file() + "'"
                                    + (l.outgoing() ? "" : " and no note links to it")
                                    + ", so this source matches nothing"));
                }
            }
            // a csv("file") source is an attachment, which vault-ls does not read
        }

        private static String linkTarget(String inner) {
            int bar = inner.indexOf('|');
            String t = bar >= 0 ? inner.substring(0, bar) : inner;
            int hash = t.indexOf('#');
            return (hash >= 0 ? t.substring(0, hash) : t).strip();
        }

        private boolean folderExists(String folder, DataviewCheckVocabulary v) {
            String f = folder.strip();
            while (f.endsWith("/")) {
                f = f.substring(0, f.length() - 1);
            }
            while (f.startsWith("/")) {
                f = f.substring(1);
            }
            return v.folders.containsKey(f) || noteExists(f);
        }

        private boolean noteExists(String name) {
            String n = name.endsWith(".md") ? name : name + ".md";
            return index.note(n).isPresent() || !index.notesNamed(name).isEmpty()
                    || !index.notesNamed(name.endsWith(".md") ? name.substring(0, name.length() - 3) : name).isEmpty();
        }

        private boolean nobodyLinksTo(String name) {
            return index.notesLinkingToName(VaultIndex.linkNameKey(name)).isEmpty();
        }

        /** "; did you mean 'Projects'?" for a folder of the vault with the same last part, if any. */
        private static String folderHint(String folder, DataviewCheckVocabulary v) {
            String f = folder.replaceAll("/+$", "");
            String last = f.substring(f.lastIndexOf('/') + 1);
            if (last.isEmpty()) {
                return "";
            }
            List<String> like = v.folders.keySet().stream().filter(k -> !k.isEmpty()
                    && (k.equalsIgnoreCase(f) || k.substring(k.lastIndexOf('/') + 1).equalsIgnoreCase(last)))
                    .sorted().limit(3).toList();
            if (like.isEmpty()) {
                return "";
            }
            return "; did you mean " + String.join(" or ", like.stream().map(k -> "'" + k + "'").toList()) + "?";
        }

        private void fromTokens(java.util.function.Predicate<Token> which, java.util.function.Consumer<Token> then) {
            for (int i = 0; i < tokens.size(); i++) {
                if (which.test(tokens.get(i)) && DataviewCheckTokens.inFrom(tokens, i)) {
                    then.accept(tokens.get(i));
                }
            }
        }

        // ---- functions ----

        private void functions(Set<String> called) {
            for (int i = 0; i + 1 < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() != Kind.WORD || !tokens.get(i + 1).isPunct('(') || afterDot(i)
                        || DataviewCheckTokens.inFrom(tokens, i) || !called.contains(t.text())
                        || DataviewCompleterFunctions.named(t.text()).isPresent()) {
                    continue;
                }
                List<String> like = DataviewCompleterFunctions.similar(t.text());
                add(FindingCode.DATAVIEW_UNKNOWN_FUNCTION, t, "Dataview has no function '" + t.text() + "'"
                        + (like.isEmpty() ? "" : "; did you mean " + String.join(" or ",
                        like.stream().map(s -> "'" + s + "'").toList()) + "?"));
            }
        }

        private boolean afterDot(int i) {
            return i > 0 && tokens.get(i - 1).isPunct('.');
        }

        // ---- fields ----

        private void fields(DataviewCheckWalk walk, DataviewCheckVocabulary v, boolean task) {
            Set<String> known = new HashSet<>();
            walk.names.forEach(n -> known.add(DataviewCheckVocabulary.fieldKey(n)));
            for (int i = 1; i < tokens.size(); i++) {
                if (tokens.get(i - 1).isWord("AS")) {
                    known.add(DataviewCheckVocabulary.fieldKey(tokens.get(i).text())); // a column or group name
                }
            }
            GLOBALS.forEach(known::add);
            if (task) {
                TASK_FIELDS.forEach(f -> known.add(DataviewCheckVocabulary.fieldKey(f)));
            }
            Set<String> unknown = new HashSet<>();
            for (String name : walk.variables) {
                String key = DataviewCheckVocabulary.fieldKey(name);
                if (!known.contains(key) && !v.fields.containsKey(key) && !KEYWORDS.contains(key)) {
                    unknown.add(name);
                }
            }
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                if (t.kind() != Kind.WORD || DataviewCheckTokens.inFrom(tokens, i)) {
                    continue;
                }
                boolean call = i + 1 < tokens.size() && tokens.get(i + 1).isPunct('(');
                boolean named = i > 0 && tokens.get(i - 1).isWord("AS");
                if (!afterDot(i) && !call && !named && unknown.contains(t.text())) {
                    add(FindingCode.DATAVIEW_UNKNOWN_FIELD, t, "No note has a field '" + t.text() + "'"
                            + (task ? " and tasks have no such field" : "") + " (in frontmatter or inline), so it is "
                            + "null for every " + (task ? "task" : "page"));
                }
                if (afterDot(i) && i >= 2 && tokens.get(i - 2).isWord("file") && tokens.get(i - 2).text().equals("file")
                        && !call && walk.fileFields.contains(t.text()) && !FILE_FIELDS.contains(t.text())) {
                    add(FindingCode.DATAVIEW_UNKNOWN_FIELD, t, "Dataview's file has no field '" + t.text()
                            + "'; it has " + String.join(", ", FILE_FIELDS));
                }
            }
        }

        // ---- owners ----

        private void owners() {
            for (int i = 0; i + 4 < tokens.size(); i++) {
                Token f = tokens.get(i);
                if (!(f.isWord("contains") || f.isWord("icontains") || f.isWord("econtains"))
                        || !tokens.get(i + 1).isPunct('(') || !tokens.get(i + 2).isWord("text")
                        || !tokens.get(i + 3).isPunct(',') || tokens.get(i + 4).kind() != Kind.STRING) {
                    continue;
                }
                Token s = tokens.get(i + 4);
                String v = s.text();
                int end = 1;
                while (end < v.length() && (Character.isLetterOrDigit(v.charAt(end)) || v.charAt(end) == '_'
                        || Character.getType(v.charAt(end)) == Character.NON_SPACING_MARK)) {
                    end++;
                }
                if (!v.startsWith("@") || end == 1 || !s.closed() || v.length() + 2 != s.end() - s.start()) {
                    continue; // no tag, or escapes in the string: offsets would not line up
                }
                String name = v.substring(1, end);
                if (ownerKnown(name)) {
                    continue;
                }
                List<String> like = index.similarOwnerTags(name, 3);
                add(FindingCode.DATAVIEW_UNKNOWN_OWNER, s.start() + 1, s.start() + 1 + end, "No person has the owner "
                        + "tag @" + name + ", so this query matches no one's tasks"
                        + (like.isEmpty() ? "; create a person note for them, or fix the tag"
                        : "; did you mean @" + like.get(0) + "?"));
            }
        }

        private boolean ownerKnown(String name) {
            if (index.personByOwnerTag(name).isPresent()) {
                return true;
            }
            String n = name.toLowerCase(Locale.ROOT);
            for (Person p : index.people()) {
                for (String tag : p.ownerTags()) {
                    if (tag.toLowerCase(Locale.ROOT).startsWith(n)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** For tests and the completer: the block of {@code note} at {@code offset}, if it is a DQL block. */
    static Optional<DataviewBlocks.Block> queryAt(Note note, int offset) {
        return DataviewBlocks.at(note, offset).filter(b -> !b.js() && offset >= b.queryStart() && offset <= b.queryEnd());
    }
}
