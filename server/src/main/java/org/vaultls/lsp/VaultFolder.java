package org.vaultls.lsp;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** A vault's root folder, and the translation between file URIs, files and vault-relative paths. */
record VaultFolder(Path root) {

    String uri(String path) {
        return root.resolve(path).toUri().toString();
    }

    /** The vault-relative path of a file under this root, or empty. */
    Optional<String> relative(Path file) {
        Path p = file.toAbsolutePath().normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            return Optional.empty();
        }
        return Optional.of(root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"));
    }

    /** The file of a {@code file:} URI; throws for any other URI. */
    static Path path(String uri) {
        return Path.of(URI.create(uri));
    }
}
