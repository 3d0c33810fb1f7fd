package org.vaultls.features.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.vaultls.findings.FindingCode;
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
 * Checks every link and embed of a note: that its path resolves (broken-link, or alias-link when the
 * name is only an alias, which Obsidian does not resolve), that the pick among several notes is not a
 * guess (ambiguous-link), and that its heading chain or block id exists in the target
 * (broken-heading, broken-block).
 */
final class LinkCheck implements NoteCheck {

    @Override
    public boolean isLinkCheck() {
        return true;
    }

    @Override
    public void check(Note note, VaultIndex index, List<Finding> out) {
        for (Link link : note.links()) {
            Resolution r = index.resolve(note, link);
            if (r.isBroken()) {
                out.add(broken(note, link, index));
                continue;
            }
            if (r.ambiguous()) {
                out.add(ambiguous(note, link, r, index));
            }
            if (r.isAttachment()) {
                continue; // #page=3 and the like are not headings
            }
            if (link.headings().isEmpty() && link.blockId() == null) {
                continue;
            }
            Note target = index.note(r.path()).orElse(null);
            if (target == null) {
                continue;
            }
            if (!link.headings().isEmpty() && VaultIndex.findHeading(target, link.headings()).isEmpty()) {
                out.add(brokenHeading(note, link, target));
            } else if (link.blockId() != null && VaultIndex.findBlock(target, link.blockId()).isEmpty()) {
                out.add(brokenBlock(note, link, target));
            }
        }
    }

    private static Span at(Link link) {
        return link.targetSpan().length() > 0 ? link.targetSpan() : link.span();
    }

    private Finding broken(Note note, Link link, VaultIndex index) {
        String target = link.target();
        if (!target.contains("/")) {
            List<String> owners = index.notesWithAlias(target);
            if (!owners.isEmpty()) {
                String path = owners.get(0);
                String name = index.note(path).map(Note::name).orElse(VaultPaths.stem(path));
                String display = link.alias() != null && !link.alias().isBlank() ? link.alias() : target;
                String fix = "[[" + name + link.subpath() + "|" + display + "]]";
                return NoteCheck.finding(note, FindingCode.ALIAS_LINK, at(link), "'" + target
                        + "' is an alias of '" + name + "' (" + path + "), and Obsidian does not resolve links by "
                        + "alias: write " + fix);
            }
        }
        boolean attachment = !VaultPaths.extension(target).isEmpty() && !VaultPaths.isMarkdown(target);
        StringBuilder msg = new StringBuilder();
        if (target.startsWith("./") || target.startsWith("../")) {
            msg.append("No note or attachment at '").append(target).append("' relative to ")
                    .append(note.folder().isEmpty() ? "the vault root" : note.folder() + "/");
        } else if (attachment) {
            msg.append("No attachment named '").append(VaultPaths.fileName(target)).append("' in the vault");
        } else {
            msg.append("No note named '").append(VaultPaths.stripMd(target)).append("'");
        }
        if (!attachment) {
            List<String> similar = index.similarNoteNames(VaultPaths.stem(target), 3);
            if (!similar.isEmpty()) {
                msg.append("; did you mean ").append(quoteList(similar)).append('?');
            } else {
                msg.append("; create it, or fix the link");
            }
        }
        return NoteCheck.finding(note, FindingCode.BROKEN_LINK, at(link), msg.toString());
    }

    private Finding ambiguous(Note note, Link link, Resolution r, VaultIndex index) {
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

    private Finding brokenHeading(Note note, Link link, Note target) {
        List<String> chain = link.headings();
        // Name the first heading of the chain that does not exist where the chain says.
        int ok = 0;
        while (ok < chain.size() && VaultIndex.findHeading(target, chain.subList(0, ok + 1)).isPresent()) {
            ok++;
        }
        String missing = chain.get(Math.min(ok, chain.size() - 1));
        StringBuilder msg = new StringBuilder();
        if (ok == 0) {
            msg.append("No heading '").append(missing).append("' in '").append(target.name()).append("'");
        } else {
            msg.append("No heading '").append(missing).append("' under '").append(chain.get(ok - 1))
                    .append("' in '").append(target.name()).append("'");
        }
        Optional<Heading> elsewhere = ok > 0 ? VaultIndex.findHeading(target, List.of(missing)) : Optional.empty();
        List<String> names = new ArrayList<>();
        for (Heading h : target.headings()) {
            names.add(h.text());
        }
        List<String> similar = new NameSuggester(names).closest(missing, 1);
        if (elsewhere.isPresent()) {
            msg.append("; it is a heading of its own there: write [[").append(target.name()).append('#')
                    .append(elsewhere.get().text()).append("]]");
        } else if (!similar.isEmpty()) {
            msg.append("; did you mean '").append(similar.get(0)).append("'?");
        } else if (!names.isEmpty() && ok == 0) {
            msg.append("; its headings: ").append(quoteList(names.subList(0, Math.min(5, names.size()))));
        }
        Span span = link.subpathSpan() != null ? link.subpathSpan() : link.span();
        return NoteCheck.finding(note, FindingCode.BROKEN_HEADING, span, msg.toString());
    }

    private Finding brokenBlock(Note note, Link link, Note target) {
        StringBuilder msg = new StringBuilder("No block '^" + link.blockId() + "' in '" + target.name() + "'");
        List<String> ids = new ArrayList<>();
        for (BlockId b : target.blocks()) {
            ids.add(b.id());
        }
        Optional<String> similar = new NameSuggester(ids).closest(link.blockId(), 1).stream().findFirst();
        if (similar.isPresent()) {
            msg.append("; did you mean '^").append(similar.get()).append("'?");
        } else if (ids.isEmpty()) {
            msg.append("; it has no block ids (add ' ^").append(link.blockId()).append("' at the end of a paragraph)");
        }
        Span span = link.subpathSpan() != null ? link.subpathSpan() : link.span();
        return NoteCheck.finding(note, FindingCode.BROKEN_BLOCK, span, msg.toString());
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
