package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchiveTest {
    @Test
    void onlyTheNewestArchivesOfAModeAreKept(@TempDir Path dir) throws Exception {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            Path check = Files.writeString(dir.resolve("check-100" + i + "-1-17.jsa"), "x");
            Files.setLastModifiedTime(check, FileTime.fromMillis(now - i * 60_000L));
        }
        Files.writeString(dir.resolve("server-1-1-17.jsa"), "x");
        Files.setLastModifiedTime(dir.resolve("server-1-1-17.jsa"), FileTime.fromMillis(now - 3_600_000L));
        Files.writeString(dir.resolve("check-1-1-17.123.tmp"), "being written");

        ClassArchive.prune(dir, "check", 3);

        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("check-1-1-17.123.tmp", "check-1000-1-17.jsa", "check-1001-1-17.jsa",
                    "check-1002-1-17.jsa", "server-1-1-17.jsa"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "the two oldest check archives go; the server's and a pending one stay");
        }
    }

    /** A runtime linked without its base archive would refuse to start with a dynamic one (jlink). */
    @Test
    void aJvmWithoutABaseArchiveGetsNoArchiveOptions(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("vault-ls.jar"), "jar");
        Path bare = Files.createDirectories(dir.resolve("jre/lib/server"));
        assertEquals(List.of(), ClassArchive.forJar(jar, "check", bare.getParent().getParent(), "17",
                dir.resolve("cds")).options());
        Files.writeString(bare.resolve("classes.jsa"), "base");
        List<String> options = ClassArchive.forJar(jar, "check", bare.getParent().getParent(), "17",
                dir.resolve("cds")).options();
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-XX:ArchiveClassesAtExit=")), options.toString());
    }

    /** A system JDK and an extension's bundled runtime report the same version but cannot share. */
    @Test
    void twoJavaInstallsOfOneVersionGetTwoArchives(@TempDir Path dir) throws Exception {
        Path jar = Files.writeString(dir.resolve("vault-ls.jar"), "jar");
        Path a = Files.createDirectories(dir.resolve("a/lib/server"));
        Path b = Files.createDirectories(dir.resolve("b/lib/server"));
        Files.writeString(a.resolve("classes.jsa"), "base");
        Files.writeString(b.resolve("classes.jsa"), "base");
        List<String> first = ClassArchive.forJar(jar, "check", dir.resolve("a"), "17.0.15", dir.resolve("cds")).options();
        List<String> second = ClassArchive.forJar(jar, "check", dir.resolve("b"), "17.0.15", dir.resolve("cds")).options();
        assertNotEquals(first, second);
    }
}
