package org.vaultls.vault;

import java.text.Normalizer;
import java.util.Locale;

/** Vault-relative path helpers, and the key Obsidian compares names by. */
public final class VaultPaths {
    private VaultPaths() {
    }

    /**
     * The form two names are compared in: NFC-normalised (macOS writes file names decomposed) and
     * lower-cased, since Obsidian resolves links case-insensitively.
     */
    public static String key(String s) {
        boolean upper = false;
        int i = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                break;
            }
            upper |= c >= 'A' && c <= 'Z';
        }
        if (i == s.length()) { // ASCII, the common case: always NFC
            return upper ? s.toLowerCase(Locale.ROOT) : s;
        }
        String n = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
        return n.toLowerCase(Locale.ROOT);
    }

    /**
     * The form names are matched in when searching, not resolved: {@link #key} with accents removed
     * (NFD, combining marks dropped), so {@code nunez} finds "José Núñez". Links still resolve by
     * {@link #key}: Obsidian treats "Jose" and "José" as two notes.
     */
    public static String fold(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) < 0x80) {
            i++;
        }
        if (i == s.length()) {
            return key(s);
        }
        // no NFC afterwards: both sides of a comparison are folded alike
        return marksRemoved(Normalizer.normalize(s, Normalizer.Form.NFD)).toLowerCase(Locale.ROOT);
    }

    private static String marksRemoved(String decomposed) {
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int j = 0; j < decomposed.length(); j++) {
            char c = decomposed.charAt(j);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code s} without its accents, case kept, NFC: "José Núñez" becomes "Jose Nunez". */
    public static String unaccented(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) < 0x80) {
            i++;
        }
        if (i == s.length()) {
            return s;
        }
        return Normalizer.normalize(marksRemoved(Normalizer.normalize(s, Normalizer.Form.NFD)), Normalizer.Form.NFC);
    }

    public static String fileName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** The file name without its {@code .md} extension (other extensions are kept). */
    public static String stem(String path) {
        return stripMd(fileName(path));
    }

    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    public static boolean isMarkdown(String path) {
        return path.regionMatches(true, path.length() - 3, ".md", 0, 3) && path.length() > 3;
    }

    public static String stripMd(String path) {
        return isMarkdown(path) ? path.substring(0, path.length() - 3) : path;
    }

    /**
     * The file extension, lower-cased: letters and digits after the last dot ("" for none, and for
     * {@code E. M. Forster}, whose last dot starts no extension).
     */
    public static String extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        if (dot <= 0 || dot == name.length() - 1 || name.length() - dot > 11) {
            return "";
        }
        for (int i = dot + 1; i < name.length(); i++) {
            if (!Character.isLetterOrDigit(name.charAt(i))) {
                return "";
            }
        }
        return name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
