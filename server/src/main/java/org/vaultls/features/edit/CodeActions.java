package org.vaultls.features.edit;

import java.util.ArrayList;
import java.util.List;
import org.vaultls.config.VaultConfig;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.features.dataview.BlockResults;
import org.vaultls.features.dataview.ResultsSection;
import org.vaultls.features.query.ElementAt;
import org.vaultls.features.query.ElementAt.Element;
import org.vaultls.features.query.ElementAt.LinkAt;
import org.vaultls.features.query.ElementAt.OwnerAt;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;

/**
 * The quick fixes for the findings in a range of a note; the link or owner tag a finding is about is
 * the one {@link ElementAt} finds at the finding's start. A broken link can point at the closest note
 * name or create the note (a person, when it comes from a people field); a bare link to an alias becomes
 * {@code [[Note|Alias]]}, since Obsidian does not resolve aliases; a broken heading or block reference
 * can point at the closest one; an ambiguous link can name its note; an unknown {@code @Owner} can
 * become the closest person's tag, or create that person; an unlinked mention can become a link. While
 * the note has unlinked mentions (and the {@code unlinkedMentions} setting is not off), a source action
 * links them all. In a dataview block, with no finding needed: "Write results below"
 * ({@link ResultsSection}).
 */
public final class CodeActions {
    private CodeActions() {
    }

    /**
     * The fixes for those {@code findings} of {@code note} that touch {@code range}, finding by finding;
     * a fix whose change {@code boundary} refuses (a new note outside the vault, or over a file) is not offered.
     */
    public static List<CodeAction> actions(VaultIndex index, Note note, Span range, List<Finding> findings,
                                           VaultBoundary boundary) {
        List<CodeAction> out = new ArrayList<>();
        for (Finding f : findings) {
            if (!f.path().equals(note.path()) || f.span().startOffset() > range.endOffset()
                    || f.span().endOffset() < range.startOffset()) {
                continue;
            }
            List<CodeAction> fixes = new ArrayList<>();
            Element at = ElementAt.find(note, f.span().startOffset()).orElse(null);
            if (f.code() == FindingCode.UNLINKED_MENTION) {
                MentionFixes.linkOne(index, note, f, fixes);
            } else if (f.code() == FindingCode.UNKNOWN_OWNER) {
                if (at instanceof OwnerAt o) {
                    OwnerFixes.unknownOwner(index, note, o.owner(), f, fixes);
                }
            } else if (at instanceof LinkAt l) {
                linkFixes(index, note, l.link(), f, fixes);
            }
            fixes.removeIf(a -> boundary.problem(index, a.change()).isPresent());
            fixes.sort((a, b) -> Boolean.compare(b.preferred(), a.preferred()));
            out.addAll(fixes);
        }
        if (index.config().unlinkedMentions() != VaultConfig.Mentions.OFF
                && index.config().severity(FindingCode.UNLINKED_MENTION).isPresent()
                && !index.obsidian().isUserIgnored(note.path()) && !index.obsidian().isTemplate(note.path())) {
            MentionFixes.linkAll(index, note).ifPresent(out::add);
        }
        for (ResultsSection.Write w : ResultsSection.at(index, note, range.startOffset(), range.endOffset(),
                BlockResults.SHARED)) {
            CodeAction a = new CodeAction(w.title(), REFACTOR_REWRITE, w.change(), null, false);
            if (boundary.problem(index, a.change()).isEmpty()) {
                out.add(a);
            }
        }
        return out;
    }

    /** The LSP kind of an action that rewrites text without fixing a finding. */
    public static final String REFACTOR_REWRITE = "refactor.rewrite";

    private static void linkFixes(VaultIndex index, Note note, Link link, Finding f, List<CodeAction> out) {
        switch (f.code()) {
            case BROKEN_LINK -> LinkFixes.brokenLink(index, note, link, f, out);
            case ALIAS_LINK -> LinkFixes.aliasLink(index, note, link, f, out);
            case BROKEN_HEADING -> LinkFixes.brokenHeading(index, note, link, f, out);
            case BROKEN_BLOCK -> LinkFixes.brokenBlock(index, note, link, f, out);
            case AMBIGUOUS_LINK -> LinkFixes.ambiguousLink(index, note, link, f, out);
            default -> {
            }
        }
    }
}
