package org.vaultls.features.diagnostics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.vaultls.findings.FindingCode;
import org.vaultls.index.NameSuggester;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.BlockId;
import org.vaultls.vault.Heading;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * What is wrong with one link and how to fix it, worked out once and read by the link check (its
 * message), the hover card and the quick fixes, so the "did you mean" of the message is the fix offered.
 *
 * <p>The fixes are ranked best first, and each one makes the link resolve: a note named like the
 * target (the one in the linking note's folder, else the shortest path); for a bare link to an alias,
 * the note that has it; for an ambiguous link, the note Obsidian picks; for a heading chain
 * {@code A#B#C}, a close heading under the part of the chain that exists (or the missing heading on
 * its own, when it is a heading of the note elsewhere); for a block id, a close id of the target.
 *
 * @param problem what is wrong
 * @param link the link
 * @param resolution where the link's path leads (broken for the missing-target problems)
 * @param target the note the path leads to, for the heading and block problems; else null
 * @param resolvedHeadings how many headings of the chain exist where the chain says (heading problem)
 * @param fixes ranked best first; may be empty
 */
public record LinkDiagnosis(Problem problem, Link link, Resolution resolution, Note target, int resolvedHeadings,
                            List<Fix> fixes) {
    /** How many candidates are ranked for a problem. */
    public static final int MAX_FIXES = 3;

    public LinkDiagnosis {
        fixes = List.copyOf(fixes);
    }

    /** What is wrong with a link; each problem is reported under one finding code. */
    public enum Problem {
        MISSING_NOTE(FindingCode.BROKEN_LINK),
        MISSING_ATTACHMENT(FindingCode.BROKEN_LINK),
        /** A bare link to an alias, which Obsidian does not resolve. */
        ALIAS(FindingCode.ALIAS_LINK),
        /** Several notes match, and Obsidian's pick is the shortest path, a guess. */
        AMBIGUOUS(FindingCode.AMBIGUOUS_LINK),
        MISSING_HEADING(FindingCode.BROKEN_HEADING),
        MISSING_BLOCK(FindingCode.BROKEN_BLOCK),
        /** A relative path that climbs above the vault root: nothing there is part of the vault. */
        OUTSIDE_VAULT(FindingCode.LINK_OUTSIDE_VAULT);

        private final FindingCode code;

        Problem(FindingCode code) {
            this.code = code;
        }

        public FindingCode code() {
            return code;
        }
    }

    /** One way to make the link resolve. */
    public sealed interface Fix permits Retarget, HeadingFix, BlockFix {
    }

    /**
     * Point the link's path at another note or attachment.
     *
     * @param viaAlias true when {@code path} is the note that has the link's target as an alias
     */
    public record Retarget(String path, String name, boolean viaAlias) implements Fix {
    }

    /**
     * Replace the link's heading chain.
     *
     * @param heading the heading suggested in place of the missing one
     * @param ownHeading true when the missing heading exists, only not under the one before it
     */
    public record HeadingFix(List<String> chain, String heading, boolean ownHeading) implements Fix {
        public HeadingFix {
            chain = List.copyOf(chain);
        }
    }

    /** Replace the link's block id. */
    public record BlockFix(String id) implements Fix {
    }

    /** The best fix, the one the check's message names. */
    public Optional<Fix> best() {
        return fixes.isEmpty() ? Optional.empty() : Optional.of(fixes.get(0));
    }

    /** The fixes of one kind, in rank order. */
    public <T extends Fix> List<T> fixes(Class<T> kind) {
        List<T> out = new ArrayList<>();
        fixes.forEach(f -> {
            if (kind.isInstance(f)) {
                out.add(kind.cast(f));
            }
        });
        return out;
    }

    /**
     * For a link to an alias: true when the note's alias matches the link's target only once case is
     * ignored ({@code [[Ada]]} and the alias {@code ADA} of "Americans with Disabilities Act"), weaker
     * evidence than the alias spelt as written, so the fix that creates the note ranks before it.
     */
    public boolean aliasByCaseOnly(VaultIndex index) {
        if (problem != Problem.ALIAS) {
            return false;
        }
        String written = Normalizer.normalize(link.target().strip(), Normalizer.Form.NFC);
        return index.note(fixes(Retarget.class).get(0).path()).map(n -> n.aliases().stream()
                .noneMatch(a -> Normalizer.normalize(a.strip(), Normalizer.Form.NFC).equals(written))).orElse(false);
    }

    /** True when the link names an attachment (a file with an extension other than {@code .md}). */
    public static boolean isAttachmentTarget(String target) {
        return !VaultPaths.extension(target).isEmpty() && !VaultPaths.isMarkdown(target);
    }

    /** What {@code [[Alias]]} shows once written {@code [[Note|Alias]]}: its own display text, else the alias. */
    public static String aliasDisplay(Link link) {
        return link.alias() != null && !link.alias().isBlank() ? link.alias() : link.target();
    }

    /**
     * True when the link's target is a template placeholder, Templater's {@code <% ... %>} or the core
     * Templates plugin's {@code {{...}}}: it names a note only once the template is applied.
     */
    public static boolean isTemplateSyntax(Link link) {
        String t = link.target();
        int open = t.indexOf("<%");
        if (open >= 0 && t.indexOf("%>", open + 2) >= 0) {
            return true;
        }
        open = t.indexOf("{{");
        return open >= 0 && t.indexOf("}}", open + 2) >= 0;
    }

    /**
     * True when the link's path climbs above the vault root: {@code ../../outside.md} from a note one
     * folder deep ({@code ./} and {@code ../} start at the linking note's folder), or
     * {@code People/../../outside} (other paths start at the root). Worked out on the path alone:
     * nothing outside the root is looked at.
     */
    public static boolean leavesVault(Note from, Link link) {
        String target = link.target().replace('\\', '/');
        if (!target.contains("..")) {
            return false;
        }
        boolean relative = target.startsWith("./") || target.startsWith("../");
        int depth = !relative || from.folder().isEmpty() ? 0 : from.folder().split("/").length;
        for (String seg : target.split("/")) {
            if (seg.equals("..")) {
                if (--depth < 0) {
                    return true;
                }
            } else if (!seg.isEmpty() && !seg.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /**
     * Every problem of a link, the path's first; empty when it resolves fully and surely, and for a
     * template placeholder (see {@link #isTemplateSyntax}), which is never broken.
     */
    public static List<LinkDiagnosis> of(VaultIndex index, Note note, Link link) {
        return isTemplateSyntax(link) ? List.of() : of(index, note, link, index.resolve(note, link));
    }

    /** {@link #of(VaultIndex, Note, Link)} with the link's resolution {@code r} known already. */
    static List<LinkDiagnosis> of(VaultIndex index, Note note, Link link, Resolution r) {
        if (isTemplateSyntax(link)) {
            return List.of();
        }
        if (r.isBroken()) {
            return List.of(unresolved(index, note, link));
        }
        List<LinkDiagnosis> out = new ArrayList<>(1);
        if (r.ambiguous()) {
            out.add(new LinkDiagnosis(Problem.AMBIGUOUS, link, r, null, 0,
                    List.of(new Retarget(r.path(), VaultPaths.stem(r.path()), false))));
        }
        if (r.isAttachment() || (link.headings().isEmpty() && link.blockId() == null)) {
            return out; // #page=3 and the like are not headings
        }
        Note target = index.note(r.path()).orElse(null);
        if (target == null) {
            return out;
        }
        if (!link.headings().isEmpty()) {
            int ok = resolvedDepth(target, link.headings());
            if (ok < link.headings().size()) {
                out.add(new LinkDiagnosis(Problem.MISSING_HEADING, link, r, target, ok,
                        headingFixes(target, link.headings(), ok)));
            }
        } else if (VaultIndex.findBlock(target, link.blockId()).isEmpty()) {
            List<String> ids = new ArrayList<>();
            for (BlockId b : target.blocks()) {
                ids.add(b.id());
            }
            List<Fix> fixes = new ArrayList<>();
            new NameSuggester(ids).closest(link.blockId(), MAX_FIXES).forEach(id -> fixes.add(new BlockFix(id)));
            out.add(new LinkDiagnosis(Problem.MISSING_BLOCK, link, r, target, 0, fixes));
        }
        return out;
    }

    /** The problem of a link reported under {@code code}, if it has that one. */
    public static Optional<LinkDiagnosis> of(VaultIndex index, Note note, Link link, FindingCode code) {
        return of(index, note, link).stream().filter(d -> d.problem().code() == code).findFirst();
    }

    /**
     * Why a link whose path resolves to nothing is broken: it leaves the vault (no fix: nothing can be
     * created there), else an alias (when it is a bare name that a note has as an alias), else a
     * missing attachment or note, with the closest names.
     */
    public static LinkDiagnosis unresolved(VaultIndex index, Note note, Link link) {
        if (leavesVault(note, link)) {
            return new LinkDiagnosis(Problem.OUTSIDE_VAULT, link, Resolution.broken(), null, 0, List.of());
        }
        String target = link.target();
        boolean attachment = isAttachmentTarget(target);
        List<Fix> fixes = new ArrayList<>();
        if (!target.contains("/")) {
            for (String path : index.notesWithAlias(target)) {
                fixes.add(new Retarget(path, index.note(path).map(Note::name).orElse(VaultPaths.stem(path)), true));
                break; // the first owner, in path order
            }
        }
        Problem problem = !fixes.isEmpty() ? Problem.ALIAS
                : attachment ? Problem.MISSING_ATTACHMENT : Problem.MISSING_NOTE;
        if (attachment) {
            for (String name : index.similarAttachmentNames(VaultPaths.fileName(target), MAX_FIXES)) {
                closestPath(index.attachmentsNamed(name), note).ifPresent(p -> fixes.add(new Retarget(p, name, false)));
            }
        } else {
            for (String name : index.similarNoteNames(VaultPaths.stem(target), MAX_FIXES)) {
                closestPath(index.notesNamed(name), note).ifPresent(p -> fixes.add(new Retarget(p, name, false)));
            }
        }
        return new LinkDiagnosis(problem, link, Resolution.broken(), null, 0, fixes);
    }

    /** Of several files of one name: the one in the linking note's folder, else the shortest path. */
    private static Optional<String> closestPath(List<String> paths, Note from) {
        return paths.stream().min(Comparator.comparing((String p) -> !VaultPaths.parent(p).equals(from.folder()))
                .thenComparingInt(String::length).thenComparing(Comparator.naturalOrder()));
    }

    /** How many headings of the chain, from the first, exist where the chain says. */
    private static int resolvedDepth(Note target, List<String> chain) {
        int ok = 0;
        while (ok < chain.size() && VaultIndex.findHeading(target, chain.subList(0, ok + 1)).isPresent()) {
            ok++;
        }
        return ok;
    }

    /**
     * Chains that resolve in place of a broken one whose first {@code ok} headings exist: the missing
     * heading on its own when the note has it elsewhere, then the headings under the last one that exists
     * (all of the note's when none does) closest to the missing one, keeping the rest of the chain when it
     * still resolves.
     */
    private static List<Fix> headingFixes(Note target, List<String> chain, int ok) {
        String missing = chain.get(ok);
        List<Fix> fixes = new ArrayList<>();
        List<List<String>> seen = new ArrayList<>();
        if (ok > 0) {
            Optional<Heading> own = VaultIndex.findHeading(target, List.of(missing));
            if (own.isPresent()) {
                seen.add(List.of(missing));
                fixes.add(new HeadingFix(List.of(missing), own.get().text(), true));
            }
        }
        List<String> names = new ArrayList<>();
        Heading parent = ok == 0 ? null : VaultIndex.findHeading(target, chain.subList(0, ok)).orElseThrow();
        for (Heading h : within(target, parent)) {
            names.add(h.text());
        }
        for (String s : new NameSuggester(names).closest(missing, MAX_FIXES)) {
            List<String> fixed = new ArrayList<>(chain.subList(0, ok));
            fixed.add(s);
            List<String> withRest = new ArrayList<>(fixed);
            withRest.addAll(chain.subList(ok + 1, chain.size()));
            List<String> fix = VaultIndex.findHeading(target, withRest).isPresent() ? withRest : fixed;
            if (VaultIndex.findHeading(target, fix).isPresent() && !seen.contains(fix)) {
                seen.add(fix);
                fixes.add(new HeadingFix(fix, s, false));
            }
        }
        return fixes;
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
}
