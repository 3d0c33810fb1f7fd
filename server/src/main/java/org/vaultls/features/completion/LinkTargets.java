package org.vaultls.features.completion;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.vaultls.features.completion.CompletionCandidate.Kind;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Everything a wikilink target completes to in one vault snapshot, with each name already in key form
 * so a request compares strings and allocates nothing per name. A note is found by its file name, its
 * frontmatter title and its vault path; each alias is a target of its own; an attachment is found by its
 * file name and path. Targets are sorted by label, then path, so a target's position breaks ties
 * alphabetically.
 *
 * <p>Editing a note makes a new snapshot for every keystroke, but rarely changes a name. So the targets
 * of the last snapshot asked about are kept and reused as long as no note was added, removed or renamed
 * and no title, alias or attachment changed; only then are they built again.
 */
final class LinkTargets {
    /** One completable name. {@code forms} are the ways to find it; {@code keys} the same in key form. */
    record Target(Kind kind, String label, String path, String[] forms, String[] keys) {
    }

    private static final AtomicReference<LinkTargets> LAST = new AtomicReference<>();

    private final VaultIndex index;
    private final Note[] notes;
    private final List<String> attachmentPaths;
    /** Notes and aliases, by label then path. */
    final Target[] notesAndAliases;
    /** Attachments, by file name then path. */
    final Target[] attachments;

    private LinkTargets(VaultIndex index, Note[] notes, Target[] notesAndAliases, Target[] attachments) {
        this.index = index;
        this.notes = notes;
        this.attachmentPaths = index.attachments();
        this.notesAndAliases = notesAndAliases;
        this.attachments = attachments;
    }

    /** The targets of {@code index}, reused from the previous snapshot when its names are the same. */
    static LinkTargets of(VaultIndex index) {
        LinkTargets last = LAST.get();
        if (last != null && last.index == index) {
            return last;
        }
        Note[] notes = index.notes().values().toArray(new Note[0]);
        LinkTargets made = last != null && last.sameNames(notes, index.attachments())
                ? new LinkTargets(index, notes, last.notesAndAliases, last.attachments)
                : new LinkTargets(index, notes, noteTargets(notes), attachmentTargets(index.attachments()));
        LAST.set(made);
        return made;
    }

    private boolean sameNames(Note[] other, List<String> otherAttachments) {
        if (other.length != notes.length) {
            return false;
        }
        for (int i = 0; i < other.length; i++) {
            Note a = other[i];
            Note b = notes[i];
            if (a != b && (!a.path().equals(b.path()) || !a.aliases().equals(b.aliases())
                    || !a.title().equals(b.title()))) {
                return false;
            }
        }
        return otherAttachments == attachmentPaths || otherAttachments.equals(attachmentPaths);
    }

    private static Target[] noteTargets(Note[] notes) {
        List<Target> out = new ArrayList<>(notes.length + notes.length / 4);
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
            k[i] = VaultPaths.key(f[i]);
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
