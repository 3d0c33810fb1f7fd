package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.ClientCapabilities;
import org.eclipse.lsp4j.CompletionParams;
import org.eclipse.lsp4j.DidOpenTextDocumentParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializedParams;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.TextDocumentIdentifier;
import org.eclipse.lsp4j.TextDocumentItem;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.TestVault;

/** The shaded jar as users run it: {@code java -jar vault-ls.jar ...}, in a process of its own. */
@Timeout(120)
class JarIT {
    static final Path JAR = Path.of(System.getProperty("vaultls.jar", "target/vault-ls.jar"));

    record Run(int exit, String out, String err) {
    }

    /** The user cache the jar's class archive goes to, kept out of the real home folder. */
    static final Path CACHE = createCache();

    static Path createCache() {
        try {
            Path dir = Files.createTempDirectory("vault-ls-cache");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ProcessBuilder jar(String... args) {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("XDG_CACHE_HOME", CACHE.toString());
        return pb;
    }

    static Run run(String... args) throws Exception {
        Process p = jar(args).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "jar did not finish");
        return new Run(p.exitValue(), out.get(), err.get());
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void theShippedJarHoldsNoBenchmarkClasses() throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(JAR.toFile())) {
            List<String> bench = zip.stream().map(java.util.zip.ZipEntry::getName)
                    .filter(n -> n.startsWith("org/vaultls/bench/")).toList();
            assertTrue(bench.isEmpty(), "benchmark classes in the product jar: " + bench);
            assertTrue(zip.getEntry("org/vaultls/cli/Main.class") != null, "the jar holds the server");
        }
    }

    @Test
    void checkOnTestVaultPrintsTheGoldenReportAndExitsOne() throws Exception {
        Run r = run("check", GoldenTestVaultTest.VAULT.toString(), "--today", GoldenTestVaultTest.TODAY);
        String golden = Files.readString(TestVault.resource("golden/test-vault.txt"));
        assertEquals(golden.strip(), r.out().strip());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(" links: 1 error, 14 warnings, 1 information in "), r.err());
    }

    @Test
    void vaultLsTodayDatesTheCheckWhenNoTodayIsGiven() throws Exception {
        ProcessBuilder pb = jar("check", GoldenTestVaultTest.VAULT.toString(), "--fail-on", "never");
        pb.environment().put("VAULT_LS_TODAY", "2025-11-20");
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "jar did not finish");
        assertTrue(out.get().contains("Daily/2025-11-14.md:19:46: hint overdue-task: Task due 2025-11-19, 1 day ago,"
                + " is still open"), out.get() + err.get());
        assertEquals(0, p.exitValue());
    }

    @Test
    void aLaterRunMapsTheClassArchiveTheFirstRunWroteAndReportsTheSame() throws Exception {
        Run first = run("check", GoldenTestVaultTest.VAULT.toString());
        Run second = run("check", GoldenTestVaultTest.VAULT.toString());
        try (var files = Files.walk(CACHE)) {
            List<Path> left = files.filter(Files::isRegularFile).toList();
            assertEquals(1, left.stream().filter(f -> f.getFileName().toString().startsWith("check-")
                    && f.toString().endsWith(".jsa")).count(), "one archive for check: " + left);
            assertTrue(left.stream().noneMatch(f -> f.getFileName().toString().startsWith("check-")
                    && f.toString().endsWith(".tmp")), "no temporary file left: " + left);
        }
        assertEquals(first.out(), second.out());
        assertEquals(first.exit(), second.exit());
        assertFalse(second.out().contains("CDS") || second.out().contains("[warning]"), "JVM messages stay off stdout");
    }

    @Test
    void writingAndThenMappingTheClassArchivePrintsNoCdsWarnings(@TempDir Path cache) throws Exception {
        for (String pass : List.of("writes", "maps")) {
            ProcessBuilder pb = jar("--stdio");
            pb.environment().put("XDG_CACHE_HOME", cache.toString());
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            String shutdown = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"shutdown\",\"params\":null}";
            String exit = "{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}";
            try (var in = p.getOutputStream()) {
                for (String m : List.of(shutdown, exit)) {
                    in.write(("Content-Length: " + m.length() + "\r\n\r\n" + m).getBytes(StandardCharsets.UTF_8));
                }
            }
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "the server did not exit");
            assertFalse(err.get().contains("[cds]"), "the run that " + pass + " the archive: " + err.get());
            assertFalse(out.get().contains("[cds]"), out.get());
            try (var files = Files.walk(cache)) {
                assertTrue(files.anyMatch(f -> f.toString().endsWith(".jsa")), "the first run wrote an archive");
            }
        }
    }

    @Test
    void checkReadsNonAsciiFileNamesUnderTheCLocale(@TempDir Path vault) throws Exception {
        Files.writeString(vault.resolve("Café.md"), "See [[Crème brûlée]].\n");
        ProcessBuilder pb = jar("check", vault.toString(), "--no-cache");
        pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
        pb.environment().put("LC_ALL", "C"); // as in many CI containers: file names in ASCII
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "jar did not finish");
        assertEquals(1, p.exitValue(), out.get() + err.get());
        assertTrue(out.get().contains("Café.md:1:7: warning broken-link: No note named 'Crème brûlée'"),
                out.get() + err.get());
    }

    @Test
    void checkExitsTwoWithOneLineOnAMissingVault() throws Exception {
        Run r = run("check", "no/such/vault");
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void versionAndHelpWork() throws Exception {
        assertTrue(run("--version").out().startsWith("vault-ls "));
        assertTrue(run("--help").out().contains("check"));
    }

    @Test
    void aServerStartedOnATerminalSaysWhatItIsOnStderrAndOnlyThere() throws Exception {
        for (String tty : List.of("1", "0")) {
            ProcessBuilder pb = jar();
            pb.environment().put("VAULT_LS_TTY", tty); // stdin stands for a terminal
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            Thread.sleep(1500);
            p.getOutputStream().close(); // the "user" ends input: the server exits
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the server ends when stdin closes");
            assertFalse(out.get().contains("vault-ls: this is"), "the hint stays off stdout: " + out.get());
            assertEquals(tty.equals("1"), err.get().contains(Main.SERVER_ON_TERMINAL), tty + ": " + err.get());
        }
    }

    @Test
    void checkOnATerminalShowsCountsThenClearsTheProgressLine() throws Exception {
        ProcessBuilder pb = jar("check", GoldenTestVaultTest.VAULT.toString(), "--today", GoldenTestVaultTest.TODAY);
        pb.environment().put("VAULT_LS_TTY", "1");
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(90, TimeUnit.SECONDS));
        String e = err.get();
        assertTrue(e.matches("(?s).*\\rvault-ls: \\d+/\\d+ notes.*"), e);
        assertTrue(e.matches("(?s).*\\r +\\r\\d+ notes, \\d+ links: .*"), "cleared before the summary: " + e);
        assertFalse(out.get().contains("\r"), "the report holds no progress");
    }

    @Test
    void aServerInATunedChildJvmEndsWhenItsLauncherIsKilled() throws Exception {
        Process launcher = jar("--stdio").start();
        ProcessHandle child = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (child == null && System.nanoTime() < deadline) {
            child = launcher.toHandle().children().findFirst().orElse(null);
            Thread.sleep(50);
        }
        assertTrue(child != null, "java -jar vault-ls.jar runs the server in a child JVM");
        // right after the fork the child may still be the spawn helper, not yet the exec'd java: wait for it
        ProcessHandle c = child;
        java.util.function.BooleanSupplier tuned = () -> c.info().arguments()
                .map(a -> List.of(a).contains("-XX:+UseSerialGC")).orElse(true);
        while (!tuned.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(tuned.getAsBoolean(), "the child runs with the tuned options");
        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs in the launcher
        assertTrue(child.onExit().get(20, TimeUnit.SECONDS) != null);
        assertFalse(child.isAlive(), "the orphaned server exits");
    }

    @Test
    void theJarServesLspOnStdioWithNothingButProtocolOnStdout(@TempDir Path tmp) throws Exception {
        Process p = jar("--stdio").redirectError(tmp.resolve("stderr.log").toFile()).start();
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        InputStream tee = new java.io.FilterInputStream(p.getInputStream()) {
            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c >= 0) {
                    synchronized (raw) {
                        raw.write(c);
                    }
                }
                return c;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    synchronized (raw) {
                        raw.write(b, off, n);
                    }
                }
                return n;
            }
        };
        List<PublishDiagnosticsParams> diagnostics = new java.util.concurrent.CopyOnWriteArrayList<>();
        LanguageClient client = new LanguageClient() {
            public void telemetryEvent(Object o) { }
            public void publishDiagnostics(PublishDiagnosticsParams d) {
                diagnostics.add(d);
            }
            public void showMessage(MessageParams m) { }
            public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
                return CompletableFuture.completedFuture(null);
            }
            public void logMessage(MessageParams m) { }
        };
        Launcher<LanguageServer> launcher = LSPLauncher.createClientLauncher(client, tee, p.getOutputStream());
        launcher.startListening();
        LanguageServer server = launcher.getRemoteProxy();
        Path vault = GoldenTestVaultTest.VAULT.toAbsolutePath().normalize();
        InitializeParams init = new InitializeParams();
        init.setProcessId((int) ProcessHandle.current().pid());
        init.setCapabilities(new ClientCapabilities());
        init.setWorkspaceFolders(List.of(new WorkspaceFolder(vault.toUri().toString(), "test-vault")));
        assertEquals("vault-ls", server.initialize(init).get(30, TimeUnit.SECONDS).getServerInfo().getName());
        server.initialized(new InitializedParams());
        String uri = vault.resolve("Daily/2025-12-19.md").toUri().toString();
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(
                new TextDocumentItem(uri, "markdown", 1, "Met [[Ada B\n")));
        var items = server.getTextDocumentService().completion(new CompletionParams(new TextDocumentIdentifier(uri),
                new Position(0, 11))).get(30, TimeUnit.SECONDS).getRight().getItems();
        assertTrue(items.stream().anyMatch(i -> i.getLabel().equals("Ada Berg")), items.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (diagnostics.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20); // published right after indexing, debounced
        }
        server.shutdown().get(10, TimeUnit.SECONDS);
        server.exit();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "server did not exit");
        assertEquals(0, p.exitValue(), "shutdown then exit ends with 0");
        assertFalse(diagnostics.isEmpty(), "diagnostics published for the vault");
        String stdout;
        synchronized (raw) {
            stdout = raw.toString(StandardCharsets.UTF_8);
        }
        assertTrue(stdout.startsWith("Content-Length: "), "stdout begins with a protocol header");
        // every message on stdout is framed JSON-RPC: strip the frames and nothing may be left over
        String rest = stdout.replaceAll("Content-Length: (\\d+)\r\n\r\n", "");
        assertFalse(rest.contains("vault-ls: "), "log lines leaked to stdout");
    }
}
