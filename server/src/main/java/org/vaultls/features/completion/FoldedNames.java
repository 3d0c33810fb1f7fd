package org.vaultls.features.completion;

import java.util.Arrays;

/**
 * The names of many items in {@link org.vaultls.vault.VaultPaths#fold} form, packed for
 * {@link FuzzyRanker}: every form of every item in one char array, with a mask per form of the
 * characters it holds, so a query rules most names out with one test and scans the rest without
 * going through {@code String.charAt} (which the server's C1-only JVM does not inline). Built once per
 * vault snapshot's targets, it is read by any number of requests at once and never changed.
 *
 * <p>Form {@code e} of the table is entry {@code first(item) + j} for the item's {@code j}-th form.
 */
final class FoldedNames {
    private final char[] chars;
    /** Where each form starts in {@link #chars}; one more entry, the end of the last. */
    private final int[] starts;
    private final long[] masks;
    /** Per form, the {@link #mask} of the characters that start one of its words. */
    private final long[] wordStarts;
    /** Each form as written, for the accent tie-break. */
    private final String[] written;
    /** True for a written form that is all ASCII, which never pays the accent penalty for an ASCII query. */
    private final boolean[] ascii;
    /** Each item's first form; one more entry, the end. */
    private final int[] firsts;
    /** Each item's group, which a search may leave out or search fewer forms of (a kind of target). */
    private final byte[] groups;

    private FoldedNames(char[] chars, int[] starts, long[] masks, long[] wordStarts, String[] written,
                        boolean[] ascii, int[] firsts, byte[] groups) {
        this.chars = chars;
        this.starts = starts;
        this.masks = masks;
        this.wordStarts = wordStarts;
        this.written = written;
        this.ascii = ascii;
        this.firsts = firsts;
        this.groups = groups;
    }

    /** Collects items one at a time, each with its forms folded and as written. */
    static final class Builder {
        private char[] chars = new char[1024];
        private int length;
        private int[] starts = new int[64];
        private long[] masks = new long[64];
        private long[] wordStarts = new long[64];
        private String[] written = new String[64];
        private int forms;
        private int[] firsts = new int[16];
        private byte[] groups = new byte[16];
        private int items;

        /** Adds an item whose forms are {@code folded}, written as {@code forms}. */
        Builder add(String[] folded, String[] forms) {
            return add(folded, forms, 0);
        }

        /** Adds an item of group {@code group} (0 to 127). */
        Builder add(String[] folded, String[] forms, int group) {
            if (items + 2 > firsts.length) {
                firsts = Arrays.copyOf(firsts, firsts.length * 2);
                groups = Arrays.copyOf(groups, groups.length * 2);
            }
            groups[items] = (byte) group;
            firsts[items++] = this.forms;
            for (int j = 0; j < folded.length; j++) {
                String f = folded[j];
                if (this.forms + 2 > starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    masks = Arrays.copyOf(masks, masks.length * 2);
                    wordStarts = Arrays.copyOf(wordStarts, wordStarts.length * 2);
                    written = Arrays.copyOf(written, written.length * 2);
                }
                if (length + f.length() > chars.length) {
                    chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + f.length()));
                }
                f.getChars(0, f.length(), chars, length);
                starts[this.forms] = length;
                masks[this.forms] = mask(chars, length, length + f.length());
                wordStarts[this.forms] = wordStartMask(chars, length, length + f.length());
                written[this.forms] = forms[j];
                length += f.length();
                this.forms++;
            }
            return this;
        }

        FoldedNames build() {
            firsts[items] = forms;
            int[] s = Arrays.copyOf(starts, forms + 1);
            s[forms] = length;
            boolean[] a = new boolean[forms];
            for (int e = 0; e < forms; e++) {
                a[e] = isAscii(written[e]);
            }
            return new FoldedNames(Arrays.copyOf(chars, length), s, Arrays.copyOf(masks, forms),
                    Arrays.copyOf(wordStarts, forms), Arrays.copyOf(written, forms), a, Arrays.copyOf(firsts, items + 1),
                    Arrays.copyOf(groups, items));
        }
    }

    /**
     * A bit for each character of {@code c[from..to)}: letters and digits have bits of their own, every
     * other character shares one of the rest. A name lacks a character of the query when the query's
     * mask has a bit the name's has not (the converse does not hold: shared bits only let more through).
     */
    static long mask(char[] c, int from, int to) {
        long m = 0;
        for (int i = from; i < to; i++) {
            m |= bit(c[i]);
        }
        return m;
    }

    /** The bits of the characters of {@code c[from..to)} at which {@link FuzzyRanker#isWordStart} holds. */
    private static long wordStartMask(char[] c, int from, int to) {
        long m = 0;
        for (int i = from; i < to; i++) {
            if (FuzzyRanker.isWordStart(c, from, i)) {
                m |= bit(c[i]);
            }
        }
        return m;
    }

    private static long bit(char c) {
        if (c >= 'a' && c <= 'z') {
            return 1L << (c - 'a');
        }
        if (c >= '0' && c <= '9') {
            return 1L << (26 + c - '0');
        }
        return 1L << (36 + c % 28);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    char[] chars() {
        return chars;
    }

    int start(int form) {
        return starts[form];
    }

    int end(int form) {
        return starts[form + 1];
    }

    int length(int form) {
        return starts[form + 1] - starts[form];
    }

    long mask(int form) {
        return masks[form];
    }

    long wordStarts(int form) {
        return wordStarts[form];
    }

    String written(int form) {
        return written[form];
    }

    boolean ascii(int form) {
        return ascii[form];
    }

    /** The item's first form. */
    int first(int item) {
        return firsts[item];
    }

    /** How many forms the item has. */
    int forms(int item) {
        return firsts[item + 1] - firsts[item];
    }

    int group(int item) {
        return groups[item];
    }

    int items() {
        return firsts.length - 1;
    }
}
