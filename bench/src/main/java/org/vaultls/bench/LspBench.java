package org.vaultls.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.Hover;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * Measures the language server the way an editor feels it: starts {@code vault-ls --stdio} as a
 * separate process, talks LSP to it over its stdin/stdout, and times every answer from this side of
 * the pipe (JSON-RPC, both serializations and the server's scheduling included).
 *
 * <pre>
 * java -cp vault-ls-bench.jar:vault-ls.jar org.vaultls.bench.LspBench &lt;vaultDir&gt; [--server-opts "&lt;jvm opts&gt;"]
 *      [--iterations N=200] [--warmup W=20] [--seed S=1] [--log FILE]
 * </pre>
 *
 * <p>It first reads every markdown file of the vault (so the disk cache is warm, as it is when an
 * editor reopens a vault it just had open) and derives the workload from them: the people (notes with
 * {@code type: people}/{@code person} or in a {@code People} folder), the note names, the tags, and a few
 * notes that link to people. Then, against one server process and in this order:
 * <ol>
 * <li>cold start: {@code initialize}, {@code initialized}, open a note, and ask for completion after
 * {@code [[} plus three letters of a person's name until the answer lists that person; timed from
 * process start and from the initialize request (the server answers only once its index is built);
 * <li>completion at varied lines of an open note: wikilink prefixes (0-6 letters), {@code @Owner} on a
 * task line, {@code #tag};
 * <li>hover and references on person links in open notes, workspace symbols for name prefixes;
 * <li>didChange → publishDiagnostics: a line of an open note alternately gets a broken link and its
 * fix; timed until the diagnostics of that note show the change;
 * <li>typing: a person's name typed after {@code [[} letter by letter, each didChange followed by a
 * completion request, timed from the didChange to the answer; then one more break/fix edit, timed to
 * its diagnostics, shows how far the server's updates lag behind the keystrokes;
 * <li>peak RSS of the server ({@code VmHWM}), then shutdown and exit, which must end it with code 0.
 * </ol>
 * It also reports the server's CPU time (all threads, JIT and GC included) until the first completion
 * and in all, and the {@code vault-ls/status} "ready" notification, which comes once the whole vault
 * has been checked. The server's stderr goes to {@code --log} (default: a file in the temp folder).
 * Requests are sequential, as from one user; each latency phase starts with unmeasured warm-up
 * requests. Randomness (which notes, names and positions) comes from one seeded {@link Random}, so runs
 * on the same vault ask the same questions. It prints a table and one {@code RESULT {json}} line.
 * JDK and lsp4j only.
 */
public final class LspBench {

    /** Targets from issue 3 ("Speed"): printed next to the measurements. */
    static final double TARGET_FIRST_COMPLETION_MS = 1000;
    static final double TARGET_COMPLETION_P95_MS = 10;
    static final double TARGET_HOVER_P50_MS = 5;
    static final double TARGET_DIAGNOSTICS_P50_MS = 50;
    static final double TARGET_PEAK_RSS_MB = 500;

    private static final int OPEN_NOTES = 8;
    private static final int COMPLETION_LINES = 90;
    private static final long REQUEST_TIMEOUT_S = ServerProcess.REQUEST_TIMEOUT_S;
    /** How long the "ready" status may take after the first completion: a cold 100k-note start on a busy machine takes minutes. */
    private static final long READY_TIMEOUT_S = 900;
    private static final long FIRST_COMPLETION_DEADLINE_S = 120;
    private static final String TYPING = "Typing: [[";
    private static final Pattern BODY_TAG = Pattern.compile("(?<![\\w#&/])#([A-Za-z][\\w/-]*)");

    private LspBench() {
    }

    /** Command line options. */
    record Options(Path vault, List<String> serverOpts, int iterations, int warmup, long seed, Path log) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("LspBench: " + e.getMessage());
            System.err.println("usage: LspBench <vaultDir> [--server-opts \"<jvm opts>\"] [--iterations N=200]"
                    + " [--warmup W=20] [--seed S=1] [--log FILE]");
            System.exit(2);
            return;
        }
        int code;
        try {
            Workload workload = Workload.scan(options.vault(), new Random(options.seed()));
            Result result = new Session(options, workload).run();
            System.out.println(result.table(options, workload));
            System.out.println("RESULT " + result.json(options, workload));
            code = result.exitCode == 0 ? 0 : 1;
        } catch (BenchException e) {
            System.err.println("LspBench: " + e.getMessage());
            code = 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("LspBench: cannot read the vault: " + e.getMessage());
            code = 1;
        }
        System.out.flush();
        System.exit(code); // lsp4j's reader thread would keep the JVM alive
    }

    static Options parse(String[] args) {
        Path vault = null;
        List<String> serverOpts = List.of();
        int iterations = 200;
        int warmup = 20;
        long seed = 1;
        Path log = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--server-opts" -> serverOpts = splitOpts(value(args, ++i, a));
                case "--iterations" -> iterations = positive(value(args, ++i, a), a, 1);
                case "--warmup" -> warmup = positive(value(args, ++i, a), a, 0);
                case "--seed" -> seed = positive(value(args, ++i, a), a, 0);
                case "--log" -> log = Path.of(value(args, ++i, a));
                default -> {
                    if (a.startsWith("--") || vault != null) {
                        throw new IllegalArgumentException("unexpected argument '" + a + "'");
                    }
                    vault = Path.of(a);
                }
            }
        }
        if (vault == null) {
            throw new IllegalArgumentException("no vault directory given");
        }
        if (!Files.isDirectory(vault)) {
            throw new IllegalArgumentException(vault + " is not a directory");
        }
        vault = vault.toAbsolutePath().normalize();
        if (log == null) {
            log = Path.of(System.getProperty("java.io.tmpdir"), "vault-ls-lsp-bench-" + ProcessHandle.current().pid()
                    + ".log");
        }
        return new Options(vault, serverOpts, iterations, warmup, seed, log);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String s, String option, int min) {
        try {
            int v = Integer.parseInt(s);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be an integer >= " + min + ", got '" + s + "'");
    }

    /** JVM options as one string, split at whitespace (no quoting: JVM flags never need it here). */
    static List<String> splitOpts(String s) {
        String t = s.trim();
        return t.isEmpty() ? List.of() : List.of(t.split("\\s+"));
    }

    /** A failed benchmark: the server misbehaved or the vault gives nothing to measure. */
    static final class BenchException extends RuntimeException {
        BenchException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Workload: what the vault offers to ask about

    /** A note's text with line starts, for offset → LSP position. */
    record Doc(String rel, Path file, String text) {
        Position position(int offset) {
            int line = 0;
            int lineStart = 0;
            for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
                line++;
                lineStart = i + 1;
            }
            return new Position(line, offset - lineStart);
        }

        int lineCount() {
            int n = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                n++;
            }
            return n;
        }
    }

    /** A wikilink to a person in an open note: offsets of the name inside {@code [[...]]}. */
    record PersonLink(Doc doc, String person, int start, int end) {
    }

    /** A line appended to the completion note, and what the completion after its last character asks. */
    record Trigger(String kind, String line) {
    }

    /** The vault as read before the server starts, and the questions derived from it. */
    static final class Workload {
        final int notes;
        final long bytes;
        final List<String> people;
        final List<String> noteNames;
        final List<String> tags;
        final List<Doc> open = new ArrayList<>();
        final List<PersonLink> personLinks = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        /** The first completion: {@code [[} plus this prefix must list {@link #probePerson}. */
        String probePerson;
        String probePrefix;
        Doc completionDoc;
        Doc editDoc;
        String editPerson;

        private Workload(int notes, long bytes, List<String> people, List<String> noteNames, List<String> tags) {
            this.notes = notes;
            this.bytes = bytes;
            this.people = people;
            this.noteNames = noteNames;
            this.tags = tags;
        }

        /** Reads every markdown file (warming the disk cache) and picks the notes and prefixes to use. */
        static Workload scan(Path vault, Random rng) throws IOException {
            return scan(vault, rng, OPEN_NOTES);
        }

        /** The same with up to {@code openNotes} notes open. */
        static Workload scan(Path vault, Random rng, int openNotes) throws IOException {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(vault)) {
                files = walk.filter(p -> !hidden(vault, p) && Files.isRegularFile(p)
                        && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".md")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new BenchException(vault + " holds no markdown notes");
            }
            Map<String, Doc> docs = new TreeMap<>();
            Set<String> people = new TreeSet<>();
            Set<String> tags = new TreeSet<>();
            long bytes = 0;
            for (Path f : files) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                bytes += text.getBytes(StandardCharsets.UTF_8).length;
                String rel = vault.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
                Doc doc = new Doc(rel, f, text);
                docs.put(rel, doc);
                if (isPerson(rel, text)) {
                    people.add(baseName(rel));
                }
                collectTags(text, tags);
            }
            if (people.isEmpty()) {
                throw new BenchException("no person notes in " + vault
                        + " (notes with 'type: people' in their frontmatter, or in a People/ folder)");
            }
            List<String> names = docs.keySet().stream().map(Workload::baseName).sorted().toList();
            Workload w = new Workload(files.size(), bytes, List.copyOf(people), names, List.copyOf(tags));
            w.pickOpenNotes(docs, rng, openNotes);
            w.pickProbe();
            w.buildTriggers(rng);
            return w;
        }

        private static boolean hidden(Path vault, Path p) {
            for (Path part : vault.relativize(p)) {
                if (part.toString().startsWith(".")) {
                    return true;
                }
            }
            return false;
        }

        static String baseName(String rel) {
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            return name.substring(0, name.length() - 3);
        }

        private static boolean isPerson(String rel, String text) {
            String folder = rel.contains("/") ? rel.substring(0, rel.lastIndexOf('/')) : "";
            String last = folder.substring(folder.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (last.equals("people") || last.equals("person")) {
                return true;
            }
            for (String line : frontmatter(text)) {
                String l = line.trim().toLowerCase(Locale.ROOT).replace("'", "").replace("\"", "");
                if (l.equals("type: people") || l.equals("type: person")) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> frontmatter(String text) {
            if (!text.startsWith("---\n") && !text.startsWith("---\r\n")) {
                return List.of();
            }
            int end = text.indexOf("\n---", 3);
            return end < 0 ? List.of() : text.substring(text.indexOf('\n') + 1, end).lines().toList();
        }

        /** Frontmatter {@code tags:} items and {@code #tags} in the body. */
        private static void collectTags(String text, Set<String> out) {
            boolean inTags = false;
            for (String line : frontmatter(text)) {
                if (line.startsWith("tags:")) {
                    inTags = true;
                    String rest = line.substring(5).trim();
                    if (rest.startsWith("[") && rest.endsWith("]")) {
                        for (String t : rest.substring(1, rest.length() - 1).split(",")) {
                            addTag(t, out);
                        }
                        inTags = false;
                    }
                } else if (inTags && line.trim().startsWith("- ")) {
                    addTag(line.trim().substring(2), out);
                } else {
                    inTags = false;
                }
            }
            Matcher m = BODY_TAG.matcher(text);
            while (m.find()) {
                addTag(m.group(1), out);
            }
        }

        private static void addTag(String raw, Set<String> out) {
            String t = raw.trim().replace("'", "").replace("\"", "");
            if (t.startsWith("#")) {
                t = t.substring(1);
            }
            if (!t.isEmpty() && Character.isLetter(t.charAt(0))) {
                out.add(t);
            }
        }

        /** Up to {@code count} non-person notes linking to at least two people: the editor's tabs. */
        private void pickOpenNotes(Map<String, Doc> docs, Random rng, int count) {
            Set<String> peopleSet = Set.copyOf(people);
            List<Doc> eligible = new ArrayList<>();
            for (Doc d : docs.values()) {
                if (!peopleSet.contains(baseName(d.rel())) && personLinks(d, peopleSet).size() >= 2) {
                    eligible.add(d);
                }
            }
            if (eligible.size() < 2) {
                throw new BenchException("need two notes that link to people, found " + eligible.size());
            }
            Collections.shuffle(eligible, rng);
            open.addAll(eligible.subList(0, Math.min(count, eligible.size())));
            for (Doc d : open) {
                personLinks.addAll(personLinks(d, peopleSet));
            }
            completionDoc = open.get(0);
            editDoc = open.get(1);
            editPerson = people.get(rng.nextInt(people.size()));
        }

        private static List<PersonLink> personLinks(Doc d, Set<String> people) {
            List<PersonLink> out = new ArrayList<>();
            String t = d.text();
            for (int i = t.indexOf("[["); i >= 0; i = t.indexOf("[[", i + 2)) {
                int close = t.indexOf("]]", i + 2);
                int eol = t.indexOf('\n', i + 2);
                if (close < 0 || (eol >= 0 && eol < close)) {
                    continue;
                }
                int end = i + 2;
                while (end < close && "|#^".indexOf(t.charAt(end)) < 0) {
                    end++;
                }
                String target = t.substring(i + 2, end);
                if (people.contains(target)) {
                    out.add(new PersonLink(d, target, i + 2, end));
                }
            }
            return out;
        }

        /**
         * The person whose three-letter prefix starts the fewest words of note names, so that the first
         * answer lists them even when ranking keeps only the best hundred.
         */
        private void pickProbe() {
            Map<String, Integer> wordStarts = new LinkedHashMap<>();
            for (String n : noteNames) {
                for (String word : n.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= 3) {
                        wordStarts.merge(word.substring(0, 3), 1, Integer::sum);
                    }
                }
            }
            int best = Integer.MAX_VALUE;
            for (String p : people) {
                if (p.length() < 3 || !p.substring(0, 3).chars().allMatch(Character::isLetter)) {
                    continue;
                }
                int n = wordStarts.getOrDefault(p.substring(0, 3).toLowerCase(Locale.ROOT), 0);
                if (n < best) {
                    best = n;
                    probePerson = p;
                }
            }
            if (probePerson == null) {
                probePerson = people.get(0);
            }
            probePrefix = probePerson.substring(0, Math.min(3, probePerson.length()));
        }

        /** Lines ending in a completion trigger: half wikilinks, a quarter each owners and tags. */
        private void buildTriggers(Random rng) {
            int[] linkLengths = {0, 1, 2, 2, 3, 3, 3, 4, 6};
            for (int i = 0; i < COMPLETION_LINES; i++) {
                int k = i % 4;
                if (k <= 1 || tags.isEmpty() && k == 3) {
                    List<String> from = rng.nextBoolean() ? people : noteNames;
                    String name = from.get(rng.nextInt(from.size()));
                    String prefix = linkSafe(name.substring(0, Math.min(name.length(),
                            linkLengths[rng.nextInt(linkLengths.length)])));
                    triggers.add(new Trigger("link", "- See [[" + prefix));
                } else if (k == 2) {
                    String person = people.get(rng.nextInt(people.size()));
                    String tag = person.replaceAll("[^\\p{L}\\p{N}]", "");
                    triggers.add(new Trigger("owner", "- [ ] Follow up on pricing @"
                            + tag.substring(0, Math.min(tag.length(), rng.nextInt(6)))));
                } else {
                    String tag = tags.get(rng.nextInt(tags.size()));
                    triggers.add(new Trigger("tag", "Topics: #" + tag.substring(0, Math.min(tag.length(),
                            1 + rng.nextInt(5)))));
                }
            }
        }

        private static String linkSafe(String prefix) {
            for (int i = 0; i < prefix.length(); i++) {
                if ("|#^[]".indexOf(prefix.charAt(i)) >= 0) {
                    return prefix.substring(0, i);
                }
            }
            return prefix;
        }

        /** The completion note as opened: its text, the probe line, then the trigger lines. */
        String completionText() {
            StringBuilder b = new StringBuilder(completionDoc.text());
            if (!completionDoc.text().endsWith("\n")) {
                b.append('\n');
            }
            b.append("\n## Bench\n\nFirst: [[").append(probePrefix).append('\n');
            for (Trigger t : triggers) {
                b.append(t.line()).append('\n');
            }
            return b.append(TYPING).append('\n').toString();
        }

        /** Line of the probe in {@link #completionText()}; the triggers follow it. */
        int probeLine() {
            String t = completionDoc.text();
            return new Doc("", null, t.endsWith("\n") ? t : t + "\n").lineCount() - 1 + 3;
        }

        /** Line of {@link #TYPING} in {@link #completionText()}. */
        int typingLine() {
            return probeLine() + 1 + triggers.size();
        }

        String editLine(boolean broken, int i) {
            return "Bench edit: [[" + (broken ? "Nobody Zq" + i : editPerson) + "]]";
        }

        String editText() {
            String t = editDoc.text();
            return (t.endsWith("\n") ? t : t + "\n") + "\n" + editLine(false, 0) + "\n";
        }

        int editLineNumber() {
            return new Doc("", null, editText()).lineCount() - 2;
        }
    }

    /** Runs the phases against one server process. */
    static final class Session {
        private final Options options;
        private final Workload w;
        private final Random rng;
        private final BenchClient client = new BenchClient();
        private final Result result = new Result();
        private ServerProcess sp;
        private ServerProcess.Counting received;
        private LanguageServer server;

        Session(Options options, Workload workload) {
            this.options = options;
            this.w = workload;
            this.rng = new Random(options.seed() * 31 + 7);
        }

        Result run() throws IOException {
            long t0 = System.nanoTime();
            sp = ServerProcess.start(options.serverOpts(), options.log(), client);
            received = sp.received;
            server = sp.server;
            try {
                coldStart(t0);
                completions();
                hovers();
                references();
                symbols();
                diagnostics();
                typing();
                result.typingBacklogMs = toggleEdit(); // the updater's queue after the keystrokes
                memory();
                shutdown();
            } catch (BenchException e) {
                throw new BenchException(e.getMessage() + sp.logTail());
            } finally {
                sp.kill();
            }
            return result;
        }

        private void coldStart(long t0) {
            InitializeParams p = ServerProcess.initializeParams(options.vault(), "vault-ls LspBench");
            long tInit = System.nanoTime();
            await(server.initialize(p), "initialize");
            result.initializeMs = ms(t0, System.nanoTime());
            server.initialized(new InitializedParams());
            open(w.completionDoc, w.completionText());
            Position probe = new Position(w.probeLine(), ("First: [[" + w.probePrefix).length());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_COMPLETION_DEADLINE_S);
            int attempts = 0;
            List<CompletionItem> last = List.of();
            while (true) {
                attempts++;
                last = completion(w.completionDoc, probe);
                if (lists(last, w.probePerson)) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new BenchException("completion after '[[" + w.probePrefix + "' never listed '"
                            + w.probePerson + "' (" + attempts + " attempts; last answer: " + labels(last) + ")");
                }
                sleep(10);
            }
            long now = System.nanoTime();
            result.firstCompletionFromStartMs = ms(t0, now);
            result.firstCompletionFromInitializeMs = ms(tInit, now);
            result.firstCompletionAttempts = attempts;
            result.firstCompletionCpuMs = cpuMs();
            try {
                result.statusReadyMs = ms(t0, client.ready.get(READY_TIMEOUT_S, TimeUnit.SECONDS));
            } catch (Exception e) {
                result.statusReadyMs = -1; // a server without the vault-ls/status notification
            }
            for (Doc d : w.open) {
                if (d != w.completionDoc) {
                    open(d, d == w.editDoc ? w.editText() : d.text());
                }
            }
        }

        private static boolean lists(List<CompletionItem> items, String name) {
            for (CompletionItem i : items) {
                if (name.equals(i.getLabel()) || i.getTextEdit() != null && i.getTextEdit().isLeft()
                        && i.getTextEdit().getLeft().getNewText().contains("[[" + name)
                        || i.getTextEdit() != null && i.getTextEdit().isLeft()
                        && i.getTextEdit().getLeft().getNewText().startsWith(name)) {
                    return true;
                }
            }
            return false;
        }

        private static String labels(List<CompletionItem> items) {
            List<String> l = items.stream().limit(8).map(CompletionItem::getLabel).toList();
            return l + (items.size() > 8 ? " and " + (items.size() - 8) + " more" : "");
        }

        private void open(Doc d, String text) {
            sp.open(uri(d), text);
        }

        private String uri(Doc d) {
            return d.file().toUri().toString();
        }

        private List<CompletionItem> completion(Doc d, Position at) {
            Either<List<CompletionItem>, CompletionList> r = await(server.getTextDocumentService().completion(
                    new CompletionParams(new TextDocumentIdentifier(uri(d)), at)), "completion");
            if (r == null) {
                return List.of();
            }
            return r.isLeft() ? r.getLeft() : r.getRight().getItems();
        }

        private void completions() {
            int first = w.probeLine() + 1;
            Map<String, Samples> byKind = new LinkedHashMap<>();
            Samples all = new Samples();
            int empty = 0;
            long bytes = 0;
            for (int i = -options.warmup(); i < options.iterations(); i++) {
                int k = rng.nextInt(w.triggers.size());
                Trigger t = w.triggers.get(k);
                Position at = new Position(first + k, t.line().length());
                long b = received.count();
                long s = System.nanoTime();
                List<CompletionItem> items = completion(w.completionDoc, at);
                long e = System.nanoTime();
                if (i >= 0) {
                    bytes += received.count() - b;
                    all.add(ms(s, e));
                    byKind.computeIfAbsent(t.kind(), x -> new Samples()).add(ms(s, e));
                    empty += items.isEmpty() ? 1 : 0;
                }
            }
            result.completion = all;
            result.completionByKind = byKind;
            result.completionEmpty = empty;
            result.completionKb = bytes / 1024.0 / options.iterations();
        }

        /**
         * Types a person's name after {@code [[} one letter at a time, asking for completion after each
         * didChange as an editor does; timed from the didChange to the answer. After up to six letters
         * the line is reset (unmeasured) and another name begins.
         */
        private void typing() {
            String uri = uri(w.completionDoc);
            int line = w.typingLine();
            String typed = "";
            String name = "";
            Samples s = new Samples();
            for (int i = -options.warmup(); i < options.iterations(); i++) {
                if (typed.length() >= Math.min(6, name.length())) {
                    if (!typed.isEmpty()) {
                        change(uri, line, TYPING.length(), TYPING.length() + typed.length(), "");
                    }
                    name = w.people.get(rng.nextInt(w.people.size()));
                    typed = "";
                }
                String letter = name.substring(typed.length(), typed.length() + 1);
                int col = TYPING.length() + typed.length();
                long t = System.nanoTime();
                change(uri, line, col, col, letter);
                typed += letter;
                completion(w.completionDoc, new Position(line, col + 1));
                long e = System.nanoTime();
                if (i >= 0) {
                    s.add(ms(t, e));
                }
            }
            result.typing = s;
        }

        private void change(String uri, int line, int from, int to, String text) {
            sp.change(uri, line, from, to, text);
        }

        private PersonLink personLink() {
            return w.personLinks.get(rng.nextInt(w.personLinks.size()));
        }

        private Position inside(PersonLink l) {
            return l.doc().position(l.start() + rng.nextInt(Math.max(1, l.end() - l.start())));
        }

        private void hovers() {
            Samples s = new Samples();
            int empty = 0;
            for (int i = -options.warmup(); i < options.iterations(); i++) {
                PersonLink l = personLink();
                HoverParams p = new HoverParams(new TextDocumentIdentifier(uri(l.doc())), inside(l));
                long t = System.nanoTime();
                Hover h = await(server.getTextDocumentService().hover(p), "hover");
                long e = System.nanoTime();
                if (i >= 0) {
                    s.add(ms(t, e));
                    empty += h == null || h.getContents() == null ? 1 : 0;
                }
            }
            result.hover = s;
            result.hoverEmpty = empty;
        }

        private void references() {
            Samples s = new Samples();
            long found = 0;
            for (int i = -options.warmup(); i < options.iterations(); i++) {
                PersonLink l = personLink();
                ReferenceParams p = new ReferenceParams(new TextDocumentIdentifier(uri(l.doc())), inside(l),
                        new ReferenceContext(false));
                long t = System.nanoTime();
                List<? extends org.eclipse.lsp4j.Location> r = await(server.getTextDocumentService().references(p),
                        "references");
                long e = System.nanoTime();
                if (i >= 0) {
                    s.add(ms(t, e));
                    found += r == null ? 0 : r.size();
                }
            }
            result.references = s;
            result.referencesMean = (double) found / options.iterations();
        }

        private void symbols() {
            Samples s = new Samples();
            for (int i = -options.warmup(); i < options.iterations(); i++) {
                String name = w.noteNames.get(rng.nextInt(w.noteNames.size()));
                String query = name.substring(0, Math.min(name.length(), 2 + rng.nextInt(3)));
                long t = System.nanoTime();
                await(server.getWorkspaceService().symbol(new WorkspaceSymbolParams(query)), "workspace/symbol");
                long e = System.nanoTime();
                if (i >= 0) {
                    s.add(ms(t, e));
                }
            }
            result.symbols = s;
        }

        /** Alternately breaks and fixes the link on the edit note's last line, timing each round trip. */
        private void diagnostics() {
            Samples s = new Samples();
            for (int i = -options.warmup(); i < options.iterations(); i++) {
                double ms = toggleEdit();
                if (i >= 0) {
                    s.add(ms);
                }
            }
            result.diagnostics = s;
        }

        private String editCurrent;
        private boolean editBroken;
        private int edits;

        /**
         * Breaks the edit note's link if it resolves, else fixes it, and waits until a publishDiagnostics
         * for that note shows the new state (a finding on that line, or none); returns the milliseconds
         * from the didChange to that publish.
         */
        private double toggleEdit() {
            String uri = uri(w.editDoc);
            int line = w.editLineNumber();
            BlockingQueue<BenchClient.Arrival> queue = client.queue(uri);
            if (editCurrent == null) {
                editCurrent = w.editLine(false, 0);
            }
            editBroken = !editBroken;
            String next = w.editLine(editBroken, ++edits);
            boolean wantFinding = editBroken;
            queue.clear();
            long t = System.nanoTime();
            change(uri, line, 0, editCurrent.length(), next);
            editCurrent = next;
            BenchClient.Arrival a = awaitDiagnostics(queue, ds -> wantFinding == ds.stream()
                    .anyMatch(d -> d.getRange().getStart().getLine() == line));
            return ms(t, a.nanos());
        }

        private BenchClient.Arrival awaitDiagnostics(BlockingQueue<BenchClient.Arrival> queue, Predicate<List<Diagnostic>> ok) {
            return sp.awaitDiagnostics(queue, ok, w.editDoc.rel());
        }

        private void memory() {
            ServerProcess.Memory m = sp.memory();
            result.peakRssMb = m.peakRssMb();
            result.rssMb = m.rssMb();
            result.threads = m.threads();
            result.cpuMs = sp.cpuMs();
        }

        private double cpuMs() {
            return sp.cpuMs();
        }

        private void shutdown() {
            result.exitCode = sp.shutdown();
            result.serverErrors = client.errors.size();
            result.publishes = client.publishes;
            result.serverSays = client.indexed;
        }

        private <T> T await(CompletableFuture<T> f, String what) {
            return sp.await(f, what);
        }

        private static void sleep(long millis) {
            ServerProcess.sleep(millis);
        }
    }

    static double ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e6;
    }

    /**
     * A flat JSON object of strings and numbers (doubles with three decimals, NaN as null), one line, so
     * shell tools can take medians of the {@code RESULT} lines.
     */
    static String flatJson(Map<String, Object> m) {
        StringBuilder b = new StringBuilder("{");
        for (var e : m.entrySet()) {
            b.append(b.length() > 1 ? "," : "").append('"').append(e.getKey()).append("\":");
            Object v = e.getValue();
            if (v instanceof String s) {
                b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else if (v instanceof Double d) {
                b.append(d.isNaN() ? "null" : String.format(Locale.ROOT, "%.3f", d));
            } else {
                b.append(v);
            }
        }
        return b.append('}').toString();
    }

    // ---------------------------------------------------------------------------------------------
    // Results

    /** Latencies of one kind of request, in milliseconds. */
    static final class Samples {
        private final List<Double> values = new ArrayList<>();

        void add(double v) {
            values.add(v);
        }

        int size() {
            return values.size();
        }

        /** Nearest-rank percentile, {@code q} in (0, 1]; NaN without samples. */
        double percentile(double q) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int rank = (int) Math.ceil(q * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
        }

        double max() {
            return percentile(1);
        }
    }

    /** Everything measured in one run. */
    static final class Result {
        double initializeMs;
        double statusReadyMs;
        double firstCompletionFromStartMs;
        double firstCompletionFromInitializeMs;
        int firstCompletionAttempts;
        double firstCompletionCpuMs;
        double cpuMs;
        Samples completion = new Samples();
        Map<String, Samples> completionByKind = Map.of();
        int completionEmpty;
        double completionKb;
        Samples typing = new Samples();
        double typingBacklogMs;
        Samples hover = new Samples();
        int hoverEmpty;
        Samples diagnostics = new Samples();
        Samples references = new Samples();
        double referencesMean;
        Samples symbols = new Samples();
        double peakRssMb;
        double rssMb;
        int threads;
        int exitCode = -1;
        int serverErrors;
        int publishes;
        String serverSays = "";

        /** Flat, numbers only except the vault and the options, so shell tools can take medians. */
        String json(Options o, Workload w) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("vault", o.vault().toString());
            m.put("serverOpts", String.join(" ", o.serverOpts()));
            m.put("notes", w.notes);
            m.put("iterations", o.iterations());
            m.put("initializeMs", initializeMs);
            m.put("statusReadyMs", statusReadyMs);
            m.put("firstCompletionFromStartMs", firstCompletionFromStartMs);
            m.put("firstCompletionFromInitializeMs", firstCompletionFromInitializeMs);
            m.put("firstCompletionAttempts", firstCompletionAttempts);
            m.put("firstCompletionCpuMs", firstCompletionCpuMs);
            m.put("completionP50Ms", completion.percentile(0.5));
            m.put("completionP95Ms", completion.percentile(0.95));
            m.put("completionMaxMs", completion.max());
            for (var e : completionByKind.entrySet()) {
                String k = Character.toUpperCase(e.getKey().charAt(0)) + e.getKey().substring(1);
                m.put("completion" + k + "P50Ms", e.getValue().percentile(0.5));
                m.put("completion" + k + "P95Ms", e.getValue().percentile(0.95));
            }
            m.put("completionEmpty", completionEmpty);
            m.put("completionKb", completionKb);
            m.put("typingP50Ms", typing.percentile(0.5));
            m.put("typingP95Ms", typing.percentile(0.95));
            m.put("typingBacklogMs", typingBacklogMs);
            m.put("hoverP50Ms", hover.percentile(0.5));
            m.put("hoverP95Ms", hover.percentile(0.95));
            m.put("hoverEmpty", hoverEmpty);
            m.put("diagnosticsP50Ms", diagnostics.percentile(0.5));
            m.put("diagnosticsP95Ms", diagnostics.percentile(0.95));
            m.put("referencesP50Ms", references.percentile(0.5));
            m.put("referencesP95Ms", references.percentile(0.95));
            m.put("workspaceSymbolP50Ms", symbols.percentile(0.5));
            m.put("workspaceSymbolP95Ms", symbols.percentile(0.95));
            m.put("peakRssMb", peakRssMb);
            m.put("rssMb", rssMb);
            m.put("threads", threads);
            m.put("cpuMs", cpuMs);
            m.put("publishes", publishes);
            m.put("exitCode", exitCode);
            return flatJson(m);
        }

        String table(Options o, Workload w) {
            StringBuilder b = new StringBuilder();
            String opts = o.serverOpts().isEmpty() ? "(none)" : String.join(" ", o.serverOpts());
            b.append(String.format(Locale.ROOT, "vault-ls LSP bench: %s (%d notes, %.1f MB), server JVM options: %s%n",
                    o.vault(), w.notes, w.bytes / 1e6, opts));
            b.append(String.format(Locale.ROOT, "%d measured requests per kind after %d warm-up; disk cache warm;"
                    + " server log %s%n%n", o.iterations(), o.warmup(), o.log()));
            b.append(String.format(Locale.ROOT, "%-46s %18s  %-14s %s%n", "metric", "measured", "target", ""));
            row(b, "initialize answered (from process start)", ms(initializeMs), "", "");
            row(b, "status ready: index + findings (from start)", statusReadyMs < 0 ? "n/a" : ms(statusReadyMs), "", "");
            row(b, "first correct [[ completion (from start)", ms(firstCompletionFromStartMs),
                    "<= " + ms(TARGET_FIRST_COMPLETION_MS), verdict(firstCompletionFromStartMs <= TARGET_FIRST_COMPLETION_MS));
            row(b, "  from the initialize request", ms(firstCompletionFromInitializeMs),
                    "<= " + ms(TARGET_FIRST_COMPLETION_MS),
                    verdict(firstCompletionFromInitializeMs <= TARGET_FIRST_COMPLETION_MS));
            row(b, "  requests until '" + w.probePerson + "' listed", Integer.toString(firstCompletionAttempts), "", "");
            row(b, "  server CPU time until then", firstCompletionCpuMs < 0 ? "n/a" : ms(firstCompletionCpuMs), "", "");
            row(b, "completion p50 / p95", pair(completion), "p95 < " + ms(TARGET_COMPLETION_P95_MS),
                    verdict(completion.percentile(0.95) < TARGET_COMPLETION_P95_MS));
            for (var e : completionByKind.entrySet()) {
                String label = switch (e.getKey()) {
                    case "link" -> "  [[ wikilink";
                    case "owner" -> "  @ owner on a task line";
                    default -> "  # tag";
                };
                row(b, label + " (" + e.getValue().size() + ")", pair(e.getValue()), "", "");
            }
            row(b, "  max; empty answers", ms(completion.max()) + "; " + completionEmpty, "", "");
            row(b, "  answer size on the wire (mean)", String.format(Locale.ROOT, "%.1f KB", completionKb), "", "");
            row(b, "typing [[Name: didChange + completion p50 / p95", pair(typing), "", "");
            row(b, "  then didChange -> diagnostics", ms(typingBacklogMs), "", "");
            row(b, "hover on person links p50 / p95", pair(hover), "p50 < " + ms(TARGET_HOVER_P50_MS),
                    verdict(hover.percentile(0.5) < TARGET_HOVER_P50_MS));
            row(b, "  empty answers", Integer.toString(hoverEmpty), "", "");
            row(b, "didChange -> diagnostics p50 / p95", pair(diagnostics), "p50 < " + ms(TARGET_DIAGNOSTICS_P50_MS),
                    verdict(diagnostics.percentile(0.5) < TARGET_DIAGNOSTICS_P50_MS));
            row(b, "references p50 / p95", pair(references), "", "");
            row(b, "  locations per answer (mean)", String.format(Locale.ROOT, "%.1f", referencesMean), "", "");
            row(b, "workspace/symbol p50 / p95", pair(symbols), "", "");
            row(b, "peak RSS (VmHWM) / RSS at end", peakRssMb < 0 ? "n/a"
                    : String.format(Locale.ROOT, "%.0f / %.0f MB", peakRssMb, rssMb),
                    "< " + String.format(Locale.ROOT, "%.0f MB", TARGET_PEAK_RSS_MB),
                    peakRssMb < 0 ? "" : verdict(peakRssMb < TARGET_PEAK_RSS_MB));
            row(b, "server CPU time in all", cpuMs < 0 ? "n/a" : ms(cpuMs), "", "");
            row(b, "server threads at end", Integer.toString(threads), "", "");
            row(b, "publishDiagnostics received", Integer.toString(publishes), "", "");
            row(b, "exit code after shutdown + exit", Integer.toString(exitCode), "0", verdict(exitCode == 0));
            if (!serverSays.isEmpty()) {
                b.append(String.format(Locale.ROOT, "%nserver: %s%n", serverSays));
            }
            if (serverErrors > 0) {
                b.append(String.format(Locale.ROOT, "%nthe server logged %d errors; see %s%n", serverErrors, o.log()));
            }
            return b.toString();
        }

        private static void row(StringBuilder b, String metric, String value, String target, String verdict) {
            b.append(String.format(Locale.ROOT, "%-46s %18s  %-14s %s%n", metric, value, target, verdict));
        }

        private static String ms(double v) {
            return v >= 100 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
        }

        private static String pair(Samples s) {
            return String.format(Locale.ROOT, "%.1f / %.1f ms", s.percentile(0.5), s.percentile(0.95));
        }

        private static String verdict(boolean met) {
            return met ? "ok" : "MISSED";
        }
    }
}
