package org.vaultls.features.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.features.diagnostics.LinkDiagnosis;
import org.vaultls.features.diagnostics.LinkDiagnosis.BlockFix;
import org.vaultls.features.diagnostics.LinkDiagnosis.HeadingFix;
import org.vaultls.features.diagnostics.LinkDiagnosis.Retarget;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * Quick fixes for the findings of a link: point a broken link at the note whose name is closest, or
 * create the note it names; turn a bare link to an alias into {@code [[Note|Alias]]}, which Obsidian
 * resolves; point a broken heading or block reference at the closest one the target has; make an
 * ambiguous link name the note Obsidian picks.
 */
final class LinkFixes {
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
        Optional<LinkDiagnosis> d = LinkDiagnosis.of(index, note, link, FindingCode.BROKEN_LINK)
                .filter(x -> x.problem() == LinkDiagnosis.Problem.MISSING_NOTE);
        List<Retarget> names = d.map(x -> x.fixes(Retarget.class)).orElse(List.of());
        for (Retarget name : names) {
            String text = LinkText.pointing(index, note, link, name.path());
            out.add(change(note, link, List.of(edit(note, link.targetSpan(), text)), f, names.size() == 1));
        }
        NewNote.forLink(index, note, link).ifPresent(create -> out.add(CodeAction.quickfix(
                NewNote.title(create, NewNote.isPeopleField(note, link)),
                new WorkspaceChange(List.of(), List.of(), List.of(create)), f, false)));
    }

    /**
     * {@code [[Ada]]} where Ada is an alias of Ada Berg becomes {@code [[Ada Berg|Ada]]}; when the alias
     * matches only by case, creating the note is offered first and neither fix is preferred.
     */
    static void aliasLink(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        Optional<LinkDiagnosis> d = LinkDiagnosis.of(index, note, link, FindingCode.ALIAS_LINK);
        Optional<Retarget> owner = d.flatMap(LinkDiagnosis::best).map(Retarget.class::cast);
        if (owner.isEmpty()) {
            return;
        }
        boolean byCaseOnly = d.get().aliasByCaseOnly(index);
        if (byCaseOnly) { // [[Ada]] and the alias ADA: more likely a note not written yet
            NewNote.forLink(index, note, link).ifPresent(create -> out.add(CodeAction.quickfix(
                    NewNote.title(create, NewNote.isPeopleField(note, link)),
                    new WorkspaceChange(List.of(), List.of(), List.of(create)), f, false)));
        }
        String path = owner.get().path();
        List<Edit> edits = new ArrayList<>();
        String written = note.text().substring(link.targetSpan().startOffset(), link.targetSpan().endOffset());
        edits.add(edit(note, link.targetSpan(), LinkText.pointing(index, note, link, path)));
        if (link.kind() == Link.Kind.WIKI && link.alias() == null) {
            int end = link.span().endOffset() - 2;
            String bar = inTableRow(note, link) ? "\\|" : "|";
            edits.add(edit(note, note.lines().span(end, end), bar + written));
        }
        out.add(change(note, link, edits, f, !byCaseOnly));
    }

    static void brokenHeading(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        List<HeadingFix> fixes = LinkDiagnosis.of(index, note, link, FindingCode.BROKEN_HEADING)
                .map(d -> d.fixes(HeadingFix.class)).orElse(List.of());
        for (HeadingFix fix : fixes) {
            List<String> written = new ArrayList<>();
            fix.chain().forEach(h -> written.add(LinkText.headingForLink(h)));
            String text = LinkText.write(note, link, String.join("#", written));
            out.add(change(note, link, List.of(edit(note, link.subpathSpan(), text)), f, fixes.size() == 1));
        }
    }

    static void brokenBlock(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        List<BlockFix> fixes = LinkDiagnosis.of(index, note, link, FindingCode.BROKEN_BLOCK)
                .map(d -> d.fixes(BlockFix.class)).orElse(List.of());
        for (BlockFix fix : fixes) {
            out.add(change(note, link, List.of(edit(note, link.subpathSpan(), "^" + fix.id())), f,
                    fixes.size() == 1));
        }
    }

    /** An ambiguous link names the note Obsidian picks, by the shortest path that is not a guess. */
    static void ambiguousLink(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        Optional<Retarget> picked = LinkDiagnosis.of(index, note, link, FindingCode.AMBIGUOUS_LINK)
                .flatMap(LinkDiagnosis::best).map(Retarget.class::cast);
        if (picked.isEmpty()) {
            return;
        }
        String text = LinkText.pointing(index, note, link, picked.get().path());
        out.add(change(note, link, List.of(edit(note, link.targetSpan(), text)), f, true));
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
