package org.vaultls.features.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.features.diagnostics.LinkDiagnosis.BlockFix;
import org.vaultls.features.diagnostics.LinkDiagnosis.HeadingFix;
import org.vaultls.features.diagnostics.LinkDiagnosis.Retarget;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Checks every link and embed of a note: that its path resolves (broken-link, or alias-link when the
 * name is only an alias, which Obsidian does not resolve), that the pick among several notes is not a
 * guess (ambiguous-link), that its path stays inside the vault (link-outside-vault), and that its
 * heading chain or block id exists in the target (broken-heading, broken-block). A template
 * placeholder ({@code [[<% tp.date.now() %>]]}, {@code [[{{date}}]]}) is no link to check.
 */
final class LinkCheck implements NoteCheck {

    @Override
    public boolean isLinkCheck() {
        return true;
    }

    @Override
    public void check(Note note, VaultIndex index, List<Finding> out) {
        List<Resolution> resolved = index.resolutions(note); // shared with the note's tokens and hints
        List<Link> links = note.links();
        for (int i = 0; i < links.size(); i++) {
            Link link = links.get(i);
            for (LinkDiagnosis d : LinkDiagnosis.of(index, note, link, resolved.get(i))) {
                out.add(switch (d.problem()) {
                    case ALIAS -> alias(note, d);
                    case MISSING_NOTE, MISSING_ATTACHMENT -> broken(note, d);
                    case AMBIGUOUS -> ambiguous(note, d, index);
                    case MISSING_HEADING -> brokenHeading(note, d);
                    case MISSING_BLOCK -> brokenBlock(note, d);
                    case OUTSIDE_VAULT -> outside(note, d);
                });
            }
        }
    }

    private static Span at(Link link) {
        return link.targetSpan().length() > 0 ? link.targetSpan() : link.span();
    }

    private static Span subpathAt(Link link) {
        return link.subpathSpan() != null ? link.subpathSpan() : link.span();
    }

    private Finding alias(Note note, LinkDiagnosis d) {
        Link link = d.link();
        Retarget owner = d.fixes(Retarget.class).get(0);
        String fix = "[[" + owner.name() + link.subpath() + "|" + LinkDiagnosis.aliasDisplay(link) + "]]";
        return NoteCheck.finding(note, FindingCode.ALIAS_LINK, at(link), "'" + link.target()
                + "' is an alias of '" + owner.name() + "' (" + owner.path() + "), and Obsidian does not resolve links "
                + "by alias: write " + fix);
    }

    private Finding broken(Note note, LinkDiagnosis d) {
        Link link = d.link();
        String target = link.target();
        StringBuilder msg = new StringBuilder();
        if (target.startsWith("./") || target.startsWith("../")) {
            msg.append("No note or attachment at '").append(target).append("' relative to ")
                    .append(note.folder().isEmpty() ? "the vault root" : note.folder() + "/");
        } else if (d.problem() == LinkDiagnosis.Problem.MISSING_ATTACHMENT) {
            msg.append("No attachment named '").append(VaultPaths.fileName(target)).append("' in the vault");
        } else {
            msg.append("No note named '").append(VaultPaths.stripMd(target)).append("'");
        }
        if (d.problem() == LinkDiagnosis.Problem.MISSING_NOTE) {
            List<String> similar = d.fixes(Retarget.class).stream().map(Retarget::name).toList();
            if (!similar.isEmpty()) {
                msg.append("; did you mean ").append(quoteList(similar)).append('?');
            } else {
                msg.append("; create it, or fix the link");
            }
        }
        return NoteCheck.finding(note, FindingCode.BROKEN_LINK, at(link), msg.toString());
    }

    private Finding outside(Note note, LinkDiagnosis d) {
        Link link = d.link();
        return NoteCheck.finding(note, FindingCode.LINK_OUTSIDE_VAULT, at(link), "'" + link.target()
                + "' leaves the vault: from " + (note.folder().isEmpty() ? "the vault root" : note.folder() + "/")
                + " it climbs above the vault's root folder, where Obsidian cannot open or create notes;"
                + " link to a note inside the vault");
    }

    private Finding ambiguous(Note note, LinkDiagnosis d, VaultIndex index) {
        Link link = d.link();
        Resolution r = d.resolution();
        List<Finding.Related> related = new ArrayList<>();
        for (String c : r.candidates()) {
            Span top = index.note(c).map(n -> n.lines().span(0, 0)).orElse(note.lines().span(0, 0));
            related.add(new Finding.Related(c, top, c.equals(r.path()) ? "chosen: shortest path" : "also matches"));
        }
        String chosen = VaultPaths.stripMd(r.path());
        String msg = "'" + link.target() + "' matches " + r.candidates().size() + " notes ("
                + String.join(", ", r.candidates()) + "); Obsidian picks " + r.path()
                + " by shortest path: write [[" + chosen + "]] to make it explicit";
        return new Finding(note.path(), at(link), FindingCode.AMBIGUOUS_LINK.defaultSeverity(),
                FindingCode.AMBIGUOUS_LINK, msg, related);
    }

    private Finding brokenHeading(Note note, LinkDiagnosis d) {
        Link link = d.link();
        Note target = d.target();
        List<String> chain = link.headings();
        int ok = d.resolvedHeadings();
        String missing = chain.get(Math.min(ok, chain.size() - 1));
        StringBuilder msg = new StringBuilder();
        if (ok == 0) {
            msg.append("No heading '").append(missing).append("' in '").append(target.name()).append("'");
        } else {
            msg.append("No heading '").append(missing).append("' under '").append(chain.get(ok - 1))
                    .append("' in '").append(target.name()).append("'");
        }
        Optional<HeadingFix> best = d.best().map(HeadingFix.class::cast);
        if (best.isPresent() && best.get().ownHeading()) {
            msg.append("; it is a heading of its own there: write [[").append(target.name()).append('#')
                    .append(best.get().heading()).append("]]");
        } else if (best.isPresent()) {
            msg.append("; did you mean '").append(best.get().heading()).append("'?");
        } else if (!target.headings().isEmpty() && ok == 0) {
            List<String> names = new ArrayList<>();
            for (Heading h : target.headings()) {
                names.add(h.text());
            }
            msg.append("; its headings: ").append(quoteList(names.subList(0, Math.min(5, names.size()))));
        }
        return NoteCheck.finding(note, FindingCode.BROKEN_HEADING, subpathAt(link), msg.toString());
    }

    private Finding brokenBlock(Note note, LinkDiagnosis d) {
        Link link = d.link();
        Note target = d.target();
        StringBuilder msg = new StringBuilder("No block '^" + link.blockId() + "' in '" + target.name() + "'");
        Optional<LinkDiagnosis.Fix> best = d.best();
        if (best.isPresent()) {
            msg.append("; did you mean '^").append(((BlockFix) best.get()).id()).append("'?");
        } else if (target.blocks().isEmpty()) {
            msg.append("; it has no block ids (add ' ^").append(link.blockId()).append("' at the end of a paragraph)");
        }
        return NoteCheck.finding(note, FindingCode.BROKEN_BLOCK, subpathAt(link), msg.toString());
    }

    static String quoteList(List<String> names) {
        List<String> q = new ArrayList<>();
        names.forEach(n -> q.add("'" + n + "'"));
        if (q.size() <= 1) {
            return String.join("", q);
        }
        return String.join(", ", q.subList(0, q.size() - 1)) + " or " + q.get(q.size() - 1);
    }
}
