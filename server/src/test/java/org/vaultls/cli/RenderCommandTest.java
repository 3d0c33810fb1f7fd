package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vault-ls render}: a static copy of test-vault with its dataview blocks rendered. */
class RenderCommandTest {
    static final Path VAULT = GoldenTestVaultTest.VAULT;

    @TempDir
    Path tmp;

    @Test
    void everyPersonNoteHasItsThreeBlocksRenderedAndTheRestOfTheNoteAsItWas() throws IOException {
        Path out = tmp.resolve("site");
        Cli cli = Cli.run("render", VAULT.toString(), "--out", out.toString());
        assertEquals(0, cli.exit(), cli.err());
        try (Stream<Path> people = Files.list(VAULT.resolve("People"))) {
            for (Path p : people.toList()) {
                String original = Files.readString(p);
                String rendered = Files.readString(out.resolve("People").resolve(p.getFileName()));
                assertEquals(3, count(original, "```dataview\n"), p.toString());
                assertEquals(0, count(rendered, "```dataview"), rendered);
                assertEquals(outsideBlocks(original), rendered.substring(0, rendered.indexOf("## Projects")),
                        "the note up to its first block is copied as it is: " + p);
                assertTrue(rendered.endsWith(original.substring(original.indexOf("## Key Facts"))), p.toString());
            }
        }
        String ada = Files.readString(out.resolve("People/Ada Berg.md"));
        // worked out by hand: the two notes of Projects/ that link to [[Ada Berg]]
        assertTrue(ada.contains("## Projects\n\n- [[Larkspur Pilot]]\n- [[Northwind Expansion]]\n\n## Open Tasks"), ada);
        String owned = ada.substring(ada.indexOf("## Tasks They Own"), ada.indexOf("## Key Facts"));
        Cli query = Cli.run("query", VAULT.toString(), "TASK WHERE contains(text, \"@AdaBerg\") AND !completed");
        for (String row : query.out().lines().toList()) {
            String task = row.substring(row.indexOf(": - [") + 2);
            assertTrue(owned.contains(task + "\n"), task + " missing from\n" + owned);
        }
        assertTrue(cli.out().startsWith("rendered "), cli.out());
    }

    @Test
    void attachmentsAreCopiedAndTheVaultIsNotWritten() throws IOException {
        Path vault = copy(VAULT, tmp.resolve("vault"));
        Map<String, Long> before = tree(vault);
        Path out = tmp.resolve("out");
        assertEquals(0, Cli.run("render", vault.toString(), "--out", out.toString()).exit());
        assertEquals(before, tree(vault), "render never writes to the vault");
        assertArrayEquals(Files.readAllBytes(vault.resolve("Attachments/pricing.pdf")),
                Files.readAllBytes(out.resolve("Attachments/pricing.pdf")));
        assertFalse(Files.exists(out.resolve(".obsidian")), "the config folder is not part of the copy");
    }

    @Test
    void refusesAnOutInsideOrAroundTheVault() throws IOException {
        Path vault = copy(VAULT, tmp.resolve("vault"));
        Cli inside = Cli.run("render", vault.toString(), "--out", vault.resolve("public").toString());
        assertEquals(2, inside.exit());
        assertTrue(inside.err().contains("is inside the vault") && inside.err().contains("never writes to the vault"),
                inside.err());
        assertFalse(Files.exists(vault.resolve("public")));
        Cli around = Cli.run("render", vault.toString(), "--out", tmp.toString(), "--force");
        assertEquals(2, around.exit());
        assertTrue(around.err().contains("holds the vault"), around.err());
        assertEquals(2, Cli.run("render", vault.toString(), "--out", vault.toString()).exit());
    }

    @Test
    void refusesANonEmptyOutUnlessForced() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("keep.txt"), "mine");
        Cli refused = Cli.run("render", VAULT.toString(), "--out", out.toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("is not empty; pass --force"), refused.err());
        assertFalse(Files.exists(out.resolve("Home.md")));
        assertEquals(0, Cli.run("render", VAULT.toString(), "--out", out.toString(), "--force").exit());
        assertTrue(Files.exists(out.resolve("Home.md")));
        assertEquals("mine", Files.readString(out.resolve("keep.txt")), "--force deletes nothing");
    }

    @Test
    void outIsRequired() {
        Cli cli = Cli.run("render", VAULT.toString());
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("render needs --out DIR"), cli.err());
    }

    private static int count(String s, String needle) {
        int n = 0;
        for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String outsideBlocks(String note) {
        return note.substring(0, note.indexOf("## Projects"));
    }

    private static Map<String, Long> tree(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis() ^ Files.size(p));
            }
        }
        return out;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
