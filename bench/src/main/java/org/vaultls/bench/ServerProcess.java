package org.vaultls.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.ClientInfo;
import org.eclipse.lsp4j.Diagnostic;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesCapabilities;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WindowClientCapabilities;
import org.eclipse.lsp4j.WorkspaceClientCapabilities;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageServer;
import org.vaultls.bench.LspBench.BenchException;

/**
 * One language server process started by a benchmark, spoken to over its stdin/stdout: {@code java
 * <opts> -jar vault-ls.jar --stdio} as an editor starts it (a plain {@code java -jar} forks the tuned
 * child JVM that users get), its stderr in a log file. Also what is measured from outside: resident
 * set and CPU time of the process and its descendants, from /proc (Linux).
 */
final class ServerProcess {
    static final long REQUEST_TIMEOUT_S = 60;

    final BenchClient client;
    final Process process;
    final LanguageServer server;
    /** The bytes the server sent so far. */
    final Counting received;
    private final Path log;
    /** The version last sent for each open document's URI. */
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();

    private ServerProcess(BenchClient client, Process process, Path log) {
        this.client = client;
        this.process = process;
        this.log = log;
        this.received = new Counting(process.getInputStream());
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bench-client");
            t.setDaemon(true);
            return t;
        });
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, received,
                process.getOutputStream(), threads, null);
        this.server = launcher.getRemoteProxy();
        launcher.startListening();
    }

    /** Starts the server with {@code serverOpts} (JVM options) and connects {@code client} to it. */
    static ServerProcess start(List<String> serverOpts, Path log, BenchClient client) throws IOException {
        return start(serverOpts, Map.of(), log, client);
    }

    /** The same with {@code env} added to the server's environment (say {@code VAULT_LS_NO_CACHE}). */
    static ServerProcess start(List<String> serverOpts, Map<String, String> env, Path log, BenchClient client)
            throws IOException {
        ProcessBuilder b = new ProcessBuilder(command(serverOpts)).redirectError(log.toFile());
        b.environment().putAll(env);
        return new ServerProcess(client, b.start(), log);
    }

    /** {@code java <opts> -jar <the server jar> --stdio}, or the class path when the server is not in a jar. */
    private static List<String> command(List<String> serverOpts) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(serverOpts);
        Path jar = serverJar();
        if (jar != null) {
            cmd.addAll(List.of("-jar", jar.toString()));
        } else {
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.vaultls.cli.Main"));
        }
        cmd.add("--stdio");
        return cmd;
    }

    /** The jar on the class path that holds the server's entry point ({@code server/target/vault-ls.jar}). */
    private static Path serverJar() {
        try {
            Class<?> main = Class.forName("org.vaultls.cli.Main", false, ServerProcess.class.getClassLoader());
            Path p = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (ClassNotFoundException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** An editor's initialize request for one workspace folder, {@code vault}. */
    static InitializeParams initializeParams(Path vault, String clientName) {
        InitializeParams p = new InitializeParams();
        p.setProcessId((int) ProcessHandle.current().pid());
        p.setClientInfo(new ClientInfo(clientName));
        ClientCapabilities caps = new ClientCapabilities();
        WindowClientCapabilities window = new WindowClientCapabilities();
        window.setWorkDoneProgress(true);
        caps.setWindow(window);
        WorkspaceClientCapabilities ws = new WorkspaceClientCapabilities();
        ws.setDidChangeWatchedFiles(new DidChangeWatchedFilesCapabilities(true));
        ws.setWorkspaceFolders(true);
        caps.setWorkspace(ws);
        p.setCapabilities(caps);
        String root = vault.toUri().toString();
        p.setRootUri(root);
        p.setWorkspaceFolders(List.of(new WorkspaceFolder(root, vault.getFileName().toString())));
        return p;
    }

    /** The answer to a request; fails when it takes over a minute or the server process ends first. */
    <T> T await(CompletableFuture<T> f, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REQUEST_TIMEOUT_S);
        try {
            while (true) {
                try {
                    return f.get(100, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (!process.isAlive() && !f.isDone()) {
                        throw new BenchException(what + ": the server process ended with exit code "
                                + process.exitValue());
                    }
                    if (System.nanoTime() > deadline) {
                        throw new BenchException(what + " got no answer within " + REQUEST_TIMEOUT_S + " s");
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        } catch (ExecutionException e) {
            throw new BenchException(what + " failed: " + e.getCause());
        }
    }

    /** Opens a markdown document with {@code text} as its first version. */
    void open(String uri, String text) {
        versions.put(uri, 1);
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "markdown", 1, text)));
    }

    /** One incremental didChange: {@code text} replaces columns {@code from} to {@code to} of {@code line}. */
    void change(String uri, int line, int from, int to, String text) {
        int version = versions.merge(uri, 1, Integer::sum);
        TextDocumentContentChangeEvent change = new TextDocumentContentChangeEvent(
                new Range(new Position(line, from), new Position(line, to)), text);
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(change)));
    }

    /**
     * The first publishDiagnostics in {@code queue} (one document's, see {@link BenchClient#queue}) whose
     * diagnostics satisfy {@code ok}, earlier ones dropped; fails after a minute or when the server ends.
     * {@code what} names the document in the failure.
     */
    BenchClient.Arrival awaitDiagnostics(BlockingQueue<BenchClient.Arrival> queue, Predicate<List<Diagnostic>> ok,
            String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REQUEST_TIMEOUT_S);
        while (true) {
            BenchClient.Arrival a;
            try {
                a = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchException("interrupted");
            }
            if (a == null && !process.isAlive()) {
                throw new BenchException("the server process ended with exit code " + process.exitValue()
                        + " while diagnostics of " + what + " were awaited");
            }
            if (a == null && System.nanoTime() > deadline) {
                throw new BenchException("no matching publishDiagnostics for " + what + " within "
                        + REQUEST_TIMEOUT_S + " s");
            }
            if (a != null && ok.test(a.diagnostics())) {
                return a;
            }
        }
    }

    /** The server process and its descendants (the tuned child JVM of a plain {@code java -jar}). */
    List<ProcessHandle> tree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        return tree;
    }

    /** The JVM that serves: the last descendant (the forked child), else the process itself. */
    ProcessHandle serverJvm() {
        List<ProcessHandle> tree = tree();
        return tree.get(tree.size() - 1);
    }

    /** Resident set of the process tree: peak (VmHWM) and current, in MB, and threads. */
    record Memory(double peakRssMb, double rssMb, int threads) {
        static final Memory UNKNOWN = new Memory(-1, -1, 0);
    }

    /**
     * The resident set, from /proc; {@link Memory#UNKNOWN} elsewhere. The figures add up the process
     * and its descendants (the sum of peaks bounds the true peak from above).
     */
    Memory memory() {
        double peak = 0;
        double rss = 0;
        int threads = 0;
        try {
            for (ProcessHandle h : tree()) {
                for (String l : Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status"))) {
                    if (l.startsWith("VmHWM:")) {
                        peak += kb(l) / 1024.0;
                    } else if (l.startsWith("VmRSS:")) {
                        rss += kb(l) / 1024.0;
                    } else if (l.startsWith("Threads:")) {
                        threads += Integer.parseInt(l.substring(8).trim());
                    }
                }
            }
            return new Memory(peak, rss, threads);
        } catch (IOException | UncheckedIOException | NumberFormatException e) {
            return Memory.UNKNOWN;
        }
    }

    /** CPU time the server processes have used so far (all their threads). */
    double cpuMs() {
        double ms = 0;
        for (ProcessHandle h : tree()) {
            ms += h.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0);
        }
        return ms;
    }

    private static long kb(String procLine) {
        return Long.parseLong(procLine.replaceAll("[^0-9]", ""));
    }

    /** Sends shutdown and exit, and returns the process's exit code. */
    int shutdown() {
        await(server.shutdown(), "shutdown");
        server.exit();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new BenchException("the server did not exit within 30 s of 'exit'");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
        return process.exitValue();
    }

    /** Ends the process if it still runs (after a failure). */
    void kill() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    /** The last lines of the server's log, to append to a failure. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return "\nlast lines of the server log " + log + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchException("interrupted");
        }
    }

    /** Counts the bytes the server sends, to tell how large answers are on the wire. */
    static final class Counting extends FilterInputStream {
        private final AtomicLong count = new AtomicLong();

        Counting(InputStream in) {
            super(in);
        }

        long count() {
            return count.get();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }
}
