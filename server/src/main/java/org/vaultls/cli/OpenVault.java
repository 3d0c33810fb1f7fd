package org.vaultls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import org.vaultls.cache.NoteCache;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.SettingsResolver;
import org.vaultls.config.VaultConfig;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;

/**
 * A vault loaded for a headless command other than {@code check} ({@code query}, {@code render}): its
 * settings file (VAULT/.vault-ls.json, else defaults), then every note, with the note cache unless
 * {@code VAULT_LS_NO_CACHE} is set. Problems are printed as {@code vault-ls: error: ...} and give no vault.
 */
record OpenVault(Path root, VaultLoader loader, VaultIndex index) {
    static Optional<OpenVault> load(String dir, PrintStream err) {
        Path root = Path.of(dir == null ? "." : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            err.println("vault-ls: error: vault folder " + root + (Files.exists(root) ? " is not a folder" : " does not exist"));
            return Optional.empty();
        }
        Consumer<String> warn = w -> err.println("vault-ls: warning: " + w);
        VaultConfig config;
        try {
            config = SettingsResolver.resolve(null, root.resolve(VaultConfig.FILE_NAME), warn);
        } catch (VaultConfig.ConfigException e) {
            err.println("vault-ls: error: " + e.getMessage());
            return Optional.empty();
        }
        ObsidianSettings obsidian = ObsidianSettings.load(root, config.configFolder(), warn);
        VaultLoader loader = new VaultLoader(root, config, obsidian, warn);
        try {
            if (config.cache()) {
                loader.withCache(NoteCache.forVault(root, warn));
            }
            VaultIndex index = loader.load((done, total) -> { });
            loader.awaitCacheWrite();
            return Optional.of(new OpenVault(root, loader, index));
        } catch (IOException | RuntimeException e) {
            err.println("vault-ls: error: cannot read vault " + root + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
