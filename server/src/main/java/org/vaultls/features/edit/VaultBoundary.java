package org.vaultls.features.edit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.vaultls.features.Edit;
import org.vaultls.features.WorkspaceChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.VaultPaths;

/**
 * The one check every change the server proposes passes before it reaches the editor: each file it
 * creates, renames or edits stays inside the vault, and a create or rename never lands on a file that
 * exists. A change that breaks a rule is refused as a whole, with a message for the user.
 *
 * <p>The rules, in order, for every path of a change:
 * <ul>
 *   <li>It is a plain vault-relative path: {@code /}-separated, no empty, {@code .} or {@code ..}
 *   segment (nor one that reads so once percent-decoded, {@code %2e%2e}), no backslash, no leading
 *   {@code /} or drive letter, no control character, not the vault root itself. A path whose
 *   {@code ..} climbs above the root is named as leading outside the vault.</li>
 *   <li>No segment is hidden ({@code .git}, {@code .trash}) or the config folder ({@code .obsidian}):
 *   those hold no notes, as the loader skips them, and the editor must not be asked to write there.</li>
 *   <li>An edited file is a note of the index; a renamed file is a note or attachment of the index; a
 *   created file or rename target names no file of the index, compared as Obsidian compares names
 *   (case-insensitively), nor another create of the same change.</li>
 *   <li>For a vault on disk: the deepest part of the path that exists is resolved to its real path
 *   (following symbolic links), which must lie inside the vault root's real path, compared
 *   case-insensitively only where the file system is found to be case-insensitive; a created file or
 *   rename target must not exist, nor any file in its folder whose name differs only in case.</li>
 * </ul>
 */
public final class VaultBoundary {
    private final Path root;

    private VaultBoundary(Path root) {
        this.root = root;
    }

    /** The boundary of the vault at {@code root} on disk. */
    public static VaultBoundary at(Path root) {
        return new VaultBoundary(root.toAbsolutePath().normalize());
    }

    /** The boundary of a vault that exists only as an index (tests): the path rules and the index's files. */
    public static VaultBoundary inMemory() {
        return new VaultBoundary(null);
    }

    /** {@code change} when every path of it stays inside the vault; else why it is refused. */
    public Result<WorkspaceChange> check(VaultIndex index, WorkspaceChange change) {
        Optional<String> problem = problem(index, change);
        return problem.isPresent() ? Result.error(problem.get()) : Result.ok(change);
    }

    /** Why {@code change} may not be applied, or empty when it may. */
    public Optional<String> problem(VaultIndex index, WorkspaceChange change) {
        String config = index.config().configFolder();
        Disk disk = root == null ? null : new Disk(root);
        Set<String> edited = new HashSet<>();
        for (Edit e : change.edits()) {
            if (edited.add(e.path())) {
                Optional<String> p = pathProblem(e.path(), config)
                        .or(() -> index.note(e.path()).isPresent() ? Optional.empty()
                                : Optional.of("cannot edit '" + e.path() + "': it is not a note of the vault"))
                        .or(() -> disk == null ? Optional.empty() : disk.leadsOut(e.path()));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        for (WorkspaceChange.FileRename r : change.renames()) {
            Optional<String> p = pathProblem(r.from(), config)
                    .or(() -> pathProblem(r.to(), config))
                    .or(() -> isFileOf(index, r.from()) ? Optional.empty()
                            : Optional.of("cannot rename '" + r.from() + "': it is not a file of the vault"))
                    .or(() -> existing(index, r.to(), r.from()).map(x -> exists("rename to", r.to(), x)))
                    .or(() -> disk == null ? Optional.empty() : disk.leadsOut(r.from()))
                    .or(() -> disk == null ? Optional.empty() : disk.freeFor(r.to(), r.from()));
            if (p.isPresent()) {
                return p;
            }
        }
        Set<String> created = new HashSet<>();
        for (WorkspaceChange.FileCreate c : change.creates()) {
            Optional<String> p = pathProblem(c.path(), config)
                    .or(() -> existing(index, c.path(), null).map(x -> exists("create", c.path(), x)))
                    .or(() -> created.add(VaultPaths.key(c.path())) ? Optional.empty()
                            : Optional.of("cannot create '" + c.path() + "' twice in one change"))
                    .or(() -> disk == null ? Optional.empty() : disk.freeFor(c.path(), null));
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    /**
     * {@code path} with {@code \} read as {@code /} and its {@code .} and {@code ..} segments resolved;
     * empty when it is absolute or climbs above the vault root. Callers that make a path from a link's
     * text use this, then hand the plain result to {@link #check}.
     */
    static Optional<String> normalise(String path) {
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || hasDrive(p)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (String seg : p.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(seg);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /** Why {@code path} is not a plain vault path outside hidden folders, or empty when it is. */
    static Optional<String> pathProblem(String path, String configFolder) {
        if (path == null || path.isBlank()) {
            return Optional.of("vault-ls does not write to the vault root itself");
        }
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7f) {
                return Optional.of("vault-ls does not write to '" + path.strip() + "': the path holds a control character");
            }
        }
        if (path.startsWith("/") || path.startsWith("\\") || hasDrive(path)) {
            return Optional.of(outside(path, "it is an absolute path"));
        }
        int depth = 0;
        for (String seg : path.replace('\\', '/').split("/", -1)) {
            String decoded = decoded(seg);
            if (decoded.equals("..")) {
                depth--;
                if (depth < 0) {
                    return Optional.of(outside(path, "its '..' climbs above the vault folder"));
                }
            } else if (!decoded.equals(".") && !seg.isEmpty()) {
                depth++;
            }
        }
        if (path.indexOf('\\') >= 0) {
            return Optional.of(notPlain(path, "a backslash"));
        }
        for (String seg : path.split("/", -1)) {
            String decoded = decoded(seg);
            if (seg.isEmpty() || decoded.equals(".") || decoded.equals("..")) {
                return Optional.of(notPlain(path, seg.isEmpty() ? "an empty segment" : "a '" + decoded + "' segment"));
            }
            if (decoded.startsWith(".") || seg.equalsIgnoreCase(configFolder)) {
                return Optional.of("vault-ls does not write to '" + path + "': "
                        + (seg.equalsIgnoreCase(configFolder) ? configFolder + " is Obsidian's config folder"
                        : seg + " is a hidden folder or file") + ", not part of the vault's notes");
            }
        }
        return Optional.empty();
    }

    private static boolean hasDrive(String p) {
        return p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0));
    }

    /** A segment with its {@code %XX} escapes decoded, so {@code %2e%2e} reads as the {@code ..} it spells. */
    private static String decoded(String seg) {
        return seg.indexOf('%') < 0 ? seg : seg.replaceAll("(?i)%2e", ".").replaceAll("(?i)%2f|%5c", "/");
    }

    private static String outside(String path, String why) {
        return "vault-ls does not write outside the vault: '" + path + "' leads out of it (" + why + ")";
    }

    private static String notPlain(String path, String what) {
        return "vault-ls does not write to '" + path + "': it is not a plain vault path (it holds " + what + ")";
    }

    private static String exists(String verb, String path, String existing) {
        return "cannot " + verb + " '" + path + "': " + existing + " already exists"
                + (existing.equals(path) ? "" : " (names compare case-insensitively)");
    }

    private static boolean isFileOf(VaultIndex index, String path) {
        return index.note(path).isPresent() || index.attachments().contains(path);
    }

    /** A file of the index with {@code path}'s key, other than {@code except}. */
    private static Optional<String> existing(VaultIndex index, String path, String except) {
        String key = VaultPaths.key(path);
        for (String p : index.notes().keySet()) {
            if (!p.equals(except) && VaultPaths.key(p).equals(key)) {
                return Optional.of(p);
            }
        }
        for (String p : index.attachments()) {
            if (!p.equals(except) && VaultPaths.key(p).equals(key)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The disk checks of one change, with the root's real path worked out once. */
    private static final class Disk {
        private final Path root;
        private Path realRoot;
        private Boolean caseInsensitive;

        Disk(Path root) {
            this.root = root;
        }

        private Path realRoot() throws IOException {
            if (realRoot == null) {
                realRoot = root.toRealPath();
            }
            return realRoot;
        }

        /** Why {@code path} (plain) leads out of the vault once symbolic links are followed, or empty. */
        Optional<String> leadsOut(String path) {
            String[] segs = path.split("/");
            Path deepest = root;
            int found = 0;
            for (String seg : segs) {
                Path next = deepest.resolve(seg);
                if (!Files.exists(next, LinkOption.NOFOLLOW_LINKS)) {
                    break;
                }
                deepest = next;
                found++;
            }
            try {
                Path real = deepest.toRealPath();
                Path top = realRoot();
                if (!inside(top, real)) {
                    return Optional.of(outside(path, "a symbolic link in it leads to a folder outside the vault"));
                }
                if (found == segs.length && real.getNameCount() == top.getNameCount()) {
                    return Optional.of("vault-ls does not write to '" + path + "': it is the vault root itself");
                }
                if (real.getNameCount() > top.getNameCount()) {
                    String rel = real.subpath(top.getNameCount(), real.getNameCount()).toString()
                            .replace(real.getFileSystem().getSeparator(), "/");
                    for (String seg : rel.split("/")) {
                        if (seg.startsWith(".")) {
                            return Optional.of("vault-ls does not write to '" + path
                                    + "': a symbolic link in it leads into the hidden folder " + seg);
                        }
                    }
                }
                return Optional.empty();
            } catch (IOException | RuntimeException e) {
                return Optional.of("vault-ls does not write to '" + path
                        + "': cannot tell where it leads on disk (" + e.getMessage() + ")");
            }
        }

        /** Why a new file may not be made at {@code path}, or empty; {@code from} is the file a rename moves. */
        Optional<String> freeFor(String path, String from) {
            Optional<String> out = leadsOut(path);
            if (out.isPresent()) {
                return out;
            }
            Path target = root.resolve(path);
            Path source = from == null ? null : root.resolve(from);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !sameFile(target, source)) {
                return Optional.of(exists(from == null ? "create" : "rename to", path, path));
            }
            Path folder = target.getParent();
            if (folder == null || !Files.isDirectory(folder)) {
                return Optional.empty();
            }
            String key = VaultPaths.key(VaultPaths.fileName(path));
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
                for (Path e : entries) {
                    if (VaultPaths.key(e.getFileName().toString()).equals(key) && !sameFile(e, source)) {
                        String parent = VaultPaths.parent(path);
                        return Optional.of(exists(from == null ? "create" : "rename to", path,
                                (parent.isEmpty() ? "" : parent + "/") + e.getFileName()));
                    }
                }
            } catch (IOException e) {
                return Optional.of("vault-ls does not write to '" + path + "': cannot read its folder ("
                        + e.getMessage() + ")");
            }
            return Optional.empty();
        }

        private static boolean sameFile(Path a, Path b) {
            try {
                return b != null && Files.exists(b, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(a, b);
            } catch (IOException e) {
                return false;
            }
        }

        /** True when {@code real} is {@code top} or below it, component by component. */
        private boolean inside(Path top, Path real) {
            boolean ignoreCase = caseInsensitive(top);
            if (!real.getFileSystem().equals(top.getFileSystem()) || real.getNameCount() < top.getNameCount()
                    || !same(String.valueOf(real.getRoot()), String.valueOf(top.getRoot()), ignoreCase)) {
                return false;
            }
            for (int i = 0; i < top.getNameCount(); i++) {
                String a = top.getName(i).toString();
                String b = real.getName(i).toString();
                if (!same(a, b, ignoreCase)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean same(String a, String b, boolean ignoreCase) {
            return ignoreCase ? a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) : a.equals(b);
        }

        /**
         * True only when the file system is seen to ignore case: the root's path with the case of its
         * last lettered name flipped is the same folder. When that cannot be told, case counts, which
         * refuses more rather than less.
         */
        private boolean caseInsensitive(Path top) {
            if (caseInsensitive == null) {
                caseInsensitive = false;
                for (Path p = top; p != null && p.getFileName() != null; p = p.getParent()) {
                    String name = p.getFileName().toString();
                    String flipped = flipCase(name);
                    if (!flipped.equals(name)) {
                        Path other = p.resolveSibling(flipped);
                        caseInsensitive = sameFile(other, p);
                        break;
                    }
                }
            }
            return caseInsensitive;
        }

        private static String flipCase(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (char c : s.toCharArray()) {
                sb.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
            }
            return sb.toString();
        }
    }
}
