package org.vaultls.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A class-data sharing archive (AppCDS) for the tuned child JVM: the classes vault-ls loads (lsp4j,
 * gson, flexmark, snakeyaml, jackson) mapped from a file instead of loaded and verified one by one,
 * which takes ~150 ms off every start. The first run writes the archive at exit
 * ({@code -XX:ArchiveClassesAtExit}) under a temporary name, renamed into place only when complete;
 * later runs map it. It lives in the user's cache ({@code $XDG_CACHE_HOME} or {@code ~/.cache}), keyed
 * by the jar's size and time, the JVM's version and its install folder (a system JDK and a runtime
 * bundled in an editor extension report the same version but cannot share an archive), so an upgrade
 * of either makes a new one; a JVM that cannot use an archive ignores it. A dynamic archive sits on
 * the JDK's base archive: a runtime without one (a {@code jlink}ed runtime whose base archive was never
 * dumped) would refuse to start with {@code -XX:ArchiveClassesAtExit}, so none is used there.
 * {@code VAULT_LS_NO_CDS=1} turns it off.
 */
final class ClassArchive {
    private final Path archive;
    private final Path pending;

    private ClassArchive(Path archive, Path pending) {
        this.archive = archive;
        this.pending = pending;
    }

    static ClassArchive forJar(Path jar, String mode) {
        if (System.getenv("VAULT_LS_NO_CDS") != null) {
            return new ClassArchive(null, null);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return forJar(jar, mode, Path.of(System.getProperty("java.home")), System.getProperty("java.vm.version"),
                cache.resolve("vault-ls").resolve("cds"));
    }

    /** The archive for {@code jar} run by the JVM installed at {@code javaHome}, in {@code dir}. */
    static ClassArchive forJar(Path jar, String mode, Path javaHome, String vmVersion, Path dir) {
        if (!hasBaseArchive(javaHome)) {
            return new ClassArchive(null, null);
        }
        try {
            String key = (mode + "-" + Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis() + "-"
                    + vmVersion + "-" + Integer.toHexString(javaHome.toAbsolutePath().normalize().toString().hashCode()))
                    .replaceAll("[^A-Za-z0-9._-]", "_");
            Path archive = dir.resolve(key + ".jsa");
            if (Files.isRegularFile(archive)) {
                return new ClassArchive(archive, null);
            }
            Files.createDirectories(dir);
            dropOrphans(dir);
            return new ClassArchive(archive, dir.resolve(key + "." + ProcessHandle.current().pid() + ".tmp"));
        } catch (IOException | RuntimeException e) {
            return new ClassArchive(null, null); // no cache folder: run without an archive
        }
    }

    /** True when the JVM at {@code javaHome} has the base archive a dynamic one is built on. */
    static boolean hasBaseArchive(Path javaHome) {
        try (var vms = Files.list(javaHome.resolve("lib"))) {
            return vms.filter(Files::isDirectory)
                    .anyMatch(vm -> Files.isRegularFile(vm.resolve("classes.jsa"))
                            || Files.isRegularFile(vm.resolve("classes_nocoops.jsa")));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Archives kept per mode: a few jars (the CLI's, an editor extension's) may be in use side by side. */
    static final int KEPT_PER_MODE = 3;

    private static String mode(Path archive) {
        String name = archive.getFileName().toString();
        return name.substring(0, Math.max(0, name.indexOf('-')));
    }

    /**
     * Deletes all but the {@code keep} newest archives of {@code mode}: each new jar or JVM makes a new
     * archive of about 10 MB, and the old ones would otherwise pile up with every upgrade or build. A
     * JVM that has an archive mapped keeps using it after the file is deleted.
     */
    static void prune(Path dir, String mode, int keep) {
        try (var files = Files.list(dir)) {
            Map<Path, Long> archives = new HashMap<>();
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(mode + "-") && name.endsWith(".jsa")) {
                    archives.put(f, Files.getLastModifiedTime(f).toMillis());
                }
            }
            archives.entrySet().stream().sorted(Map.Entry.<Path, Long>comparingByValue().reversed()).skip(keep)
                    .forEach(e -> e.getKey().toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be tidied only takes disk space
        }
    }

    /** Deletes archives being written by launchers that are gone (killed before they could keep them). */
    private static void dropOrphans(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String[] parts = f.getFileName().toString().split("\\.");
                if (parts.length >= 3 && parts[parts.length - 1].equals("tmp")) {
                    try {
                        long pid = Long.parseLong(parts[parts.length - 2]);
                        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                            continue;
                        }
                    } catch (NumberFormatException e) {
                        // not one of ours: leave it
                        continue;
                    }
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * The JVM options that use the archive, or write it when there is none yet. Writing one makes the
     * JVM warn on stderr for every class it cannot archive (lsp4j's reflection makes eight "Pre JDK 6
     * class not supported by CDS"), and a stale archive makes it warn before ignoring it: neither is
     * the user's business, and editors show stderr as errors, so the {@code cds} log tags are off.
     */
    List<String> options() {
        if (archive == null) {
            return List.of();
        }
        return pending == null ? List.of(QUIET, "-XX:SharedArchiveFile=" + archive)
                : List.of(QUIET, "-XX:ArchiveClassesAtExit=" + pending);
    }

    /** Turns off the {@code cds} tag sets on stderr, where the tuned JVM sends its warnings. */
    static final String QUIET = "-Xlog:cds*=off:stderr";

    /** After the child ended: moves a newly written archive into place (or drops a partial one). */
    void keep() {
        if (pending == null) {
            return;
        }
        try {
            if (Files.isRegularFile(pending) && Files.size(pending) > 0) {
                Files.move(pending, archive, StandardCopyOption.ATOMIC_MOVE);
                prune(archive.getParent(), mode(archive), KEPT_PER_MODE);
            }
        } catch (IOException | RuntimeException e) {
            // another run may have put one in place first; either way this one is not needed
        } finally {
            try {
                Files.deleteIfExists(pending);
            } catch (IOException e) {
                // a stale temporary file in the cache does no harm
            }
        }
    }
}
