package org.vaultls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The settings a vault is checked under, from its two sources: the editor's (the language server's
 * {@code initializationOptions} and {@code vault-ls} settings section; none for {@code vault-ls check})
 * and the vault's settings file. One rule for the language server and the CLI:
 * <ul>
 *   <li>the file wins key by key: a top-level key the file sets replaces the editor's whole value for
 *       it; keys the file leaves out keep the editor's;</li>
 *   <li>a warning names where the key came from: {@code .vault-ls.json: unknown key ...} or
 *       {@code settings: unknown key ...};</li>
 *   <li>a file that cannot be read, is a folder, is not JSON, is nested too deeply or is not a JSON
 *       object raises {@link VaultConfig.ConfigException}: the CLI stops (exit 2), the language server
 *       warns and goes on with the editor's settings alone.</li>
 * </ul>
 */
public final class SettingsResolver {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SettingsResolver() {
    }

    /** The editor's settings alone (null for none). */
    public static VaultConfig resolve(JsonNode editor, Consumer<String> warnings) {
        return VaultConfig.fromJson(object(editor, w -> warnings.accept("settings: " + w)),
                w -> warnings.accept("settings: " + w));
    }

    /**
     * The editor's settings (null for none) with the settings {@code file}'s keys over them; a file that
     * does not exist (or a null one) adds nothing.
     */
    public static VaultConfig resolve(JsonNode editor, Path file, Consumer<String> warnings)
            throws VaultConfig.ConfigException {
        if (file == null || !Files.exists(file)) {
            return resolve(editor, warnings);
        }
        Consumer<String> fileWarnings = w -> warnings.accept(file.getFileName() + ": " + w);
        JsonNode fromFile = VaultConfig.readObject(file);
        ObjectNode own = object(editor, w -> warnings.accept("settings: " + w));
        // Each source is checked on its own so that a warning names its source; the editor's keys that
        // the file replaces are not checked: their values are not used.
        ObjectNode editorKept = own.deepCopy();
        fromFile.fieldNames().forEachRemaining(editorKept::remove);
        VaultConfig.fromJson(editorKept, w -> warnings.accept("settings: " + w));
        VaultConfig.fromJson(fromFile, fileWarnings);
        ObjectNode merged = own.deepCopy();
        fromFile.fields().forEachRemaining(e -> merged.set(e.getKey(), e.getValue()));
        return VaultConfig.fromJson(merged, w -> { });
    }

    private static ObjectNode object(JsonNode editor, Consumer<String> warnings) {
        if (editor == null || editor.isNull() || editor.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!editor.isObject()) {
            warnings.accept("settings must be a JSON object; using defaults");
            return JSON.createObjectNode();
        }
        return ((ObjectNode) editor).deepCopy();
    }
}
