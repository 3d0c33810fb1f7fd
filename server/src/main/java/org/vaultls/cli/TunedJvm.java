package org.vaultls.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs vault-ls in a child JVM with options chosen for it, when the user started it with no JVM
 * options of their own ({@code java -jar vault-ls.jar ...}), since a jar cannot carry JVM options.
 * Measured on the 10k-note bench vault (bench/check-bench.sh, bench/lsp-bench.sh): C1 only and the
 * serial collector halve the CPU time of indexing (the C2 compiler threads compete with parsing) and
 * keep the resident set near 300 MB instead of 1-1.7 GB under G1's default sizing on a large machine.
 * The child inherits stdin, stdout and stderr and its exit code is passed on; a language server child
 * also ends when this launcher does. {@code VAULT_LS_NO_FORK=1} runs everything in this JVM.
 */
final class TunedJvm {
    static final String FORKED = "VAULT_LS_FORKED";
    /** System property naming the launcher's pid, which a forked server watches. */
    static final String LAUNCHER_PID = "vaultls.launcher";
    /** Both modes: C1 only, the serial collector with a small young generation, no perf data, warnings only. */
    private static final List<String> COMMON = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn64m",
            "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=warning:stderr");

    private TunedJvm() {
    }

    /**
     * Options for {@code check}, a batch job of a few seconds. Nearly everything that survives a
     * young collection is a parsed note kept to the end, so it is promoted at once instead of being
     * copied between survivor spaces, and a small young generation keeps the resident set down
     * (10k notes: collector pauses 290 -> 215 ms, peak RSS 274 -> 204 MB).
     */
    static List<String> checkOptions() {
        return checkOptions(Runtime.getRuntime().maxMemory());
    }

    /** A heap that starts this big spares a 100k-note check the collections that grow it. */
    static final long INITIAL_HEAP = 1L << 30;

    /**
     * {@link #checkOptions()} for a launcher whose own maximum heap is {@code maxHeap}, the default
     * the child gets too (a quarter of the machine's or the container's memory). The old generation
     * starts at {@link #INITIAL_HEAP} when that maximum is at least twice it, instead of growing
     * through full collections (100k notes: three, 2.2 s, and 26.1 -> 23.7 s in all, same peak RSS;
     * 10k notes: unchanged, since untouched heap is not resident). Below that it is left to the JVM:
     * an initial heap above the maximum would stop the JVM from starting.
     */
    static List<String> checkOptions(long maxHeap) {
        List<String> opts = new ArrayList<>(COMMON);
        opts.add("-XX:MaxTenuringThreshold=0");
        if (maxHeap != Long.MAX_VALUE && maxHeap >= 2 * INITIAL_HEAP) {
            opts.add("-Xms" + (INITIAL_HEAP >> 20) + "m");
        }
        return opts;
    }

    /**
     * Options for the language server: the same collector and compiler, a small young generation (the
     * edits' garbage is short-lived; survivors age as usual, since a server runs for hours), and the
     * launcher to outlive. Measured with bench/lsp-bench.sh, warm starts, in one JVM: 10k notes, peak
     * RSS 353 -> 323 MB with every latency unchanged; 100k notes, 2,360 -> 1,785 MB, and the p95 of
     * typing {@code [[Name} 925 -> 111 ms (fewer, shorter young collections).
     */
    static List<String> serverOptions() {
        List<String> opts = new ArrayList<>(COMMON);
        opts.add("-D" + LAUNCHER_PID + "=" + ProcessHandle.current().pid());
        return opts;
    }

    /** The exit code of vault-ls run with {@code options} in a child JVM, or empty to run it here. */
    static Optional<Integer> relaunch(String[] args, List<String> options) {
        return relaunch(args, options, args.length > 0 && args[0].equals("check") ? "check" : "server");
    }

    private static Optional<Integer> relaunch(String[] args, List<String> options, String mode) {
        if (System.getenv(FORKED) != null || System.getenv("VAULT_LS_NO_FORK") != null || hasJvmOptions()) {
            return Optional.empty();
        }
        try {
            Optional<String> java = ProcessHandle.current().info().command();
            Path jar = Path.of(TunedJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (java.isEmpty() || !Files.isRegularFile(jar)) {
                return Optional.empty(); // not started as `java -jar vault-ls.jar`
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(java.get());
            cmd.addAll(options);
            ClassArchive archive = ClassArchive.forJar(jar, mode);
            cmd.addAll(archive.options());
            cmd.add("-jar");
            cmd.add(jar.toString());
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().put(FORKED, "1");
            utf8Locale(System.getProperty("sun.jnu.encoding"), pb.environment());
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            int code = p.waitFor();
            archive.keep();
            return Optional.of(code);
        } catch (Exception e) {
            return Optional.empty(); // run in this JVM instead
        }
    }

    /**
     * True when this JVM was given options of its own: on its command line before {@code -jar}, or
     * through the environment variables the launcher and the JVM read. Read from the process's command
     * line, which costs a few milliseconds; the management bean that lists them costs 50-100 ms of
     * class loading at every start, a sixth of a warm {@code check}.
     */
    static boolean hasJvmOptions() {
        for (String v : List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS")) {
            String value = System.getenv(v);
            if (value != null && !value.isBlank()) {
                return true;
            }
        }
        Optional<String[]> args = ProcessHandle.current().info().arguments();
        if (args.isEmpty()) {
            return !ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty();
        }
        return startsWithJvmOption(args.get());
    }

    /** Whether a {@code java} command line (without {@code java} itself) sets options before {@code -jar}. */
    static boolean startsWithJvmOption(String[] args) {
        return args.length == 0 || !args[0].equals("-jar");
    }

    /**
     * Gives the child a UTF-8 locale when this JVM reads file names in another charset (the C or POSIX
     * locale of many CI containers): Java decodes file names with the locale's charset, and a vault
     * with {@code Café.md} in it could not even be listed ("Malformed input or input contains
     * unmappable characters"). Obsidian writes UTF-8 names; {@code C.UTF-8} is in every glibc since 2.35
     * and in Debian's and Ubuntu's for longer. The rest of the user's locale is left alone.
     */
    static void utf8Locale(String fileNameCharset, java.util.Map<String, String> env) {
        if (fileNameCharset == null || isUtf8(fileNameCharset)) {
            return;
        }
        env.put("LC_ALL", "C.UTF-8");
    }

    private static boolean isUtf8(String charset) {
        String c = charset.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        return c.equals("utf8");
    }

    /** In a forked server: ends the process with {@code exit(1)} once the launcher is gone. */
    static void exitWithLauncher() {
        String pid = System.getProperty(LAUNCHER_PID);
        if (pid == null) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(h -> h.onExit().join());
            } catch (RuntimeException e) {
                return;
            }
            System.exit(1);
        }, "vault-ls-launcher-watch");
        t.setDaemon(true);
        t.start();
    }
}
