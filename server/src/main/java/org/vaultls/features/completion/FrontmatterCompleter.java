package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.features.completion.CompletionTrigger.PropertyKey;
import org.vaultls.features.completion.CompletionTrigger.PropertyValue;
import org.vaultls.features.completion.FuzzyRanker.TopUses;
import org.vaultls.features.completion.FuzzyRanker.Use;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Completes frontmatter from the rest of the vault: at the start of a line, the property keys other
 * notes use that this note does not have yet; after {@code key: }, in {@code key: [..]} or in a
 * {@code - item} under the key, the values other notes give that key (compared case-insensitively, as
 * Obsidian compares property names), each with the number of other notes using it. A list is not
 * offered the values it already holds. Values that YAML would misread unquoted ({@code [[Ada Berg]]},
 * {@code a: b}) are inserted in double quotes. The values of {@code tags} are the vault's tags, from
 * bodies and frontmatter alike.
 */
final class FrontmatterCompleter implements Completer {
    private static final Set<String> TAG_KEYS = Set.of("tags", "tag");

    @Override
    public Optional<CompletionResult> complete(CompletionTrigger trigger, VaultIndex index, Note note) {
        if (trigger instanceof PropertyKey k) {
            return Optional.of(keys(k, index, note));
        }
        if (trigger instanceof PropertyValue v) {
            return Optional.of(values(v, index, note));
        }
        return Optional.empty();
    }

    private static CompletionResult keys(PropertyKey k, VaultIndex index, Note note) {
        Map<String, String> own = VaultTallies.keysOf(note);
        int line = note.lines().lineOf(k.start());
        Set<String> present = new HashSet<>();
        note.frontmatter().ifPresent(fm -> fm.fields().stream().filter(f -> f.keySpan().start().line() != line)
                .forEach(f -> present.add(VaultPaths.key(f.key()))));
        TopUses top = new FuzzyRanker(k.partial()).top(VaultTallies.of(index).keys,
                c -> present.contains(c.key()) ? 0 : c.notes() - (own.containsKey(c.key()) ? 1 : 0),
                Completions.LIMIT);
        Span replace = note.lines().span(k.start(), k.end());
        List<CompletionCandidate> out = new ArrayList<>();
        for (Use u : top.items()) {
            String key = u.count().display();
            out.add(new CompletionCandidate(key, Kind.PROPERTY_KEY, Tally.describe(u.uses()), null, key, null,
                    replace, k.colonFollows() ? key : key + ": "));
        }
        return new CompletionResult(out, top.incomplete());
    }

    private static CompletionResult values(PropertyValue v, VaultIndex index, Note note) {
        Map<String, String> own = VaultTallies.valuesOf(note).getOrDefault(VaultPaths.key(v.key()), Map.of());
        Set<String> inList = new HashSet<>();
        note.frontmatter().flatMap(fm -> fm.field(v.key())).filter(f -> f.value() instanceof List<?>)
                .ifPresent(f -> VaultTallies.scalars(f.value()).forEach(s -> inList.add(VaultPaths.key(s))));
        inList.remove(VaultPaths.key(v.partial().strip()));
        // Obsidian's tags property takes the vault's tags, the ones written #tag in a body too
        boolean tags = TAG_KEYS.contains(VaultPaths.key(v.key()));
        Map<String, String> ownTags = tags ? VaultTallies.tagsOf(note) : own;
        TopUses top = new FuzzyRanker(v.partial()).top(tags ? VaultTallies.of(index).tags : VaultTallies.of(index).values(v.key()),
                c -> inList.contains(c.key()) ? 0 : c.notes() - (ownTags.containsKey(c.key()) ? 1 : 0),
                Completions.LIMIT);
        Span replace = note.lines().span(v.start(), v.end());
        String quote = v.quote() == 0 ? "" : String.valueOf(v.quote());
        List<CompletionCandidate> out = new ArrayList<>();
        for (Use u : top.items()) {
            String value = u.count().display();
            String text = v.quote() == 0 ? YamlText.scalar(value, v.flow()) : YamlText.quoted(value, v.quote());
            out.add(new CompletionCandidate(value, Kind.PROPERTY_VALUE, Tally.describe(u.uses()), null,
                    quote + value, null, replace, text));
        }
        return new CompletionResult(out, top.incomplete());
    }
}
