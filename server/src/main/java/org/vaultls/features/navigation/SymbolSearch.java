package org.vaultls.features.navigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.vaultls.features.CancelCheck;
import org.vaultls.features.Location;
import org.vaultls.features.query.Title;
import org.vaultls.index.Person;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Frontmatter;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;
import org.vaultls.vault.VaultPaths;

/**
 * Vault-wide symbol search over notes, people, aliases and headings (not a title heading that only
 * repeats its note's name), or over tags when the query starts with {@code #}. A symbol matches when
 * the query's characters appear in its name in order, ignoring case and accents ({@code nunez} finds
 * "José Núñez"); an exact name ranks first, then a prefix, then a match at the start of a word, then any
 * substring, then a scattered match, shorter names first within each rank, and a name written with the
 * accents as typed before one written without. A query {@code @VipinSachdeva} looks for the person by
 * owner tag.
 */
final class SymbolSearch {
    /** Among equal names, a person or note before the alias or heading that repeats it. */
    private static final List<SymbolKind> KIND_RANK = List.of(SymbolKind.PERSON, SymbolKind.FILE, SymbolKind.ALIAS,
            SymbolKind.HEADING, SymbolKind.TAG);
    private static final Comparator<Hit> BEST = Comparator.comparingInt(Hit::score)
            .thenComparingInt(h -> h.lower.length()).thenComparing(h -> h.lower)
            .thenComparingInt(h -> KIND_RANK.indexOf(h.symbol.kind())).thenComparing(h -> h.symbol.location().path());

    private final String query;
    /** The query as typed, lower case, accents kept. */
    private final String exact;
    private final int limit;
    private final PriorityQueue<Hit> kept;
    private CancelCheck cancel = CancelCheck.NEVER;
    /** A name being matched, as characters. */
    private char[] scratch = new char[64];

    private record Hit(WorkspaceSymbol symbol, int score, String lower) {
    }

    private SymbolSearch(String exact, int limit) {
        this.exact = exact;
        this.query = VaultPaths.fold(exact);
        this.limit = limit;
        this.kept = new PriorityQueue<>(BEST.reversed());
    }

    static List<WorkspaceSymbol> of(VaultIndex index, String query, int limit, CancelCheck cancel) {
        if (limit < 1) {
            return List.of();
        }
        String q = VaultPaths.key(query.strip());
        SymbolSearch s = new SymbolSearch(q.startsWith("#") || q.startsWith("@") ? q.substring(1) : q, limit);
        s.cancel = cancel;
        if (q.startsWith("#")) {
            s.tags(index);
        } else if (q.startsWith("@")) {
            s.people(index);
        } else {
            s.notes(index);
        }
        List<Hit> hits = new ArrayList<>(s.kept);
        hits.sort(BEST);
        return hits.stream().map(Hit::symbol).toList();
    }

    /** Builds symbols only for names that match, since most of a large vault does not. */
    private void notes(VaultIndex index) {
        for (Note n : index.notes().values()) {
            cancel.check();
            String title = n.title();
            if (matches(n.name()) || matches(title)) {
                Location top = new Location(n.path(), Landing.TOP);
                Person p = index.person(n.path()).orElse(null);
                if (p != null) {
                    offer(p.title(), SymbolKind.PERSON, personContainer(p, n), top);
                    if (!p.title().equals(n.name())) {
                        offer(n.name(), SymbolKind.PERSON, personContainer(p, n), top);
                    }
                } else {
                    offer(n.name(), SymbolKind.FILE, n.folder(), top);
                }
            }
            for (String alias : n.aliases()) {
                if (matches(alias)) {
                    Span at = n.frontmatter().flatMap(f -> f.field("aliases").or(() -> f.field("alias")))
                            .map(Frontmatter.Field::valueSpan).orElse(Landing.TOP);
                    offer(alias, SymbolKind.ALIAS, n.name(), new Location(n.path(), at));
                }
            }
            Heading titleHeading = null; // it would only repeat the note; looked for once a heading matches
            boolean titleKnown = false;
            for (Heading h : n.headings()) {
                if (!matches(h.text())) {
                    continue;
                }
                if (!titleKnown) {
                    titleHeading = Title.heading(n).orElse(null);
                    titleKnown = true;
                }
                if (h != titleHeading) {
                    offer(h.text(), SymbolKind.HEADING, n.name(), new Location(n.path(), h.span()));
                }
            }
        }
    }

    /** People by their owner tags ({@code @VipinSachdeva}), each under their title. */
    private void people(VaultIndex index) {
        for (Person p : index.people()) {
            cancel.check();
            for (String tag : p.ownerTags()) {
                if (matches(tag)) {
                    Note n = index.note(p.path()).orElse(null);
                    if (n != null) {
                        offerAs(p.title(), tag, SymbolKind.PERSON, personContainer(p, n),
                                new Location(n.path(), Landing.TOP));
                    }
                    break;
                }
            }
        }
    }

    private boolean matches(String name) {
        return query.isEmpty() || subsequence(name, query);
    }

    private static String personContainer(Person p, Note n) {
        if (p.role() != null && p.company() != null) {
            return p.role() + " · " + p.company();
        }
        return p.role() != null ? p.role() : p.company() != null ? p.company() : n.folder();
    }

    /** One symbol per distinct tag, at its first use, with the number of notes that carry it. */
    private void tags(VaultIndex index) {
        Map<String, Tag> first = new LinkedHashMap<>();
        Map<String, String> firstPath = new LinkedHashMap<>();
        Map<String, Integer> notes = new LinkedHashMap<>();
        for (Note n : index.notes().values()) {
            cancel.check();
            Map<String, Boolean> seen = new LinkedHashMap<>();
            for (Tag t : n.tags()) {
                String key = t.name().toLowerCase(Locale.ROOT);
                if (first.putIfAbsent(key, t) == null) {
                    firstPath.put(key, n.path());
                }
                if (seen.put(key, true) == null) {
                    notes.merge(key, 1, Integer::sum);
                }
            }
        }
        first.forEach((key, t) -> offer("#" + t.name(), SymbolKind.TAG,
                notes.get(key) + (notes.get(key) == 1 ? " note" : " notes"),
                new Location(firstPath.get(key), t.span())));
    }

    private void offer(String name, SymbolKind kind, String container, Location location) {
        offerAs(name, kind == SymbolKind.TAG ? name.substring(1) : name, kind, container, location);
    }

    /** Offers the symbol {@code name}, scored by {@code matched} (its name, a tag without #, an owner tag). */
    private void offerAs(String name, String matched, SymbolKind kind, String container, Location location) {
        if (name.isBlank()) {
            return;
        }
        String folded = VaultPaths.fold(matched);
        int score = score(folded, query);
        if (score < 0) {
            return; // most symbols: fold nothing more for them
        }
        String lower = matched.equals(name) ? folded : VaultPaths.fold(name);
        // the name as typed, accents and all, before the same name written otherwise
        score = 2 * score + (VaultPaths.key(matched).contains(exact) ? 0 : 1);
        Hit hit = new Hit(new WorkspaceSymbol(name, kind, container, location), score, lower);
        if (kept.size() < limit) {
            kept.add(hit);
        } else if (BEST.compare(hit, kept.peek()) < 0) {
            kept.poll();
            kept.add(hit);
        }
    }

    /** 0 exact, 1 prefix, 2 word start, 3 substring, 4 in-order characters, -1 no match. */
    private int score(String name, String q) {
        if (q.isEmpty() || name.equals(q)) {
            return 0;
        }
        if (name.startsWith(q)) {
            return 1;
        }
        int at = name.indexOf(q);
        if (at < 0) {
            return subsequence(name, q) ? 4 : -1;
        }
        for (int i = at; i >= 0; i = name.indexOf(q, i + 1)) {
            if (!Character.isLetterOrDigit(name.charAt(i - 1))) {
                return 2;
            }
        }
        return 3;
    }

    /**
     * The folded {@code q}'s characters appear in order in {@code name}, compared ignoring case and accents.
     * The name is read from a copy in a char array: every name of the vault passes here on every request,
     * and {@code String.charAt}, which the server's C1-only JVM does not inline, was most of its time.
     */
    private boolean subsequence(String name, String q) {
        int n = name.length();
        if (scratch.length < n) {
            scratch = new char[Math.max(n, 2 * scratch.length)];
        }
        name.getChars(0, n, scratch, 0);
        char[] c = scratch;
        int j = 0;
        int m = q.length();
        char want = m == 0 ? 0 : q.charAt(0);
        for (int i = 0; i < n && j < m; i++) {
            char ch = c[i];
            if (ch >= 0x80) { // rare: go on in the folded name, whose start is the same ASCII
                return subsequenceFrom(VaultPaths.fold(name), i, q, j);
            }
            if ((ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch) == want && ++j < m) {
                want = q.charAt(j);
            }
        }
        return j == m;
    }

    private static boolean subsequenceFrom(String folded, int from, String q, int matched) {
        int j = matched;
        for (int i = from; i < folded.length() && j < q.length(); i++) {
            if (folded.charAt(i) == q.charAt(j)) {
                j++;
            }
        }
        return j == q.length();
    }
}
