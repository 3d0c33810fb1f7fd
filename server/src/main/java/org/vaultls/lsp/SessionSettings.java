package org.vaultls.lsp;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.vaultls.cache.NoteCache;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.SettingsResolver;
import org.vaultls.config.VaultConfig;
import org.vaultls.index.VaultLoader;

/**
 * A vault's settings as its session uses them: the editor's settings, the vault's {@code .vault-ls.json}
 * over them ({@link SettingsResolver}), Obsidian's own settings, and the loader they make. A settings
 * file that is not JSON is reported and the editor's settings are used, so the editor keeps working.
 */
final class SessionSettings {
    /**
     * The settings in force, the loader that reads the vault under them, and the vault's note cache
     * (null when the cache is off: the setting, {@code VAULT_LS_NO_CACHE} or no cache folder).
     */
    record Resolved(VaultConfig config, ObsidianSettings obsidian, VaultLoader loader, NoteCache cache) {
    }

    private final Path root;
    private volatile JsonNode editor;

    SessionSettings(Path root, JsonNode editor) {
        this.root = root;
        this.editor = editor;
    }

    /** New editor settings; null keeps the current ones (the settings file changed instead). */
    void editorChanged(JsonNode newEditor) {
        if (newEditor != null) {
            editor = newEditor;
        }
    }

    Resolved resolve(Consumer<String> warn) {
        VaultConfig config;
        try {
            config = SettingsResolver.resolve(editor, root.resolve(VaultConfig.FILE_NAME), warn);
        } catch (VaultConfig.ConfigException e) {
            warn.accept(e.getMessage() + "; using editor settings");
            config = SettingsResolver.resolve(editor, warn);
        }
        ObsidianSettings obsidian = ObsidianSettings.load(root, config.configFolder(), warn);
        NoteCache cache = config.cache() ? NoteCache.forVault(root, warn) : null;
        VaultLoader loader = new VaultLoader(root, config, obsidian, warn).withCache(cache);
        return new Resolved(config, obsidian, loader, cache);
    }

    /** True for the files the settings are read from: a change to one re-reads them all. */
    static boolean isSettingsFile(String path, String configFolder) {
        return path.equals(VaultConfig.FILE_NAME) || path.equals(configFolder + "/app.json")
                || path.equals(configFolder + "/templates.json");
    }
}
