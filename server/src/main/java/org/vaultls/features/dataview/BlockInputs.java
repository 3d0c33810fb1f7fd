package org.vaultls.features.dataview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaultls.dataview.Dql;
import org.vaultls.dataview.Dql.Expr;
import org.vaultls.index.VaultChange;
import org.vaultls.vault.Note;
import org.vaultls.vault.Tag;

/**
 * What a block's result depends on, worked out from its parsed query, so a {@link VaultChange} can tell
 * whether the result still holds. The rule is conservative: a result depends on the block's own note
 * (its {@code this}; unless it reads no more of {@code this} than the fields its path gives, as
 * {@code this.file.link}), on every note its FROM reads (the notes under a {@code "folder"} or at a
 * {@code "path"}, the notes carrying a {@code #tag} or its subtags, before or after the change), and on
 * every note of the vault when it can read more than its rows and {@code this}: a FROM on links
 * ({@code [[x]]}, {@code outgoing(...)}), a negated or csv source, a link literal, {@code inlinks}, or a
 * field chain longer than {@code file.x}, {@code this.x} or {@code this.file.x} (indexing a link reads
 * the linked page). Any change that adds or removes a file, changes what names resolve to, or changes
 * the settings affects every block (links in the rows may now resolve elsewhere). A task query reads
 * the tasks of the notes its FROM names, so the same rule covers it.
 */
final class BlockInputs {
    private final boolean everything;
    private final boolean readsThis;
    private final List<String> folders;
    private final List<String> tags;

    private BlockInputs(boolean everything, boolean readsThis, List<String> folders, List<String> tags) {
        this.everything = everything;
        this.readsThis = readsThis;
        this.folders = List.copyOf(folders);
        this.tags = List.copyOf(tags);
    }

    /** Inputs of a block that could not be parsed: only its own note. */
    static final BlockInputs OWN_NOTE = new BlockInputs(false, true, List.of(), List.of());

    /** The fields of {@code this.file} that its path alone gives: an edit of the note leaves them. */
    private static final java.util.Set<String> PATH_FIELDS = java.util.Set.of("name", "path", "folder", "ext", "link");

    /** The inputs of {@code query}. */
    static BlockInputs of(Dql.Query query) {
        List<String> folders = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        boolean all = !sources(query.source(), folders, tags);
        List<Expr> exprs = new ArrayList<>();
        if (query.header() instanceof Dql.ListHeader l) {
            l.format().ifPresent(exprs::add);
        } else if (query.header() instanceof Dql.TableHeader t) {
            t.fields().forEach(f -> exprs.add(f.field()));
        } else if (query.header() instanceof Dql.CalendarHeader c) {
            exprs.add(c.field().field());
        }
        for (Dql.Operation op : query.operations()) {
            if (op instanceof Dql.Where w) {
                exprs.add(w.clause());
            } else if (op instanceof Dql.Sort s) {
                s.fields().forEach(k -> exprs.add(k.field()));
            } else if (op instanceof Dql.Limit l) {
                exprs.add(l.amount());
            } else if (op instanceof Dql.Flatten f) {
                exprs.add(f.field().field());
            } else if (op instanceof Dql.Group g) {
                exprs.add(g.field().field());
            } else if (op instanceof Dql.FromOperation f) {
                all |= !sources(f.source(), folders, tags);
            }
        }
        boolean self = false;
        for (Expr e : exprs) {
            all |= readsOtherNotes(e);
            self |= readsThis(e);
        }
        return new BlockInputs(all, self, folders, tags);
    }

    /** True when every note of the vault is an input. */
    boolean everything() {
        return everything;
    }

    /** True when {@code change} may alter the result of a block in the note at {@code self}. */
    boolean affectedBy(VaultChange change, String self) {
        if (change.settingsChanged() || change.pathsChanged() || !change.names().isEmpty()) {
            return true;
        }
        if (readsThis && change.touched().contains(self)) {
            return true; // else the note is an input only if it is one of the rows, checked below
        }
        if (everything && !change.touched().isEmpty()) {
            return true;
        }
        for (String p : change.touched()) {
            if (inFolders(p)) {
                return true;
            }
        }
        if (!tags.isEmpty()) {
            for (List<Note> versions : List.of(change.oldVersions(), change.newVersions())) {
                for (Note n : versions) {
                    if (hasTag(n)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean inFolders(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        for (String f : folders) {
            if (f.isEmpty() || p.equals(f) || p.equals(f + ".md") || p.startsWith(f + "/")) {
                return true;
            }
        }
        return false;
    }

    private boolean hasTag(Note n) {
        for (Tag t : n.tags()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            name = name.startsWith("#") ? name.substring(1) : name;
            for (String tag : tags) {
                if (name.equals(tag) || name.startsWith(tag + "/")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Collects a source's folders and tags; false when it can read any note (links, negation, csv). */
    private static boolean sources(Dql.Source s, List<String> folders, List<String> tags) {
        if (s instanceof Dql.FolderSource f) {
            String folder = f.folder().strip().replace('\\', '/');
            while (folder.endsWith("/")) {
                folder = folder.substring(0, folder.length() - 1);
            }
            while (folder.startsWith("/")) {
                folder = folder.substring(1);
            }
            folders.add(folder.toLowerCase(Locale.ROOT));
            return true;
        }
        if (s instanceof Dql.TagSource t) {
            String tag = t.tag().toLowerCase(Locale.ROOT);
            tags.add(tag.startsWith("#") ? tag.substring(1) : tag);
            return true;
        }
        if (s instanceof Dql.BinarySource b) {
            boolean left = sources(b.left(), folders, tags);
            boolean right = sources(b.right(), folders, tags);
            return left && right;
        }
        return false;
    }

    /** True when evaluating {@code e} may read a note other than the row's and {@code this}. */
    private static boolean readsOtherNotes(Expr e) {
        if (e instanceof Dql.Literal l) {
            return l.value() instanceof Dql.Link;
        }
        if (e instanceof Dql.Variable v) {
            return v.name().equalsIgnoreCase("inlinks");
        }
        if (e instanceof Dql.Index i) {
            if (i.index() instanceof Dql.Literal key && key.value() instanceof String name
                    && name.equalsIgnoreCase("inlinks")) {
                return true;
            }
            return !safeChain(i) || readsOtherNotes(i.index());
        }
        if (e instanceof Dql.Call c) {
            if (readsOtherNotes(c.func()) && !(c.func() instanceof Dql.Variable)) {
                return true;
            }
            return c.arguments().stream().anyMatch(BlockInputs::readsOtherNotes);
        }
        return Dql.children(e).stream().anyMatch(BlockInputs::readsOtherNotes);
    }

    /**
     * True when evaluating {@code e} may read {@code this} beyond what its path gives
     * ({@code this.file.link}, {@code .name}, {@code .path}, {@code .folder}, {@code .ext}).
     */
    private static boolean readsThis(Expr e) {
        if (e instanceof Dql.Variable v) {
            return v.name().equals("this");
        }
        if (e instanceof Dql.Index i && i.object() instanceof Dql.Index inner
                && inner.object() instanceof Dql.Variable root && root.name().equals("this")
                && inner.index() instanceof Dql.Literal file && "file".equals(file.value())
                && i.index() instanceof Dql.Literal key && key.value() instanceof String name
                && PATH_FIELDS.contains(name)) {
            return false;
        }
        return Dql.children(e).stream().anyMatch(BlockInputs::readsThis); // a literal, a row's name: false
    }

    /** {@code file.x}, {@code this.x}, {@code this.file.x}: fields of the row's page or of {@code this}. */
    private static boolean safeChain(Dql.Index i) {
        List<String> names = new ArrayList<>();
        Expr at = i;
        while (at instanceof Dql.Index step) {
            if (!(step.index() instanceof Dql.Literal key && key.value() instanceof String name)) {
                return false;
            }
            names.add(0, name);
            at = step.object();
        }
        if (!(at instanceof Dql.Variable root)) {
            return false;
        }
        names.add(0, root.name());
        String head = names.get(0);
        if (head.equals("file")) {
            return names.size() == 2;
        }
        if (head.equals("this")) {
            return names.size() == 2 || (names.size() == 3 && names.get(1).equals("file"));
        }
        return false;
    }
}
