package org.vaultls.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongSupplier;

/**
 * Reads a list of files a little ahead of the threads that parse them, on threads of its own, once the
 * files turn out to come from the disk: then waiting on it overlaps parsing, with several reads in
 * flight instead of one per core (a vault just out of the disk, the first start after a boot). While
 * the files come from the operating system's file cache it starts no thread at all: the parsers read
 * for themselves, as reading ahead would only move the reads to other threads (measured with a version
 * that always read ahead: a cached 100k-note check took 0.5 to 1 s and 40 to 60 MB more).
 *
 * <p>Reads are slow when, of a run of {@link #SAMPLE} files the parsers read themselves, at least a
 * quarter took more than {@link #SLOW_NANOS} (a cached small file takes ~20 µs; a collector pause
 * slows only the reads it stops) and, where the process's reads from storage can be counted (Linux's
 * {@code /proc/self/io}), the storage gave the process at least as many bytes as the sample read: on a
 * busy 2-core machine a cached read can take that long too (the parsers, the JIT and the collector
 * share the cores), and there the slow reads alone started the readers for a vault in the file cache.
 * At most {@code window} files are held at a time, each at most
 * {@link #MAX_BYTES}; a larger file, a file that cannot be read, or one a parser reaches first is read
 * by the parser, which reports any problem as it would without this. Nothing here reports or throws.
 */
final class ReadAhead implements AutoCloseable {
    /** Larger files are not read ahead: the window's memory stays small. */
    static final long MAX_BYTES = 64 * 1024;
    static final int SAMPLE = 256;
    static final long SLOW_NANOS = 200_000;
    private static final Object TAKEN = new Object();

    /** A file as read: its size and modification time (epoch ms) before the read, and its bytes. */
    record Read(long size, long modified, byte[] bytes) {
    }

    private final Path root;
    private final List<String> files;
    private final AtomicReferenceArray<Object> slots;
    private final Semaphore room;
    private final int threadCount;
    private final long slowNanos;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger sampled = new AtomicInteger();
    private final AtomicInteger readAhead = new AtomicInteger();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicLong sampleBytes = new AtomicLong();
    /** Bytes the process has read from storage so far, or -1 when unknown; null: reads are not counted. */
    private final LongSupplier storageReads;
    private long storageAtSample;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean closed;

    /** Reads ahead once reads prove slow, a read taking more than {@code slowNanos} counting as slow. */
    ReadAhead(Path root, List<String> files, int window, int threadCount, long slowNanos) {
        this(root, files, window, threadCount, slowNanos, null);
    }

    /**
     * As the other constructor, and reads prove slow only when {@code storageReads} (bytes the process
     * has read from storage, -1 when unknown) grew over the sample by at least the bytes it read.
     */
    ReadAhead(Path root, List<String> files, int window, int threadCount, long slowNanos, LongSupplier storageReads) {
        this.storageReads = storageReads;
        this.storageAtSample = storageReads == null ? -1 : storageReads.getAsLong();
        this.slowNanos = slowNanos;
        this.root = root;
        this.files = files;
        this.slots = new AtomicReferenceArray<>(files.size());
        this.room = new Semaphore(window);
        this.threadCount = threadCount;
    }

    /**
     * The file at {@code i}: as read ahead, else read now on the caller's thread; null when it is too
     * large or cannot be read (the caller reads it its own way). Each index is taken once.
     */
    Read take(int i) {
        Object o = slots.getAndSet(i, TAKEN);
        if (o instanceof Read r) {
            room.release();
            readAhead.incrementAndGet();
            return r;
        }
        long t0 = System.nanoTime();
        Read r = read(files.get(i));
        if (!started) {
            sample(i, System.nanoTime() - t0, r == null ? 0 : r.bytes().length);
        }
        return r;
    }

    /** How many files {@link #take} gave as read ahead. */
    int takenAhead() {
        return readAhead.get();
    }

    /** True once reads were found slow and the reading threads started. */
    boolean started() {
        return started;
    }

    private void sample(int i, long nanos, int bytes) {
        if (nanos > slowNanos) {
            slow.incrementAndGet();
        }
        sampleBytes.addAndGet(bytes);
        if (sampled.incrementAndGet() % SAMPLE != 0) {
            return;
        }
        boolean slowReads = slow.getAndSet(0) * 4 >= SAMPLE;
        long read = sampleBytes.getAndSet(0);
        long fetched = fetchedSinceLastSample();
        if (slowReads && (fetched < 0 || fetched >= read)) {
            start(i + 1);
        }
    }

    /** Bytes the storage gave the process since the last sample ended; -1 when not known. */
    private synchronized long fetchedSinceLastSample() {
        if (storageReads == null) {
            return -1;
        }
        long now = storageReads.getAsLong();
        long fetched = now < 0 || storageAtSample < 0 ? -1 : now - storageAtSample;
        storageAtSample = now;
        return fetched;
    }

    /**
     * Bytes this process has read from storage (the {@code read_bytes} of Linux's
     * {@code /proc/self/io}: reads the file cache answered do not count); -1 where that is not known.
     */
    static long storageReadBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("read_bytes:")) {
                    return Long.parseLong(line.substring("read_bytes:".length()).trim());
                }
            }
            return -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private synchronized void start(int from) {
        if (started || closed) {
            return;
        }
        next.set(from);
        for (int t = 0; t < threadCount; t++) {
            Thread th = new Thread(this::run, "vault-ls-read-ahead");
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        started = true;
    }

    private void run() {
        try {
            while (!closed) {
                room.acquire();
                int i = next.getAndIncrement();
                if (i >= files.size() || closed) {
                    room.release();
                    return;
                }
                Read r = slots.get(i) == TAKEN ? null : read(files.get(i));
                if (r == null || !slots.compareAndSet(i, null, r)) {
                    room.release(); // nothing held: the parser got there first, or reads it itself
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Read read(String rel) {
        try {
            Path file = root.resolve(rel);
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            if (!a.isRegularFile() || a.size() > MAX_BYTES) {
                return null;
            }
            byte[] bytes = Files.readAllBytes(file);
            return new Read(a.size(), a.lastModifiedTime().toMillis(), bytes);
        } catch (IOException | SecurityException | OutOfMemoryError e) {
            return null;
        }
    }

    /** Stops reading ahead; what is held is dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        for (Thread t : threads) {
            t.interrupt();
        }
    }
}
