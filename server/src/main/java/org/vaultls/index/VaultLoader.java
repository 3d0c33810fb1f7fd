package org.vaultls.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.vaultls.cache.NoteCache;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Note;
import org.vaultls.vault.BoundedParse;
import org.vaultls.vault.NoteParser;
import org.vaultls.vault.VaultPaths;

/**
 * Reads a vault from disk. The vault is every file under the root except dot-files, dot-folders (the
 * Obsidian config folder, {@code .trash}, {@code .git}), {@code node_modules} and the configured ignore
 * globs. Markdown files become notes, parsed in parallel, each file read and parsed once; every other
 * file is an attachment. A file that cannot be read is still a note (links to it resolve) and carries a
 * problem; a folder that cannot be read, or a symlink loop, is skipped with a warning.
 */
public final class VaultLoader {
    private static final Logger LOG = Logger.getLogger(VaultLoader.class.getName());
    /** Larger notes are not parsed: no real note is this big, and it bounds memory and time. */
    public static final long MAX_NOTE_BYTES = 20L * 1024 * 1024;

    private final Path root;
    private final VaultConfig config;
    private final ObsidianSettings obsidian;
    private final Consumer<String> warnings;
    private final List<PathMatcher> ignore = new ArrayList<>();
    private NoteCache cache;
    private long readAheadSlowNanos = ReadAhead.SLOW_NANOS;
    private java.util.function.LongSupplier readAheadStorage = ReadAhead::storageReadBytes;
    private volatile Thread cacheWrite;
    private volatile String timings = "";
    /** How long the last load's cache write took, once it finished; -1 before. */
    private volatile long writeMillis = -1;
    private Map<String, NoteCache.Entry> cachedEntries;
    private volatile String state;
    private volatile List<FileKey> fileKeys;

    public VaultLoader(Path root, VaultConfig config, ObsidianSettings obsidian, Consumer<String> warnings) {
        this.root = root;
        this.config = config;
        this.obsidian = obsidian;
        this.warnings = warnings;
        for (String glob : config.ignore()) {
            try {
                ignore.add(root.getFileSystem().getPathMatcher("glob:" + glob));
            } catch (IllegalArgumentException e) {
                warnings.accept("ignore: bad glob '" + glob + "' skipped (" + e.getMessage() + ")");
            }
        }
    }

    /**
     * Makes {@link #load} read unchanged notes from {@code cache} and write the cache back; null (the
     * default) parses every note.
     */
    public VaultLoader withCache(NoteCache cache) {
        this.cache = cache;
        return this;
    }

    /**
     * Makes {@link #load} read ahead once a quarter of a sample of reads took more than {@code slowNanos}
     * ({@link ReadAhead#SLOW_NANOS} by default; 0 reads ahead after the first sample, as tests need),
     * whether or not the process's reads from storage grew meanwhile.
     */
    public VaultLoader withReadAheadAfter(long slowNanos) {
        this.readAheadSlowNanos = slowNanos;
        this.readAheadStorage = null;
        return this;
    }

    /**
     * The files of the vault, as vault-relative paths, markdown first listed in {@code notes}, with the
     * size and time of each note as the listing saw them ({@code stamps}, by path; empty when not known).
     */
    public record Listing(List<String> notes, List<String> attachments, Map<String, Stamp> stamps) {
        public Listing(List<String> notes, List<String> attachments) {
            this(notes, attachments, Map.of());
        }
    }

    /** A note's size and modification time (epoch milliseconds), as a directory walk reads them. */
    public record Stamp(long size, long modified) {
    }

    public Listing list() throws IOException {
        List<String> notes = new ArrayList<>();
        List<String> attachments = new ArrayList<>();
        Map<String, Stamp> stamps = new java.util.HashMap<>();
        Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        if (dir.equals(root)) {
                            return FileVisitResult.CONTINUE;
                        }
                        String name = dir.getFileName().toString();
                        if (name.startsWith(".") || name.equals("node_modules") || name.equals(config.configFolder())
                                || isIgnored(relative(dir))) {
                            return FileVisitResult.SKIP_SUBTREE;
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        String name = file.getFileName().toString();
                        if (name.startsWith(".") || !attrs.isRegularFile()) {
                            return FileVisitResult.CONTINUE;
                        }
                        String rel = relative(file);
                        if (isIgnored(rel)) {
                            return FileVisitResult.CONTINUE;
                        }
                        if (VaultPaths.isMarkdown(rel)) {
                            notes.add(rel);
                            stamps.put(rel, new Stamp(attrs.size(), attrs.lastModifiedTime().toMillis()));
                        } else {
                            attachments.add(rel);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        if (e instanceof FileSystemLoopException) {
                            warnings.accept("skipped symlink loop at " + relative(file));
                        } else if (e instanceof AccessDeniedException) {
                            warnings.accept("cannot read " + relative(file) + ": permission denied; skipped");
                        } else if (!(e instanceof NoSuchFileException)) {
                            warnings.accept("cannot read " + relative(file) + ": " + e.getMessage() + "; skipped");
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
        return new Listing(notes, attachments, stamps);
    }

    /**
     * True when a vault-relative path belongs to the vault: no dot-file or dot-folder on the way, no
     * {@code node_modules}, the config folder or an ignore glob.
     */
    public boolean isPartOfVault(String rel) {
        for (String seg : rel.split("/")) {
            if (seg.isEmpty() || seg.startsWith(".") || seg.equals("node_modules") || seg.equals(config.configFolder())) {
                return false;
            }
        }
        return !isIgnored(rel);
    }

    private boolean isIgnored(String rel) {
        if (ignore.isEmpty()) {
            return false;
        }
        Path p = root.getFileSystem().getPath(rel);
        for (PathMatcher m : ignore) {
            if (m.matches(p)) {
                return true;
            }
        }
        return false;
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
    }

    /** Told how many notes are parsed so far, of how many. */
    public interface Progress {
        void parsed(int done, int total);

        /** Told of each note as soon as it is parsed, on the thread that parsed it. */
        default void read(Note note) {
        }
    }

    /** Lists, reads and parses the whole vault, parsing notes in parallel. */
    public VaultIndex load() throws IOException {
        return load((done, total) -> { });
    }

    /** As {@link #load()}, reporting progress about every 2% of the notes. */
    public VaultIndex load(Progress progress) throws IOException {
        long t0 = System.nanoTime();
        Listing listing = list();
        long listed = System.nanoTime() - t0;
        VaultIndex index = load(listing, progress);
        timings = "list " + listed / 1_000_000 + " ms, " + timings;
        return index;
    }

    /** How long the phases of the last {@link #load} took, for {@code VAULT_LS_TIMING}. */
    public String timings() {
        long w = writeMillis;
        return w < 0 ? timings : timings + ", cache write " + w + " ms beside the rest";
    }

    /**
     * An index of the listed files' names only, every note a placeholder: enough to complete
     * {@code [[} while the notes are read, nothing else.
     */
    public VaultIndex namesOnly(Listing listing) {
        List<Note> notes = new ArrayList<>(listing.notes().size());
        listing.notes().forEach(rel -> notes.add(NoteParser.placeholder(rel)));
        return VaultIndex.build(config, obsidian, notes, listing.attachments());
    }

    /**
     * Reads and parses the listed notes in parallel and indexes them. With a cache, a note whose file
     * has the size, time and checksum it was cached under is read from the cache instead of parsed,
     * and the cache is written back when anything changed.
     */
    public VaultIndex load(Listing listing, Progress progress) {
        long t0 = System.nanoTime();
        int total = listing.notes().size();
        int step = Math.max(1, total / 50);
        AtomicInteger done = new AtomicInteger();
        AtomicInteger reused = new AtomicInteger();
        Map<String, NoteCache.Entry> cached = cachedEntries();
        long t1 = System.nanoTime();
        progress.parsed(0, total);
        List<String> rels = listing.notes();
        List<Loaded> loaded;
        String readAhead = "";
        try (ReadAhead ahead = total < READ_AHEAD_FROM ? null
                : new ReadAhead(root, rels, READ_AHEAD_WINDOW, READ_AHEAD_THREADS, readAheadSlowNanos,
                        readAheadStorage)) {
            loaded = BoundedParse.map(java.util.stream.IntStream.range(0, total).boxed().toList(), i -> {
                String rel = rels.get(i);
                ReadAhead.Read pre = ahead == null ? null : ahead.take(i);
                Loaded n = cache == null ? new Loaded(pre == null ? read(rel) : decodeAndParse(rel, pre.bytes()), null)
                        : readCached(rel, cached.get(rel), reused, pre);
                if (n.note() != null) {
                    progress.read(n.note());
                }
                int d = done.incrementAndGet();
                if (d % step == 0 || d == total) {
                    progress.parsed(d, total);
                }
                return n;
            }).stream().filter(l -> l.note() != null).toList();
            if (ahead != null && ahead.started()) {
                readAhead = ", " + ahead.takenAhead() + " read ahead";
            }
        }
        List<Note> notes = loaded.stream().map(Loaded::note).toList();
        long t2 = System.nanoTime();
        fileKeys = cache == null || loaded.stream().anyMatch(l -> l.fresh() == null) ? null
                : loaded.stream().map(l -> new FileKey(l.note().path(), l.fresh().size(), l.fresh().modified(),
                        l.fresh().crc())).toList();
        state = fileKeys == null ? null : stateOf(fileKeys, listing.attachments());
        if (cache != null && (reused.get() != loaded.size() || cached.size() != loaded.size())) {
            // written while the caller goes on (check computes its findings meanwhile): it costs
            // about as much as reading it back, and nothing waits for it but awaitCacheWrite
            List<NoteCache.Fresh> fresh = loaded.stream().map(Loaded::fresh).filter(Objects::nonNull).toList();
            NoteCache target = cache;
            writeMillis = -1;
            Thread t = new Thread(() -> {
                long w0 = System.nanoTime();
                target.write(fresh);
                writeMillis = (System.nanoTime() - w0) / 1_000_000;
                LOG.fine(() -> "Wrote the note cache of " + fresh.size() + " notes in " + writeMillis + " ms");
            }, "vault-ls-cache-write");
            t.setDaemon(true); // an exit mid-write leaves the old cache whole: the write is a rename
            cacheWrite = t;
            t.start();
        }
        LOG.fine(() -> "Loaded " + notes.size() + " notes (" + reused.get() + " from the cache) in "
                + (t2 - t0) / 1_000_000 + " ms; cache read " + (t1 - t0) / 1_000_000 + " ms");
        VaultIndex index = VaultIndex.build(config, obsidian, notes, listing.attachments());
        long t3 = System.nanoTime();
        timings = "cache read " + (t1 - t0) / 1_000_000 + " ms, notes " + (t2 - t1) / 1_000_000 + " ms ("
                + reused.get() + " of " + notes.size() + " from the cache" + readAhead + "), index " + (t3 - t2) / 1_000_000 + " ms";
        return index;
    }

    /** The cache's entries, read once per loader. */
    private Map<String, NoteCache.Entry> cachedEntries() {
        if (cachedEntries == null) {
            cachedEntries = cache == null ? Map.of() : cache.read();
        }
        return cachedEntries;
    }

    /**
     * The note the cache held for {@code key}'s path before the last {@link #load}, when it was cached
     * from exactly that file (size, time and checksum); empty otherwise. Its parts are those of that
     * version, but its text is not (the file may hold other bytes now): only for comparing what a note
     * was with what it is, never for anything that reads a note's text.
     */
    public Optional<Note> cachedVersion(FileKey key) {
        NoteCache.Entry e = cachedEntries().get(key.path());
        if (e == null || e.size != key.size() || e.modified != key.modified() || e.crc != key.crc()) {
            return Optional.empty();
        }
        return Optional.ofNullable(e.note(""));
    }

    /** A note file as the cache keys it: its vault-relative path, size, modification time and CRC32. */
    public record FileKey(String path, long size, long modified, int crc) {
    }

    /** The keys of the notes the last {@link #load} read, in listing order; null when {@link #state} is. */
    public List<FileKey> fileKeys() {
        return fileKeys;
    }

    /**
     * The state of the vault the last {@link #load} read: a digest of every note's path, size, time and
     * checksum and of the attachments' paths; null without a cache or when a note could not be read.
     * Anything derived from the whole vault and its settings alone can be cached under it.
     */
    public String state() {
        return state;
    }

    /**
     * The {@link #state} of the listed files when every listed note is in the cache with the same size,
     * time and checksum, and the cache holds no other note: then nothing changed since the cache was
     * written. Empty otherwise, or without a cache. Reads every note's bytes when their sizes and times
     * match (the checksum), parses none, and gives up at the first note that differs.
     */
    public Optional<String> unchangedState(Listing listing) {
        Map<String, FileKey> known = new java.util.HashMap<>();
        cachedEntries().forEach((p, e) -> known.put(p, new FileKey(p, e.size, e.modified, e.crc)));
        return cache == null ? Optional.empty() : unchangedState(listing, known);
    }

    /**
     * As {@link #unchangedState(Listing)}, against these keys of the notes (by path) instead of the
     * cache's: for something cached with {@link #fileKeys}, which need not read the note cache at all.
     */
    public Optional<String> unchangedState(Listing listing, Map<String, FileKey> known) {
        return unchangedState(listing, known, Long.MIN_VALUE);
    }

    /**
     * How much older than the start of the read that cached a note its modification time must be for
     * its size and time alone to prove it unchanged. A note written while (or just before) it was read
     * can keep its size and time (coarse file-system clocks) with other bytes, so such a "racy" note is
     * read and checksummed, as git does with its index; any older note, edited since, has a newer time.
     */
    public static final long RACY_MILLIS = 2_000;

    /**
     * As {@link #unchangedState(Listing, Map)}, where {@code readStart} is the wall-clock time (epoch
     * milliseconds) at which the read that produced {@code known} started: a note whose size and time
     * are unchanged and whose time is more than {@link #RACY_MILLIS} before it is trusted without
     * reading it (the "keyed by path, size and modification time"); any other is checksummed.
     * {@code Long.MIN_VALUE} trusts none.
     */
    public Optional<String> unchangedState(Listing listing, Map<String, FileKey> known, long readStart) {
        if (known.size() != listing.notes().size()) {
            return Optional.empty();
        }
        AtomicBoolean differs = new AtomicBoolean();
        List<FileKey> keys = BoundedParse.map(listing.notes(), rel -> {
            if (differs.get()) {
                return null;
            }
            FileKey e = known.get(rel);
            FileKey k = e == null ? null : currentKey(rel, e, listing.stamps().get(rel), readStart);
            if (k == null) {
                differs.set(true);
            }
            return k;
        });
        if (differs.get()) {
            return Optional.empty();
        }
        String s = stateOf(keys, listing.attachments());
        state = s;
        return Optional.of(s);
    }

    /** The key of the file now, when it is still the one {@code e} was cached from; else null. */
    private FileKey currentKey(String rel, FileKey e, Stamp listed, long readStart) {
        try {
            Path file = root.resolve(rel);
            Stamp now = listed;
            if (now == null) {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                now = new Stamp(a.size(), a.lastModifiedTime().toMillis());
            }
            if (now.size() != e.size() || now.modified() != e.modified()) {
                return null;
            }
            if (readStart != Long.MIN_VALUE && e.modified() < readStart - RACY_MILLIS) {
                return e; // older than the read that cached it by more than the racy margin
            }
            if (now.size() > MAX_NOTE_BYTES) {
                return e.crc() == 0 ? e : null; // such a note is cached with no checksum: never read
            }
            byte[] bytes = Files.readAllBytes(file);
            CRC32 crc32 = new CRC32();
            crc32.update(bytes);
            return bytes.length == e.size() && (int) crc32.getValue() == e.crc() ? e : null;
        } catch (IOException | SecurityException | OutOfMemoryError x) {
            return null;
        }
    }

    private static String stateOf(List<FileKey> notes, List<String> attachments) {
        try {
            java.security.MessageDigest d = java.security.MessageDigest.getInstance("SHA-256");
            List<FileKey> sorted = new ArrayList<>(notes);
            sorted.sort(java.util.Comparator.comparing(FileKey::path));
            ByteBuffer b = ByteBuffer.allocate(21);
            for (FileKey k : sorted) {
                d.update(k.path().getBytes(StandardCharsets.UTF_8));
                b.clear();
                b.put((byte) 0).putLong(k.size()).putLong(k.modified()).putInt(k.crc()).flip();
                d.update(b.array(), 0, 21);
            }
            List<String> att = new ArrayList<>(attachments);
            att.sort(null);
            for (String a : att) {
                d.update((byte) 1);
                d.update(a.getBytes(StandardCharsets.UTF_8));
            }
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the cache write the last {@link #load} started, if any, has finished. */
    public void awaitCacheWrite() {
        Thread t = cacheWrite;
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A note read for {@link #load}, with what the cache keeps of it (null: not cached). */
    private record Loaded(Note note, NoteCache.Fresh fresh) {
    }

    /**
     * From this many notes on, {@link #load} reads them through a {@link ReadAhead}: when they come from
     * the disk, {@link #READ_AHEAD_THREADS} threads read at most {@link #READ_AHEAD_WINDOW} ahead of the
     * parsers (a 100k-note check just after the file cache was dropped: 29.7 -> 24.5 s).
     */
    static final int READ_AHEAD_FROM = 64;
    static final int READ_AHEAD_THREADS = 4;
    static final int READ_AHEAD_WINDOW = 256;

    private Loaded readCached(String rel, NoteCache.Entry entry, AtomicInteger reused, ReadAhead.Read pre) {
        Path file = root.resolve(rel);
        try {
            long size;
            long modified;
            if (pre != null) {
                size = pre.size();
                modified = pre.modified();
            } else {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                size = a.size();
                modified = a.lastModifiedTime().toMillis();
            }
            boolean sameKey = entry != null && entry.size == size && entry.modified == modified;
            if (size > MAX_NOTE_BYTES) {
                Note n = sameKey && !entry.textFromFile() ? entry.note(null) : null;
                if (n != null) {
                    reused.incrementAndGet();
                } else {
                    n = read(rel);
                }
                return new Loaded(n, n == null ? null : new NoteCache.Fresh(n, size, modified, 0, false));
            }
            byte[] bytes = pre != null ? pre.bytes() : Files.readAllBytes(file);
            CRC32 crc32 = new CRC32();
            crc32.update(bytes);
            int crc = (int) crc32.getValue();
            if (sameKey && bytes.length == size && entry.crc == crc) {
                Note n = entry.note(entry.textFromFile() ? decodeText(bytes) : null);
                if (n != null) {
                    reused.incrementAndGet();
                    return new Loaded(n, new NoteCache.Fresh(n, size, modified, crc, entry.textFromFile(), entry));
                }
            }
            Note n = decodeAndParse(rel, bytes);
            // a note made without its text (binary) keeps it in the cache; any other is the file decoded
            return new Loaded(n, new NoteCache.Fresh(n, bytes.length, modified, crc, !n.text().isEmpty()));
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            return new Loaded(read(rel), null); // read reports the problem as without a cache
        }
    }

    /** The text {@link #decodeAndParse} gives a note of these bytes. */
    private static String decodeText(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Reads and parses one note; null when the file vanished before it could be read. */
    public Note read(String rel) {
        Path file = root.resolve(rel);
        try {
            long size = Files.size(file);
            if (size > MAX_NOTE_BYTES) {
                // rounded up, so a file just over the limit does not read "20 MB, over the 20 MB limit"
                return unreadable(rel, "File is " + (size + 1024 * 1024 - 1) / (1024 * 1024) + " MB, over the "
                        + MAX_NOTE_BYTES / (1024 * 1024) + " MB limit for a note; it was not parsed");
            }
            return decodeAndParse(rel, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            warnings.accept(rel + " vanished while the vault was read; skipped");
            return null;
        } catch (IOException | SecurityException e) {
            String why = e instanceof AccessDeniedException ? "permission denied" : e.getMessage();
            warnings.accept("cannot read " + rel + ": " + why);
            return unreadable(rel, "File cannot be read (" + why + ")");
        } catch (OutOfMemoryError e) {
            return unreadable(rel, "File is too large to read");
        }
    }

    /** Decodes bytes as UTF-8 (dropping a BOM) and parses them; binary or badly encoded text is a problem. */
    public static Note decodeAndParse(String rel, byte[] bytes) {
        int probe = Math.min(bytes.length, 8000);
        for (int i = 0; i < probe; i++) {
            if (bytes[i] == 0) {
                return unreadable(rel, "File looks binary (it holds NUL bytes), not a markdown note; it was not parsed");
            }
        }
        List<Note.Problem> problems = new ArrayList<>();
        // The JDK's own decoding, much cheaper than a decoder's buffers; with no U+FFFD in what it gives,
        // no byte was malformed, and the strict decoder would give the same text.
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') < 0) {
            if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
                text = text.substring(1);
            }
            return BoundedParse.parse(rel, text, problems);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            text = strict.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            text = new String(bytes, StandardCharsets.UTF_8);
            int badByte = firstMalformed(bytes);
            LineMap lines = new LineMap(text);
            problems.add(new Note.Problem(Note.Problem.Kind.UNREADABLE, lines.span(0, 0),
                    "File is not valid UTF-8 (first bad byte at offset " + badByte
                            + "); invalid bytes are shown as \uFFFD. Re-save it as UTF-8"));
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.UTF_8);
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return BoundedParse.parse(rel, text, problems);
    }

    private static int firstMalformed(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
        d.decode(in, out, true);
        return in.position();
    }

    static Note unreadable(String rel, String why) {
        Note n = NoteParser.parse(rel, "", List.of(new Note.Problem(Note.Problem.Kind.UNREADABLE,
                new LineMap("").span(0, 0), why)));
        return n;
    }
}
