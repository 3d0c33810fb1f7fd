package org.vaultls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What vault-ls honours of Obsidian's own settings in the config folder: {@code app.json}
 * ({@code userIgnoreFilters}, {@code attachmentFolderPath}, {@code newLinkFormat},
 * {@code newFileLocation}/{@code newFileFolderPath}: "root", "folder", or "current", the folder of the
 * note a new one is made from), the core Templates plugin's {@code templates.json} ({@code folder}),
 * the Templater plugin's {@code plugins/templater-obsidian/data.json} ({@code templates_folder}), and
 * the property types of {@code types.json} ({@code types}: key to {@code date}, {@code datetime},
 * {@code text}...), and the Daily notes plugin's {@code daily-notes.json} ({@link DailyNotes}).
 * Missing files mean Obsidian's defaults.
 *
 * @param templaterFolder the Templater plugin's templates folder, or null
 * @param propertyTypes lower-cased property key to its type, as Obsidian's property editor set it
 * @param dailyNotes the Daily notes plugin's folder, template and format
 */
public record ObsidianSettings(List<String> userIgnoreFilters, String attachmentFolderPath, String newLinkFormat,
                               String newFileFolderPath, String templatesFolder, boolean newFileNextToCurrent,
                               String templaterFolder, Map<String, String> propertyTypes, DailyNotes dailyNotes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ObsidianSettings {
        userIgnoreFilters = List.copyOf(userIgnoreFilters);
        propertyTypes = propertyTypes == null ? Map.of() : Map.copyOf(propertyTypes);
        dailyNotes = dailyNotes == null ? DailyNotes.NONE : dailyNotes;
    }

    /** Settings without Templater's folder, property types and daily notes. */
    public ObsidianSettings(List<String> userIgnoreFilters, String attachmentFolderPath, String newLinkFormat,
                            String newFileFolderPath, String templatesFolder, boolean newFileNextToCurrent) {
        this(userIgnoreFilters, attachmentFolderPath, newLinkFormat, newFileFolderPath, templatesFolder,
                newFileNextToCurrent, null, Map.of(), DailyNotes.NONE);
    }

    public static ObsidianSettings defaults() {
        return new ObsidianSettings(List.of(), "/", "shortest", "", null, false);
    }

    /**
     * These settings in one string that is the same for equal settings in any process (the property
     * types sorted: {@link Map#copyOf} iterates in an order that changes from run to run) and differs
     * for any two that differ.
     */
    public String stableForm() {
        ObjectNode o = JSON.createObjectNode();
        userIgnoreFilters.forEach(o.putArray("userIgnoreFilters")::add);
        o.put("attachmentFolderPath", attachmentFolderPath);
        o.put("newLinkFormat", newLinkFormat);
        o.put("newFileFolderPath", newFileFolderPath);
        o.put("templatesFolder", templatesFolder);
        o.put("newFileNextToCurrent", newFileNextToCurrent);
        o.put("templaterFolder", templaterFolder);
        ObjectNode types = o.putObject("propertyTypes");
        new TreeMap<>(propertyTypes).forEach(types::put);
        ObjectNode daily = o.putObject("dailyNotes");
        daily.put("enabled", dailyNotes.enabled());
        daily.put("folder", dailyNotes.folder());
        daily.put("template", dailyNotes.template());
        daily.put("format", dailyNotes.format());
        return o.toString();
    }

    /** A copy with Templater's templates folder (null for none). */
    public ObsidianSettings withTemplaterFolder(String folder) {
        return new ObsidianSettings(userIgnoreFilters, attachmentFolderPath, newLinkFormat, newFileFolderPath,
                templatesFolder, newFileNextToCurrent, folder, propertyTypes, dailyNotes);
    }

    /** A copy with these property types (key to type, as in {@code types.json}). */
    public ObsidianSettings withPropertyTypes(Map<String, String> types) {
        Map<String, String> lower = new HashMap<>();
        types.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v.toLowerCase(Locale.ROOT)));
        return new ObsidianSettings(userIgnoreFilters, attachmentFolderPath, newLinkFormat, newFileFolderPath,
                templatesFolder, newFileNextToCurrent, templaterFolder, lower, dailyNotes);
    }

    /** A copy with the Daily notes plugin's settings. */
    public ObsidianSettings withDailyNotes(DailyNotes daily) {
        return new ObsidianSettings(userIgnoreFilters, attachmentFolderPath, newLinkFormat, newFileFolderPath,
                templatesFolder, newFileNextToCurrent, templaterFolder, propertyTypes, daily);
    }

    public static ObsidianSettings load(Path vaultRoot, String configFolder, Consumer<String> warnings) {
        Path dir = vaultRoot.resolve(configFolder);
        JsonNode app = read(dir.resolve("app.json"), warnings);
        JsonNode templates = read(dir.resolve("templates.json"), warnings);
        JsonNode templater = read(dir.resolve("plugins").resolve("templater-obsidian").resolve("data.json"), warnings);
        JsonNode types = read(dir.resolve("types.json"), warnings);
        List<String> filters = new ArrayList<>();
        app.path("userIgnoreFilters").forEach(n -> {
            if (n.isTextual() && !n.asText().isBlank()) {
                filters.add(n.asText());
            }
        });
        String attachments = app.path("attachmentFolderPath").asText("/");
        String linkFormat = app.path("newLinkFormat").asText("shortest");
        String newFileFolder = app.path("newFileLocation").asText("root").equals("folder")
                ? trimSlashes(app.path("newFileFolderPath").asText("")) : "";
        String tf = templates.path("folder").asText(null);
        String tpl = templater.path("templates_folder").asText(null);
        Map<String, String> propertyTypes = new HashMap<>();
        types.path("types").fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                propertyTypes.put(e.getKey(), e.getValue().asText());
            }
        });
        return new ObsidianSettings(List.copyOf(filters), attachments, linkFormat, newFileFolder,
                folderOrNull(tf), app.path("newFileLocation").asText("root").equals("current"))
                .withTemplaterFolder(folderOrNull(tpl)).withPropertyTypes(propertyTypes)
                .withDailyNotes(dailyNotes(dir, warnings));
    }

    /** The Daily notes plugin's {@code daily-notes.json}: folder, template and format. */
    private static DailyNotes dailyNotes(Path dir, Consumer<String> warnings) {
        Path file = dir.resolve("daily-notes.json");
        if (!Files.isRegularFile(file)) {
            return DailyNotes.NONE;
        }
        JsonNode daily = read(file, warnings);
        String template = trimSlashes(daily.path("template").asText(""));
        if (template.toLowerCase(Locale.ROOT).endsWith(".md")) {
            template = template.substring(0, template.length() - 3);
        }
        return new DailyNotes(true, trimSlashes(daily.path("folder").asText("")), template.isEmpty() ? null : template,
                daily.path("format").asText("YYYY-MM-DD").strip());
    }

    private static String folderOrNull(String folder) {
        return folder == null || trimSlashes(folder).isEmpty() ? null : trimSlashes(folder);
    }

    private static String trimSlashes(String s) {
        String t = s.strip();
        while (t.startsWith("/")) {
            t = t.substring(1);
        }
        while (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        return t;
    }

    private static JsonNode read(Path file, Consumer<String> warnings) {
        if (!Files.isRegularFile(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode n = JSON.readTree(Files.readString(file));
            return n != null && n.isObject() ? n : JSON.createObjectNode();
        } catch (IOException | RuntimeException e) {
            warnings.accept(file + ": cannot read Obsidian settings (" + e.getClass().getSimpleName()
                    + "); using defaults");
            return JSON.createObjectNode();
        }
    }

    /**
     * True for a note the user excluded in Obsidian ("Excluded files"): a filter is a path prefix, or a
     * regular expression written between slashes.
     */
    public boolean isUserIgnored(String path) {
        for (String f : userIgnoreFilters) {
            if (f.length() > 2 && f.startsWith("/") && f.endsWith("/")) {
                try {
                    if (Pattern.compile(f.substring(1, f.length() - 1)).matcher(path).find()) {
                        return true;
                    }
                } catch (PatternSyntaxException e) {
                    // not a valid regex: Obsidian treats it as no match
                }
            } else if (path.toLowerCase(Locale.ROOT).startsWith(f.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** True for a note inside the core Templates plugin's folder or Templater's. */
    public boolean isTemplate(String path) {
        return inFolder(path, templatesFolder) || inFolder(path, templaterFolder);
    }

    private static boolean inFolder(String path, String folder) {
        return folder != null && path.toLowerCase(Locale.ROOT).startsWith(folder.toLowerCase(Locale.ROOT) + "/");
    }

    /** The type Obsidian's property editor gave a key ({@code date}, {@code datetime}...), lower-cased; or null. */
    public String propertyType(String key) {
        return propertyTypes.get(key.toLowerCase(Locale.ROOT));
    }
}
