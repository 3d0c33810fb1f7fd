package org.vaultls.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.dataview.BlockResults;
import org.vaultls.features.dataview.DataviewBlocks;
import org.vaultls.text.Dates;
import org.vaultls.features.hover.HoverCard;
import org.vaultls.features.hover.Hovers;
import org.vaultls.features.lens.CodeLenses;
import org.vaultls.features.lens.Lens;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * Times dataview results in the editor, in-process over the feature classes the server calls (the same
 * {@link BlockResults#SHARED} cache, its evaluation threads included; no JSON-RPC): hovers on each of a
 * person note's blocks and the note's code lenses (backlinks, open tasks, and one lens per block), on a
 * person first seen (nothing cached: every block evaluated), again (cached), after an edit of the
 * person's own note (as while typing there: the two task blocks, whose rows include the note's tasks,
 * evaluated again; the {@code FROM "Projects"} list, which reads only {@code this.file.link}, kept) and
 * after an edit of a daily note (the task blocks evaluated again, the list kept).
 *
 * <pre>
 * java -cp vault-ls-bench.jar:vault-ls.jar org.vaultls.bench.DataviewEditorBench &lt;vaultDir&gt;
 *      [--iterations N=100] [--warmup W=30]
 * </pre>
 *
 * Each figure is over N different person notes (after W others to warm the JIT up): median, p95 and
 * max in milliseconds, with the load average at the start and the end.
 */
public final class DataviewEditorBench {
    private DataviewEditorBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DataviewEditorBench <vaultDir> [--iterations N] [--warmup W]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int iterations = 100;
        int warmup = 30;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String loadBefore = load();
        long t0 = System.nanoTime();
        VaultIndex index = new VaultLoader(root, VaultConfig.defaults(), ObsidianSettings.defaults(),
                w -> { }).load((d, t) -> { });
        System.out.printf(Locale.ROOT, "loaded %d notes in %d ms%n", index.notes().size(),
                (System.nanoTime() - t0) / 1_000_000);
        List<Note> people = new ArrayList<>();
        for (Note n : index.notes().values()) {
            if (n.path().startsWith("People/") && DataviewBlocks.of(n).size() == 3) {
                people.add(n);
            }
        }
        Collections.shuffle(people, new java.util.Random(7));
        if (people.size() < warmup + iterations) {
            throw new IllegalStateException("only " + people.size() + " person notes with three blocks");
        }
        Clock clock = Dates.defaultClock();
        String daily = index.notes().keySet().stream().filter(p -> p.startsWith("Daily/")).findFirst().orElseThrow();
        Runner run = new Runner(index);
        List<Note> warm = people.subList(0, warmup);
        List<Note> measured = people.subList(warmup, warmup + iterations);
        for (Note p : warm) {
            run.all(p, clock, daily, null);
        }
        Figures f = new Figures();
        for (Note p : measured) {
            run.all(p, clock, daily, f);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-58s %8s %8s %8s%n", "over " + iterations + " person notes (ms)", "median",
                "p95", "max");
        f.print();
        System.out.println();
        System.out.println("load average before: " + loadBefore + "   after: " + load());
        System.exit(0);
    }

    /** The figures, by name, in the order first measured. */
    private static final class Figures {
        final java.util.LinkedHashMap<String, List<Double>> byName = new java.util.LinkedHashMap<>();

        void add(String name, double ms) {
            byName.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
        }

        void print() {
            byName.forEach((name, values) -> {
                List<Double> v = new ArrayList<>(values);
                Collections.sort(v);
                System.out.printf(Locale.ROOT, "%-58s %8.2f %8.2f %8.2f%n", name, v.get(v.size() / 2),
                        v.get(Math.min(v.size() - 1, (int) Math.ceil(v.size() * 0.95) - 1)), v.get(v.size() - 1));
            });
        }
    }

    /** One person's measurements, on the index as the edits leave it. */
    private static final class Runner {
        VaultIndex index;

        Runner(VaultIndex index) {
            this.index = index;
        }

        void all(Note person, Clock clock, String daily, Figures f) {
            String[] names = {"Projects (LIST FROM \"Projects\")", "Open Tasks (TASK FROM \"\")",
                    "Tasks They Own (TASK WHERE @Owner)"};
            List<DataviewBlocks.Block> blocks = DataviewBlocks.of(person);
            // hovers first, on a person nothing is cached for: each hover evaluates its block
            for (int b = 0; b < 3; b++) {
                int offset = blocks.get(b).queryStart() + 2;
                time(f, "hover, first, " + names[b], () -> hover(person, offset, clock));
            }
            for (int b = 0; b < 3; b++) {
                int offset = blocks.get(b).queryStart() + 2;
                time(f, "hover, again (cached), " + names[b], () -> hover(person, offset, clock));
            }
            Note self = edit(person.path(), person.text() + "\n");
            time(f, "lenses, after an edit of the person's note (2 task blocks)", () -> lenses(self));
            time(f, "lenses, again (cached)", () -> lenses(self));
            Note d = index.note(daily).orElseThrow();
            edit(daily, d.text() + "\n");
            Note now = index.note(person.path()).orElseThrow();
            time(f, "lenses, after an edit of a daily note (2 task blocks)", () -> lenses(now));
        }

        private Object hover(Note person, int offset, Clock clock) {
            HoverCard card = Hovers.hover(index, person, offset, p -> "file:///" + p, clock).orElseThrow();
            if (!card.markdown().startsWith("**Dataview**")) {
                throw new IllegalStateException(card.markdown());
            }
            return card;
        }

        private Object lenses(Note person) {
            List<Lens> l = CodeLenses.of(index, person, CancelCheck.NEVER);
            if (l.size() < 4) {
                throw new IllegalStateException("no block lenses for " + person.path() + ": " + l);
            }
            return l;
        }

        /** Applies an edit as the server's updater does: a new snapshot, the change to the results. */
        private Note edit(String path, String text) {
            VaultChange change = index.apply(List.of(NoteParser.parse(path, text)), List.of(), List.of(), List.of());
            BlockResults.SHARED.changed(change);
            index = change.after();
            return index.note(path).orElseThrow();
        }

        private static void time(Figures f, String name, Supplier<Object> work) {
            long t = System.nanoTime();
            work.get();
            double ms = (System.nanoTime() - t) / 1e6;
            if (f != null) {
                f.add(name, ms);
            }
        }
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
