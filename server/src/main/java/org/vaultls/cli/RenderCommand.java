package org.vaultls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.vaultls.dataview.DqlRender;
import org.vaultls.features.dataview.BlockResult;
import org.vaultls.features.dataview.BlockResults;
import org.vaultls.features.dataview.DataviewBlocks;
import org.vaultls.features.dataview.DataviewBlocks.Block;
import org.vaultls.features.dataview.ResultsSection;
import org.vaultls.text.Dates;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;

/**
 * {@code vault-ls render [VAULT] --out DIR [--force] [--today DAY]}: a static copy of the vault in DIR,
 * each note's dataview blocks replaced by their rendered markdown (links as wikilinks), every other
 * file of the vault (attachments) copied as it is. Hidden folders, the config folder and ignored files
 * are left out, as the index leaves them out. dataviewjs blocks, and blocks whose query fails, stay as
 * written (the failure is reported on stderr). Nothing is written inside the vault: DIR may not be the
 * vault, inside it or around it, and an existing DIR must be empty unless {@code --force} (which writes
 * over files of the same name and deletes nothing). Exit 0 when written, 2 on a usage or I/O problem.
 */
final class RenderCommand {
    private RenderCommand() {
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String dir = null;
        String outDir = null;
        boolean force = false;
        Clock clock = Dates.defaultClock();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--out", "-o", "--today" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            return usage(err, a + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (a.equals("--today")) {
                        Optional<LocalDate> day = Dates.day(value);
                        if (day.isEmpty() || value.strip().length() != 10) {
                            return usage(err, "--today needs a date YYYY-MM-DD, not '" + value + "'");
                        }
                        clock = Clock.fixed(day.get().atStartOfDay(java.time.ZoneId.systemDefault()).toInstant(),
                                java.time.ZoneId.systemDefault());
                    } else {
                        outDir = value;
                    }
                }
                case "--force" -> force = true;
                case "--help", "-h" -> {
                    out.println(Main.USAGE);
                    return 0;
                }
                default -> {
                    if (a.startsWith("-")) {
                        return usage(err, "unknown option '" + args[i] + "'");
                    }
                    if (dir != null) {
                        return usage(err, "only one vault folder may be given ('" + dir + "' and '" + a + "')");
                    }
                    dir = a;
                }
            }
        }
        if (outDir == null) {
            return usage(err, "render needs --out DIR, the folder to write the copy to");
        }
        Path root = Path.of(dir == null ? "." : dir).toAbsolutePath().normalize();
        Path target = Path.of(outDir).toAbsolutePath().normalize();
        Optional<String> refused = refusal(root, target, force);
        if (refused.isPresent()) {
            err.println("vault-ls: error: " + refused.get());
            return 2;
        }
        Optional<OpenVault> vault = OpenVault.load(dir, err);
        if (vault.isEmpty()) {
            return 2;
        }
        try {
            return write(vault.get(), target, clock, out, err);
        } catch (IOException e) {
            err.println("vault-ls: error: cannot write " + target + ": " + e.getMessage());
            return 2;
        }
    }

    /** Why the copy may not go to {@code target}, or empty. */
    static Optional<String> refusal(Path root, Path target, boolean force) {
        Path realRoot = real(root);
        Path realTarget = real(target);
        if (realTarget.startsWith(realRoot)) {
            return Optional.of("--out " + target + " is inside the vault " + root
                    + "; render never writes to the vault: choose a folder outside it");
        }
        if (realRoot.startsWith(realTarget)) {
            return Optional.of("--out " + target + " holds the vault " + root
                    + "; render never writes to the vault: choose a folder outside it");
        }
        if (Files.exists(target) && !Files.isDirectory(target)) {
            return Optional.of("--out " + target + " is a file, not a folder");
        }
        if (!force && Files.isDirectory(target)) {
            try (Stream<Path> entries = Files.list(target)) {
                if (entries.findAny().isPresent()) {
                    return Optional.of("--out " + target + " is not empty; pass --force to write over its files"
                            + " (nothing is deleted)");
                }
            } catch (IOException e) {
                return Optional.of("cannot read --out " + target + ": " + e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** The real path of the deepest existing part of {@code p}, with the rest appended. */
    private static Path real(Path p) {
        Path existing = p;
        List<Path> rest = new ArrayList<>();
        while (existing != null && !Files.exists(existing)) {
            rest.add(0, existing.getFileName());
            existing = existing.getParent();
        }
        Path out;
        try {
            out = existing == null ? p : existing.toRealPath();
        } catch (IOException e) {
            out = existing;
        }
        for (Path r : rest) {
            out = out.resolve(r);
        }
        return out;
    }

    private static int write(OpenVault vault, Path target, Clock clock, PrintStream out, PrintStream err)
            throws IOException {
        VaultIndex index = vault.index();
        VaultLoader.Listing listing = vault.loader().list();
        BlockResults results = new BlockResults(Long.MAX_VALUE / 4, clock);
        Files.createDirectories(target);
        int blocks = 0;
        int failed = 0;
        int copied = 0;
        for (String path : listing.notes()) {
            Optional<Note> note = index.note(path);
            Path dest = target.resolve(path);
            Files.createDirectories(dest.getParent());
            if (note.isEmpty()) {
                Files.copy(vault.root().resolve(path), dest, StandardCopyOption.REPLACE_EXISTING);
                continue;
            }
            Rendered r = render(index, note.get(), results);
            blocks += r.blocks();
            for (String problem : r.problems()) {
                failed++;
                err.println("vault-ls: warning: " + problem);
            }
            Files.writeString(dest, r.text(), StandardCharsets.UTF_8);
        }
        for (String path : listing.attachments()) {
            Path dest = target.resolve(path);
            Files.createDirectories(dest.getParent());
            Files.copy(vault.root().resolve(path), dest, StandardCopyOption.REPLACE_EXISTING);
            copied++;
        }
        out.println("rendered " + blocks + " dataview " + (blocks == 1 ? "block" : "blocks") + " in "
                + listing.notes().size() + " notes, copied " + copied + (copied == 1 ? " attachment" : " attachments")
                + " to " + target + (failed > 0 ? " (" + failed + " left as written, see above)" : ""));
        return 0;
    }

    /** A note's text with its blocks rendered, how many were, and the blocks that could not be. */
    record Rendered(String text, int blocks, List<String> problems) {
    }

    static Rendered render(VaultIndex index, Note note, BlockResults results) {
        String text = note.text();
        String nl = text.contains("\r\n") ? "\r\n" : "\n";
        StringBuilder out = new StringBuilder();
        List<String> problems = new ArrayList<>();
        int done = 0;
        int last = 0;
        for (Block b : DataviewBlocks.of(note)) {
            if (b.js()) {
                continue;
            }
            BlockResult r = results.of(index, note, b);
            int line = note.lines().lineOf(b.start());
            if (!r.isOk()) {
                problems.add(note.path() + ":" + (line + 1) + ": dataview block left as written: " + r.error().orElse(""));
                continue;
            }
            int lastLine = note.lines().lineOf(Math.max(b.start(), b.end() - 1));
            int end = lastLine + 1 < note.lines().lineCount() ? note.lines().lineStart(lastLine + 1) : text.length();
            out.append(text, last, b.start());
            String md = DqlRender.markdown(r.result().get(), p -> ResultsSection.linkText(index, p), Integer.MAX_VALUE);
            out.append(md.replace("\n", nl));
            last = end;
            done++;
        }
        out.append(text.substring(last));
        return new Rendered(out.toString(), done, problems);
    }

    private static int usage(PrintStream err, String message) {
        err.println("vault-ls: error: " + message + " (see --help)");
        return 2;
    }
}
