package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.vaultls.lsp.Eventually.eventually;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultls.cache.NoteCache;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.VaultDiagnostics;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;
import org.vaultls.index.VaultLoader;
import org.vaultls.text.Pos;
import org.vaultls.text.Span;
import org.vaultls.warm.StoredFindings;

/**
 * A warm start of the language server takes the findings its last start stored and checks again only the
 * notes changed since; what it publishes is always what a cold start publishes (every note of the index,
 * open documents over the disk, checked), and stored findings it cannot trust are ignored.
 */
class WarmStartTest {
    @TempDir
    Path vault;
    private final Map<String, List<Finding>> published = new ConcurrentHashMap<>();
    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private volatile boolean ready;
    private VaultSession session;

    private final VaultSession.Sink sink = new VaultSession.Sink() {
        @Override
        public void publish(String path, List<Finding> findings) {
            published.put(path, findings);
        }

        @Override
        public void progress(int done, int total, boolean finished) {
            if (finished) {
                ready = true;
            }
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @BeforeEach
    void writeVault() throws IOException {
        write("People/Ada Berg.md", "---\ntype: people\ntitle: Ada Berg\n---\n# Ada Berg\n");
        write("Daily/2026-01-02.md", "Met [[Ada Bergg]] today. ![[chart.png]]\n- [ ] Call back @AdaBerg 📅 2026-01-03\n");
        write("Projects/Apollo.md", "---\nowner:\n---\nSee [[Ada Berg#Nope]]. Ada Berg knows.\n");
    }

    @AfterEach
    void stop() {
        if (session != null) {
            session.shutdown();
            session = null;
        }
    }

    private void write(String rel, String text) throws IOException {
        Path p = vault.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** Starts a session with these client settings and open documents, until its first findings are out. */
    private VaultSession start(String settings, Map<String, String> openDocuments) throws Exception {
        stop();
        published.clear();
        ready = false;
        session = new VaultSession(vault, settings == null ? null : new ObjectMapper().readTree(settings), sink);
        openDocuments.forEach(session::documentChanged);
        session.start();
        eventually(() -> ready, "the first load finished");
        session.awaitWrites();
        Map<String, List<Finding>> expected = cold();
        try {
            eventually(() -> publishedNow().equals(expected), "the first findings are published");
        } catch (AssertionError e) {
            assertEquals(expected, publishedNow(), "published findings (" + session.firstFindingsHow() + ")");
        }
        return session;
    }

    private VaultSession start() throws Exception {
        return start(null, Map.of());
    }

    /** What a cold start publishes: every note of the session's index (open documents included) checked. */
    private Map<String, List<Finding>> cold() {
        Map<String, List<Finding>> all = new TreeMap<>();
        new VaultDiagnostics().reset(session.index()).forEach((p, f) -> {
            if (!f.isEmpty()) {
                all.put(p, f);
            }
        });
        return all;
    }

    private Map<String, List<Finding>> publishedNow() {
        Map<String, List<Finding>> now = new TreeMap<>();
        published.forEach((p, f) -> {
            if (!f.isEmpty()) {
                now.put(p, f);
            }
        });
        return now;
    }

    private NoteCache cache() {
        return NoteCache.forVault(vault, w -> { });
    }

    private static Finding marker(String path) {
        return new Finding(path, Span.of(0, 1, new Pos(0, 0), new Pos(0, 1)), Severity.HINT,
                FindingCode.BROKEN_LINK, "planted in the stored findings", List.of());
    }

    /** Rewrites the stored findings with a marker finding added for each of {@code paths}, keys as given. */
    private void plant(StoredFindings.Stored stored, List<VaultLoader.FileKey> keys, String... paths) {
        StoredFindings.Report report = stored.report();
        List<Finding> findings = new ArrayList<>(report.findings());
        for (String p : paths) {
            findings.add(marker(p));
        }
        StoredFindings.write(cache(), StoredFindings.EDITOR, stored.key, keys, stored.attachments, stored.readStart,
                new StoredFindings.Report(report.notes(), report.links(), findings));
    }

    private boolean hasMarker(String path) {
        return published.getOrDefault(path, List.of()).stream()
                .anyMatch(f -> f.message().equals("planted in the stored findings"));
    }

    @Test
    void aWarmStartRechecksOnlyTheNotesThatChangedAndPublishesWhatAColdStartDoes() throws Exception {
        start();
        assertTrue(session.firstFindingsHow().startsWith("all notes checked"), session.firstFindingsHow());
        StoredFindings.Stored stored = StoredFindings.read(cache(), StoredFindings.EDITOR);
        assertNotNull(stored, "the first start stored its findings");
        plant(stored, List.copyOf(stored.notes.values()), "Projects/Apollo.md", "Daily/2026-01-02.md");
        // fixes the broken link; no name, heading, owner or tag changes, so no other note is affected
        write("Daily/2026-01-02.md", "Met [[Ada Berg]] today. ![[chart.png]]\n- [ ] Call back @AdaBerg 📅 2026-01-03\n");
        stop();
        published.clear();
        ready = false;
        session = new VaultSession(vault, null, sink);
        session.start();
        eventually(() -> ready, "the first load finished");
        eventually(() -> hasMarker("Projects/Apollo.md"), "the unchanged note's stored findings are published");
        assertTrue(session.firstFindingsHow().startsWith("from stored findings, 1 notes changed"),
                session.firstFindingsHow());
        assertFalse(hasMarker("Daily/2026-01-02.md"), "the changed note was checked again");
        assertTrue(published.getOrDefault("Daily/2026-01-02.md", List.of()).stream()
                .noneMatch(f -> f.message().contains("Ada Bergg")), "its fixed link is no longer reported");
    }

    @Test
    void aWarmStartWithNothingChangedPublishesTheStoredFindingsAndWritesNothing() throws Exception {
        start();
        Path side = cache().extraFile(StoredFindings.EDITOR);
        long written = Files.getLastModifiedTime(side).toMillis();
        Files.setLastModifiedTime(side, java.nio.file.attribute.FileTime.fromMillis(written - 10_000));
        start();
        assertEquals("from stored findings, 0 notes changed, 0 notes' findings changed",
                session.firstFindingsHow().substring(0, session.firstFindingsHow().indexOf(';')));
        assertEquals(written - 10_000, Files.getLastModifiedTime(side).toMillis(), "not rewritten");
    }

    @Test
    void openDocumentsApplyOverTheStoredFindingsOfTheDisk() throws Exception {
        start();
        start(null, Map.of("Projects/Apollo.md", "---\nowner: Ada\n---\nSee [[Nobody]].\n"));
        assertTrue(session.firstFindingsHow().startsWith("from stored findings, 0 notes changed"),
                session.firstFindingsHow());
        assertTrue(publishedNow().get("Projects/Apollo.md").stream().anyMatch(f -> f.message().contains("Nobody")));
        // the stored findings stay the disk's: a start without the document open publishes the disk's
        start();
        assertTrue(publishedNow().get("Projects/Apollo.md").stream().noneMatch(f -> f.message().contains("Nobody")));
    }

    @Test
    void aChangedNoteWhoseOldVersionTheNoteCacheLostIsCheckedInFull() throws Exception {
        start();
        StoredFindings.Stored stored = StoredFindings.read(cache(), StoredFindings.EDITOR);
        List<VaultLoader.FileKey> keys = new ArrayList<>();
        for (VaultLoader.FileKey k : stored.notes.values()) {
            // the stored findings claim a version of Apollo that neither the disk nor the note cache holds
            keys.add(k.path().equals("Projects/Apollo.md") ? new VaultLoader.FileKey(k.path(), k.size(), k.modified(),
                    k.crc() + 1) : k);
        }
        plant(stored, keys, "People/Ada Berg.md");
        start();
        assertTrue(session.firstFindingsHow().startsWith("all notes checked"), session.firstFindingsHow());
        assertFalse(hasMarker("People/Ada Berg.md"));
    }

    @Test
    void soManyChangedNotesThatCheckingAllIsAsQuickCheckAll() throws Exception {
        for (int i = 0; i < 80; i++) {
            write("Bulk/Note " + i + ".md", "Links to [[Note " + (i + 1) + "]].\n");
        }
        start();
        for (int i = 0; i < 80; i++) {
            write("Bulk/Note " + i + ".md", "Links to [[Note " + (i + 2) + "]] now.\n");
        }
        start();
        assertTrue(session.firstFindingsHow().startsWith("all notes checked"), session.firstFindingsHow());
    }

    @Test
    void damagedOrForeignStoredFindingsAreIgnored() throws Exception {
        start();
        Path side = cache().extraFile(StoredFindings.EDITOR);
        StoredFindings.Stored stored = StoredFindings.read(cache(), StoredFindings.EDITOR);
        plant(stored, List.copyOf(stored.notes.values()), "People/Ada Berg.md");
        byte[] good = Files.readAllBytes(side);

        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5A;
        Files.write(side, flipped);
        start();
        assertTrue(session.firstFindingsHow().startsWith("all notes checked"), "flipped: " + session.firstFindingsHow());
        assertFalse(hasMarker("People/Ada Berg.md"));

        Files.write(side, java.util.Arrays.copyOf(good, good.length - 9));
        start();
        assertTrue(session.firstFindingsHow().startsWith("all notes checked"), "truncated: " + session.firstFindingsHow());

        // whole, but stored under other settings (another key), or found in check's place
        StoredFindings.write(cache(), StoredFindings.EDITOR, "editor:0000", List.copyOf(stored.notes.values()),
                stored.attachments, stored.readStart, stored.report());
        start();
        assertTrue(session.firstFindingsHow().startsWith("all notes checked"), "foreign: " + session.firstFindingsHow());
        assertFalse(hasMarker("People/Ada Berg.md"));
    }

    @Test
    void otherSettingsAreCheckedAgain() throws Exception {
        start();
        StoredFindings.Stored stored = StoredFindings.read(cache(), StoredFindings.EDITOR);
        plant(stored, List.copyOf(stored.notes.values()), "People/Ada Berg.md");
        start("{\"severity\": {\"broken-link\": \"off\"}}", Map.of());
        assertTrue(session.firstFindingsHow().startsWith("all notes checked"), session.firstFindingsHow());
        assertFalse(hasMarker("People/Ada Berg.md"));
        assertTrue(publishedNow().values().stream().flatMap(List::stream).noneMatch(f -> f.code() == FindingCode.BROKEN_LINK));
    }

    @Test
    void withTheCacheOffNothingIsStored() throws Exception {
        start("{\"cache\": false}", Map.of());
        assertFalse(Files.exists(cache().extraFile(StoredFindings.EDITOR)));
        start("{\"cache\": false}", Map.of());
        assertTrue(session.firstFindingsHow().startsWith("all notes checked"), session.firstFindingsHow());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void warmStartsAfterRandomChangesPublishWhatColdStartsDo(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> names = List.of("Ada Berg", "Tom Reyes", "Apollo", "Roadmap", "Pricing", "2026-01-02");
        List<String> folders = List.of("", "People/", "Projects/", "Daily/");
        for (int i = 0; i < 10; i++) {
            write(pick(rnd, folders) + pick(rnd, names) + ".md", randomNote(rnd, names));
        }
        start();
        int warm = 0;
        for (int round = 0; round < 15; round++) {
            List<Path> files;
            try (var s = Files.walk(vault)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            Path any = pick(rnd, files);
            int op = rnd.nextInt(8);
            if (op == 0) {
                write(pick(rnd, folders) + pick(rnd, names) + " " + rnd.nextInt(3) + ".md", randomNote(rnd, names));
            } else if (op == 1 && files.size() > 3) {
                Files.delete(any);
            } else if (op == 2) {
                Path to = vault.resolve(pick(rnd, folders) + pick(rnd, names) + ".md");
                Files.createDirectories(to.getParent());
                Files.move(any, to, StandardCopyOption.REPLACE_EXISTING);
            } else if (op == 3) {
                String a = pick(rnd, List.of("chart.png", "Attachments/spec.pdf"));
                if (Files.exists(vault.resolve(a))) {
                    Files.delete(vault.resolve(a));
                } else {
                    write(a, "bytes");
                }
            } else if (any.toString().endsWith(".md")) {
                Files.writeString(any, randomNote(rnd, names));
            }
            Map<String, String> open = new LinkedHashMap<>();
            if (rnd.nextInt(3) == 0) {
                open.put(pick(rnd, folders) + pick(rnd, names) + ".md", randomNote(rnd, names));
            }
            start(null, open); // asserts that what it published is what a cold start publishes
            if (session.firstFindingsHow().startsWith("from stored findings")) {
                warm++;
            }
        }
        assertTrue(warm > 8, "most starts took the stored findings: " + warm);
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
            switch (rnd.nextInt(9)) {
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
                case 7 -> sb.append(pick(rnd, List.of("Tom Reyes and Apollo met.", "The roadmap and pricing.")))
                        .append('\n');
                default -> sb.append("Plain text ").append(rnd.nextInt(100)).append(".\n");
            }
        }
        return sb.toString();
    }
}
