package org.vaultls.warm;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.vaultls.cache.NoteCache;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;
import org.vaultls.index.VaultLoader;
import org.vaultls.text.Span;

/**
 * The findings of a vault as last computed, kept as a side file of its note cache: {@code check}'s
 * report (kind {@link #CHECK}) and the editor's findings (kind {@link #EDITOR}: the editor reports more,
 * e.g. unlinked mentions). Each is stored with the keys of the notes and the attachments it was made
 * from, under a key of everything else findings depend on (the settings, Obsidian's settings and the
 * day), so a later start can take it as the findings of the vault as it was and check again only what
 * changed since ({@link WarmFindings}). Anything else (a truncated, corrupt or foreign file, another
 * build) is ignored and the vault checked as without it.
 */
public final class StoredFindings {
    /** {@code check}'s report. */
    public static final String CHECK = "findings";
    /** The language server's findings. */
    public static final String EDITOR = "findings-editor";
    private static final int FORMAT = 3;

    /** What a cached report holds: the counts of the summary line and every finding, in report order. */
    public record Report(int notes, int links, List<Finding> findings) {
    }

    private StoredFindings() {
    }

    /**
     * The key of a {@code check} report: the vault's state and everything else findings depend on (the
     * settings file's bytes, Obsidian's settings, the day).
     */
    public static String key(String state, Path configFile, ObsidianSettings obsidian, Clock clock) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(("format=" + FORMAT + "\0" + configFile + "\0").getBytes(StandardCharsets.UTF_8));
            try {
                d.update(Files.exists(configFile) ? Files.readAllBytes(configFile) : new byte[0]);
            } catch (IOException | SecurityException e) {
                d.update(("unreadable " + System.nanoTime()).getBytes(StandardCharsets.UTF_8)); // never matches
            }
            d.update(("\0" + obsidian.stableForm() + "\0" + LocalDate.now(clock) + "\0" + clock.getZone())
                    .getBytes(StandardCharsets.UTF_8));
            return state + ":" + HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The part of a {@link #key} that is not the vault's state: the settings, Obsidian's settings and
     * the day. Two reports with the same settings part differ only by what the notes and attachments are.
     */
    public static String settingsPart(String key) {
        return key.substring(key.lastIndexOf(':') + 1);
    }

    /**
     * The key of the editor's findings: the settings in force (the editor's over the settings file's,
     * as resolved), Obsidian's settings and the day. The notes and attachments they were made from are
     * stored beside them, so no vault state is part of it.
     */
    public static String editorKey(VaultConfig config, ObsidianSettings obsidian, Clock clock) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(("format=" + FORMAT + "\0editor\0" + config.stableForm() + "\0" + obsidian.stableForm() + "\0"
                    + LocalDate.now(clock) + "\0" + clock.getZone()).getBytes(StandardCharsets.UTF_8));
            return "editor:" + HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A cached report as read: the key it was written under, the keys of the notes it was made from
     * (by path), and the report, decoded only when asked for.
     */
    public static final class Stored {
        public final String key;
        public final Map<String, VaultLoader.FileKey> notes;
        /** The vault's attachments (vault-relative paths) as the report saw them. */
        public final List<String> attachments;
        /** When the check that wrote it started reading the vault (epoch milliseconds). */
        public final long readStart;
        private final byte[] bytes;
        private final int reportAt;

        private Stored(String key, Map<String, VaultLoader.FileKey> notes, List<String> attachments, long readStart,
                byte[] bytes, int reportAt) {
            this.key = key;
            this.notes = notes;
            this.attachments = attachments;
            this.readStart = readStart;
            this.bytes = bytes;
            this.reportAt = reportAt;
        }

        /** The report; null when it does not decode. */
        public Report report() {
            try {
                return decode(java.util.Arrays.copyOfRange(bytes, reportAt, bytes.length));
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
    }

    /** The stored findings of this kind of the vault, or null when there are none that can be read. */
    public static Stored read(NoteCache cache, String kind) {
        NoteCache.Extra extra = cache.readExtra(kind);
        if (extra == null) {
            return null;
        }
        try {
            byte[] b = extra.payload();
            ByteBuffer in = ByteBuffer.wrap(b);
            if (in.getInt() != FORMAT) {
                throw new IOException("format");
            }
            long readStart = in.getLong();
            int count = in.getInt();
            if (count < 0 || count > b.length) {
                throw new IOException("count");
            }
            List<String> table = new ArrayList<>();
            Map<String, VaultLoader.FileKey> notes = new HashMap<>(count * 2);
            for (int i = 0; i < count; i++) {
                String path = str(in, table);
                notes.put(path, new VaultLoader.FileKey(path, in.getLong(), in.getLong(), in.getInt()));
            }
            int attachmentCount = in.getInt();
            if (attachmentCount < 0 || attachmentCount > b.length) {
                throw new IOException("attachments");
            }
            List<String> attachments = new ArrayList<>(attachmentCount);
            for (int i = 0; i < attachmentCount; i++) {
                attachments.add(str(in, table));
            }
            return new Stored(extra.key(), notes, List.copyOf(attachments), readStart, b, in.position());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Stores {@code report} as this kind, made from the notes of these keys and these attachments by a
     * read that started at {@code readStart} (epoch milliseconds, taken before the vault was listed),
     * under {@code key}: atomically, through the note cache's side files.
     */
    public static void write(NoteCache cache, String kind, String key, List<VaultLoader.FileKey> notes,
            List<String> attachments, long readStart, Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + notes.size() * 64);
        DataOutputStream out = new DataOutputStream(bytes);
        try {
            out.writeInt(FORMAT);
            out.writeLong(readStart);
            out.writeInt(notes.size());
            Map<String, Integer> table = new HashMap<>();
            for (VaultLoader.FileKey k : notes) {
                str(out, table, k.path());
                out.writeLong(k.size());
                out.writeLong(k.modified());
                out.writeInt(k.crc());
            }
            out.writeInt(attachments.size());
            for (String a : attachments) {
                str(out, table, a);
            }
            out.write(encode(report));
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        cache.writeExtra(kind, key, bytes.toByteArray());
    }

    public static byte[] encode(Report r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + r.findings().size() * 48);
        DataOutputStream out = new DataOutputStream(bytes);
        Map<String, Integer> table = new HashMap<>();
        try {
            out.writeInt(FORMAT);
            out.writeInt(r.notes());
            out.writeInt(r.links());
            out.writeInt(r.findings().size());
            for (Finding f : r.findings()) {
                str(out, table, f.path());
                span(out, f.span());
                str(out, table, f.severity().name());
                str(out, table, f.code().name());
                str(out, table, f.message());
                out.writeInt(f.related().size());
                for (Finding.Related rel : f.related()) {
                    str(out, table, rel.path());
                    span(out, rel.span());
                    str(out, table, rel.message());
                }
            }
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    public static Report decode(byte[] b) throws IOException {
        // a ByteBuffer, not a DataInputStream: strings are bulk-copied, which makes a warm check's
        // decoding of a 10k-note report several times faster
        ByteBuffer in = ByteBuffer.wrap(b);
        List<String> table = new ArrayList<>();
        if (in.getInt() != FORMAT) {
            throw new IOException("format");
        }
        int notes = in.getInt();
        int links = in.getInt();
        int count = in.getInt();
        if (count < 0 || count > b.length) {
            throw new IOException("count");
        }
        List<Finding> findings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String path = str(in, table);
            Span span = span(in);
            Severity severity = Severity.valueOf(str(in, table));
            FindingCode code = FindingCode.valueOf(str(in, table));
            String message = str(in, table);
            int related = in.getInt();
            if (related < 0 || related > b.length) {
                throw new IOException("related");
            }
            List<Finding.Related> rels = new ArrayList<>(related);
            for (int j = 0; j < related; j++) {
                rels.add(new Finding.Related(str(in, table), span(in), str(in, table)));
            }
            findings.add(new Finding(path, span, severity, code, message, rels));
        }
        if (in.hasRemaining()) {
            throw new IOException("trailing bytes");
        }
        return new Report(notes, links, findings);
    }

    /** A string once, then as its index: a tag of -1 and the chars, or the index. */
    private static void str(DataOutputStream out, Map<String, Integer> table, String s) throws IOException {
        if (s == null) {
            out.writeInt(-2);
            return;
        }
        Integer i = table.get(s);
        if (i != null) {
            out.writeInt(i);
            return;
        }
        table.put(s, table.size());
        out.writeInt(-1);
        out.writeInt(s.length());
        out.writeChars(s); // UTF-16 code units: exact for any string, lone surrogates too
    }

    private static String str(ByteBuffer in, List<String> table) throws IOException {
        int i = in.getInt();
        if (i == -2) {
            return null;
        }
        if (i != -1) {
            if (i < 0 || i >= table.size()) {
                throw new IOException("bad string index");
            }
            return table.get(i);
        }
        int len = in.getInt();
        if (len < 0 || len > in.remaining() / 2) {
            throw new IOException("bad string length");
        }
        char[] c = new char[len];
        in.asCharBuffer().get(c);
        in.position(in.position() + 2 * len);
        String s = new String(c);
        table.add(s);
        return s;
    }

    private static void span(DataOutputStream out, Span s) throws IOException {
        out.writeBoolean(s != null);
        if (s == null) {
            return;
        }
        out.writeInt(s.startOffset());
        out.writeInt(s.endOffset());
        out.writeInt(s.start().line());
        out.writeInt(s.start().character());
        out.writeInt(s.end().line());
        out.writeInt(s.end().character());
    }

    private static Span span(ByteBuffer in) throws IOException {
        byte present = in.get();
        if (present == 0) {
            return null;
        }
        if (present != 1) {
            throw new IOException("bad span tag");
        }
        int so = in.getInt();
        int eo = in.getInt();
        return Span.of(so, eo, in.getInt(), in.getInt(), in.getInt(), in.getInt()); // start line, character, end
    }
}
