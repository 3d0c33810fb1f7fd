package org.vaultls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.index.VaultIndex;
import org.vaultls.index.VaultLoader;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;
import org.vaultls.vault.VaultPaths;

/** A vault for tests: built in memory from (path, text) pairs, or loaded from test resources. */
public final class TestVault {
    private final Map<String, String> files = new LinkedHashMap<>();
    private VaultConfig config = VaultConfig.defaults();
    private ObsidianSettings obsidian = ObsidianSettings.defaults();

    private TestVault() {
    }

    /** A vault of {@code path, text, path, text, ...}; a path that is not markdown is an attachment. */
    public static TestVault of(String... pathsAndTexts) {
        if (pathsAndTexts.length % 2 != 0) {
            throw new IllegalArgumentException("expected path, text pairs");
        }
        TestVault v = new TestVault();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            v.files.put(pathsAndTexts[i], pathsAndTexts[i + 1]);
        }
        return v;
    }

    public TestVault with(String path, String text) {
        files.put(path, text);
        return this;
    }

    public TestVault config(String json) {
        try {
            config = VaultConfig.fromJson(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), w -> {
                throw new AssertionError("config warning: " + w);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public TestVault obsidian(ObsidianSettings settings) {
        obsidian = settings;
        return this;
    }

    public VaultIndex index() {
        List<Note> notes = new ArrayList<>();
        List<String> attachments = new ArrayList<>();
        files.forEach((path, text) -> {
            if (VaultPaths.isMarkdown(path)) {
                notes.add(NoteParser.parse(path, text));
            } else {
                attachments.add(path);
            }
        });
        return VaultIndex.build(config, obsidian, notes, attachments);
    }

    /** Loads {@code src/test/resources/vaults/<name>} from disk, as the CLI does. */
    public static VaultIndex load(String name) {
        return loadDir(resource("vaults/" + name));
    }

    /** Loads a vault folder from disk, as the CLI does (with its {@code .vault-ls.json} and Obsidian settings). */
    public static VaultIndex loadDir(Path root) {
        try {
            Path file = root.resolve(VaultConfig.FILE_NAME);
            VaultConfig cfg = java.nio.file.Files.isRegularFile(file) ? VaultConfig.load(file, w -> { })
                    : VaultConfig.defaults();
            return new VaultLoader(root, cfg, ObsidianSettings.load(root, cfg.configFolder(), w -> { }), w -> { })
                    .load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (VaultConfig.ConfigException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path resource(String name) {
        try {
            var url = TestVault.class.getClassLoader().getResource(name);
            if (url == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
