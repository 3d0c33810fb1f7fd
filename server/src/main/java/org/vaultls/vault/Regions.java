package org.vaultls.vault;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;

/**
 * The region map of a note: the parts of its text where markdown is not prose, each with its kind.
 * {@link NoteParser} makes it from the same parse that finds links and tags, so every feature asks
 * here whether an offset is code, a comment, HTML, frontmatter or a dataview block, and none re-scans
 * the text. Nothing inside a region other than the frontmatter is a link, tag, block id or task, as in
 * Obsidian.
 *
 * <p>Regions may nest: a {@code %% comment %%} can hold a code block, and {@code %%} inside code opens
 * no comment. {@link #kindAt} answers with the innermost region.
 */
public final class Regions {
    /** A note with no regions. */
    public static final Regions NONE = new Regions(List.of());

    /** What a region holds. */
    public enum Kind {
        /** The YAML between the {@code ---} lines, delimiters included. */
        FRONTMATTER(false),
        /** A {@code ```} or {@code ~~~} block, fence lines included; unclosed, it runs to the end. */
        FENCED_CODE(true),
        /** A block indented by four spaces or a tab after a paragraph break. */
        INDENTED_CODE(true),
        /** An inline {@code `code`} span, backticks included. */
        CODE_SPAN(true),
        /** A {@code ```dataview} or {@code ```dataviewjs} block, fence lines included. */
        DATAVIEW(true),
        /** An inline Dataview query: a code span {@code `= expr`} or {@code `$= js`}. */
        INLINE_DATAVIEW(true),
        /** An Obsidian comment {@code %% ... %%}; unclosed, it runs to the end of the note. */
        COMMENT(false),
        /** An HTML comment {@code <!-- ... -->}. */
        HTML_COMMENT(false),
        /** An HTML block or inline HTML tag. */
        HTML(false);

        private final boolean code;

        Kind(boolean code) {
            this.code = code;
        }

        /** True for code: fenced, indented, inline, and Dataview blocks and queries. */
        public boolean isCode() {
            return code;
        }
    }

    /** One region: its kind and the half-open offsets {@code [start, end)} of the note's text. */
    public record Region(Kind kind, int start, int end) {
        public boolean contains(int offset) {
            return start <= offset && offset < end;
        }

        /** The region's place in {@code lines}' text. */
        public Span span(LineMap lines) {
            return lines.span(start, end);
        }

        @Override
        public String toString() {
            return kind + " " + start + "-" + end;
        }
    }

    private final List<Region> regions;
    private final int[] starts;
    /** The largest end among regions {@code 0..i}, so a lookup can stop walking back. */
    private final int[] maxEnds;

    private Regions(List<Region> sorted) {
        this.regions = List.copyOf(sorted);
        this.starts = new int[sorted.size()];
        this.maxEnds = new int[sorted.size()];
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < sorted.size(); i++) {
            starts[i] = sorted.get(i).start();
            max = Math.max(max, sorted.get(i).end());
            maxEnds[i] = max;
        }
    }

    /** The regions of {@code list} (as {@link #list()} gave them), for the note cache. */
    public static Regions of(List<Region> list) {
        Builder b = new Builder();
        list.forEach(r -> b.add(r.kind(), r.start(), r.end()));
        return b.build();
    }

    /** Every region, by start offset (an outer region before the regions it holds). */
    public List<Region> list() {
        return regions;
    }

    /** The innermost region holding {@code offset}, or empty in prose. */
    public Optional<Region> at(int offset) {
        int i = Arrays.binarySearch(starts, offset);
        if (i < 0) {
            i = -i - 2;
        } else {
            while (i + 1 < starts.length && starts[i + 1] == offset) {
                i++;
            }
        }
        for (; i >= 0 && maxEnds[i] > offset; i--) {
            if (regions.get(i).contains(offset)) {
                return Optional.of(regions.get(i));
            }
        }
        return Optional.empty();
    }

    /** The kind of the innermost region holding {@code offset}, or empty in prose. */
    public Optional<Kind> kindAt(int offset) {
        return at(offset).map(Region::kind);
    }

    /** True when {@code offset} is in code of any kind (see {@link Kind#isCode()}). */
    public boolean isCode(int offset) {
        return at(offset).filter(r -> r.kind().isCode()).isPresent();
    }

    /** True when {@code offset} is in markdown prose: in no region at all. */
    public boolean isProse(int offset) {
        return at(offset).isEmpty();
    }

    @Override
    public String toString() {
        return regions.toString();
    }

    /** Collects regions in any order; empty ones are dropped. */
    static final class Builder {
        private final List<Region> list = new ArrayList<>();

        void add(Kind kind, int start, int end) {
            if (end > start) {
                list.add(new Region(kind, start, end));
            }
        }

        Regions build() {
            if (list.isEmpty()) {
                return NONE;
            }
            // outer before inner at the same start, so the innermost is found last
            list.sort(Comparator.comparingInt(Region::start).thenComparing(Comparator.comparingInt(Region::end).reversed()));
            return new Regions(list);
        }
    }
}
