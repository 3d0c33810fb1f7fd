package org.vaultls.features.completion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultls.TestVault;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.LinkTargets.Target;
import org.vaultls.index.Person;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;
import org.vaultls.vault.VaultPaths;

/**
 * The ranker over packed names, with its masks, its tier-by-tier search and its early stops, ranks
 * exactly as {@link ReferenceRanker} scoring every name to the end: the same scores, and in wikilink
 * completion the same items in the same order with the same "more may match", on random names that
 * share prefixes, word starts, digits, folders, accents and a curly apostrophe.
 */
class RankingEqualsReferenceTest {
    private static final String[] SYLLABLES = {"ka", "mo", "ri", "ta", "ne", "ber", "ada", "lu", "sé", "ñu", "o"};
    private static final String[] GLUE = {" ", " ", " ", "-", "’", "/", "", "2", "0", " 1"};

    private static String name(SplittableRandom rnd) {
        StringBuilder b = new StringBuilder();
        int parts = 1 + rnd.nextInt(5);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                b.append(GLUE[rnd.nextInt(GLUE.length)]);
            }
            String s = SYLLABLES[rnd.nextInt(SYLLABLES.length)];
            b.append(rnd.nextInt(3) == 0 ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s);
        }
        return b.toString().replace("//", "/");
    }

    /** A partial: the start of a name, some of its characters in order, or random syllables. */
    private static String partial(SplittableRandom rnd, List<String> names) {
        String n = names.get(rnd.nextInt(names.size()));
        return switch (rnd.nextInt(4)) {
            case 0 -> n.substring(0, rnd.nextInt(Math.min(n.length(), 7) + 1));
            case 1 -> {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < n.length(); i++) {
                    if (rnd.nextInt(3) == 0) {
                        b.append(n.charAt(i));
                    }
                }
                yield b.toString();
            }
            case 2 -> VaultPaths.unaccented(n.substring(0, Math.min(n.length(), 1 + rnd.nextInt(4))));
            default -> {
                String other = name(rnd);
                yield other.substring(0, Math.min(other.length(), 1 + rnd.nextInt(2)));
            }
        };
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void scoresEqualTheReferenceForEveryTierAndBound(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            names.add(name(rnd));
        }
        FoldedNames.Builder b = new FoldedNames.Builder();
        for (String n : names) {
            b.add(new String[] {VaultPaths.fold(n)}, new String[] {n});
        }
        FoldedNames packed = b.build();
        for (int k = 0; k < 200; k++) {
            String partial = partial(rnd, names);
            FuzzyRanker fast = new FuzzyRanker(partial);
            ReferenceRanker reference = new ReferenceRanker(partial);
            for (int e = 0; e < names.size(); e++) {
                String form = names.get(e);
                String folded = VaultPaths.fold(form);
                String where = "'" + partial + "' on '" + form + "'";
                for (int tier = 0; tier <= 2; tier++) {
                    assertEquals(reference.score(folded, tier), fast.score(folded, tier), where + " tier " + tier);
                    assertEquals(reference.score(folded, form, tier), fast.score(folded, form, tier), where);
                }
                int expected = reference.score(folded, form, 2);
                assertEquals(expected, fast.score(packed, e, FuzzyRanker.maxScore(2)), where);
                // bounds at and around the score, where an early stop that is off by one shows
                int bound = expected >= 0 && rnd.nextBoolean() ? expected - 1 + rnd.nextInt(3) : rnd.nextInt(3 << 12);
                int s = fast.score(packed, e, bound);
                if (s >= 0) {
                    assertEquals(expected, s, where + " below " + bound);
                } else {
                    assertTrue(expected < 0 || expected > bound, where + ": " + expected + " dropped below " + bound);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void wikilinkCompletionListsWhatScoringEveryTargetWouldList(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> files = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        while (paths.size() < 400) {
            String folder = rnd.nextInt(3) == 0 ? "" : new String[] {"People/", "Projects/", "Daily/2026/"}[rnd.nextInt(3)];
            paths.add(folder + name(rnd).replace("/", " ") + (rnd.nextInt(8) == 0 ? ".png" : ".md"));
        }
        List<String> names = new ArrayList<>();
        for (String p : paths) {
            names.add(VaultPaths.stem(p));
            String text = "";
            if (p.endsWith(".md") && rnd.nextInt(3) == 0) {
                text = "---\ntitle: " + name(rnd).replace("/", " ") + "\naliases: [" + name(rnd).replace("/", " ")
                        + "]\n---\n";
            }
            files.add(p);
            files.add(text);
        }
        files.add("Home.md");
        files.add("");
        VaultIndex vault = TestVault.of(files.toArray(new String[0])).index();
        for (int k = 0; k < 120; k++) {
            String partial = partial(rnd, names).replaceAll("[|#^\\[\\]]", "");
            boolean embed = rnd.nextInt(4) == 0;
            String text = (embed ? "![[" : "[[") + partial;
            VaultIndex index = vault.with(List.of(NoteParser.parse("Home.md", text)), List.of(), List.of(), List.of());
            Note home = index.note("Home.md").orElseThrow();
            CompletionResult result = Completions.complete(index, home, text.length());
            List<String> got = result.items().stream().map(c -> c.kind() + " " + c.label() + " " + c.detail()).toList();
            Reference expected = reference(LinkTargets.fresh(index), partial, embed);
            String where = "seed " + seed + " '" + text + "'";
            assertEquals(expected.items, got, where);
            assertEquals(expected.incomplete, result.incomplete(), where);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void ownerCompletionListsWhatScoringEveryPersonWouldList(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> files = new ArrayList<>();
        Set<String> titles = new LinkedHashSet<>();
        while (titles.size() < 250) {
            titles.add(name(rnd).replace("/", " "));
        }
        for (String title : titles) {
            files.add("People/" + title + ".md");
            files.add("---\ntype: people\n" + (rnd.nextInt(3) == 0 ? "aliases: [" + name(rnd).replace("/", " ") + "]\n" : "")
                    + "---\n");
        }
        files.add("Home.md");
        files.add("");
        VaultIndex vault = TestVault.of(files.toArray(new String[0])).index();
        List<String> tags = new ArrayList<>();
        vault.people().forEach(p -> tags.addAll(p.ownerTags()));
        for (int k = 0; k < 120; k++) {
            String partial = partial(rnd, tags).replaceAll("[^\\p{L}\\p{N}]", "");
            String text = "- [ ] call @" + partial;
            VaultIndex index = vault.with(List.of(NoteParser.parse("Home.md", text)), List.of(), List.of(), List.of());
            Note home = index.note("Home.md").orElseThrow();
            CompletionResult result = Completions.complete(index, home, text.length());
            List<String> got = result.items().stream().map(c -> c.label() + " " + c.filterText()).toList();
            ReferenceRanker ranker = new ReferenceRanker(partial);
            List<Person> people = new ArrayList<>(index.people());
            List<Ranked> ranked = new ArrayList<>();
            List<String> forms = new ArrayList<>();
            // the tie-break OwnerCompleter sorted by before it ranked from a table
            people.sort(Comparator.comparing(Person::ownerTag, String.CASE_INSENSITIVE_ORDER).thenComparing(Person::path));
            for (int i = 0; i < people.size(); i++) {
                Ranked best = null;
                String bestForm = null;
                for (String form : OwnerTargets.forms(people.get(i))) {
                    int s = ranker.score(VaultPaths.fold(form), form, 2);
                    if (s >= 0 && (best == null || s < best.score())) {
                        best = new Ranked(null, s, 0, i);
                        bestForm = form;
                    }
                }
                if (best != null) {
                    ranked.add(best);
                    forms.add(bestForm);
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparing(ranked::get, ORDER));
            List<String> expected = new ArrayList<>();
            for (int i : order.subList(0, Math.min(order.size(), Completions.LIMIT))) {
                Person p = people.get(ranked.get(i).ordinal());
                String form = forms.get(i);
                String filter = p.ownerTags().contains(form) ? "@" + form : p.ownerTag();
                expected.add(p.ownerTag() + " " + new FuzzyRanker(partial).filterText(filter));
            }
            String where = "seed " + seed + " '" + text + "'";
            assertEquals(expected, got, where);
            assertEquals(ranked.size() > Completions.LIMIT, result.incomplete(), where);
        }
    }

    private record Reference(List<String> items, boolean incomplete) {
    }

    private record Ranked(Target target, int score, int length, int ordinal) {
    }

    /** Every target scored on every form it is found by, all sorted: what the completer must list. */
    private static Reference reference(LinkTargets targets, String partial, boolean embed) {
        ReferenceRanker ranker = new ReferenceRanker(partial);
        boolean byPath = ranker.query().indexOf('/') >= 0;
        List<String> out = new ArrayList<>();
        int matched = 0;
        for (Target[] group : embed ? new Target[][] {targets.attachments, targets.notesAndAliases}
                : new Target[][] {targets.notesAndAliases, targets.attachments}) {
            List<Ranked> ranked = new ArrayList<>();
            for (int i = 0; i < group.length; i++) {
                Target t = group[i];
                if (embed && t.kind() == Kind.ALIAS) {
                    continue;
                }
                Ranked best = null;
                int forms = t.kind() == Kind.ATTACHMENT && !byPath ? 1 : t.keys().length;
                for (int j = 0; j < forms; j++) {
                    int s = ranker.score(t.keys()[j], t.forms()[j], 2);
                    int length = ranker.query().isEmpty() ? 0 : t.keys()[j].length();
                    Ranked r = new Ranked(t, s, length, i);
                    if (s >= 0 && (best == null || ORDER.compare(r, best) < 0)) {
                        best = r;
                    }
                }
                if (best != null) {
                    ranked.add(best);
                }
            }
            ranked.sort(ORDER);
            matched += ranked.size();
            for (Ranked r : ranked) {
                if (out.size() < Completions.LIMIT) {
                    out.add(r.target.kind() + " " + r.target.label() + " " + r.target.path());
                }
            }
        }
        return new Reference(out, matched >= Completions.LIMIT);
    }

    private static final Comparator<Ranked> ORDER = Comparator.comparingInt(Ranked::score)
            .thenComparingInt(Ranked::length).thenComparingInt(Ranked::ordinal);
}
