package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultls.cache.NoteCache;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;
import org.vaultls.index.VaultLoader;
import org.vaultls.text.Pos;
import org.vaultls.text.Span;
import org.vaultls.warm.StoredFindings;

/**
 * A warm {@code check} with nothing changed prints the last check's report from the cache; any change
 * to a note, an attachment, the settings or the day, and any damage to the cached report, makes it
 * check the vault again, so its report is always the one {@code --no-cache} gives.
 */
class CheckReportCacheTest {
    @TempDir
    Path vault;

    @BeforeEach
    void writeVault() throws IOException {
        write("People/Ada Berg.md", "---\ntype: people\ntitle: Ada Berg\n---\n# Ada Berg\n");
        write("Daily/2026-01-02.md", "Met [[Ada Bergg]] today. ![[chart.png]]\n- [ ] Call back @AdaBerg 📅 2026-01-03\n");
        write("Projects/Apollo.md", "---\nowner:\n---\nSee [[Ada Berg#Nope]].\n");
    }

    private void write(String rel, String text) throws IOException {
        Path p = vault.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** The JSON report without its timing, which differs run to run. */
    private String check(String... extra) {
        String[] args = new String[3 + extra.length];
        args[0] = "check";
        args[1] = vault.toString();
        args[2] = "--format=json";
        System.arraycopy(extra, 0, args, 3, extra.length);
        return Cli.run(args).out().replaceAll("\"millis\" : \\d+", "");
    }

    private String cold() {
        return check("--no-cache", "--today", "2026-01-05");
    }

    private String warm() {
        return check("--today", "2026-01-05");
    }

    private NoteCache cache() {
        return NoteCache.forVault(vault, w -> { });
    }

    @Test
    void aWarmCheckPrintsTheReportTheFirstCheckCached() throws IOException {
        String first = warm();
        Path side = cache().extraFile(StoredFindings.CHECK);
        assertTrue(Files.isRegularFile(side), "the first check caches its report");
        assertEquals(cold(), first);
        // the report under the same key is what the next check prints: proof it is not checked again
        StoredFindings.Stored stored = StoredFindings.read(cache(), StoredFindings.CHECK);
        assertNotNull(stored);
        StoredFindings.Report report = stored.report();
        Finding marker = new Finding("Projects/Apollo.md", Span.of(0, 1, new Pos(0, 0), new Pos(0, 1)),
                Severity.HINT, FindingCode.BROKEN_LINK, "from the cache", List.of());
        List<VaultLoader.FileKey> keys = stored.notes.values().stream().toList();
        StoredFindings.write(cache(), StoredFindings.CHECK, stored.key, keys, stored.attachments, stored.readStart,
                new StoredFindings.Report(report.notes(), report.links(), List.of(marker)));
        assertTrue(warm().contains("from the cache"));
    }

    @Test
    void aNoteWrittenAsTheCheckRanIsReadAgainEvenWithItsSizeAndTimeKept() throws IOException {
        warm();
        Path note = vault.resolve("Projects/Apollo.md");
        FileTime time = Files.getLastModifiedTime(note);
        Files.writeString(note, "---\nowner:\n---\nSee [[Ada Berg#Zzzz]].\n"); // same length
        Files.setLastModifiedTime(note, time);
        String again = warm();
        assertTrue(again.contains("Zzzz"), again);
        assertEquals(cold(), again);
    }

    @Test
    void aNoteOlderThanTheCachedCheckIsTrustedBySizeAndTimeAlone() throws IOException {
        FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (var notes = Files.walk(vault)) {
            for (Path p : notes.filter(p -> p.toString().endsWith(".md")).toList()) {
                Files.setLastModifiedTime(p, hourAgo);
            }
        }
        String first = warm();
        Path note = vault.resolve("Projects/Apollo.md");
        Files.writeString(note, "---\nowner:\n---\nSee [[Ada Berg#Zzzz]].\n"); // same length
        Files.setLastModifiedTime(note, hourAgo);
        // not read: its size and time are those the cached check saw, long before that check began
        assertEquals(first, warm());
        Files.setLastModifiedTime(note, FileTime.fromMillis(System.currentTimeMillis()));
        String again = warm();
        assertTrue(again.contains("Zzzz"), again);
        assertEquals(cold(), again);
    }

    @Test
    void aNewDeletedOrRenamedFileIsCheckedAgain() throws IOException {
        warm();
        write("chart.png", "png");
        assertEquals(cold(), warm());
        write("Ada Bergg.md", "now it exists\n");
        assertEquals(cold(), warm());
        Files.move(vault.resolve("Ada Bergg.md"), vault.resolve("Other.md"));
        assertEquals(cold(), warm());
        Files.delete(vault.resolve("People/Ada Berg.md"));
        String gone = warm();
        assertTrue(gone.contains("No note named 'Ada Berg'"), gone);
        assertEquals(cold(), gone);
    }

    @Test
    void otherSettingsOrAnotherDayAreCheckedAgain() throws IOException {
        warm();
        write(VaultConfig.FILE_NAME, "{\"severity\": {\"broken-link\": \"off\"}}");
        String off = warm();
        assertEquals(cold(), off);
        assertTrue(!off.contains("broken-link"), off);
        write(".obsidian/app.json", "{\"userIgnoreFilters\": [\"Projects/\"]}");
        assertEquals(cold(), warm());
        String before = warm();
        String earlier = check("--today", "2026-01-01"); // the task is not overdue yet
        assertEquals(check("--no-cache", "--today", "2026-01-01"), earlier);
        assertTrue(!earlier.equals(before), "the day changes the report");
        assertEquals(cold(), warm());
    }

    @Test
    void aTruncatedOrDamagedCachedReportIsIgnored() throws IOException {
        String expected = cold();
        warm();
        Path side = cache().extraFile(StoredFindings.CHECK);
        byte[] whole = Files.readAllBytes(side);
        for (int cut : new int[] {0, 3, whole.length / 2, whole.length - 1}) {
            Files.write(side, java.util.Arrays.copyOf(whole, cut));
            assertEquals(expected, warm(), "cut at " + cut);
        }
        for (int at = 0; at < whole.length; at += Math.max(1, whole.length / 40)) {
            byte[] flipped = whole.clone();
            flipped[at] ^= 0x5A;
            Files.write(side, flipped);
            assertEquals(expected, warm(), "byte " + at + " flipped");
        }
    }

    @Test
    void aReportReadsBackEqualWithAnyText() throws IOException {
        Span span = Span.of(3, 9, new Pos(1, 2), new Pos(2, 0));
        List<Finding> findings = List.of(
                new Finding("a/b.md", span, Severity.ERROR, FindingCode.BROKEN_LINK, "lone \uD83D surrogate 😀",
                        List.of(new Finding.Related("c.md", span, "there"), new Finding.Related("a/b.md", null, ""))),
                new Finding("a/b.md", span, Severity.HINT, FindingCode.BROKEN_LINK, "x".repeat(70_000), List.of()));
        StoredFindings.Report report = new StoredFindings.Report(2, 7, findings);
        StoredFindings.Report back = StoredFindings.decode(StoredFindings.encode(report));
        assertEquals(report, back);
        assertNull(StoredFindings.read(NoteCache.forVault(vault.resolve("never-checked"), w -> { }), StoredFindings.CHECK));
    }
    @Test
    void afterAnEditOnlyTheNotesItMayAlterAreCheckedAgain() throws IOException {
        warm();
        // a marker in the cached report for a note the edit cannot touch: it stays, so that note was not checked
        StoredFindings.Stored stored = StoredFindings.read(cache(), StoredFindings.CHECK);
        StoredFindings.Report report = stored.report();
        Finding marker = new Finding("Projects/Apollo.md", Span.of(0, 1, new Pos(0, 0), new Pos(0, 1)),
                Severity.HINT, FindingCode.BROKEN_LINK, "from the cache", List.of());
        List<Finding> planted = new java.util.ArrayList<>(report.findings().stream()
                .filter(f -> !f.path().equals("Projects/Apollo.md")).toList());
        planted.add(marker);
        planted.sort(null);
        StoredFindings.write(cache(), StoredFindings.CHECK, stored.key, stored.notes.values().stream().toList(),
                stored.attachments, stored.readStart, new StoredFindings.Report(report.notes(), report.links(), planted));
        int answered = IncrementalCheck.ANSWERED.get();
        write("Daily/2026-01-02.md", "Met [[Ada Berg]] today, and [[Nobody Yet]].\n");
        String after = warm();
        assertEquals(answered + 1, IncrementalCheck.ANSWERED.get(), "answered from the cached report");
        assertTrue(after.contains("from the cache"), after);
        assertTrue(after.contains("Nobody Yet") && !after.contains("Ada Bergg"), after);
        // renaming a note changes what links resolve to: the notes linking to it are checked again
        Files.move(vault.resolve("People/Ada Berg.md"), vault.resolve("People/Ada B.md"));
        String renamed = warm();
        assertTrue(renamed.contains("No note named 'Ada Berg'"), renamed);
    }

    @Test
    void aChangedNoteWhoseOldVersionTheNoteCacheLostIsCheckedInFull() throws IOException {
        warm();
        StoredFindings.Stored stored = StoredFindings.read(cache(), StoredFindings.CHECK);
        // the report claims another version of the daily note than the one the note cache holds
        List<VaultLoader.FileKey> keys = stored.notes.values().stream()
                .map(k -> k.path().startsWith("Daily/") ? new VaultLoader.FileKey(k.path(), k.size() + 1, k.modified(),
                        k.crc()) : k).toList();
        StoredFindings.write(cache(), StoredFindings.CHECK, stored.key, keys, stored.attachments, stored.readStart,
                stored.report());
        int answered = IncrementalCheck.ANSWERED.get();
        assertEquals(cold(), warm());
        assertEquals(answered, IncrementalCheck.ANSWERED.get(), "not answered from the cached report");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void aWarmCheckAfterRandomChangesGivesTheReportOfAFullCheck(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> names = List.of("Ada Berg", "Tom Reyes", "Apollo", "Roadmap", "Pricing", "2026-01-02");
        List<String> folders = List.of("", "People/", "Projects/", "Daily/");
        for (int i = 0; i < 10; i++) {
            write(pick(rnd, folders) + pick(rnd, names) + ".md", randomNote(rnd, names));
        }
        int answered = IncrementalCheck.ANSWERED.get();
        warm();
        for (int round = 0; round < 25; round++) {
            List<Path> files;
            try (var s = Files.walk(vault)) {
                files = s.filter(Files::isRegularFile).filter(p -> !p.toString().contains(".obsidian")).toList();
            }
            int op = rnd.nextInt(8);
            Path any = pick(rnd, files);
            String what;
            if (op == 0) {
                what = "new note";
                write(pick(rnd, folders) + pick(rnd, names) + " " + rnd.nextInt(3) + ".md", randomNote(rnd, names));
            } else if (op == 1 && files.size() > 3) {
                what = "deleted " + any;
                Files.delete(any);
            } else if (op == 2) {
                what = "moved " + any;
                Path to = vault.resolve(pick(rnd, folders) + pick(rnd, names) + ".md");
                Files.createDirectories(to.getParent());
                Files.move(any, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } else if (op == 3) {
                what = "attachment";
                String a = pick(rnd, List.of("chart.png", "Attachments/spec.pdf"));
                if (Files.exists(vault.resolve(a))) {
                    Files.delete(vault.resolve(a));
                } else {
                    write(a, "bytes");
                }
            } else {
                what = "edited " + any;
                if (any.toString().endsWith(".md")) {
                    Files.writeString(any, randomNote(rnd, names));
                } else {
                    Files.writeString(any, "other bytes " + round);
                }
            }
            assertEquals(cold(), warm(), "seed " + seed + " round " + round + ": " + what);
        }
        assertTrue(IncrementalCheck.ANSWERED.get() > answered + 5,
                "most rounds answered from the cached report: " + (IncrementalCheck.ANSWERED.get() - answered));
    }

    private static <T> T pick(SplittableRandom rnd, List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** A note with what findings depend on across notes: names, aliases, headings, blocks, owners, queries. */
    private static String randomNote(SplittableRandom rnd, List<String> names) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextBoolean()) {
            sb.append("---\n");
            sb.append(pick(rnd, List.of("type: people\n", "type: project\n", "")));
            if (rnd.nextBoolean()) {
                sb.append("aliases: [").append(pick(rnd, List.of("Ada", "Tommy", "Plan"))).append("]\n");
            }
            sb.append(pick(rnd, List.of("owner:\n", "company: Northwind\n", "")));
            sb.append("---\n");
        }
        int parts = 1 + rnd.nextInt(5);
        for (int i = 0; i < parts; i++) {
            switch (rnd.nextInt(8)) {
                case 0 -> sb.append("See [[").append(pick(rnd, names)).append("]] and [[")
                        .append(pick(rnd, List.of("Ada", "Tommy", "Plan", "Nobody"))).append("]].\n");
                case 1 -> sb.append("See [[").append(pick(rnd, names)).append('#')
                        .append(pick(rnd, List.of("Notes", "Plan", "Nope"))).append("]].\n");
                case 2 -> sb.append("## ").append(pick(rnd, List.of("Notes", "Plan"))).append("\nPara ^")
                        .append(pick(rnd, List.of("b1", "b2"))).append("\n\nRef [[")
                        .append(pick(rnd, names)).append("#^b1]]\n");
                case 3 -> sb.append("- [ ] Do it @").append(pick(rnd, List.of("AdaBerg", "TomReyes", "Ada", "Nobody")))
                        .append(" 📅 2026-01-0").append(1 + rnd.nextInt(9)).append('\n');
                case 4 -> sb.append("![[").append(pick(rnd, List.of("chart.png", "spec.pdf", "Roadmap"))).append("]]\n");
                case 5 -> sb.append("```dataview\n").append(pick(rnd, List.of("LIST FROM \"People\" OR #rocket",
                        "TASK WHERE contains(text, \"@AdaBerg\")", "LIST FROM \"Nowhere\"", "TABLE stauts FROM \"\""))).append("\n```\n");
                case 6 -> sb.append(pick(rnd, List.of("status:: open", "#rocket/v2", "Ada Berg said so."))).append('\n');
                default -> sb.append("Plain text ").append(rnd.nextInt(100)).append(".\n");
            }
        }
        return sb.toString();
    }
}
