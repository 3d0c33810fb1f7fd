package org.vaultls.lsp;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The vaults of the editor's workspace: each workspace folder is a vault, and so is every folder
 * inside it that holds an {@code .obsidian} folder. A document belongs to the innermost vault holding it.
 */
final class Workspace {
    private static final int NESTED_VAULT_DEPTH = 4;
    private final List<VaultSession> sessions = new CopyOnWriteArrayList<>();

    /** A document's vault and its path there. */
    record Located(VaultSession session, String path) {
    }

    List<VaultSession> sessions() {
        return sessions;
    }

    void add(VaultSession s) {
        sessions.add(s);
        sessions.sort(Comparator.comparingInt((VaultSession v) -> v.root().getNameCount()).reversed());
    }

    void remove(Path root) {
        for (VaultSession s : sessions) {
            if (s.root().equals(root)) {
                s.shutdown();
                sessions.remove(s);
            }
        }
    }

    Optional<Located> locate(String uri) {
        Path p;
        try {
            p = VaultFolder.path(uri);
        } catch (RuntimeException e) {
            return Optional.empty(); // not a file: URI
        }
        for (VaultSession s : sessions) { // innermost first
            Optional<String> rel = s.relative(p);
            if (rel.isPresent()) {
                return Optional.of(new Located(s, rel.get()));
            }
        }
        return Optional.empty();
    }

    /** The vault roots of a workspace folder: itself, plus nested folders holding the config folder. */
    static List<Path> vaultRoots(Path folder, String configFolder) {
        List<Path> roots = new ArrayList<>();
        roots.add(folder);
        try {
            Files.walkFileTree(folder, EnumSet.noneOf(java.nio.file.FileVisitOption.class), NESTED_VAULT_DEPTH,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                            if (!dir.equals(folder) && (name.startsWith(".") || name.equals("node_modules"))) {
                                return FileVisitResult.SKIP_SUBTREE;
                            }
                            if (!dir.equals(folder) && Files.isDirectory(dir.resolve(configFolder))) {
                                roots.add(dir);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException exc) {
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            // an unreadable workspace folder is still served as one (empty) vault
        }
        return roots;
    }
}
