package org.vaultls.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateVaultTest {

    private static final int NOTES = 200;
    private static final Pattern WIKILINK = Pattern.compile("\\[\\[([^\\]|#]+)(#[^\\]|]+)?(\\|[^\\]]+)?]]");
    private static final Pattern OWNER = Pattern.compile(" @(\\S+) 📅 ");

    @TempDir
    Path tmp;

    @Test
    void sameArgumentsGiveIdenticalTrees() throws IOException {
        GenerateVault.Stats first = GenerateVault.generate(tmp.resolve("a"), NOTES, 42);
        GenerateVault.Stats second = GenerateVault.generate(tmp.resolve("b"), NOTES, 42);

        Map<String, String> a = snapshot(tmp.resolve("a"));
        Map<String, String> b = snapshot(tmp.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        for (String path : a.keySet()) {
            assertEquals(a.get(path), b.get(path), path);
        }
        assertEquals(first.bytes(), second.bytes());
        assertEquals(first.links(), second.links());
        assertEquals(first.brokenLinks(), second.brokenLinks());
        assertEquals("{}", a.get(".obsidian/app.json"));
    }

    @Test
    void otherSeedGivesOtherVault() throws IOException {
        GenerateVault.generate(tmp.resolve("a"), NOTES, 42);
        GenerateVault.generate(tmp.resolve("b"), NOTES, 7);
        assertNotEquals(snapshot(tmp.resolve("a")), snapshot(tmp.resolve("b")));
    }

    @Test
    void foldersHaveTheDocumentedProportions() throws IOException {
        Path vault = tmp.resolve("v");
        GenerateVault.Stats stats = GenerateVault.generate(vault, NOTES, 42);

        assertEquals(20, notesIn(vault, "People").size()); // 10%
        assertEquals(10, notesIn(vault, "Customers").size()); // 5%
        assertEquals(20, notesIn(vault, "Projects").size()); // 10%
        assertEquals(90, notesIn(vault, "Meetings").size()); // 45%
        assertEquals(60, notesIn(vault, "Daily").size()); // the rest
        assertEquals(NOTES, snapshot(vault).keySet().stream().filter(p -> p.endsWith(".md")).count());
        assertEquals(NOTES, stats.notes());
        assertEquals(20, stats.people());
        assertEquals(90, stats.meetings());
    }

    @Test
    void everyPersonNoteHasKeyFacts() throws IOException {
        Path vault = tmp.resolve("v");
        GenerateVault.generate(vault, NOTES, 42);
        for (Path note : notesIn(vault, "People")) {
            String text = Files.readString(note);
            String name = note.getFileName().toString().replaceFirst("\\.md$", "");
            assertTrue(text.startsWith("---\ntype: people\n"), note.toString());
            assertTrue(text.contains("\n# " + name + "\n"), note.toString());
            assertTrue(text.contains("\n## Key Facts\n"), note.toString());
            String facts = text.substring(text.indexOf("\n## Key Facts\n") + 14, text.indexOf("\n## Recent Context\n"));
            long bullets = facts.lines().filter(l -> l.startsWith("- ")).count();
            assertTrue(bullets >= 3 && bullets <= 8, note + " has " + bullets + " key facts");
        }
    }

    @Test
    void onlyTheCountedLinksAreBrokenAndEveryOwnerIsAPerson() throws IOException {
        Path vault = tmp.resolve("v");
        GenerateVault.Stats stats = GenerateVault.generate(vault, NOTES, 42);
        Map<String, String> notes = snapshot(vault);
        Set<String> names = new HashSet<>();
        Set<String> owners = new HashSet<>();
        for (String path : notes.keySet()) {
            if (path.endsWith(".md")) {
                String name = path.substring(path.lastIndexOf('/') + 1, path.length() - 3);
                assertTrue(names.add(name.toLowerCase(Locale.ROOT)), "duplicate base name " + name);
                if (path.startsWith("People/")) {
                    owners.add(name.replace(" ", "").toLowerCase(Locale.ROOT));
                }
            }
        }
        int links = 0;
        int broken = 0;
        int frontmatterLinks = 0;
        for (Map.Entry<String, String> note : notes.entrySet()) {
            String text = note.getValue();
            if (!note.getKey().endsWith(".md")) {
                continue;
            }
            int bodyStart = text.indexOf("\n---\n", 4);
            assertTrue(text.startsWith("---\n") && bodyStart > 0, note.getKey() + " has frontmatter");
            Matcher m = WIKILINK.matcher(text);
            while (m.find()) {
                links++;
                boolean resolves = names.contains(m.group(1).toLowerCase(Locale.ROOT));
                if (m.start() < bodyStart) {
                    frontmatterLinks++;
                    assertTrue(resolves, note.getKey() + ": frontmatter link " + m.group());
                } else if (!resolves) {
                    broken++;
                }
            }
            Matcher o = OWNER.matcher(text);
            while (o.find()) {
                assertTrue(owners.contains(o.group(1).toLowerCase(Locale.ROOT)), note.getKey() + ": @" + o.group(1));
            }
        }
        assertEquals(stats.links(), links);
        assertEquals(stats.frontmatterLinks(), frontmatterLinks);
        assertEquals(stats.brokenLinks(), broken);
        assertTrue(broken > 0, "some links are broken on purpose");
        assertTrue(broken < links * 0.03, broken + " of " + links + " links broken");
    }

    @Test
    void refusesNonEmptyDirectoryAndTinyCounts() throws IOException {
        Path vault = Files.createDirectories(tmp.resolve("v"));
        Files.writeString(vault.resolve("keep.md"), "# mine\n");
        assertThrows(IllegalArgumentException.class, () -> GenerateVault.generate(vault, NOTES, 42));
        assertThrows(IllegalArgumentException.class,
                () -> GenerateVault.generate(tmp.resolve("w"), GenerateVault.MIN_NOTES - 1, 42));
        assertFalse(Files.exists(tmp.resolve("w")));
        assertEquals("# mine\n", Files.readString(vault.resolve("keep.md")));
    }

    private static List<Path> notesIn(Path vault, String folder) throws IOException {
        try (Stream<Path> files = Files.list(vault.resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".md")).sorted().collect(Collectors.toList());
        }
    }

    /** Relative path (with '/') to content, for every file in the tree. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                files.put(rel, new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
