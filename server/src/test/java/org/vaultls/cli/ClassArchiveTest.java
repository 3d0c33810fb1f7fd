package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
