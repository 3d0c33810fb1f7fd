package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Everything a wikilink target completes to in one vault snapshot, with each name already in
 * {@link VaultPaths#fold} form
 * so a request compares strings and allocates nothing per name. A note is found by its file name, its
 * frontmatter title and its vault path; each alias is a target of its own; an attachment is found by its
 * file name and path. Targets are sorted by label, then path, so a target's position breaks ties
 * alphabetically.
 *
 * <p>Editing a note makes a new snapshot for every keystroke, but rarely changes a name. So the targets
 * of recent snapshots are kept ({@link Recent}): reused as they are while the notes that changed keep
 * their titles and aliases, else updated for the notes of the {@link NoteDiff}.
 */
final class LinkTargets {
    /** One completable name. {@code forms} are the ways to find it; {@code keys} the same in key form. */
    record Target(Kind kind, String label, String path, String[] forms, String[] keys) {
    }

    private static final Recent<LinkTargets> RECENT = new Recent<>();

    private final List<String> attachmentPaths;
    /** Notes and aliases, by label then path. */
    final Target[] notesAndAliases;
    /** The forms of {@link #notesAndAliases}, item for item, packed for the ranker. */
    final FoldedNames noteNames;
    /** Attachments, by file name then path. */
    final Target[] attachments;
    /** The forms of {@link #attachments}, item for item. */
    final FoldedNames attachmentNames;

    private LinkTargets(List<String> attachmentPaths, Target[] notesAndAliases, FoldedNames noteNames,
                        Target[] attachments, FoldedNames attachmentNames) {
        this.attachmentPaths = attachmentPaths;
        this.notesAndAliases = notesAndAliases;
        this.noteNames = noteNames;
        this.attachments = attachments;
        this.attachmentNames = attachmentNames;
    }

    private LinkTargets(List<String> attachmentPaths, Target[] notesAndAliases, Target[] attachments) {
        this(attachmentPaths, notesAndAliases, names(notesAndAliases), attachments, names(attachments));
    }

    private static FoldedNames names(Target[] targets) {
        FoldedNames.Builder b = new FoldedNames.Builder();
        for (Target t : targets) {
            b.add(t.keys(), t.forms(), t.kind().ordinal());
        }
        return b.build();
    }

    /** Follows a change of the index, so the next snapshot's value is carried over it. */
    static void follow(VaultChange change) {
        RECENT.follow(change);
    }

    /** True when this snapshot's targets are already made. */
    static boolean isKept(VaultIndex index) {
        return RECENT.holds(index);
    }

    /** The targets of {@code index}, carried over from a recent snapshot where possible. */
    static LinkTargets of(VaultIndex index) {
        return RECENT.get(index, LinkTargets::fresh, LinkTargets::carry);
    }

    /** The targets of {@code index} built afresh, as the first request on a vault does. */
    static LinkTargets fresh(VaultIndex index) {
        return new LinkTargets(index.attachments(), noteTargets(index.notes().values()),
                attachmentTargets(index.attachments()));
    }

    private LinkTargets carry(NoteDiff diff, VaultIndex index) {
        List<String> att = index.attachments();
        boolean sameFiles = att == attachmentPaths || att.equals(attachmentPaths);
        Target[] files = sameFiles ? attachments : attachmentTargets(att);
        Target[] notes = sameNames(diff) ? notesAndAliases : derive(diff);
        return new LinkTargets(att, notes, notes == notesAndAliases ? noteNames : names(notes),
                files, sameFiles ? attachmentNames : names(files));
    }

    /** True when the diff only changed notes in place, keeping their titles and aliases. */
    private static boolean sameNames(NoteDiff diff) {
        if (diff.removed().size() != diff.added().size()) {
            return false;
        }
        for (int i = 0; i < diff.removed().size(); i++) {
            Note a = diff.removed().get(i);
            Note b = diff.added().get(i);
            if (!a.path().equals(b.path()) || !a.aliases().equals(b.aliases()) || !a.title().equals(b.title())) {
                return false;
            }
        }
        return true;
    }

    /** These targets without those of the removed notes and with those of the added ones. */
    private Target[] derive(NoteDiff diff) {
        Set<String> gone = new HashSet<>();
        diff.removed().forEach(n -> gone.add(n.path()));
        List<Target> out = new ArrayList<>(notesAndAliases.length + diff.added().size());
        for (Target t : notesAndAliases) {
            if (!gone.contains(t.path())) {
                out.add(t);
            }
        }
        for (Target t : noteTargets(diff.added())) {
            out.add(t);
        }
        return sorted(out); // a long sorted run and a short one: the sort merges them in linear time
    }

    private static Target[] noteTargets(Collection<Note> notes) {
        List<Target> out = new ArrayList<>(notes.size() + notes.size() / 4);
        for (Note n : notes) {
            List<String> forms = new ArrayList<>(3);
            forms.add(n.name());
            String title = n.title();
            if (!VaultPaths.key(title).equals(VaultPaths.key(n.name()))) {
                forms.add(title);
            }
            String path = VaultPaths.stripMd(n.path());
            if (!path.equals(n.name())) {
                forms.add(path);
            }
            out.add(target(Kind.NOTE, n.name(), n.path(), forms));
            for (String alias : n.aliases()) {
                if (!alias.isBlank() && !VaultPaths.key(alias).equals(VaultPaths.key(n.name()))) {
                    out.add(target(Kind.ALIAS, alias.strip(), n.path(), List.of(alias.strip())));
                }
            }
        }
        return sorted(out);
    }

    private static Target[] attachmentTargets(List<String> paths) {
        List<Target> out = new ArrayList<>(paths.size());
        for (String p : paths) {
            String name = VaultPaths.fileName(p);
            out.add(target(Kind.ATTACHMENT, name, p, name.equals(p) ? List.of(name) : List.of(name, p)));
        }
        return sorted(out);
    }

    private static Target target(Kind kind, String label, String path, List<String> forms) {
        String[] f = forms.toArray(new String[0]);
        String[] k = new String[f.length];
        for (int i = 0; i < f.length; i++) {
            k[i] = VaultPaths.fold(f[i]);
        }
        return new Target(kind, label, path, f, k);
    }

    private static Target[] sorted(List<Target> targets) {
        Target[] a = targets.toArray(new Target[0]);
        Arrays.sort(a, Comparator.comparing((Target t) -> t.keys()[0]).thenComparing(Target::label)
                .thenComparing(Target::path));
        return a;
    }
}
