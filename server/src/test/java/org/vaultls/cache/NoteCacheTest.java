package org.vaultls.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.diagnostics.Diagnostics;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.BoundedParse;
import org.vaultls.vault.Note;

class NoteCacheTest {
    private static final String FP = "format=test";

    @TempDir
    Path tmp;

    /** Every part of a note, in a form that compares with equals. */
    static List<Object> parts(Note n) {
        return List.of(n.path(), n.name(), n.title(), n.text(), n.frontmatter(), n.links(), n.headings(),
                n.blocks(), n.tags(), n.tasks(), n.aliases(), n.problems(), n.regions().list(),
                n.lines().lineCount());
    }

    static final List<String> TRICKY = List.of(
            "",
            "plain text, no markup",
            "---\ntitle: Ada\naliases: [Ada B, \"A. Berg\"]\ntags:\n  - people\n  - ''\nnested:\n  a: 1\n  b: [x, {c: d}]\n"
                    + "empty:\nnull: ~\n---\n# Ada 😀 Berg\n\nSee [[Tom Reyes#Role|Tom]] and ![[chart.png]] ^blk1\n",
            "---\ntitle: [unclosed\n---\nbody [[X]]\n",
            "---\n---\n",
            "\r\n# CRLF\r\n- [ ] task @Ada 📅 2026-01-02 [due:: 2026-01-03]\r\n- [x] done @Tom\r\n",
            "```dataview\nLIST FROM #x\n```\n`= this.file` %% comment [[Hidden]] %%\n<!-- html -->\n<div>x</div>\n",
            "[md](Other%20Note.md#Head) [[#Local]] [[#^blk]] [[A#B#C]] #tag/sub #123 `code [[no]]`\n\n    indented [[no]]\n",
            "\uD83D\uDE00 lone \uD83D and \uDE00 surrogates [[\uD83D]]\n> quote ^q1\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n^table\n",
            "a".repeat(70_000) + " [[Long]]\n",
            "# H1\n## H2\n### H3 [[In Heading]]\n#### H4\n##### H5\n###### H6\n####### not\n");

    @Test
    void everyNoteOfTheTestVaultAndTrickyNotesReadBackEqual() throws IOException {
        List<Note> notes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("..", "test-vault"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                notes.add(VaultLoader.decodeAndParse(p.toString(), Files.readAllBytes(p)));
            }
        }
        assertTrue(notes.size() > 10, "test-vault found");
        for (int i = 0; i < TRICKY.size(); i++) {
            notes.add(BoundedParse.parse("tricky/" + i + ".md", TRICKY.get(i)));
        }
        notes.add(VaultLoader.decodeAndParse("bom.md", "\uFEFF# Bom".getBytes(StandardCharsets.UTF_8)));
        notes.add(VaultLoader.decodeAndParse("bad.md", new byte[] {'a', (byte) 0xC3, '[', '[', 'x', ']', ']'}));
        notes.add(VaultLoader.decodeAndParse("bin.md", new byte[] {'a', 0, 'b'}));
        NoteCache cache = new NoteCache(tmp, Path.of("/vault"), FP, w -> { });
        List<NoteCache.Fresh> fresh = new ArrayList<>();
        for (Note n : notes) {
            fresh.add(new NoteCache.Fresh(n, 1, 2, 3, !n.text().isEmpty()));
        }
        cache.write(fresh);
        Map<String, NoteCache.Entry> back = cache.read();
        assertEquals(notes.size(), back.size());
        for (Note n : notes) {
            NoteCache.Entry e = back.get(n.path());
            Note r = e.note(e.textFromFile() ? n.text() : null);
            assertEquals(parts(n), parts(r), n.path());
        }
    }

    /** What a second start writes: the notes read back from the cache unchanged, and the others. */
    private static List<NoteCache.Fresh> again(Map<String, NoteCache.Entry> back, List<String> keep,
                                               List<Note> changed) {
        List<NoteCache.Fresh> fresh = new ArrayList<>();
        for (String path : keep) {
            NoteCache.Entry e = back.get(path);
            fresh.add(new NoteCache.Fresh(e.note(""), e.size, e.modified, e.crc, false, e));
        }
        for (Note n : changed) {
            fresh.add(new NoteCache.Fresh(n, 1, 2, 3, false));
        }
        return fresh;
    }

    @Test
    void unchangedEntriesAreCopiedAndReadBackEqualBesideNewlyEncodedOnes() throws IOException {
        NoteCache cache = new NoteCache(tmp, Path.of("/vault"), FP, w -> { });
        Note a = BoundedParse.parse("a.md", TRICKY.get(2));
        Note b = BoundedParse.parse("b.md", TRICKY.get(6));
        Note c = BoundedParse.parse("c.md", "only here: [[Zebulonquist]]\n");
        cache.write(List.of(new NoteCache.Fresh(a, 1, 2, 3, false), new NoteCache.Fresh(b, 1, 2, 3, false),
                new NoteCache.Fresh(c, 1, 2, 3, false)));
        Note b2 = BoundedParse.parse("b.md", TRICKY.get(5) + "[[Newcomer]] #fresh\n");
        Note d = BoundedParse.parse("d.md", TRICKY.get(7));
        cache.write(again(cache.read(), List.of("a.md"), List.of(b2, d)));

        Map<String, NoteCache.Entry> back = cache.read();
        assertEquals(List.of("a.md", "b.md", "d.md"), new TreeMap<>(back).keySet().stream().toList());
        assertEquals(parts(a), parts(back.get("a.md").note(a.text())));
        assertEquals(parts(b2), parts(back.get("b.md").note(b2.text())));
        assertEquals(parts(d), parts(back.get("d.md").note(d.text())));
        // a's bytes were copied, so the old string table came along, strings of the deleted c too
        String file = new String(Files.readAllBytes(cache.file()), StandardCharsets.ISO_8859_1);
        assertTrue(file.contains("Zebulonquist"), "the previous table is kept when entries are copied");
    }

    @Test
    void copyingEntriesDoesNotGrowTheStringTableWithoutBound() throws IOException {
        NoteCache cache = new NoteCache(tmp, Path.of("/vault"), FP, w -> { });
        List<NoteCache.Fresh> first = new ArrayList<>();
        List<String> keep = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            first.add(new NoteCache.Fresh(BoundedParse.parse("n" + i + ".md", TRICKY.get(2) + "[[T" + i + "]]\n"),
                    1, 2, 3, false));
            keep.add("n" + i + ".md");
        }
        cache.write(first);
        long initial = Files.size(cache.file());
        long largest = 0;
        for (int round = 0; round < 200; round++) {
            // one note edited each time, with strings never seen before
            Note edited = BoundedParse.parse("n0.md", "[[Unique" + round + "x]] #tag" + round + " [[Other" + round + "]]\n");
            cache.write(again(cache.read(), keep.subList(1, keep.size()), List.of(edited)));
            largest = Math.max(largest, Files.size(cache.file()));
            assertEquals(parts(edited), parts(cache.read().get("n0.md").note(edited.text())), "round " + round);
        }
        assertTrue(largest < initial * 2, "the table is encoded afresh before it grows much: " + largest
                + " bytes, first write " + initial);
    }

    /** A copied entry whose text the cache keeps refers to the copied table's string, not a new copy of it. */
    @Test
    void copyingAnEntryWithItsTextKeptDoesNotAddTheTextAgain() throws IOException {
        NoteCache cache = new NoteCache(tmp, Path.of("/vault"), FP, w -> { });
        String text = "kept in the cache " + "x".repeat(20_000) + "\n";
        Note kept = BoundedParse.parse("kept.md", text);
        cache.write(List.of(new NoteCache.Fresh(kept, 1, 2, 3, false)));
        long first = Files.size(cache.file());
        for (int round = 0; round < 3; round++) {
            cache.write(again(cache.read(), List.of("kept.md"), List.of()));
            assertEquals(first, Files.size(cache.file()), "round " + round);
            NoteCache.Entry e = cache.read().get("kept.md");
            assertEquals(text, e.note(null).text());
        }
    }

    private NoteCache written(Path dir) {
        NoteCache cache = new NoteCache(dir, Path.of("/vault"), FP, w -> { });
        cache.write(List.of(new NoteCache.Fresh(BoundedParse.parse("a.md", TRICKY.get(2)), 1, 2, 3, true),
                new NoteCache.Fresh(BoundedParse.parse("b.md", TRICKY.get(5)), 1, 2, 3, true)));
        assertEquals(2, cache.read().size());
        return cache;
    }

    @Test
    void aTruncatedCacheIsIgnored() throws IOException {
        NoteCache cache = written(tmp);
        byte[] b = Files.readAllBytes(cache.file());
        for (int len : new int[] {0, 3, 17, b.length / 2, b.length - 1}) {
            Files.write(cache.file(), java.util.Arrays.copyOf(b, len));
            assertEquals(Map.of(), cache.read(), "truncated to " + len);
        }
    }

    @Test
    void aCacheWithAnyByteFlippedIsIgnored() throws IOException {
        NoteCache cache = written(tmp);
        byte[] b = Files.readAllBytes(cache.file());
        for (int i = 0; i < b.length; i += Math.max(1, b.length / 97)) {
            byte[] c = b.clone();
            c[i] ^= 0x5A;
            Files.write(cache.file(), c);
            assertEquals(Map.of(), cache.read(), "byte " + i + " flipped");
        }
    }

    @Test
    void aCacheOfAnotherBuildOrVaultIsIgnored() {
        written(tmp);
        assertEquals(Map.of(), new NoteCache(tmp, Path.of("/vault"), "format=other", w -> { }).read());
        NoteCache same = new NoteCache(tmp, Path.of("/vault"), FP, w -> { });
        assertEquals(2, same.read().size());
        assertTrue(NoteCache.buildFingerprint().contains("format=" + NoteCache.FORMAT));
    }

    @Test
    void anUnwritableCacheFolderWarnsOnceAndCostsOnlySpeed() throws IOException {
        // a folder under a plain file can be made by no one, root included (chmod would not stop root)
        Path dir = Files.writeString(tmp.resolve("file"), "x").resolve("notes");
        List<String> warnings = new CopyOnWriteArrayList<>();
        NoteCache cache = new NoteCache(dir, Path.of("/vault"), FP, warnings::add);
        cache.write(List.of(new NoteCache.Fresh(BoundedParse.parse("a.md", "x"), 1, 2, 3, true)));
        cache.write(List.of(new NoteCache.Fresh(BoundedParse.parse("a.md", "x"), 1, 2, 3, true)));
        assertEquals(Map.of(), cache.read());
        assertTrue(warnings.size() <= 1, warnings.toString()); // once per process, maybe said already

        Path vault = Files.createDirectories(tmp.resolve("vault"));
        Files.writeString(vault.resolve("a.md"), "[[b]]");
        VaultLoader loader = new VaultLoader(vault, VaultConfig.defaults(), ObsidianSettings.defaults(), w -> { })
                .withCache(new NoteCache(dir, vault, FP, w -> { }));
        VaultIndex index = loader.load();
        loader.awaitCacheWrite();
        assertEquals(1, index.notes().size());
    }

    @Test
    void twoWritersLeaveOneWholeCache() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int w = 0; w < 4; w++) {
            int id = w;
            threads.add(new Thread(() -> {
                try {
                    NoteCache c = new NoteCache(tmp, Path.of("/vault"), FP, x -> { });
                    for (int i = 0; i < 20; i++) {
                        List<NoteCache.Fresh> notes = new ArrayList<>();
                        for (int k = 0; k <= id; k++) {
                            notes.add(new NoteCache.Fresh(BoundedParse.parse(k + ".md", TRICKY.get(2)), 1, 2, 3, true));
                        }
                        c.write(notes);
                        int n = c.read().size();
                        if (n < 1 || n > 4) {
                            failures.add(new AssertionError("read " + n));
                        }
                    }
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(1, left.count(), "no temporary file left");
        }
    }

    @Test
    void onlyTheMostRecentlyUsedVaultCachesAreKept() throws IOException {
        for (int i = 0; i < NoteCache.KEEP + 3; i++) {
            NoteCache c = new NoteCache(tmp, Path.of("/vault" + i), FP, w -> { });
            c.write(List.of(new NoteCache.Fresh(BoundedParse.parse("a.md", "x"), 1, 2, 3, true)));
            Files.setLastModifiedTime(c.file(), FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        new NoteCache(tmp, Path.of("/vault0"), FP, w -> { }).prune();
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(NoteCache.KEEP, left.count());
        }
        assertEquals(Map.of(), new NoteCache(tmp, Path.of("/vault0"), FP, w -> { }).read(), "oldest pruned");
    }

    // ---- warm equals cold, across restarts ----

    private static final List<String> NAMES = List.of("Ada Berg", "Tom Reyes", "Apollo", "Roadmap", "2026-01-02");

    private static String randomText(SplittableRandom rnd) {
        StringBuilder b = new StringBuilder();
        if (rnd.nextBoolean()) {
            b.append("---\n").append(rnd.nextBoolean() ? "type: people\n" : "aliases: [" + pick(rnd, NAMES) + "]\n")
                    .append(rnd.nextInt(4) == 0 ? "owner:\n" : "").append("---\n");
        }
        int n = rnd.nextInt(6);
        for (int i = 0; i < n; i++) {
            switch (rnd.nextInt(7)) {
                case 0 -> b.append("# ").append(pick(rnd, NAMES)).append('\n');
                case 1 -> b.append("See [[").append(pick(rnd, NAMES)).append(rnd.nextBoolean() ? "#Role" : "")
                        .append("]]\n");
                case 2 -> b.append("- [ ] call @").append(pick(rnd, NAMES).split(" ")[0]).append(" 📅 2026-01-0")
                        .append(1 + rnd.nextInt(8)).append('\n');
                case 3 -> b.append("#tag").append(rnd.nextInt(3)).append(" text ^b").append(rnd.nextInt(3)).append('\n');
                case 4 -> b.append("```\n[[In Code]]\n```\n");
                case 5 -> b.append("[[#Role]] [[Missing").append(rnd.nextInt(3)).append("]]\n");
                default -> b.append("## Role\n");
            }
        }
        return b.toString();
    }

    private static <T> T pick(SplittableRandom rnd, List<T> l) {
        return l.get(rnd.nextInt(l.size()));
    }

    /** Notes read ahead (as from a slow disk) load as notes read by the parsers, cached or not. */
    @Test
    void notesReadAheadLoadAsNotesReadByTheParsers() throws IOException {
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        for (int i = 0; i < 700; i++) {
            Files.writeString(vault.resolve("Note " + i + ".md"), "---\ntags: [t" + i % 7 + "]\n---\n# Note " + i
                    + "\n\nSee [[Note " + (i + 1) + "]] and [[Missing " + i + "]], #tag" + i % 5 + ".\n- [ ] task @Ada\n");
        }
        Map<String, String> parsed = findings(vault, null, NO_READ_AHEAD);
        assertEquals(parsed, findings(vault, null, 0), "read ahead without the cache");
        NoteCache cache = new NoteCache(tmp.resolve("cache"), vault, FP, w -> { });
        assertEquals(parsed, findings(vault, cache, 0), "read ahead, filling the cache");
        VaultLoader warm = new VaultLoader(vault, VaultConfig.defaults(), ObsidianSettings.defaults(), w -> { })
                .withCache(cache).withReadAheadAfter(0);
        warm.load();
        assertTrue(warm.timings().contains("700 of 700 from the cache"), warm.timings());
    }

    /** A {@link VaultLoader#withReadAheadAfter} threshold no read reaches: the parsers read every note. */
    private static final long NO_READ_AHEAD = Long.MAX_VALUE;

    private static Map<String, String> findings(Path vault, NoteCache cache) throws IOException {
        return findings(vault, cache, NO_READ_AHEAD);
    }

    private static Map<String, String> findings(Path vault, NoteCache cache, long readAheadAfter) throws IOException {
        VaultConfig config = VaultConfig.defaults();
        VaultLoader loader = new VaultLoader(vault, config, ObsidianSettings.defaults(), w -> { }).withCache(cache)
                .withReadAheadAfter(readAheadAfter);
        VaultIndex index = loader.load();
        loader.awaitCacheWrite();
        Map<String, String> out = new TreeMap<>();
        index.notes().values().forEach(n -> out.put(n.path(), parts(n).toString()));
        Diagnostics.forVault(index, java.time.Clock.fixed(java.time.Instant.parse("2026-01-05T00:00:00Z"),
                java.time.ZoneOffset.UTC)).forEach(f -> out.merge(f.toString(), "", (a, b) -> a + "+"));
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void aWarmCacheGivesWhatNoCacheGivesAcrossRandomChangesAndRestarts(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        Path vault = Files.createDirectories(tmp.resolve("vault"));
        List<String> folders = List.of("", "People/", "Projects/");
        for (int i = 0; i < 6; i++) {
            write(vault, pick(rnd, folders) + pick(rnd, NAMES) + ".md", randomText(rnd), rnd);
        }
        NoteCache cache = new NoteCache(tmp.resolve("cache"), vault, FP, w -> { });
        for (int restart = 0; restart < 25; restart++) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(vault)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            int changes = rnd.nextInt(3);
            for (int c = 0; c < changes; c++) {
                int op = rnd.nextInt(6);
                Path any = files.isEmpty() ? null : pick(rnd, files);
                if (any == null || op == 0) {
                    write(vault, pick(rnd, folders) + pick(rnd, NAMES) + ".md", randomText(rnd), rnd);
                } else if (op == 1) {
                    Files.deleteIfExists(any);
                } else if (op == 2 && Files.exists(any)) {
                    Path to = vault.resolve(pick(rnd, folders) + pick(rnd, NAMES) + ".md");
                    Files.createDirectories(to.getParent());
                    Files.move(any, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } else if (op == 3 && Files.exists(any)) {
                    // same size, same time, other bytes: only the checksum tells
                    byte[] b = Files.readAllBytes(any);
                    FileTime t = Files.getLastModifiedTime(any);
                    if (b.length > 0) {
                        b[rnd.nextInt(b.length)] = (byte) ('a' + rnd.nextInt(26));
                        Files.write(any, b);
                        Files.setLastModifiedTime(any, t);
                    }
                } else if (Files.exists(any)) {
                    write(vault, vault.relativize(any).toString(), randomText(rnd), rnd);
                }
            }
            Map<String, String> cold = findings(vault, null);
            assertEquals(cold, findings(vault, cache), "seed " + seed + " restart " + restart);
            assertEquals(cold, findings(vault, cache), "seed " + seed + " restart " + restart + " again");
        }
        assertFalse(cache.read().isEmpty());
    }

    private static void write(Path vault, String rel, String text, SplittableRandom rnd) throws IOException {
        Path p = vault.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        if (rnd.nextBoolean()) {
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_700_000_000_000L)); // many files, one time
        }
    }
}
