package org.vaultls.cache;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultls.text.Pos;
import org.vaultls.text.Span;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.OwnerRef;
import org.vaultls.vault.Regions;
import org.vaultls.vault.Tag;
import org.vaultls.vault.Task;

/**
 * The binary form of a parsed {@link Note}, without its text: every part the parser made (frontmatter,
 * links, headings, block ids, tags, tasks, aliases, problems, regions) as variable-length integers, with
 * each string written once to a shared string table. {@link #read} with the note's text gives a note
 * equal to the parse that was written.
 */
final class NoteCodec {
    private NoteCodec() {
    }

    /** A growing byte buffer with a string table. */
    static final class Out {
        byte[] buf = new byte[1 << 16];
        int n;
        final Map<String, Integer> table;
        final List<String> strings;

        Out(Map<String, Integer> table, List<String> strings) {
            this.table = table;
            this.strings = strings;
        }

        Out() {
            this(new HashMap<>(), new ArrayList<>());
        }

        void ensure(int more) {
            if (n + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, n + more));
            }
        }

        void u8(int b) {
            ensure(1);
            buf[n++] = (byte) b;
        }

        void varint(long v) {
            ensure(10);
            while ((v & ~0x7FL) != 0) {
                buf[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            buf[n++] = (byte) v;
        }

        void zigzag(long v) {
            varint((v << 1) ^ (v >> 63));
        }

        void bytes(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, buf, n, len);
            n += len;
        }

        void int32(int v) {
            ensure(4);
            buf[n++] = (byte) (v >>> 24);
            buf[n++] = (byte) (v >>> 16);
            buf[n++] = (byte) (v >>> 8);
            buf[n++] = (byte) v;
        }

        /** A string as an index into the table, 0 for null. */
        void str(String s) {
            varint(ref(s));
        }

        /** What {@link #str} writes for {@code s}: its index in the table plus one (added if new), 0 for null. */
        int ref(String s) {
            if (s == null) {
                return 0;
            }
            Integer i = table.get(s);
            if (i == null) {
                i = strings.size();
                strings.add(s);
                table.put(s, i);
            }
            return i + 1;
        }

        /** A string written out in full: ASCII as bytes, anything else as UTF-16 code units, so it is exact. */
        void raw(String s) {
            boolean ascii = true;
            for (int i = 0; i < s.length() && ascii; i++) {
                ascii = s.charAt(i) < 0x80;
            }
            varint(((long) s.length() << 1) | (ascii ? 0 : 1));
            if (ascii) {
                byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
                bytes(b, 0, b.length);
            } else {
                ensure(2 * s.length());
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    buf[n++] = (byte) (c >>> 8);
                    buf[n++] = (byte) c;
                }
            }
        }
    }

    /** Reads what {@link Out} wrote; any inconsistency throws {@link CorruptException}. */
    static final class In {
        final byte[] buf;
        int pos;
        final int end;
        String[] strings = new String[0];
        /** The string count of the last full encode of the file these bytes were read from. */
        int baseStrings;
        /** The string table's size in bytes at that encode. */
        int baseTableBytes;
        /** Where in {@link #buf} the string table's strings were read from (an encode copies them). */
        int tableFrom;
        int tableTo;

        In(byte[] buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        int u8() {
            if (pos >= end) {
                throw new CorruptException("truncated");
            }
            return buf[pos++] & 0xFF;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int b = u8();
                v |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return v;
                }
            }
            throw new CorruptException("bad varint");
        }

        int uint() {
            long v = varint();
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new CorruptException("bad count");
            }
            return (int) v;
        }

        int count() {
            int c = uint();
            if (c > end - pos) {
                throw new CorruptException("bad count");
            }
            return c;
        }

        long zigzag() {
            long v = varint();
            return (v >>> 1) ^ -(v & 1);
        }

        int zint() {
            return Math.toIntExact(zigzag());
        }

        int int32() {
            return (u8() << 24) | (u8() << 16) | (u8() << 8) | u8();
        }

        String str() {
            int i = uint();
            if (i == 0) {
                return null;
            }
            if (i > strings.length) {
                throw new CorruptException("bad string index");
            }
            return strings[i - 1];
        }

        String strNonNull() {
            String s = str();
            if (s == null) {
                throw new CorruptException("missing string");
            }
            return s;
        }

        String raw() {
            long h = varint();
            long len = h >>> 1;
            boolean ascii = (h & 1) == 0;
            long bytes = ascii ? len : 2 * len;
            if (bytes > end - pos) {
                throw new CorruptException("truncated string");
            }
            String s;
            if (ascii) {
                s = new String(buf, pos, (int) len, StandardCharsets.ISO_8859_1);
            } else {
                char[] c = new char[(int) len];
                for (int i = 0; i < len; i++) {
                    c[i] = (char) (((buf[pos + 2 * i] & 0xFF) << 8) | (buf[pos + 2 * i + 1] & 0xFF));
                }
                s = new String(c);
            }
            pos += (int) bytes;
            return s;
        }
    }

    /** The cache's bytes do not make sense: the whole cache is ignored. */
    static final class CorruptException extends RuntimeException {
        CorruptException(String why) {
            super(why, null, false, false);
        }
    }

    /** Thrown when a note holds a value the codec cannot write; that note is not cached. */
    static final class UnsupportedValueException extends RuntimeException {
        UnsupportedValueException(String why) {
            super(why);
        }
    }

    private static final int V_NULL = 0;
    private static final int V_STRING = 1;
    private static final int V_LIST = 2;
    private static final int V_MAP = 3;

    static void write(Note note, Out o) {
        Frontmatter fm = note.frontmatter().orElse(null);
        if (fm == null) {
            o.u8(0);
        } else {
            o.u8(1);
            span(o, fm.span());
            o.varint(fm.fields().size());
            for (Frontmatter.Field f : fm.fields()) {
                o.str(f.key());
                nullableSpan(o, f.keySpan());
                value(o, f.value(), 0);
                nullableSpan(o, f.valueSpan());
            }
            o.str(fm.error());
            nullableSpan(o, fm.errorSpan());
        }
        o.varint(note.links().size());
        for (Link l : note.links()) {
            o.u8((l.kind() == Link.Kind.WIKI ? 0 : 1) | (l.embed() ? 2 : 0) | (l.inFrontmatter() ? 4 : 0));
            span(o, l.span());
            o.str(l.target());
            nullableSpan(o, l.targetSpan());
            o.varint(l.headings().size());
            l.headings().forEach(o::str);
            nullableSpan(o, l.subpathSpan());
            o.str(l.blockId());
            o.str(l.alias());
            nullableSpan(o, l.aliasSpan());
        }
        o.varint(note.headings().size());
        for (Heading h : note.headings()) {
            o.varint(h.level());
            o.str(h.text());
            span(o, h.span());
            nullableSpan(o, h.textSpan());
        }
        o.varint(note.blocks().size());
        for (BlockId b : note.blocks()) {
            o.str(b.id());
            span(o, b.span());
        }
        o.varint(note.tags().size());
        for (Tag t : note.tags()) {
            o.str(t.name());
            span(o, t.span());
            o.u8(t.inFrontmatter() ? 1 : 0);
        }
        o.varint(note.tasks().size());
        for (Task t : note.tasks()) {
            o.varint(t.status());
            o.str(t.text());
            span(o, t.span());
            o.varint(t.owners().size());
            for (OwnerRef r : t.owners()) {
                o.str(r.name());
                span(o, r.span());
            }
            o.varint(t.fields().size());
            for (Map.Entry<String, String> e : t.fields().entrySet()) {
                o.str(e.getKey());
                o.str(e.getValue());
            }
        }
        o.varint(note.aliases().size());
        note.aliases().forEach(o::str);
        o.varint(note.problems().size());
        for (Note.Problem p : note.problems()) {
            o.varint(p.kind().ordinal());
            nullableSpan(o, p.span());
            o.str(p.message());
        }
        List<Regions.Region> regions = note.regions().list();
        o.varint(regions.size());
        for (Regions.Region r : regions) {
            o.varint(r.kind().ordinal());
            o.varint(r.start());
            o.varint(r.end() - (long) r.start());
        }
    }

    static Note read(In in, String path, String text) {
        Frontmatter fm = null;
        if (in.u8() == 1) {
            Span span = span(in);
            int n = in.count();
            List<Frontmatter.Field> fields = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                fields.add(new Frontmatter.Field(in.str(), nullableSpan(in), value(in, 0), nullableSpan(in)));
            }
            fm = new Frontmatter(span, fields, in.str(), nullableSpan(in));
        }
        int n = in.count();
        List<Link> links = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int flags = in.u8();
            Span span = span(in);
            String target = in.str();
            Span targetSpan = nullableSpan(in);
            int hn = in.count();
            List<String> hs = new ArrayList<>(hn);
            for (int j = 0; j < hn; j++) {
                hs.add(in.strNonNull());
            }
            links.add(new Link((flags & 1) == 0 ? Link.Kind.WIKI : Link.Kind.MARKDOWN, (flags & 2) != 0, span,
                    target, targetSpan, hs, nullableSpan(in), in.str(), in.str(), nullableSpan(in), (flags & 4) != 0));
        }
        n = in.count();
        List<Heading> headings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            headings.add(new Heading(in.uint(), in.str(), span(in), nullableSpan(in)));
        }
        n = in.count();
        List<BlockId> blocks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            blocks.add(new BlockId(in.str(), span(in)));
        }
        n = in.count();
        List<Tag> tags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tags.add(new Tag(in.str(), span(in), in.u8() == 1));
        }
        n = in.count();
        List<Task> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            char status = (char) in.uint();
            String t = in.str();
            Span span = span(in);
            int on = in.count();
            List<OwnerRef> owners = new ArrayList<>(on);
            for (int j = 0; j < on; j++) {
                owners.add(new OwnerRef(in.str(), span(in)));
            }
            int fn = in.count();
            Map<String, String> fields = new HashMap<>();
            for (int j = 0; j < fn; j++) {
                fields.put(in.strNonNull(), in.strNonNull());
            }
            tasks.add(new Task(status, t, span, owners, fields));
        }
        n = in.count();
        List<String> aliases = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            aliases.add(in.strNonNull());
        }
        n = in.count();
        List<Note.Problem> problems = new ArrayList<>(n);
        Note.Problem.Kind[] kinds = Note.Problem.Kind.values();
        for (int i = 0; i < n; i++) {
            int k = in.uint();
            if (k >= kinds.length) {
                throw new CorruptException("bad problem kind");
            }
            problems.add(new Note.Problem(kinds[k], nullableSpan(in), in.str()));
        }
        n = in.count();
        List<Regions.Region> regions = new ArrayList<>(n);
        Regions.Kind[] rkinds = Regions.Kind.values();
        for (int i = 0; i < n; i++) {
            int k = in.uint();
            if (k >= rkinds.length) {
                throw new CorruptException("bad region kind");
            }
            int start = in.uint();
            regions.add(new Regions.Region(rkinds[k], start, Math.addExact(start, in.uint())));
        }
        return Note.restore(path, text, fm, links, headings, blocks, tags, tasks, aliases, problems,
                regions.isEmpty() ? Regions.NONE : Regions.of(regions));
    }

    private static void value(Out o, Object v, int depth) {
        if (depth > 1000) {
            throw new UnsupportedValueException("frontmatter nested too deep");
        }
        if (v == null) {
            o.u8(V_NULL);
        } else if (v instanceof String s) {
            o.u8(V_STRING);
            o.str(s);
        } else if (v instanceof List<?> l) {
            o.u8(V_LIST);
            o.varint(l.size());
            l.forEach(x -> value(o, x, depth + 1));
        } else if (v instanceof Map<?, ?> m) {
            o.u8(V_MAP);
            o.varint(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new UnsupportedValueException("map key " + e.getKey());
                }
                o.str(k);
                value(o, e.getValue(), depth + 1);
            }
        } else {
            throw new UnsupportedValueException("value of type " + v.getClass().getName());
        }
    }

    private static Object value(In in, int depth) {
        if (depth > 1000) {
            throw new CorruptException("nested too deep");
        }
        int tag = in.u8();
        switch (tag) {
            case V_NULL:
                return null;
            case V_STRING:
                return in.strNonNull();
            case V_LIST: {
                int n = in.count();
                List<Object> l = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    l.add(value(in, depth + 1));
                }
                return l;
            }
            case V_MAP: {
                int n = in.count();
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(in.strNonNull(), value(in, depth + 1));
                }
                return m;
            }
            default:
                throw new CorruptException("bad value tag " + tag);
        }
    }

    private static void span(Out o, Span s) {
        o.varint(s.startOffset());
        o.zigzag((long) s.endOffset() - s.startOffset());
        Pos a = s.start();
        Pos b = s.end();
        o.varint(a.line());
        o.varint(a.character());
        o.zigzag((long) b.line() - a.line());
        o.varint(b.character());
    }

    private static void nullableSpan(Out o, Span s) {
        if (s == null) {
            o.u8(0);
        } else {
            o.u8(1);
            span(o, s);
        }
    }

    private static Span span(In in) {
        int start = in.uint();
        int end = Math.addExact(start, in.zint());
        int line = in.uint();
        int character = in.uint();
        int endLine = Math.addExact(line, in.zint());
        int endCharacter = in.uint();
        return Span.of(start, end, line, character, endLine, endCharacter);
    }

    private static Span nullableSpan(In in) {
        return in.u8() == 0 ? null : span(in);
    }
}
