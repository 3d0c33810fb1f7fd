package org.vaultls.features.completion;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.vaultls.index.Person;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * The people {@code @Owner} completion ranks in one vault snapshot: sorted by first owner tag (ignoring
 * case), then path, so a person's position breaks ties; each found by their owner tags, then their
 * title, packed for {@link FuzzyRanker}. A person is made from their own note alone, so the people of
 * recent snapshots are kept ({@link Recent}) and reused while the notes that changed leave every person
 * as they were, which editing any note but a person's does.
 */
final class OwnerTargets {
    private static final Recent<OwnerTargets> RECENT = new Recent<>();
    static final Comparator<Person> ORDER = Comparator.comparing(Person::ownerTag, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Person::path);

    /** The people, in {@link #ORDER}. */
    final Person[] people;
    /** The forms of {@link #people}, person for person: owner tags, then title. */
    final FoldedNames names;
    private final Map<String, Person> byPath;

    private OwnerTargets(Person[] people) {
        this.people = people;
        FoldedNames.Builder b = new FoldedNames.Builder();
        byPath = new HashMap<>(people.length * 2);
        for (Person p : people) {
            List<String> forms = forms(p);
            String[] written = forms.toArray(new String[0]);
            String[] folded = new String[written.length];
            for (int j = 0; j < written.length; j++) {
                folded[j] = VaultPaths.fold(written[j]);
            }
            b.add(folded, written);
            byPath.put(p.path(), p);
        }
        names = b.build();
    }

    /** The ways to find a person: their owner tags, then their title. */
    static List<String> forms(Person p) {
        String[] forms = p.ownerTags().toArray(new String[p.ownerTags().size() + 1]);
        forms[forms.length - 1] = p.title();
        return Arrays.asList(forms);
    }

    /** Follows a change of the index, so the next snapshot's value is carried over it. */
    static void follow(VaultChange change) {
        RECENT.follow(change);
    }

    /** The people of {@code index}, carried over from a recent snapshot where possible. */
    static OwnerTargets of(VaultIndex index) {
        return RECENT.get(index, OwnerTargets::fresh, OwnerTargets::carry);
    }

    static OwnerTargets fresh(VaultIndex index) {
        Person[] people = index.people().toArray(new Person[0]);
        Arrays.sort(people, ORDER);
        return new OwnerTargets(people);
    }

    private OwnerTargets carry(NoteDiff diff, VaultIndex index) {
        for (List<Note> notes : List.of(diff.removed(), diff.added())) {
            for (Note n : notes) {
                if (!Objects.equals(byPath.get(n.path()), index.person(n.path()).orElse(null))) {
                    return fresh(index);
                }
            }
        }
        return this;
    }
}
