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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.cache.NoteCache;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;
import org.vaultls.index.VaultLoader;
import org.vaultls.text.Pos;
import org.vaultls.text.Span;

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
        Path side = cache().extraFile(FindingsCache.KIND);
        assertTrue(Files.isRegularFile(side), "the first check caches its report");
        assertEquals(cold(), first);
        // the report under the same key is what the next check prints: proof it is not checked again
        FindingsCache.Stored stored = FindingsCache.read(cache());
        assertNotNull(stored);
        FindingsCache.Report report = stored.report();
        Finding marker = new Finding("Projects/Apollo.md", new Span(0, 1, new Pos(0, 0), new Pos(0, 1)),
                Severity.HINT, FindingCode.BROKEN_LINK, "from the cache", List.of());
        List<VaultLoader.FileKey> keys = stored.notes.values().stream().toList();
        FindingsCache.write(cache(), stored.key, keys, stored.readStart, new FindingsCache.Report(report.notes(), report.links(),
                List.of(marker)));
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
        Path side = cache().extraFile(FindingsCache.KIND);
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
        Span span = new Span(3, 9, new Pos(1, 2), new Pos(2, 0));
        List<Finding> findings = List.of(
                new Finding("a/b.md", span, Severity.ERROR, FindingCode.BROKEN_LINK, "lone \uD83D surrogate 😀",
                        List.of(new Finding.Related("c.md", span, "there"), new Finding.Related("a/b.md", null, ""))),
                new Finding("a/b.md", span, Severity.HINT, FindingCode.BROKEN_LINK, "x".repeat(70_000), List.of()));
        FindingsCache.Report report = new FindingsCache.Report(2, 7, findings);
        FindingsCache.Report back = FindingsCache.decode(FindingsCache.encode(report));
        assertEquals(report, back);
        assertNull(FindingsCache.read(NoteCache.forVault(vault.resolve("never-checked"), w -> { })));
    }
}
