package org.vaultls.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.vaultls.features.diagnostics.LinkDiagnosis;
import org.vaultls.index.NameSuggester;
import org.vaultls.vault.VaultPaths;

/**
 * Times the "did you mean" look-up of broken links ({@link NameSuggester}) on a vault: the names are its
 * notes' file names, the queries every distinct wikilink target that names no note (the broken links a
 * check suggests names for). Prints the build time, then per pass over all queries the wall time and
 * the time per query, and the median pass, with the load average. Each pass asks a suggester of its
 * own, built untimed, so every query is searched (a suggester remembers the answers it gave).
 *
 * <pre>java -cp vault-ls-bench.jar:vault-ls.jar org.vaultls.bench.SuggestBench VAULT [--passes N] [--max N]</pre>
 *
 * <p>Run it with check's JIT flags ({@code -XX:TieredStopAtLevel=1}) to see what a check pays; the
 * first pass includes the compilation of the look-up.
 */
public final class SuggestBench {
    private static final Pattern LINK = Pattern.compile("\\[\\[([^\\]|#^\\n]+)");

    private SuggestBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: SuggestBench VAULT [--passes N] [--max N]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int passes = 5;
        int max = LinkDiagnosis.MAX_FIXES;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--passes" -> passes = Integer.parseInt(args[i + 1]);
                case "--max" -> max = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
        }
        List<String> names = new ArrayList<>(files.size());
        Set<String> folded = new HashSet<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            n = n.substring(0, n.length() - 3);
            names.add(n);
            folded.add(VaultPaths.fold(n));
        }
        Set<String> queries = new LinkedHashSet<>();
        for (Path f : files) {
            Matcher m = LINK.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1).trim();
                String base = target.substring(target.lastIndexOf('/') + 1);
                if (!base.isEmpty() && !folded.contains(VaultPaths.fold(base))) {
                    queries.add(base);
                }
            }
        }
        long b0 = System.nanoTime();
        NameSuggester suggester = new NameSuggester(names);
        long built = System.nanoTime() - b0;
        System.out.printf(Locale.ROOT, "%d names, %d distinct broken-link targets; built in %.0f ms%n",
                names.size(), queries.size(), built / 1e6);
        double[] ms = new double[passes];
        long found = 0;
        for (int p = 0; p < passes; p++) {
            // a suggester of its own per pass: it remembers its answers, and each pass is to search
            NameSuggester fresh = p == 0 ? suggester : new NameSuggester(names);
            long t0 = System.nanoTime();
            for (String q : queries) {
                found += fresh.closest(q, max).size();
            }
            ms[p] = (System.nanoTime() - t0) / 1e6;
            System.out.printf(Locale.ROOT, "pass %d: %.0f ms, %.1f us a query%n", p + 1, ms[p],
                    ms[p] * 1000 / Math.max(1, queries.size()));
        }
        Arrays.sort(ms);
        double median = passes % 2 == 1 ? ms[passes / 2] : (ms[passes / 2 - 1] + ms[passes / 2]) / 2;
        System.out.printf(Locale.ROOT, "median pass %.0f ms, %.1f us a query, %d names suggested a pass; load average %s%n",
                median, median * 1000 / Math.max(1, queries.size()), found / passes, loadAverage());
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
