package org.vaultls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.vaultls.cache.NoteCache;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.SettingsResolver;
import org.vaultls.config.VaultConfig;
import org.vaultls.text.Dates;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.Severity;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.warm.StoredFindings;

/** {@code vault-ls check}: loads a vault, runs every check, prints a report, exits by severity. */
final class CheckCommand {
    private CheckCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String dir = null;
        ReportFormat format = ReportFormat.TEXT;
        Optional<Severity> failOn = Optional.of(Severity.WARNING);
        String configFile = null;
        Clock clock = Dates.defaultClock();
        boolean noCache = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--format", "-f", "--fail-on", "--config", "-c", "--today" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            return usage(err, a + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (a.equals("--format") || a.equals("-f")) {
                        Optional<ReportFormat> f = ReportFormat.parse(value);
                        if (f.isEmpty()) {
                            return usage(err, "unknown format '" + value + "' (text, json, sarif, github)");
                        }
                        format = f.get();
                    } else if (a.equals("--fail-on")) {
                        if (value.equalsIgnoreCase("never")) {
                            failOn = Optional.empty();
                        } else {
                            failOn = Severity.parse(value);
                            if (failOn.isEmpty()) {
                                return usage(err, "unknown --fail-on level '" + value
                                        + "' (error, warning, information, hint, never)");
                            }
                        }
                    } else if (a.equals("--today")) {
                        Optional<LocalDate> day = Dates.day(value);
                        if (day.isEmpty() || !Dates.isDateShaped(value) || value.strip().length() != 10) {
                            return usage(err, "--today needs a date YYYY-MM-DD, not '" + value + "'");
                        }
                        ZoneId zone = ZoneId.systemDefault();
                        clock = Clock.fixed(day.get().atStartOfDay(zone).toInstant(), zone);
                    } else {
                        configFile = value;
                    }
                }
                case "--no-cache" -> noCache = true;
                case "--help", "-h" -> {
                    out.println(Main.USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-") && !a.equals("-")) {
                        return usage(err, "unknown option '" + args[i] + "'");
                    }
                    if (dir != null) {
                        return usage(err, "only one vault folder may be given ('" + dir + "' and '" + a + "')");
                    }
                    dir = a;
                }
            }
        }
        Path root = Path.of(dir == null ? "." : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            err.println("vault-ls: error: vault folder " + root + (Files.exists(root) ? " is not a folder" : " does not exist"));
            return 2;
        }
        if (!Files.isReadable(root)) {
            err.println("vault-ls: error: cannot read vault folder " + root);
            return 2;
        }
        Terminal.ProgressLine progress = new Terminal.ProgressLine(err, Terminal.isTerminal(Terminal.STDERR));
        Consumer<String> warn = w -> {
            progress.clear();
            err.println("vault-ls: warning: " + w);
        };
        long t0 = System.nanoTime();
        VaultConfig config;
        Path cfg = configFile != null ? Path.of(configFile) : root.resolve(VaultConfig.FILE_NAME);
        try {
            if (configFile != null && !Files.exists(cfg)) {
                err.println("vault-ls: error: config file " + cfg + " does not exist");
                return 2;
            }
            config = SettingsResolver.resolve(null, cfg, warn); // no editor: the file's settings, or defaults
        } catch (VaultConfig.ConfigException e) {
            err.println("vault-ls: error: " + e.getMessage());
            return 2;
        }
        ObsidianSettings obsidian = ObsidianSettings.load(root, config.configFolder(), warn);
        progress.show("vault-ls: listing " + root, true);
        VaultLoader loader = new VaultLoader(root, config, obsidian, warn);
        NoteCache cache = !noCache && config.cache() ? NoteCache.forVault(root, warn) : null;
        loader.withCache(cache);
        Clock today = clock;
        StoredFindings.Report report = null;
        Thread reportWrite = null;
        long listed;
        long loaded;
        long checked;
        try {
            long readStart = System.currentTimeMillis(); // before the listing: see VaultLoader.RACY_MILLIS
            VaultLoader.Listing listing = loader.list();
            listed = System.nanoTime();
            StoredFindings.Stored stored = cache == null ? null : StoredFindings.read(cache, StoredFindings.CHECK);
            long tRead = System.nanoTime();
            long tState = tRead;
            if (stored != null) { // nothing changed since the last check: its report stands
                Optional<String> state = loader.unchangedState(listing, stored.notes, stored.readStart);
                tState = System.nanoTime();
                if (state.isPresent() && stored.key.equals(StoredFindings.key(state.get(), cfg, obsidian, today))) {
                    report = stored.report();
                }
            }
            if (timing()) {
                err.println("vault-ls: timing: cached report read " + (tRead - listed) / 1_000_000 + " ms, state "
                        + (tState - tRead) / 1_000_000 + " ms, decode " + (System.nanoTime() - tState) / 1_000_000 + " ms");
            }
            loaded = System.nanoTime();
            if (report == null) {
                VaultIndex index = loader.load(listing, (done, total) ->
                        progress.show("vault-ls: " + Terminal.count(done) + "/" + Terminal.count(total) + " notes",
                                done == total));
                loaded = System.nanoTime();
                progress.show("vault-ls: checking " + Terminal.count(index.notes().size()) + " notes", true);
                String state = loader.state();
                List<VaultLoader.FileKey> keys = loader.fileKeys();
                String key = state == null ? null : StoredFindings.key(state, cfg, obsidian, today);
                List<Finding> found = stored == null || keys == null
                        || !StoredFindings.settingsPart(stored.key).equals(StoredFindings.settingsPart(key)) ? null
                        : IncrementalCheck.findings(stored, loader, index, keys, today, err, timing());
                report = new StoredFindings.Report(index.notes().size(), index.linkCount(),
                        found != null ? found : Diagnostics.forVault(index, today));
                if (key != null) {
                    StoredFindings.Report done = report;
                    List<String> attachments = index.attachments();
                    reportWrite = new Thread(() -> StoredFindings.write(cache, StoredFindings.CHECK, key, keys,
                            attachments, readStart, done), "vault-ls-report-write");
                    reportWrite.setDaemon(true);
                    reportWrite.start();
                }
            }
            checked = System.nanoTime();
        } catch (IOException | RuntimeException e) {
            progress.clear();
            err.println("vault-ls: error: cannot read vault " + root + ": " + e.getMessage());
            return 2;
        }
        List<Finding> findings = report.findings();
        progress.clear(); // before the report, which may go to the same terminal
        long ms = (System.nanoTime() - t0) / 1_000_000;
        CheckResult result = new CheckResult(root, report.notes(), report.links(), findings, ms);
        try {
            format.write(result, out);
        } catch (IOException e) {
            err.println("vault-ls: error: cannot write report: " + e.getMessage());
            return 2;
        }
        out.flush();
        long reported = System.nanoTime();
        // the caches are written while the report is (they are renamed into place whole, so an exit
        // before they are done leaves the old ones); check ends once they are
        loader.awaitCacheWrite();
        await(reportWrite);
        if (timing()) {
            err.println("vault-ls: timing: " + sinceStart(t0) + "list " + (listed - t0) / 1_000_000
                    + " ms, load " + (loaded - listed) / 1_000_000 + " ms (" + loader.timings() + "), checks "
                    + (checked - loaded) / 1_000_000 + " ms, report " + (reported - checked) / 1_000_000
                    + " ms, cache write wait " + (System.nanoTime() - reported) / 1_000_000 + " ms");
        }
        err.println(summary(result));
        if (failOn.isEmpty()) {
            return 0;
        }
        Severity threshold = failOn.get();
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold)) ? 1 : 0;
    }

    private static void await(Thread t) {
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code VAULT_LS_TIMING=1}: phase timings on stderr after the report. */
    private static boolean timing() {
        String v = System.getenv("VAULT_LS_TIMING");
        return v != null && !v.isBlank() && !v.equals("0");
    }

    /** "start 340 ms, ": from the JVM's start to {@code t0}, when known. */
    private static String sinceStart(long t0) {
        // The JVM's own start time, in milliseconds: ProcessHandle's start instant is derived from the
        // boot time in whole seconds on Linux, so it was off by up to a second.
        long up;
        try {
            up = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000;
        } catch (RuntimeException | LinkageError e) {
            return "";
        }
        return "start " + Math.max(0, up - (System.nanoTime() - t0)) / 1_000_000 + " ms, ";
    }

    /** {@code 120 notes, 300 links: 3 errors, 12 warnings, 4 hints in 85 ms}; severities with none are left out. */
    static String summary(CheckResult r) {
        var counts = ReportFormat.counts(r);
        StringBuilder sb = new StringBuilder();
        sb.append(plural(r.notes(), "note", "notes")).append(", ").append(plural(r.links(), "link", "links")).append(": ");
        String[][] names = {{"error", "errors"}, {"warning", "warnings"}, {"information", "information"},
                {"hint", "hints"}};
        Severity[] order = {Severity.ERROR, Severity.WARNING, Severity.INFORMATION, Severity.HINT};
        boolean any = false;
        for (int i = 0; i < order.length; i++) {
            int n = counts.get(order[i]);
            if (n > 0) {
                sb.append(any ? ", " : "").append(plural(n, names[i][0], names[i][1]));
                any = true;
            }
        }
        if (!any) {
            sb.append("no findings");
        }
        return sb.append(" in ").append(r.millis()).append(" ms").toString();
    }

    private static String plural(long n, String one, String many) {
        return Terminal.count(n) + " " + (n == 1 ? one : many);
    }

    private static int usage(PrintStream err, String message) {
        err.println("vault-ls: error: " + message + " (see --help)");
        return 2;
    }
}
