package org.vaultls.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.CodeActionContext;
import org.eclipse.lsp4j.CodeActionParams;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DefinitionParams;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.DocumentLinkParams;
import org.eclipse.lsp4j.DocumentSymbolParams;
import org.eclipse.lsp4j.FoldingRangeRequestParams;
import org.eclipse.lsp4j.HoverParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PrepareRenameParams;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.ReferenceContext;
import org.eclipse.lsp4j.ReferenceParams;
import org.eclipse.lsp4j.RenameParams;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEditCapabilities;
import org.eclipse.lsp4j.WorkspaceSymbolParams;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.vaultls.bench.LspBench.BenchException;
import org.vaultls.bench.LspBench.Doc;
import org.vaultls.bench.LspBench.PersonLink;
import org.vaultls.bench.LspBench.Workload;

/**
 * A soak test of the language server's memory: one server process, spoken to over stdio as by an
 * editor, gets an ordinary mixed session for minutes, and at intervals the harness measures the
 * server's live heap after a forced full collection ({@code jcmd <pid> GC.class_histogram}, which
 * collects first, on the JVM that serves: the tuned child of a plain {@code java -jar}), its resident
 * set, its CPU use and the machine's load average. A server that keeps nothing per request levels
 * off after warm-up; one that leaks grows at the rate of the requests.
 *
 * <pre>
 * java -cp vault-ls-bench.jar:vault-ls.jar org.vaultls.bench.SoakBench &lt;vaultDir&gt; [--minutes M=5]
 *      [--interval S=30] [--open N=40] [--typing P=40] [--keystroke-ms K=0] [--server-opts "&lt;jvm opts&gt;"]
 *      [--seed S=1] [--log FILE] [--histograms DIR]
 * </pre>
 *
 * <p>The session, after the index is ready and up to {@code --open} notes are open (notes that link
 * to people, as {@link LspBench} picks them). {@code --typing} percent of its steps type a wikilink
 * letter by letter on a new line at the end of an open note, each didChange followed by a completion
 * request that is not awaited before the next letter (as an editor types on), then close the link and
 * keep the line or delete the line again (and, once a note has 20 typed lines, delete them all). The
 * other steps, one request each, awaited: hover, definition and references on person links; document
 * symbols, document links and folding ranges; prepareRename and rename (the edit is not applied);
 * code actions on a typed line, with that note's last published diagnostics; workspace symbols. So
 * the session goes as fast as the server answers, unless {@code --keystroke-ms} paces the letters.
 *
 * <p>Each sample, the session paused: the live heap, RSS, the server's CPU use over the interval in
 * cores, the load average, then how long an edit takes to show in the note's diagnostics (the
 * updater's lag behind the edits). With {@code --histograms} the first and the last class histograms
 * are written there in full. It prints a table (one row per sample) and one {@code RESULT {json}}
 * line, and says whether the live heap plateaued: over the second half of the run it grew by less
 * than 10% (16 MB at least are allowed), from the sample half-way through to the largest after it.
 * It also says whether the server kept up: every probe edit showed in the diagnostics within 5 s (a
 * queue of work that grows shows there first when the work items are small). The exit code is 0 for
 * a plateau, kept up, and a clean exit of the server, else 1.
 */
public final class SoakBench {
    private static final int TYPED_LINES_KEPT = 20;
    private static final double PLATEAU_FRACTION = 0.10;
    private static final double PLATEAU_MIN_MB = 16;
    /** An edit the diagnostics show later than this means work queues up faster than it is done. */
    private static final double MAX_EDIT_LAG_MS = 5000;

    private SoakBench() {
    }

    /** Command line options. */
    record Options(Path vault, double minutes, int intervalS, int open, int typingPercent, int keystrokeMs,
                   List<String> serverOpts, long seed, Path log, Path histograms) {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("SoakBench: " + e.getMessage());
            System.err.println("usage: SoakBench <vaultDir> [--minutes M=5] [--interval S=30] [--open N=40]"
                    + " [--typing P=40] [--keystroke-ms K=0] [--server-opts \"<jvm opts>\"] [--seed S=1] [--log FILE]"
                    + " [--histograms DIR]");
            System.exit(2);
            return;
        }
        int code;
        try {
            Workload workload = Workload.scan(options.vault(), new Random(options.seed()), options.open());
            Soak soak = new Soak(options, workload);
            soak.run();
            System.out.println(soak.table());
            System.out.println("RESULT " + soak.json());
            code = soak.exitCode == 0 && soak.plateaued() && soak.keptUp() ? 0 : 1;
        } catch (BenchException e) {
            System.err.println("SoakBench: " + e.getMessage());
            code = 1;
        } catch (IOException | UncheckedIOException e) {
            System.err.println("SoakBench: " + e.getMessage());
            code = 1;
        }
        System.out.flush();
        System.exit(code); // lsp4j's reader thread would keep the JVM alive
    }

    static Options parse(String[] args) {
        Path vault = null;
        double minutes = 5;
        int interval = 30;
        int open = 40;
        int keystroke = 0;
        int typing = 40;
        List<String> serverOpts = List.of();
        long seed = 1;
        Path log = null;
        Path histograms = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--minutes" -> minutes = positiveDouble(value(args, ++i, a), a);
                case "--interval" -> interval = positive(value(args, ++i, a), a);
                case "--open" -> open = positive(value(args, ++i, a), a);
                case "--typing" -> typing = Math.min(100, positive(value(args, ++i, a), a));
                case "--keystroke-ms" -> keystroke = positive(value(args, ++i, a), a);
                case "--server-opts" -> serverOpts = LspBench.splitOpts(value(args, ++i, a));
                case "--seed" -> seed = positive(value(args, ++i, a), a);
                case "--log" -> log = Path.of(value(args, ++i, a));
                case "--histograms" -> histograms = Path.of(value(args, ++i, a));
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
        if (log == null) {
            log = Path.of(System.getProperty("java.io.tmpdir"), "vault-ls-soak-" + ProcessHandle.current().pid()
                    + ".log");
        }
        return new Options(vault.toAbsolutePath().normalize(), minutes, interval, open, typing, keystroke, serverOpts,
                seed, log, histograms);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String s, String option) {
        try {
            int v = Integer.parseInt(s);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive integer, got '" + s + "'");
    }

    private static double positiveDouble(String s, String option) {
        try {
            double v = Double.parseDouble(s);
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " must be a positive number, got '" + s + "'");
    }

    /** One measurement: when, the live heap after a full collection, RSS, CPU and requests since the last. */
    record Sample(double seconds, double liveMb, double rssMb, double peakRssMb, int threads, double cores,
                  String loadAverage, long requests, double maxRequestMs, double lagMs) {
    }

    /** The heap after a full collection, from {@code jcmd <pid> GC.class_histogram}; the full text too. */
    record Histogram(double liveMb, String text) {
        static Histogram of(long pid) {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            String exe = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
            try {
                Process p = new ProcessBuilder(exe, Long.toString(pid), "GC.class_histogram")
                        .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new BenchException("jcmd " + pid + " GC.class_histogram failed: " + out);
                }
                for (String line : out.lines().toList()) {
                    if (line.startsWith("Total ")) {
                        String[] f = line.trim().split("\\s+");
                        return new Histogram(Long.parseLong(f[2]) / 1e6, out);
                    }
                }
                throw new BenchException("jcmd " + pid + " GC.class_histogram printed no total: " + out);
            } catch (IOException e) {
                throw new BenchException("cannot run jcmd (a JDK's, needed to measure the heap): " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted");
            }
        }
    }

    /** The session against one server process, and what it measured. */
    static final class Soak {
        private final Options options;
        private final Workload w;
        private final Random rng;
        private final BenchClient client = new BenchClient();
        private final List<Sample> samples = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final Map<Doc, Integer> versions = new HashMap<>();
        /** Lines of each open note as opened; typed lines go after them. */
        private final Map<Doc, Integer> baseLines = new HashMap<>();
        private final Map<Doc, Integer> typedLines = new HashMap<>();
        private ServerProcess sp;
        private TextDocumentService docs;
        private long requests;
        private double maxRequestMs;
        private double indexReadyS;
        private int probes;
        int exitCode = -1;

        Soak(Options options, Workload workload) {
            this.options = options;
            this.w = workload;
            this.rng = new Random(options.seed() * 31 + 11);
        }

        void run() throws IOException {
            long t0 = System.nanoTime();
            sp = ServerProcess.start(options.serverOpts(), options.log(), client);
            docs = sp.server.getTextDocumentService();
            try {
                InitializeParams init = ServerProcess.initializeParams(options.vault(), "vault-ls SoakBench");
                WorkspaceEditCapabilities edits = new WorkspaceEditCapabilities();
                edits.setDocumentChanges(true);
                edits.setResourceOperations(List.of("create", "rename", "delete"));
                init.getCapabilities().getWorkspace().setWorkspaceEdit(edits); // renames move files, as in VS Code
                sp.await(sp.server.initialize(init), "initialize");
                sp.server.initialized(new InitializedParams());
                try {
                    client.ready.get(ServerProcess.REQUEST_TIMEOUT_S * 2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new BenchException("no vault-ls/status 'ready' within " + ServerProcess.REQUEST_TIMEOUT_S * 2
                            + " s");
                }
                indexReadyS = (System.nanoTime() - t0) / 1e9;
                for (Doc d : w.open) {
                    open(d);
                }
                ServerProcess.sleep(2000); // the open notes' diagnostics
                long start = System.nanoTime();
                long end = start + (long) (options.minutes() * 60e9);
                sample(start, start, 0);
                long last = start;
                double lastCpu = sp.cpuMs();
                while (System.nanoTime() < end) {
                    long next = Math.min(end, last + TimeUnit.SECONDS.toNanos(options.intervalS()));
                    while (System.nanoTime() < next) {
                        step();
                    }
                    // CPU over the interval's session, before the measurement's own full collection
                    double cpu = sp.cpuMs();
                    double cores = (cpu - lastCpu) / ((System.nanoTime() - last) / 1e6);
                    sample(start, System.nanoTime(), cores);
                    last = System.nanoTime();
                    lastCpu = sp.cpuMs();
                    client.diagnostics.values().forEach(q -> {
                        while (q.size() > 1) {
                            q.poll(); // keep the latest publish per note, for code actions
                        }
                    });
                }
                exitCode = sp.shutdown();
            } catch (BenchException e) {
                throw new BenchException(e.getMessage() + sp.logTail());
            } finally {
                sp.kill();
            }
        }

        /**
         * Measures; {@code cores} is the server's CPU use over the interval. The first histogram is
         * kept, and each later one replaces the previous, so the last is kept.
         */
        private void sample(long start, long now, double cores) throws IOException {
            String histogramName = samples.isEmpty() ? "first" : "last";
            Histogram h = Histogram.of(sp.serverJvm().pid()); // first: the lag probe waits for queued work
            double lag = samples.isEmpty() ? 0 : diagnosticsLagMs();
            ServerProcess.Memory m = sp.memory();
            String load;
            try {
                String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
                load = f[0] + " " + f[1] + " " + f[2];
            } catch (IOException e) {
                load = "n/a";
            }
            samples.add(new Sample((now - start) / 1e9, h.liveMb(), m.rssMb(), m.peakRssMb(), m.threads(), cores,
                    load, requests, maxRequestMs, lag));
            requests = 0;
            maxRequestMs = 0;
            if (options.histograms() != null) {
                Files.createDirectories(options.histograms());
                Files.writeString(options.histograms().resolve("histogram-" + histogramName + ".txt"), h.text());
            }
            Sample s = samples.get(samples.size() - 1);
            System.err.printf(Locale.ROOT, "soak: %5.0f s  live heap %6.1f MB  RSS %6.0f MB  %.2f cores"
                    + "  edit lag %.0f ms  load %s%n", s.seconds(), s.liveMb(), s.rssMb(), s.cores(), s.lagMs(),
                    s.loadAverage());
        }

        /**
         * How far the server's updates lag behind the edits: a broken link typed at the end of an open
         * note, timed until that note's diagnostics show it; then the line is deleted again.
         */
        private double diagnosticsLagMs() {
            Doc d = w.open.get(0);
            int line = baseLines.get(d) + typedLines.get(d);
            var queue = client.queue(uri(d));
            queue.clear();
            long t = System.nanoTime();
            change(d, new Range(new Position(line, 0), new Position(line, 0)), "Soak probe [[Nobody Zq" + ++probes
                    + "]]\n");
            long deadline = t + TimeUnit.SECONDS.toNanos(ServerProcess.REQUEST_TIMEOUT_S * 5);
            double lag = -1;
            while (lag < 0 && System.nanoTime() < deadline) {
                BenchClient.Arrival a;
                try {
                    a = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchException("interrupted");
                }
                if (a != null && a.diagnostics().stream().anyMatch(x -> x.getRange().getStart().getLine() == line)) {
                    lag = (a.nanos() - t) / 1e6;
                }
            }
            change(d, new Range(new Position(line, 0), new Position(line + 1, 0)), "");
            if (lag < 0) {
                throw new BenchException("the diagnostics of " + d.rel() + " did not show an edit within "
                        + ServerProcess.REQUEST_TIMEOUT_S * 5 + " s");
            }
            return lag;
        }

        // ---- the session ----------------------------------------------------------------------

        private void step() {
            if (rng.nextInt(100) < options.typingPercent()) {
                typeLink();
                return;
            }
            int r = rng.nextInt(12) + 8;
            if (r < 10) {
                PersonLink l = personLink();
                ask("hover", () -> docs.hover(new HoverParams(id(l.doc()), inside(l))));
            } else if (r < 11) {
                PersonLink l = personLink();
                ask("definition", () -> docs.definition(new DefinitionParams(id(l.doc()), inside(l))));
            } else if (r < 12) {
                PersonLink l = personLink();
                ask("references", () -> docs.references(new ReferenceParams(id(l.doc()), inside(l),
                        new ReferenceContext(true))));
            } else if (r < 13) {
                ask("documentSymbol", () -> docs.documentSymbol(new DocumentSymbolParams(id(openDoc()))));
            } else if (r < 14) {
                ask("documentLink", () -> docs.documentLink(new DocumentLinkParams(id(openDoc()))));
            } else if (r < 15) {
                ask("foldingRange", () -> docs.foldingRange(new FoldingRangeRequestParams(id(openDoc()))));
            } else if (r < 17) {
                PersonLink l = personLink();
                Position at = inside(l);
                ask("prepareRename", () -> docs.prepareRename(new PrepareRenameParams(id(l.doc()), at)));
                ask("rename", () -> docs.rename(new RenameParams(id(l.doc()), at, l.person() + " Renamed")));
            } else if (r < 19) {
                codeActions();
            } else {
                String name = w.noteNames.get(rng.nextInt(w.noteNames.size()));
                String query = name.substring(0, Math.min(name.length(), 1 + rng.nextInt(4)));
                ask("workspaceSymbol", () -> sp.server.getWorkspaceService().symbol(new WorkspaceSymbolParams(query)));
            }
        }

        /**
         * Types {@code - See [[Name} on a new line at the end of an open note, asking for completion
         * after each letter, then closes the link and keeps the line, or deletes the line.
         */
        private void typeLink() {
            Doc d = openDoc();
            int typed = typedLines.get(d);
            if (typed >= TYPED_LINES_KEPT) {
                int from = baseLines.get(d);
                change(d, new Range(new Position(from, 0), new Position(from + typed, 0)), "");
                typedLines.put(d, 0);
                typed = 0;
            }
            int line = baseLines.get(d) + typed;
            String head = "- See [[";
            change(d, new Range(new Position(line, 0), new Position(line, 0)), head + "\n");
            List<String> from = rng.nextBoolean() ? w.people : w.noteNames;
            String name = from.get(rng.nextInt(from.size()));
            int letters = Math.min(name.length(), 1 + rng.nextInt(10));
            List<CompletableFuture<?>> answers = new ArrayList<>();
            for (int i = 0; i < letters; i++) {
                int col = head.length() + i;
                change(d, new Range(new Position(line, col), new Position(line, col)), name.substring(i, i + 1));
                Position at = new Position(line, col + 1);
                answers.add(send("completion", () -> docs.completion(new CompletionParams(id(d), at))));
                if (options.keystrokeMs() > 0) {
                    ServerProcess.sleep(options.keystrokeMs());
                }
            }
            for (CompletableFuture<?> a : answers) {
                sp.await(a, "completion");
            }
            if (rng.nextBoolean()) {
                int col = head.length() + letters;
                change(d, new Range(new Position(line, col), new Position(line, col)), "]]");
                typedLines.put(d, typed + 1);
            } else {
                change(d, new Range(new Position(line, 0), new Position(line + 1, 0)), "");
            }
        }

        /** Code actions on the last typed line of a note, or on a person link, with its last diagnostics. */
        private void codeActions() {
            Doc d = openDoc();
            int typed = typedLines.get(d);
            int line;
            if (typed > 0) {
                line = baseLines.get(d) + typed - 1;
            } else {
                PersonLink l = personLink();
                d = l.doc();
                line = inside(l).getLine();
            }
            int at = line;
            List<Diagnostic> here = new ArrayList<>();
            BenchClient.Arrival latest = client.queue(uri(d)).peek();
            if (latest != null) {
                latest.diagnostics().stream().filter(x -> x.getRange().getStart().getLine() == at).forEach(here::add);
            }
            Doc doc = d;
            ask("codeAction", () -> docs.codeAction(new CodeActionParams(id(doc),
                    new Range(new Position(at, 0), new Position(at, 1)), new CodeActionContext(here))));
        }

        /** Sends a request and waits for its answer; an error answer is counted, not fatal. */
        private <T> void ask(String kind, Supplier<CompletableFuture<T>> request) {
            sp.await(send(kind, request), kind);
        }

        /** Sends a request; its answer, when it comes, is timed and counted (an error answer too). */
        private <T> CompletableFuture<Void> send(String kind, Supplier<CompletableFuture<T>> request) {
            long t = System.nanoTime();
            return request.get().handle((v, e) -> {
                double ms = (System.nanoTime() - t) / 1e6;
                synchronized (this) {
                    if (e != null) {
                        counts.merge(kind + " error", 1, Integer::sum);
                    }
                    maxRequestMs = Math.max(maxRequestMs, ms);
                    requests++;
                    counts.merge(kind, 1, Integer::sum);
                }
                return null;
            });
        }

        private void open(Doc d) {
            String text = d.text().endsWith("\n") ? d.text() : d.text() + "\n";
            versions.put(d, 1);
            baseLines.put(d, new Doc(d.rel(), d.file(), text).lineCount() - 1);
            typedLines.put(d, 0);
            docs.didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri(d), "markdown", 1, text)));
        }

        private void change(Doc d, Range range, String text) {
            int version = versions.merge(d, 1, Integer::sum);
            docs.didChange(new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(uri(d), version),
                    List.of(new TextDocumentContentChangeEvent(range, text))));
            synchronized (this) {
                counts.merge("didChange", 1, Integer::sum);
            }
        }

        private Doc openDoc() {
            return w.open.get(rng.nextInt(w.open.size()));
        }

        private PersonLink personLink() {
            return w.personLinks.get(rng.nextInt(w.personLinks.size()));
        }

        private Position inside(PersonLink l) {
            return l.doc().position(l.start() + rng.nextInt(Math.max(1, l.end() - l.start())));
        }

        private static String uri(Doc d) {
            return d.file().toUri().toString();
        }

        private static TextDocumentIdentifier id(Doc d) {
            return new TextDocumentIdentifier(uri(d));
        }

        // ---- results --------------------------------------------------------------------------

        /** The sample half-way through the run (by time), from which growth is judged. */
        private Sample halfway() {
            double half = samples.get(samples.size() - 1).seconds() / 2;
            Sample best = samples.get(0);
            for (Sample s : samples) {
                if (s.seconds() <= half) {
                    best = s;
                }
            }
            return best;
        }

        private double secondHalfGrowthMb() {
            Sample h = halfway();
            double max = h.liveMb();
            for (Sample s : samples) {
                if (s.seconds() > h.seconds()) {
                    max = Math.max(max, s.liveMb());
                }
            }
            return max - h.liveMb();
        }

        boolean plateaued() {
            return samples.size() >= 3
                    && secondHalfGrowthMb() < Math.max(PLATEAU_MIN_MB, PLATEAU_FRACTION * halfway().liveMb());
        }

        /** True when every probe edit showed in the diagnostics within {@link #MAX_EDIT_LAG_MS}. */
        boolean keptUp() {
            return maxLagMs() < MAX_EDIT_LAG_MS;
        }

        private double maxLagMs() {
            return samples.stream().mapToDouble(Sample::lagMs).max().orElse(0);
        }

        /** Live heap growth per minute over the second half, least squares. */
        private double slopeMbPerMin() {
            Sample h = halfway();
            List<Sample> tail = samples.stream().filter(s -> s.seconds() >= h.seconds()).toList();
            if (tail.size() < 2) {
                return Double.NaN;
            }
            double mx = tail.stream().mapToDouble(Sample::seconds).average().orElse(0);
            double my = tail.stream().mapToDouble(Sample::liveMb).average().orElse(0);
            double num = 0;
            double den = 0;
            for (Sample s : tail) {
                num += (s.seconds() - mx) * (s.liveMb() - my);
                den += (s.seconds() - mx) * (s.seconds() - mx);
            }
            return den == 0 ? Double.NaN : num / den * 60;
        }

        String table() {
            StringBuilder b = new StringBuilder();
            String opts = options.serverOpts().isEmpty() ? "(none: the launcher's tuned child JVM)"
                    : String.join(" ", options.serverOpts());
            b.append(String.format(Locale.ROOT, "vault-ls soak: %s (%d notes, %.1f MB), %d open notes, %.1f min,"
                    + " server JVM options %s%n", options.vault(), w.notes, w.bytes / 1e6, w.open.size(),
                    options.minutes(), opts));
            b.append(String.format(Locale.ROOT, "index ready %.1f s after start; server log %s%n%n", indexReadyS,
                    options.log()));
            b.append(String.format(Locale.ROOT, "%8s %14s %9s %9s %8s %7s %9s %10s %12s  %s%n", "time", "live heap",
                    "RSS", "peak RSS", "threads", "cores", "requests", "max req", "edit lag", "load average"));
            for (Sample s : samples) {
                b.append(String.format(Locale.ROOT, "%7.0fs %11.1f MB %6.0f MB %6.0f MB %8d %7.2f %9d %7.0f ms %9.0f ms"
                        + "  %s%n", s.seconds(), s.liveMb(), s.rssMb(), s.peakRssMb(), s.threads(), s.cores(),
                        s.requests(), s.maxRequestMs(), s.lagMs(), s.loadAverage()));
            }
            b.append(String.format(Locale.ROOT, "%nrequests: %s%n", counts));
            b.append(String.format(Locale.ROOT, "live heap over the second half: +%.1f MB from %.1f MB (%.1f MB/min):"
                    + " %s%n", secondHalfGrowthMb(), halfway().liveMb(), slopeMbPerMin(),
                    plateaued() ? "plateaued" : "NO PLATEAU"));
            b.append(String.format(Locale.ROOT, "edit -> diagnostics lag at most %.0f ms: %s%n", maxLagMs(),
                    keptUp() ? "kept up" : "BACKLOG (over " + (int) MAX_EDIT_LAG_MS + " ms)"));
            b.append(String.format(Locale.ROOT, "exit code after shutdown + exit: %d%n", exitCode));
            if (!client.errors.isEmpty()) {
                b.append(String.format(Locale.ROOT, "the server logged %d errors; see %s%n", client.errors.size(),
                        options.log()));
            }
            return b.toString();
        }

        /** Flat, so shell tools can read it: the first and last samples, the growth, the verdict. */
        String json() {
            Sample first = samples.get(0);
            Sample last = samples.get(samples.size() - 1);
            double maxLive = samples.stream().mapToDouble(Sample::liveMb).max().orElse(0);
            double maxRss = samples.stream().mapToDouble(Sample::rssMb).max().orElse(0);
            long total = counts.entrySet().stream()
                    .filter(e -> !e.getKey().equals("didChange") && !e.getKey().endsWith(" error"))
                    .mapToLong(Map.Entry::getValue).sum();
            return String.format(Locale.ROOT, "{\"vault\":\"%s\",\"serverOpts\":\"%s\",\"notes\":%d,\"openNotes\":%d,"
                    + "\"minutes\":%.2f,\"samples\":%d,\"requests\":%d,\"didChanges\":%d,"
                    + "\"liveFirstMb\":%.1f,\"liveHalfwayMb\":%.1f,\"liveLastMb\":%.1f,\"liveMaxMb\":%.1f,"
                    + "\"secondHalfGrowthMb\":%.1f,\"slopeMbPerMin\":%.2f,\"rssFirstMb\":%.0f,\"rssLastMb\":%.0f,"
                    + "\"rssMaxMb\":%.0f,\"peakRssMb\":%.0f,\"meanCores\":%.2f,\"maxEditLagMs\":%.0f,\"plateaued\":%b,"
                    + "\"keptUp\":%b,\"exitCode\":%d}",
                    options.vault().toString().replace("\\", "\\\\").replace("\"", "\\\""),
                    String.join(" ", options.serverOpts()).replace("\"", "\\\""), w.notes, w.open.size(),
                    last.seconds() / 60, samples.size(), total, counts.getOrDefault("didChange", 0), first.liveMb(),
                    halfway().liveMb(), last.liveMb(), maxLive, secondHalfGrowthMb(), slopeMbPerMin(),
                    first.rssMb(), last.rssMb(), maxRss, last.peakRssMb(),
                    samples.stream().skip(1).mapToDouble(Sample::cores).average().orElse(0),
                    maxLagMs(), plateaued(), keptUp(), exitCode);
        }
    }
}
