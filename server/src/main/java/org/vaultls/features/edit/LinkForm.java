package org.vaultls.features.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.vaultls.index.Resolution;
import org.vaultls.index.VaultIndex;
import org.vaultls.text.Span;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.VaultPaths;

/**
 * Chooses the path a link should write to reach a file, in the style the link already has: a bare
 * name stays a bare name while it still leads there unambiguously, a path-qualified link keeps its
 * folder part when it still fits (else it names the full path), {@code ./}/{@code ../} links stay
 * relative to the linking note and {@code /} links stay vault-absolute; a written {@code .md} is kept.
 * The result is decoded text; {@link LinkText#write} puts it into the link's syntax.
 */
final class LinkForm {
    private LinkForm() {
    }

    /**
     * The target to write in {@code link} (held by {@code from} as it is in {@code index}) so that it
     * leads to {@code desired} in {@code index}.
     */
    static String target(VaultIndex index, Note from, Link link, String desired) {
        String written = link.target().replace('\\', '/');
        boolean note = index.note(desired).isPresent();
        String full = note ? VaultPaths.stripMd(desired) + (VaultPaths.isMarkdown(written) ? ".md" : "") : desired;
        if (written.startsWith("./") || written.startsWith("../")) {
            return relative(from.folder(), full); // relative links resolve exactly, with no fallback
        }
        if (written.startsWith("/")) {
            return "/" + full;
        }
        List<String> candidates = new ArrayList<>();
        if (written.contains("/")) {
            String folderPart = VaultPaths.parent(written);
            String folder = VaultPaths.parent(desired);
            String lower = folder.toLowerCase(Locale.ROOT);
            String want = folderPart.toLowerCase(Locale.ROOT);
            if (lower.equals(want) || lower.endsWith("/" + want)) {
                candidates.add(folder.substring(folder.length() - folderPart.length()) + "/" + VaultPaths.fileName(full));
            }
        } else {
            candidates.add(VaultPaths.fileName(full));
        }
        for (String c : candidates) {
            if (leadsTo(index, from, c, desired)) {
                return c;
            }
        }
        return full;
    }

    /** True when a link {@code [[target]]} written in {@code from} resolves to {@code desired} without a guess. */
    static boolean leadsTo(VaultIndex index, Note from, String target, String desired) {
        Span at = from.lines().span(0, 0);
        Link probe = new Link(Link.Kind.WIKI, false, at, target, at, List.of(), null, null, null, null, false);
        Resolution r = index.resolve(from, probe);
        return !r.isBroken() && r.path().equals(desired) && !r.ambiguous();
    }

    /** {@code path} relative to {@code folder}, always starting with {@code ./} or {@code ../}. */
    static String relative(String folder, String path) {
        String[] from = folder.isEmpty() ? new String[0] : folder.split("/");
        String[] to = path.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            sb.append("../");
        }
        if (sb.length() == 0) {
            sb.append("./");
        }
        for (int i = common; i < to.length; i++) {
            sb.append(to[i]);
            if (i < to.length - 1) {
                sb.append('/');
            }
        }
        return sb.toString();
    }
}
