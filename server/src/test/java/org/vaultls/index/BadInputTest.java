package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * A vault on disk full of things that are not clean markdown: broken YAML, binary and non-UTF-8 files,
 * huge and deeply nested notes, empty files, unreadable files and folders, symlink loops and files that
 * vanish while the vault is read. Loading never throws nor hangs; a bad note stays in the index (links to
 * it resolve) and carries a problem, and what had to be skipped is told through the warning sink.
 *
 * <p>The timeouts are hang guards, not performance assertions.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BadInputTest {
    @TempDir
    Path vault;

    /** Warnings arrive from the parallel parse, hence a thread-safe list. */
    final List<String> warnings = new CopyOnWriteArrayList<>();

    private VaultLoader loader() {
        return new VaultLoader(vault, VaultConfig.defaults(), ObsidianSettings.defaults(), warnings::add);
    }

    private Path write(String rel, String text) throws IOException {
        return write(rel, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(String rel, byte[] bytes) throws IOException {
        Path file = vault.resolve(rel);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Note note(VaultIndex index, String path) {
        return index.note(path).orElseThrow(() -> new AssertionError("no note " + path + " in " + index.notes().keySet()));
    }

    /** Where the first link of {@code from} leads. */
    private static String firstLinkTarget(VaultIndex index, String from) {
        Note note = note(index, from);
        Link link = note.links().get(0);
        return index.resolve(note, link).path();
    }

    private static List<String> problems(Note note) {
        return note.problems().stream().map(p -> p.kind() + " " + p.span() + " " + p.message()).toList();
    }

    // ---- broken frontmatter

    @Test
    void aNoteWithInvalidYamlIsIndexedWithAProblemAndItsBodyIsRead() throws IOException {
        write("People/Ada Berg.md", "---\ntitle: [oops\nrole: CEO\n---\nMet [[Bo Cho]] #crm\n");
        write("People/Bo Cho.md", "");
        VaultIndex index = loader().load();
        Note ada = note(index, "People/Ada Berg.md");
        assertEquals(List.of(Note.Problem.Kind.INVALID_FRONTMATTER), ada.problems().stream().map(Note.Problem::kind).toList());
        assertEquals("People/Bo Cho.md", firstLinkTarget(index, "People/Ada Berg.md"));
        assertEquals("[#crm (4,16)-(4,19)]", ada.tags().toString());
        assertEquals(List.of(), warnings, "bad YAML is a problem of the note, not a reason to skip it");
    }

    @Test
    void aNoteWithAnUnclosedFrontmatterIsReadAsMarkdownFromTheTop() throws IOException {
        write("Meeting.md", "---\ntitle: Kickoff\n\n# Kickoff with [[Ada Berg]]\n");
        write("Ada Berg.md", "# Ada\n");
        VaultIndex index = loader().load();
        Note meeting = note(index, "Meeting.md");
        assertEquals(List.of("INVALID_FRONTMATTER (0,0)-(0,3) Frontmatter opened with '---' on line 1 is never closed: "
                + "add a '---' line after it"), problems(meeting));
        assertEquals("[H1 'Kickoff with [[Ada Berg]]' (3,2)-(3,27)]", meeting.headings().toString());
        assertEquals("Ada Berg.md", firstLinkTarget(index, "Meeting.md"));
    }

    // ---- bytes that are not UTF-8 markdown

    @Test
    void aBinaryNoteIsUnreadableButStillALinkTarget() throws IOException {
        write("Scan.md", new byte[] {'P', 'K', 3, 4, 0, 0, 0, '[', '[', 'X', ']', ']'});
        write("Home.md", "See [[Scan]]\n");
        VaultIndex index = loader().load();
        Note scan = note(index, "Scan.md");
        assertEquals(List.of("UNREADABLE (0,0)-(0,0) File looks binary (it holds NUL bytes), not a markdown note; "
                + "it was not parsed"), problems(scan));
        assertEquals("", scan.text());
        assertEquals(List.of(), scan.links());
        assertEquals("Scan.md", firstLinkTarget(index, "Home.md"));
    }

    @Test
    void aNoteThatIsNotUtf8IsParsedWithReplacementCharactersAndAProblem() throws IOException {
        byte[] latin1 = "Caf\u00E9 [[Home]] #tag\n".getBytes(StandardCharsets.ISO_8859_1);
        write("Caf\u00E9.md", latin1);
        write("Home.md", "[[Caf\u00E9]]\n");
        VaultIndex index = loader().load();
        Note cafe = note(index, "Caf\u00E9.md");
        assertEquals(List.of("UNREADABLE (0,0)-(0,0) File is not valid UTF-8 (first bad byte at offset 3); "
                + "invalid bytes are shown as \uFFFD. Re-save it as UTF-8"), problems(cafe));
        assertEquals("Caf\uFFFD [[Home]] #tag\n", cafe.text());
        assertEquals("[WL 'Home' (0,5)-(0,13)]", cafe.links().toString());
        assertEquals("[#tag (0,15)-(0,18)]", cafe.tags().toString());
        assertEquals("Caf\u00E9.md", firstLinkTarget(index, "Home.md"));
    }

    @Test
    void aByteOrderMarkIsDroppedSoTheFrontmatterStartsTheNote() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Note note = VaultLoader.decodeAndParse("Ada.md",
                concat(bom, "---\r\ntitle: Ada Berg\r\n---\r\n# Ada [[Bo]]\r\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(note.text().startsWith("\uFEFF"));
        assertEquals("Ada Berg", note.title());
        assertEquals(List.of(), note.problems());
        assertEquals("[WL 'Bo' (3,6)-(3,12)]", note.links().toString(), "positions count from after the BOM");
    }

    @Test
    void aByteOrderMarkIsDroppedAlsoFromANoteThatIsNotUtf8() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', ' ', (byte) 0xFF, '\n'};
        Note note = VaultLoader.decodeAndParse("X.md", bytes);
        assertEquals("x \uFFFD\n", note.text());
        assertEquals(List.of("UNREADABLE (0,0)-(0,0) File is not valid UTF-8 (first bad byte at offset 5); "
                + "invalid bytes are shown as \uFFFD. Re-save it as UTF-8"), problems(note));
    }

    @Test
    void aReplacementCharacterWrittenInValidUtf8IsText() {
        Note note = VaultLoader.decodeAndParse("R.md", "\uFEFFa \uFFFD [[B]]\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("a \uFFFD [[B]]\n", note.text());
        assertEquals(List.of(), note.problems());
        assertEquals("[WL 'B' (0,4)-(0,9)]", note.links().toString());
    }

    // ---- size and depth

    @Test
    void aFiveMegabyteSingleLineNoteIsParsedCompletely() throws IOException {
        String chunk = "Met [[Ada Berg]] about #crm, then more words. ";
        assertEquals(46, chunk.length());
        int repeats = 5 * 1024 * 1024 / chunk.length() + 1;
        write("Log.md", chunk.repeat(repeats));
        write("Ada Berg.md", "");
        VaultIndex index = loader().load();
        Note log = note(index, "Log.md");
        assertEquals(repeats, log.links().size());
        assertEquals(repeats, log.tags().size());
        int last = (repeats - 1) * chunk.length();
        assertEquals("WL 'Ada Berg' (0," + (last + 4) + ")-(0," + (last + 16) + ")", log.links().get(repeats - 1).toString());
        assertEquals("#crm (0," + (last + 24) + ")-(0," + (last + 27) + ")", log.tags().get(repeats - 1).toString());
        assertEquals("Ada Berg.md", index.resolve(log, log.links().get(repeats - 1)).path());
        assertEquals(List.of(), log.problems());
    }

    @Test
    void aListNested500DeepKeepsEveryTaskWithItsPosition() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            text.append("  ".repeat(i)).append("- [ ] level ").append(i).append(" @Owner").append(i)
                    .append(" [[L").append(i).append("]]\n");
        }
        write("Deep.md", text.toString());
        Note deep = note(loader().load(), "Deep.md");
        assertEquals(500, deep.tasks().size());
        assertEquals(500, deep.links().size());
        assertEquals("TASK [ ] 'level 0 @Owner0 [[L0]]' (0,0)-(0,28) [@Owner0 (0,14)-(0,21)]",
                deep.tasks().get(0).toString());
        assertEquals("TASK [ ] 'level 499 @Owner499 [[L499]]' (499,998)-(499,1032) [@Owner499 (499,1014)-(499,1023)]",
                deep.tasks().get(499).toString());
    }

    @Test
    void quotesNested500DeepStillYieldTheirLinks() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 500; i++) {
            text.append(">".repeat(i)).append(" level [[Q").append(i).append("]]\n");
        }
        write("Quotes.md", text.toString());
        Note quotes = note(loader().load(), "Quotes.md");
        assertEquals(500, quotes.links().size());
        assertEquals("WL 'Q500' (499,507)-(499,515)", quotes.links().get(499).toString());
    }

    @Test
    void aNoteOverTheSizeLimitIsKeptUnparsedWithAProblem() throws IOException {
        Path huge = write("Huge.md", new byte[0]);
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(VaultLoader.MAX_NOTE_BYTES + 1); // sparse: no 20 MB actually written
        }
        Note note = loader().read("Huge.md");
        assertEquals(List.of("UNREADABLE (0,0)-(0,0) File is 21 MB, over the 20 MB limit for a note; it was not parsed"),
                problems(note));
        assertEquals("", note.text());
    }

    // ---- empty

    @Test
    void emptyAndBlankNotesAreNotesWithNothingInThem() throws IOException {
        write("Empty.md", "");
        write("Blank.md", "\n \n\t\n");
        write("Home.md", "[[Empty]] [[Blank]]\n");
        VaultIndex index = loader().load();
        for (String path : List.of("Empty.md", "Blank.md")) {
            Note n = note(index, path);
            assertEquals(List.of(), n.problems(), path);
            assertTrue(n.frontmatter().isEmpty(), path);
            assertEquals(List.of(), n.links(), path);
            assertEquals(List.of(), n.headings(), path);
            assertEquals(List.of(), n.tags(), path);
            assertEquals(List.of(), n.tasks(), path);
        }
        Note home = note(index, "Home.md");
        assertEquals(List.of("Empty.md", "Blank.md"),
                home.links().stream().map(l -> index.resolve(home, l).path()).toList());
        assertEquals(List.of(), warnings);
    }

    // ---- files that cannot be read

    @Test
    void aNoteThatCannotBeReadBecomesAnUnreadableNoteAndAWarning() throws IOException {
        // A folder where a note was listed: reading it fails on every platform, even as root.
        Files.createDirectories(vault.resolve("Plan.md"));
        Note plan = loader().read("Plan.md");
        assertEquals("Plan.md", plan.path());
        assertEquals(1, plan.problems().size());
        assertEquals(Note.Problem.Kind.UNREADABLE, plan.problems().get(0).kind());
        assertTrue(plan.problems().get(0).message().startsWith("File cannot be read ("), plan.problems().toString());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("cannot read Plan.md: "), warnings.toString());
    }

    /**
     * Needs a user that permissions apply to: as root (as in many CI containers) {@code chmod 000} does not
     * deny reading, so the test is skipped there.
     */
    @Test
    void aNoteWithoutReadPermissionIsUnreadableAndWarned() throws IOException {
        Path secret = write("Secret.md", "[[Home]]\n");
        write("Home.md", "[[Secret]]\n");
        denyAll(secret);
        try {
            assumeFalse(Files.isReadable(secret), "chmod 000 does not deny access to this user (root?)");
            VaultIndex index = loader().load();
            assertEquals(List.of("UNREADABLE (0,0)-(0,0) File cannot be read (permission denied)"),
                    problems(note(index, "Secret.md")));
            assertEquals(List.of("cannot read Secret.md: permission denied"), warnings);
            assertEquals("Secret.md", firstLinkTarget(index, "Home.md"));
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Skipped as root for the same reason as {@link #aNoteWithoutReadPermissionIsUnreadableAndWarned}. */
    @Test
    void aFolderWithoutReadPermissionIsSkippedWithAWarning() throws IOException {
        write("Private/Plan.md", "# Plan\n");
        write("Home.md", "# Home\n");
        Path folder = vault.resolve("Private");
        denyAll(folder);
        try {
            assumeFalse(Files.isReadable(folder), "chmod 000 does not deny access to this user (root?)");
            VaultLoader.Listing listing = loader().list();
            assertEquals(List.of("Home.md"), listing.notes());
            assertEquals(List.of("cannot read Private: permission denied; skipped"), warnings);
        } finally {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void denyAll(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, Set.<PosixFilePermission>of());
        } catch (UnsupportedOperationException e) {
            assumeTrue(false, "no POSIX permissions on this file system");
        }
    }

    // ---- the file tree changing under us

    @Test
    void aSymlinkLoopIsSkippedWithAWarningAndListingEnds() throws IOException {
        write("Home.md", "[[Apollo]]\n");
        write("Projects/Apollo.md", "# Apollo\n");
        try {
            Files.createSymbolicLink(vault.resolve("Projects/loop"), vault);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "cannot create symlinks here: " + e);
        }
        VaultLoader.Listing listing = loader().list();
        assertEquals(List.of("Home.md", "Projects/Apollo.md"), listing.notes().stream().sorted().toList());
        assertEquals(List.of("skipped symlink loop at Projects/loop"), warnings);
        warnings.clear();
        VaultIndex index = loader().load();
        assertEquals(2, index.notes().size());
        assertEquals("Projects/Apollo.md", firstLinkTarget(index, "Home.md"));
    }

    @Test
    void aNoteDeletedBetweenListingAndReadingIsSkippedWithAWarning() throws IOException {
        write("Gone.md", "# Gone\n");
        write("Home.md", "# Home\n");
        VaultLoader loader = loader();
        VaultLoader.Listing listing = loader.list();
        assertTrue(listing.notes().contains("Gone.md"));
        Files.delete(vault.resolve("Gone.md"));
        assertNull(loader.read("Gone.md"));
        assertEquals(List.of("Gone.md vanished while the vault was read; skipped"), warnings);
        assertEquals("# Home\n", loader.read("Home.md").text());
    }
}
