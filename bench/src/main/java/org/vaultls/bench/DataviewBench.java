package org.vaultls.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.SettingsResolver;
import org.vaultls.config.VaultConfig;
import org.vaultls.dataview.Dql;
import org.vaultls.dataview.DqlEngine;
import org.vaultls.dataview.DqlParser;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;

/**
 * Times the Dataview engine on a vault: loads it as {@code check} does (no note cache), picks person notes
 * ({@code People/}), and evaluates each of their dataview blocks (the seeds' three queries) many times,
 * printing the median and p95 wall time and the median CPU time of the evaluating thread per block
 * position, with the load average (on a shared machine the CPU time says more than the wall time).
 *
 * <pre>java -cp vault-ls-bench.jar:vault-ls.jar org.vaultls.bench.DataviewBench VAULT [--people N] [--runs N]</pre>
 *
 * <p>Each (note, block) pair is first run {@code --warmup} times (JIT), then {@code --runs} times; every
 * timed run parses and evaluates the block, as a hover or a code lens would.
 */
public final class DataviewBench {
    private static final Pattern BLOCK = Pattern.compile("```dataview\\n(.*?)```", Pattern.DOTALL);

    private DataviewBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DataviewBench VAULT [--people N] [--runs N] [--warmup N]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int people = 20;
        int runs = 15;
        int warmup = 10;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--people" -> people = Integer.parseInt(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        VaultConfig config = SettingsResolver.resolve(null, root.resolve(VaultConfig.FILE_NAME), w -> { });
        ObsidianSettings obsidian = ObsidianSettings.load(root, config.configFolder(), w -> { });
        VaultIndex index = new VaultLoader(root, config, obsidian, w -> { }).load();
        System.out.printf(Locale.ROOT, "loaded %d notes in %.0f ms%n", index.notes().size(), (System.nanoTime() - t0) / 1e6);

        List<Note> persons = new ArrayList<>();
        for (Note n : index.notes().values()) {
            if (n.path().startsWith("People/") && BLOCK.matcher(n.text()).find()) {
                persons.add(n);
            }
        }
        persons.sort((a, b) -> a.path().compareTo(b.path()));
        int step = Math.max(1, persons.size() / Math.max(1, people));
        List<Note> picked = new ArrayList<>();
        for (int i = 0; i < persons.size() && picked.size() < people; i += step) {
            picked.add(persons.get(i));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<List<Double>> times = new ArrayList<>();
        List<List<Double>> cpu = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> rowCounts = new ArrayList<>();
        for (Note n : picked) {
            Matcher m = BLOCK.matcher(n.text());
            int b = 0;
            while (m.find()) {
                String query = m.group(1);
                if (times.size() <= b) {
                    times.add(new ArrayList<>());
                    cpu.add(new ArrayList<>());
                    labels.add(query.strip().replaceAll("\\s+", " "));
                    rowCounts.add(0);
                }
                for (int i = 0; i < warmup; i++) {
                    evaluate(index, n, query);
                }
                for (int i = 0; i < runs; i++) {
                    long c = threads.getCurrentThreadCpuTime();
                    long s = System.nanoTime();
                    DqlEngine.Result r = evaluate(index, n, query);
                    times.get(b).add((System.nanoTime() - s) / 1e6);
                    cpu.get(b).add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                    if (i == 0) {
                        rowCounts.set(b, rowCounts.get(b) + r.rows().size());
                        if (r.error().isPresent()) {
                            System.out.println("error in " + n.path() + ": " + r.error().get());
                        }
                    }
                }
                b++;
            }
        }
        System.out.printf(Locale.ROOT, "%d person notes, %d runs each after %d warm-up runs; load average: %s%n",
                picked.size(), runs, warmup, loadAverage());
        System.out.printf(Locale.ROOT, "%-6s %10s %10s %13s %10s  %s%n", "block", "median ms", "p95 ms",
                "median cpu ms", "rows/note", "query");
        for (int b = 0; b < times.size(); b++) {
            double[] t = sorted(times.get(b));
            System.out.printf(Locale.ROOT, "%-6d %10.2f %10.2f %13.2f %10.1f  %s%n", b + 1, t[t.length / 2],
                    t[Math.min(t.length - 1, (int) Math.ceil(t.length * 0.95) - 1)], sorted(cpu.get(b))[t.length / 2],
                    rowCounts.get(b) / (double) picked.size(), labels.get(b));
        }
    }

    private static double[] sorted(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static DqlEngine.Result evaluate(VaultIndex index, Note self, String query) {
        Dql.ParseResult p = DqlParser.parse(query);
        return p.query().map(q -> DqlEngine.run(index, self, q)).orElseThrow(() ->
                new IllegalStateException("parse error in " + self.path() + ": " + p.error()));
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" "))
                    .subList(0, 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
