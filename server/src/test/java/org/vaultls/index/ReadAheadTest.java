package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadAheadTest {
    @TempDir
    Path root;

    private List<String> notes(int count) throws IOException {
        List<String> rels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String rel = "Daily/2025-01-" + i + ".md";
            Files.createDirectories(root.resolve("Daily"));
            Files.writeString(root.resolve(rel), "# Day " + i + "\n\nMet [[Ada Berg]] about item " + i + ".\n");
            rels.add(rel);
        }
        return rels;
    }

    private void assertReadsEveryFileAsItIs(ReadAhead ahead, List<String> rels, List<Integer> order) throws IOException {
        for (int i : order) {
            ReadAhead.Read r = ahead.take(i);
            Path file = root.resolve(rels.get(i));
            assertArrayEquals(Files.readAllBytes(file), r.bytes(), rels.get(i));
            assertEquals(Files.size(file), r.size());
            assertEquals(Files.getLastModifiedTime(file).toMillis(), r.modified());
        }
    }

    @Test
    void filesThatComeQuicklyAreReadByTheCallerWithNoThreadStarted() throws IOException {
        List<String> rels = notes(3 * ReadAhead.SAMPLE);
        try (ReadAhead ahead = new ReadAhead(root, rels, 16, 4, Long.MAX_VALUE)) {
            assertReadsEveryFileAsItIs(ahead, rels, IntStream.range(0, rels.size()).boxed().toList());
            assertFalse(ahead.started(), "no read was slow");
            assertEquals(0, ahead.takenAhead());
        }
    }

    @Test
    void slowReadsStartTheReadersAndEveryFileStillComesOnceWhole() throws IOException, InterruptedException {
        List<String> rels = notes(4 * ReadAhead.SAMPLE);
        try (ReadAhead ahead = new ReadAhead(root, rels, 8, 3, 0)) { // every read counts as slow
            assertReadsEveryFileAsItIs(ahead, rels, IntStream.range(0, ReadAhead.SAMPLE).boxed().toList());
            assertTrue(ahead.started(), "a whole sample of slow reads starts the readers");
            Thread.sleep(50); // the readers fill their window ahead of the parser
            List<Integer> rest = new ArrayList<>(IntStream.range(ReadAhead.SAMPLE, rels.size()).boxed().toList());
            // two parsers take interleaved chunks, as the loader's threads do
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < rest.size(); c += 64) {
                order.addAll(rest.subList(c, Math.min(rest.size(), c + 64)));
            }
            assertReadsEveryFileAsItIs(ahead, rels, order);
            assertTrue(ahead.takenAhead() >= 8, "the window was read ahead: " + ahead.takenAhead());
        }
    }

    /**
     * Slow reads while the storage gives the process next to nothing are reads the file cache answered
     * on a busy machine: no thread starts. Once the storage gives what the sample read, they start.
     */
    @Test
    void slowReadsStartTheReadersOnlyWhenTheStorageGaveTheBytes() throws IOException {
        List<String> rels = notes(3 * ReadAhead.SAMPLE);
        long[] fetched = {1_000};
        try (ReadAhead ahead = new ReadAhead(root, rels, 8, 2, 0, () -> fetched[0])) {
            assertReadsEveryFileAsItIs(ahead, rels, IntStream.range(0, 2 * ReadAhead.SAMPLE).boxed().toList());
            assertFalse(ahead.started(), "every read was slow, but none came from the storage");
            fetched[0] += 100L * 1024 * 1024; // the next sample's files came from the disk
            assertReadsEveryFileAsItIs(ahead, rels,
                    IntStream.range(2 * ReadAhead.SAMPLE, 3 * ReadAhead.SAMPLE).boxed().toList());
            assertTrue(ahead.started(), "slow reads of bytes the storage gave start the readers");
        }
        try (ReadAhead unknown = new ReadAhead(root, rels, 8, 2, 0, () -> -1)) {
            assertReadsEveryFileAsItIs(unknown, rels, IntStream.range(0, ReadAhead.SAMPLE).boxed().toList());
            assertTrue(unknown.started(), "where reads from storage are not counted, slow reads decide alone");
        }
    }

    @Test
    void linuxCountsTheProcesssReadsFromStorage() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/io")), "not Linux");
        assertTrue(ReadAhead.storageReadBytes() >= 0);
    }

    @Test
    void aFileTooLargeToHoldOrGoneIsLeftToTheCaller() throws IOException {
        List<String> rels = new ArrayList<>(notes(2));
        Files.writeString(root.resolve("Big.md"), "x".repeat((int) ReadAhead.MAX_BYTES + 1), StandardCharsets.UTF_8);
        rels.add("Big.md");
        rels.add("Gone.md");
        try (ReadAhead ahead = new ReadAhead(root, rels, 8, 2, Long.MAX_VALUE)) {
            assertReadsEveryFileAsItIs(ahead, rels, List.of(0, 1));
            assertNull(ahead.take(2), "the parser reads a large note its own way");
            assertNull(ahead.take(3), "the parser reports a missing note as it would without this");
        }
    }
}
