package org.vaultls.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs {@code check} in a child JVM tuned for a short batch job, when the user started vault-ls with
 * no JVM options of their own. A run of a few seconds spends most of its CPU compiling hot code with
 * C2 and lets G1 grow the heap to a gigabyte; C1 only and the serial collector halve the CPU time and
 * keep the resident set near 300 MB on a 10k-note vault (bench/check-bench.sh). The child inherits
 * stdin, stdout and stderr, and its exit code is passed on. Set {@code VAULT_LS_NO_FORK=1} to run in
 * the calling JVM.
 */
final class BatchJvm {
    static final String FORKED = "VAULT_LS_FORKED";
    static final List<String> OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=warning:stderr");

    private BatchJvm() {
    }

    /** The exit code of {@code check} run in a tuned child JVM, or empty to run it here. */
    static Optional<Integer> run(String[] args) {
        if (System.getenv(FORKED) != null || System.getenv("VAULT_LS_NO_FORK") != null
                || !ManagementFactory.getRuntimeMXBean().getInputArguments().isEmpty()) {
            return Optional.empty();
        }
        try {
            Optional<String> java = ProcessHandle.current().info().command();
            Path jar = Path.of(BatchJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (java.isEmpty() || !Files.isRegularFile(jar)) {
                return Optional.empty(); // not started as `java -jar vault-ls.jar`
            }
            List<String> cmd = new ArrayList<>();
            cmd.add(java.get());
            cmd.addAll(OPTIONS);
            cmd.add("-jar");
            cmd.add(jar.toString());
            cmd.addAll(List.of(args));
            ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
            pb.environment().put(FORKED, "1");
            Process p = pb.start();
            Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));
            return Optional.of(p.waitFor());
        } catch (Exception e) {
            return Optional.empty(); // run in this JVM instead
        }
    }
}
