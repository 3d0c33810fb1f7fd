package org.vaultls.features.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.index.NameSuggester;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Quick fixes for the findings of a link: point a broken link at the note whose name is closest, or
 * create the note it names; turn a bare link to an alias into {@code [[Note|Alias]]}, which Obsidian
 * resolves; point a broken heading or block reference at the closest one the target has; make an
 * ambiguous link name the note Obsidian picks.
 */
final class LinkFixes {
    private static final int MAX_SUGGESTIONS = 3;

    private LinkFixes() {
    }

    /** The link of {@code note} that a finding at {@code span} is about, if any. */
    static Optional<Link> linkAt(Note note, Span span) {
        for (Link link : note.links()) {
            if (link.span().startOffset() <= span.startOffset() && span.endOffset() <= link.span().endOffset()) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    static void brokenLink(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        String target = link.target();
        boolean attachment = !VaultPaths.extension(target).isEmpty() && !VaultPaths.isMarkdown(target);
        if (!attachment) {
            List<String> names = index.similarNoteNames(VaultPaths.stem(target), MAX_SUGGESTIONS);
            for (String name : names) {
                pathNamed(index, note, name).ifPresent(path -> {
                    String text = LinkText.pointing(index, note, link, path);
                    out.add(change(note, link, List.of(edit(note, link.targetSpan(), text)), f, names.size() == 1));
                });
            }
        }
        NewNote.forLink(index, note, link).ifPresent(create -> out.add(CodeAction.quickfix(
                NewNote.title(create, NewNote.isPeopleField(note, link)),
                new WorkspaceChange(List.of(), List.of(), List.of(create)), f, false)));
    }

    /** {@code [[Ada]]} where Ada is an alias of Ada Berg becomes {@code [[Ada Berg|Ada]]}. */
    static void aliasLink(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        List<String> owners = index.notesWithAlias(link.target());
        if (owners.isEmpty()) {
            return;
        }
        String path = owners.get(0);
        List<Edit> edits = new ArrayList<>();
        String written = note.text().substring(link.targetSpan().startOffset(), link.targetSpan().endOffset());
        edits.add(edit(note, link.targetSpan(), LinkText.pointing(index, note, link, path)));
        if (link.kind() == Link.Kind.WIKI && link.alias() == null) {
            int end = link.span().endOffset() - 2;
            String bar = inTableRow(note, link) ? "\\|" : "|";
            edits.add(edit(note, note.lines().span(end, end), bar + written));
        }
        out.add(change(note, link, edits, f, true));
    }

    static void brokenHeading(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        Note target = targetNote(index, note, link);
        if (target == null || link.headings().isEmpty()) {
            return;
        }
        List<String> chain = link.headings();
        int ok = 0;
        while (ok < chain.size() && VaultIndex.findHeading(target, chain.subList(0, ok + 1)).isPresent()) {
            ok++;
        }
        if (ok == chain.size()) {
            return;
        }
        String missing = chain.get(ok);
        List<List<String>> fixes = new ArrayList<>();
        if (ok > 0 && VaultIndex.findHeading(target, List.of(missing)).isPresent()) {
            fixes.add(List.of(missing)); // the heading exists, only not under the one before it
        }
        List<String> names = new ArrayList<>();
        for (Heading h : within(target, ok == 0 ? null : VaultIndex.findHeading(target, chain.subList(0, ok)).get())) {
            names.add(h.text());
        }
        for (String s : new NameSuggester(names).closest(missing, MAX_SUGGESTIONS)) {
            List<String> fixed = new ArrayList<>(chain.subList(0, ok));
            fixed.add(s);
            List<String> withRest = new ArrayList<>(fixed);
            withRest.addAll(chain.subList(ok + 1, chain.size()));
            List<String> fix = VaultIndex.findHeading(target, withRest).isPresent() ? withRest : fixed;
            if (VaultIndex.findHeading(target, fix).isPresent() && !fixes.contains(fix)) {
                fixes.add(fix);
            }
        }
        for (List<String> fix : fixes) {
            List<String> written = new ArrayList<>();
            fix.forEach(h -> written.add(LinkText.headingForLink(h)));
            String text = LinkText.write(note, link, String.join("#", written));
            out.add(change(note, link, List.of(edit(note, link.subpathSpan(), text)), f, fixes.size() == 1));
        }
    }

    static void brokenBlock(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        Note target = targetNote(index, note, link);
        if (target == null || link.blockId() == null) {
            return;
        }
        List<String> ids = new ArrayList<>();
        for (BlockId b : target.blocks()) {
            ids.add(b.id());
        }
        List<String> similar = new NameSuggester(ids).closest(link.blockId(), MAX_SUGGESTIONS);
        for (String id : similar) {
            out.add(change(note, link, List.of(edit(note, link.subpathSpan(), "^" + id)), f, similar.size() == 1));
        }
    }

    /** An ambiguous link names the note Obsidian picks, by the shortest path that is not a guess. */
    static void ambiguousLink(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        Resolution r = index.resolve(note, link);
        if (r.isBroken() || !r.ambiguous()) {
            return;
        }
        String text = LinkText.pointing(index, note, link, r.path());
        out.add(change(note, link, List.of(edit(note, link.targetSpan(), text)), f, true));
    }

    private static Note targetNote(VaultIndex index, Note note, Link link) {
        Resolution r = index.resolve(note, link);
        return r.isBroken() ? null : index.note(r.path()).orElse(null);
    }

    /** The headings under {@code parent} (all of the note's when null). */
    private static List<Heading> within(Note note, Heading parent) {
        if (parent == null) {
            return note.headings();
        }
        List<Heading> out = new ArrayList<>();
        boolean inside = false;
        for (Heading h : note.headings()) {
            if (h.equals(parent)) {
                inside = true;
            } else if (inside && h.level() <= parent.level()) {
                break;
            } else if (inside) {
                out.add(h);
            }
        }
        return out;
    }

    /** The note named {@code name}: the one in the linking note's folder, else the shortest path. */
    private static Optional<String> pathNamed(VaultIndex index, Note from, String name) {
        String key = VaultPaths.key(name);
        return index.notes().values().stream().filter(n -> VaultPaths.key(n.name()).equals(key))
                .map(Note::path)
                .min(Comparator.comparing((String p) -> !VaultPaths.parent(p).equals(from.folder()))
                        .thenComparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    }

    private static boolean inTableRow(Note note, Link link) {
        return !link.inFrontmatter()
                && note.lines().lineText(link.span().start().line()).stripLeading().startsWith("|");
    }

    private static Edit edit(Note note, Span span, String text) {
        return new Edit(note.path(), span, text);
    }

    /** A fix titled by the link as it will read: {@code Change to [[Ada Berg|Ada]]}. */
    private static CodeAction change(Note note, Link link, List<Edit> edits, Finding f, boolean preferred) {
        String text = note.text();
        StringBuilder preview = new StringBuilder();
        int at = link.span().startOffset();
        for (Edit e : edits) {
            preview.append(text, at, e.span().startOffset()).append(e.newText());
            at = e.span().endOffset();
        }
        preview.append(text, at, link.span().endOffset());
        return CodeAction.quickfix("Change to " + preview, new WorkspaceChange(edits, List.of(), List.of()), f,
                preferred);
    }
}
