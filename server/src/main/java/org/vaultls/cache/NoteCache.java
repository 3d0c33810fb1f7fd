package org.vaultls.cache;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.zip.CRC32;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * The persistent note cache of one vault: one file in the user's cache folder
 * ({@code $XDG_CACHE_HOME/vault-ls/notes/}, else {@code ~/.cache/vault-ls/notes/}; never inside the
 * vault) holding every note's parsed form keyed by its vault-relative path, size, modification time
 * and the CRC32 of its bytes, under a header naming the codec format and the build of vault-ls that
 * wrote it.
 *
 * <p>The cache is never trusted: a file that is truncated, fails its CRC32, was written by another
 * build or for another vault, or does not decode, is ignored (and rebuilt on the next write). A cached
 * note is used only when the file's size, time and content checksum all match, so an edit that keeps
 * size and time is still seen. Writes go to a temporary file in the same folder, renamed over the old
 * cache atomically, so a reader sees an old or a new cache, never a part of one, and of two servers on
 * one vault the last writer wins. A cache folder that cannot be written costs only speed: one warning,
 * then the vault is read as without a cache. The folder keeps the {@link #KEEP} most recently used
 * vaults' caches.
 */
public final class NoteCache {
    private static final Logger LOG = Logger.getLogger(NoteCache.class.getName());
    private static final int MAGIC = 0x564C5343; // "VLSC"
    private static final int EXTRA_MAGIC = 0x564C5358; // "VLSX"
    /** The codec's version: raise it whenever {@link NoteCodec} or the parser's output changes. */
    static final int FORMAT = 3;
    /** Vault caches kept in the folder; older ones are deleted. */
    static final int KEEP = 8;
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private final Path file;
    private final String vaultKey;
    private final String fingerprint;
    private final Consumer<String> warnings;

    NoteCache(Path dir, Path vaultRoot, String fingerprint, Consumer<String> warnings) {
        this.vaultKey = vaultRoot.toAbsolutePath().normalize().toString();
        this.file = dir.resolve(hash(vaultKey) + ".bin");
        this.fingerprint = fingerprint;
        this.warnings = warnings;
    }

    /**
     * The cache of the vault at {@code root} in the user's cache folder, or null when
     * {@code VAULT_LS_NO_CACHE} is set or there is no cache folder.
     */
    public static NoteCache forVault(Path root, Consumer<String> warnings) {
        String off = System.getenv("VAULT_LS_NO_CACHE");
        if (off != null && !off.isBlank() && !off.equals("0")) {
            return null;
        }
        Path dir = defaultDir();
        return dir == null ? null : new NoteCache(dir, root, buildFingerprint(), warnings);
    }

    /** {@code $XDG_CACHE_HOME/vault-ls/notes}, else {@code ~/.cache/vault-ls/notes}; null without either. */
    static Path defaultDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "vault-ls", "notes");
        }
        String home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home, ".cache", "vault-ls", "notes");
    }

    /** The codec format, the version and the code of this build (the jar's or class file's size and time). */
    static String buildFingerprint() {
        StringBuilder b = new StringBuilder("format=").append(FORMAT);
        b.append(";version=").append(readVersion());
        try {
            URL url = NoteParser.class.getResource("NoteParser.class");
            String s = url == null ? "" : url.toString();
            Path code = null;
            if (s.startsWith("jar:file:")) {
                code = Path.of(new java.net.URI(s.substring(4, s.indexOf("!/"))));
            } else if (s.startsWith("file:")) {
                code = Path.of(url.toURI());
            }
            if (code != null) {
                b.append(";code=").append(Files.size(code)).append('@').append(Files.getLastModifiedTime(code).toMillis());
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            b.append(";code=unknown");
        }
        return b.toString();
    }

    private static String readVersion() {
        try (var in = NoteParser.class.getResourceAsStream("/org/vaultls/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    Path file() {
        return file;
    }

    /** What the cache knows of one file: the key it was parsed under, and the parse. */
    public static final class Entry {
        final String path;
        /** The path's and the kept text's references (index + 1; 0: no text) in the string table of {@link #in}. */
        final int pathRef;
        final int textRef;
        public final long size;
        public final long modified;
        public final int crc;
        final boolean inline;
        final String inlineText;
        private final NoteCodec.In in;
        private final int start;
        private final int end;

        private Entry(String path, int pathRef, long size, long modified, int crc, boolean inline,
                      int textRef, NoteCodec.In in, int start, int end) {
            this.path = path;
            this.pathRef = pathRef;
            this.textRef = textRef;
            this.size = size;
            this.modified = modified;
            this.crc = crc;
            this.inline = inline;
            this.inlineText = inline ? in.strings[textRef - 1] : null;
            this.in = in;
            this.start = start;
            this.end = end;
        }

        /**
         * True when the note's text is the file's bytes decoded as UTF-8 (BOM dropped); false for a
         * note made without its text (binary, too large), whose text is kept in the cache.
         */
        public boolean textFromFile() {
            return !inline;
        }

        /**
         * The cached note, given the text the file holds now; null when the entry does not decode,
         * and then the note is parsed again.
         */
        public Note note(String text) {
            try {
                NoteCodec.In r = new NoteCodec.In(in.buf, start, end);
                r.strings = in.strings;
                Note n = NoteCodec.read(r, path, inline ? inlineText : text);
                if (r.pos != end) {
                    throw new NoteCodec.CorruptException("entry length");
                }
                return n;
            } catch (RuntimeException e) {
                LOG.fine(() -> "cached " + path + " ignored: " + e);
                return null;
            }
        }
    }

    /**
     * A note to write, with the key of the file it was read from; {@code from} is the entry it was
     * decoded from unchanged (its encoded bytes are copied instead of encoding the note again), or null.
     */
    public record Fresh(Note note, long size, long modified, int crc, boolean textFromFile, Entry from) {
        public Fresh(Note note, long size, long modified, int crc, boolean textFromFile) {
            this(note, size, modified, crc, textFromFile, null);
        }
    }

    /**
     * The cached entries by vault-relative path; empty when there is no cache or it cannot be trusted
     * (it is then rebuilt by the next {@link #write}).
     */
    public Map<String, Entry> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException | OutOfMemoryError e) {
            LOG.fine(() -> "note cache " + file + " not read: " + e);
            return Map.of();
        }
        try {
            Map<String, Entry> entries = decode(bytes);
            touch();
            return entries;
        } catch (RuntimeException e) {
            LOG.fine(() -> "note cache " + file + " ignored (" + e.getMessage() + "); it will be rebuilt");
            return Map.of();
        }
    }

    Map<String, Entry> decode(byte[] bytes) {
        if (bytes.length < 16) {
            throw new NoteCodec.CorruptException("truncated");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        NoteCodec.In tail = new NoteCodec.In(bytes, bytes.length - 4, bytes.length);
        if (tail.int32() != (int) crc.getValue()) {
            throw new NoteCodec.CorruptException("checksum mismatch");
        }
        int end = bytes.length - 4;
        NoteCodec.In in = new NoteCodec.In(bytes, 0, end);
        if (in.int32() != MAGIC) {
            throw new NoteCodec.CorruptException("not a note cache");
        }
        if (!in.raw().equals(fingerprint)) {
            throw new NoteCodec.CorruptException("written by another build");
        }
        if (!in.raw().equals(vaultKey)) {
            throw new NoteCodec.CorruptException("written for another vault");
        }
        int base = in.count();
        int baseTableBytes = in.count();
        int n = in.count();
        String[] strings = new String[n];
        in.tableFrom = in.pos;
        for (int i = 0; i < n; i++) {
            strings[i] = in.raw();
        }
        in.tableTo = in.pos;
        in.strings = strings;
        in.baseStrings = base;
        in.baseTableBytes = baseTableBytes;
        int count = in.count();
        Map<String, Entry> entries = new HashMap<>(count * 2);
        for (int i = 0; i < count; i++) {
            int pathRef = tableRef(in, n);
            String path = strings[pathRef - 1];
            long size = in.varint();
            long modified = in.zigzag();
            int crcOf = in.int32();
            boolean inline = in.u8() == 1;
            int textRef = inline ? tableRef(in, n) : 0;
            int len = in.count();
            entries.put(path, new Entry(path, pathRef, size, modified, crcOf, inline, textRef, in, in.pos, in.pos + len));
            in.pos += len;
        }
        if (in.pos != end) {
            throw new NoteCodec.CorruptException("trailing bytes");
        }
        return entries;
    }

    /** A reference to one of the {@code n} strings of the table: never null, never past its end. */
    private static int tableRef(NoteCodec.In in, int n) {
        int ref = in.uint();
        if (ref == 0 || ref > n) {
            throw new NoteCodec.CorruptException("bad string index");
        }
        return ref;
    }

    /** A note as the file will hold it: encoded afresh ({@code encoded}) or copied (null), and its strings. */
    private record Item(Fresh fresh, byte[] encoded, int pathRef, int textRef) {
    }

    /**
     * The cache file of these notes. A note decoded from a cache entry unchanged has that entry's bytes
     * copied, not encoded again, when all such entries come from one read: the new string table then
     * starts with that read's table (its bytes copied too), so their string indices stay valid, and
     * only changed notes are encoded (at 100k notes with 1% edited, a full encode ran for seconds
     * beside the index build). Strings of the notes encoded afresh are added after the copied table,
     * not looked up in it (a lookup map of every string of a 100k-note vault cost more than the rest
     * of the write), so such a string may be in the table twice. Strings only the old versions used
     * stay in the table too; once it has grown to half again the size of the last full encode's
     * table, in strings or in bytes, every note is encoded afresh, which bounds the growth.
     */
    byte[] encode(Collection<Fresh> notes) {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        try {
            encodeTo(notes, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a byte array does not fail
        }
        return b.toByteArray();
    }

    /**
     * {@link #encode} written to {@code out} as it is made: entries are copied from the read they came
     * from straight to {@code out}, so a write holds no second copy of the cache (at 100k notes, 100 MB
     * and the buffers it grew through, which forced a full collection mid-load).
     */
    private void encodeTo(Collection<Fresh> notes, java.io.OutputStream sink) throws IOException {
        NoteCodec.In source = copySource(notes);
        List<String> strings = source == null ? new ArrayList<>()
                : new ArrayList<>(java.util.Arrays.asList(source.strings));
        NoteCodec.Out one = new NoteCodec.Out(new HashMap<>(), strings);
        int copied = source == null ? 0 : source.strings.length;
        // first the notes encoded afresh, so the table is complete before it is written
        List<Item> items = new ArrayList<>(notes.size());
        for (Fresh f : notes) {
            Entry from = source != null && f.from() != null && f.from().in == source ? f.from() : null;
            byte[] encoded = null;
            if (from == null) {
                one.n = 0;
                try {
                    NoteCodec.write(f.note(), one);
                } catch (NoteCodec.UnsupportedValueException e) {
                    // the note is parsed again next time; the strings it added stay unused in the table
                    LOG.fine(() -> "not caching " + f.note().path() + ": " + e.getMessage());
                    continue;
                }
                encoded = java.util.Arrays.copyOf(one.buf, one.n);
            }
            int pathRef = from != null ? from.pathRef : one.ref(f.note().path());
            int textRef = f.textFromFile() ? 0 : from != null && from.inline ? from.textRef : one.ref(f.note().text());
            items.add(new Item(f, encoded, pathRef, textRef));
        }
        NoteCodec.Out added = new NoteCodec.Out(); // the strings after the copied table: all, encoding afresh
        for (int i = copied; i < strings.size(); i++) {
            added.raw(strings.get(i));
        }
        CRC32 crc = new CRC32();
        java.io.OutputStream out = new java.io.BufferedOutputStream(new java.util.zip.CheckedOutputStream(sink, crc),
                1 << 16);
        NoteCodec.Out head = new NoteCodec.Out();
        head.int32(MAGIC);
        head.raw(fingerprint);
        head.raw(vaultKey);
        head.varint(source == null ? strings.size() : source.baseStrings);
        head.varint(source == null ? added.n : source.baseTableBytes);
        head.varint(strings.size());
        out.write(head.buf, 0, head.n);
        if (source != null) {
            out.write(source.buf, source.tableFrom, source.tableTo - source.tableFrom);
        }
        out.write(added.buf, 0, added.n);
        head.n = 0;
        head.varint(items.size());
        out.write(head.buf, 0, head.n);
        for (Item item : items) {
            Fresh f = item.fresh();
            head.n = 0;
            head.varint(item.pathRef());
            head.varint(f.size());
            head.zigzag(f.modified());
            head.int32(f.crc());
            head.u8(f.textFromFile() ? 0 : 1);
            if (!f.textFromFile()) {
                head.varint(item.textRef());
            }
            if (item.encoded() == null) {
                int len = f.from().end - f.from().start;
                head.varint(len);
                out.write(head.buf, 0, head.n);
                out.write(source.buf, f.from().start, len);
            } else {
                head.varint(item.encoded().length);
                out.write(head.buf, 0, head.n);
                out.write(item.encoded());
            }
        }
        out.flush();
        head.n = 0;
        head.int32((int) crc.getValue());
        sink.write(head.buf, 0, head.n);
        sink.flush();
    }

    /**
     * The one read whose entries {@link #encode} may copy: the read all copied entries come from, while
     * its string table is under half again the size of the last full encode's, in strings and in
     * bytes; null to encode all.
     */
    private static NoteCodec.In copySource(Collection<Fresh> notes) {
        NoteCodec.In source = null;
        for (Fresh f : notes) {
            if (f.from() != null) {
                if (source == null) {
                    source = f.from().in;
                } else if (source != f.from().in) {
                    return null; // entries of two reads: their string tables differ
                }
            }
        }
        if (source == null || (long) source.strings.length * 2 > (long) source.baseStrings * 3
                || (long) (source.tableTo - source.tableFrom) * 2 > (long) source.baseTableBytes * 3) {
            return null;
        }
        return source;
    }

    /**
     * Replaces the cache with these notes: written to a temporary file beside it, then renamed over it
     * atomically. Failing to write only warns, once per process.
     */
    public void write(Collection<Fresh> notes) {
        if (replace(file, out -> encodeTo(notes, out))) {
            prune();
        }
    }

    /** A side file's key (what its payload was derived from) and payload. */
    public record Extra(String key, byte[] payload) {
    }

    /**
     * A side file of this vault's cache ({@code kind}, e.g. {@code findings}) when it is whole and was
     * written by this build for this vault; else null, and the caller derives it again. The caller
     * compares the key with the state it would derive the payload from. Never throws.
     */
    public Extra readExtra(String kind) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(extraFile(kind));
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            return null;
        }
        try {
            if (bytes.length < 8) {
                throw new NoteCodec.CorruptException("truncated");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 4);
            if (new NoteCodec.In(bytes, bytes.length - 4, bytes.length).int32() != (int) crc.getValue()) {
                throw new NoteCodec.CorruptException("checksum mismatch");
            }
            NoteCodec.In in = new NoteCodec.In(bytes, 0, bytes.length - 4);
            if (in.int32() != EXTRA_MAGIC || !in.raw().equals(fingerprint) || !in.raw().equals(vaultKey)
                    || !in.raw().equals(kind)) {
                return null; // another build or vault: stale, not corrupt
            }
            String key = in.raw();
            int len = in.count();
            if (in.pos + len != in.end) {
                throw new NoteCodec.CorruptException("trailing bytes");
            }
            return new Extra(key, java.util.Arrays.copyOfRange(bytes, in.pos, in.pos + len));
        } catch (RuntimeException e) {
            LOG.fine(() -> "cache side file " + kind + " ignored (" + e.getMessage() + ")");
            return null;
        }
    }

    /** Replaces the side file {@code kind} with this payload under {@code key}, atomically, as {@link #write}. */
    public void writeExtra(String kind, String key, byte[] payload) {
        NoteCodec.Out o = new NoteCodec.Out();
        o.int32(EXTRA_MAGIC);
        o.raw(fingerprint);
        o.raw(vaultKey);
        o.raw(kind);
        o.raw(key);
        o.varint(payload.length);
        replace(extraFile(kind), out -> { // streamed: the payload is not copied (31 MB at 100k notes)
            CRC32 crc = new CRC32();
            crc.update(o.buf, 0, o.n);
            crc.update(payload);
            out.write(o.buf, 0, o.n);
            out.write(payload);
            o.n = 0;
            o.int32((int) crc.getValue());
            out.write(o.buf, 0, o.n);
        });
    }

    /** Where the side file {@code kind} of this vault lives (beside the note cache). */
    public Path extraFile(String kind) {
        return file.resolveSibling(file.getFileName().toString().replace(".bin", "." + kind));
    }

    /** What a cache file is made of, written to a stream. */
    @FunctionalInterface
    private interface Content {
        void writeTo(java.io.OutputStream out) throws IOException;
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target}, renamed over it atomically, so
     * a reader sees the old file or the new one, never a part. Failing to write only warns, once per
     * process; true when the file was replaced.
     */
    private boolean replace(Path target, Content content) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return true;
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            if (WARNED.compareAndSet(false, true)) {
                String why = e instanceof AccessDeniedException ? "permission denied" : String.valueOf(e.getMessage());
                warnings.accept("note cache not written to " + target.getParent() + " (" + why
                        + "); the next start parses every note again");
            }
            return false;
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // a stale temporary file is pruned later
                }
            }
        }
    }

    /** Marks this vault's cache as recently used, so pruning keeps it. */
    private void touch() {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException | SecurityException e) {
            // a read-only cache is still read
        }
    }

    /** Keeps the {@link #KEEP} most recently used caches and drops temporary files over an hour old. */
    void prune() {
        List<Path> caches = new ArrayList<>();
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(file.getParent())) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                if (name.endsWith(".bin")) {
                    caches.add(p);
                } else if (name.endsWith(".tmp") && modified(p) < hourAgo) {
                    Files.deleteIfExists(p);
                }
            }
            caches.sort(Comparator.comparingLong(NoteCache::modified).reversed());
            for (Path p : caches.subList(Math.min(KEEP, caches.size()), caches.size())) {
                Files.deleteIfExists(p);
            }
            try (DirectoryStream<Path> sides = Files.newDirectoryStream(file.getParent())) {
                for (Path p : sides) { // side files of a vault whose cache is gone go with it
                    String name = p.getFileName().toString();
                    int dot = name.indexOf('.');
                    if (dot > 0 && !name.endsWith(".bin") && !name.endsWith(".tmp")
                            && !Files.exists(p.resolveSibling(name.substring(0, dot) + ".bin"))) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "note cache folder not pruned: " + e);
        }
    }

    private static long modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE;
        }
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
