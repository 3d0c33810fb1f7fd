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
        try {
            Path cfg = configFile != null ? Path.of(configFile) : root.resolve(VaultConfig.FILE_NAME);
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
        VaultIndex index;
        VaultLoader loader = new VaultLoader(root, config, obsidian, warn);
        try {
            if (!noCache && config.cache()) {
                loader.withCache(NoteCache.forVault(root, warn));
            }
            index = loader.load((done, total) ->
                    progress.show("vault-ls: " + Terminal.count(done) + "/" + Terminal.count(total) + " notes",
                            done == total));
        } catch (IOException | RuntimeException e) {
            progress.clear();
            err.println("vault-ls: error: cannot read vault " + root + ": " + e.getMessage());
            return 2;
        }
        progress.show("vault-ls: checking " + Terminal.count(index.notes().size()) + " notes", true);
        List<Finding> findings = Diagnostics.forVault(index, clock);
        loader.awaitCacheWrite();
        progress.clear(); // before the report, which may go to the same terminal
        long ms = (System.nanoTime() - t0) / 1_000_000;
        CheckResult result = new CheckResult(root, index.notes().size(), index.linkCount(), findings, ms);
        try {
            format.write(result, out);
        } catch (IOException e) {
            err.println("vault-ls: error: cannot write report: " + e.getMessage());
            return 2;
        }
        out.flush();
        err.println(summary(result));
        if (failOn.isEmpty()) {
            return 0;
        }
        Severity threshold = failOn.get();
        return findings.stream().anyMatch(f -> f.severity().atLeast(threshold)) ? 1 : 0;
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
