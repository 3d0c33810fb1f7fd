package org.vaultls.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What vault-ls honours of Obsidian's own settings in the config folder: {@code app.json}
 * ({@code userIgnoreFilters}, {@code attachmentFolderPath}, {@code newLinkFormat},
 * {@code newFileLocation}/{@code newFileFolderPath}: "root", "folder", or "current", the folder of the
 * note a new one is made from) and the core Templates plugin's
 * {@code templates.json} ({@code folder}), and the Daily notes plugin's {@code daily-notes.json}
 * ({@link DailyNotes}). Missing files mean Obsidian's defaults.
 */
public record ObsidianSettings(List<String> userIgnoreFilters, String attachmentFolderPath, String newLinkFormat,
                               String newFileFolderPath, String templatesFolder, boolean newFileNextToCurrent,
                               DailyNotes dailyNotes) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Settings of a vault without the Daily notes plugin's settings. */
    public ObsidianSettings(List<String> userIgnoreFilters, String attachmentFolderPath, String newLinkFormat,
                            String newFileFolderPath, String templatesFolder, boolean newFileNextToCurrent) {
        this(userIgnoreFilters, attachmentFolderPath, newLinkFormat, newFileFolderPath, templatesFolder,
                newFileNextToCurrent, DailyNotes.NONE);
    }

    public static ObsidianSettings defaults() {
        return new ObsidianSettings(List.of(), "/", "shortest", "", null, false);
    }

    public static ObsidianSettings load(Path vaultRoot, String configFolder, Consumer<String> warnings) {
        Path dir = vaultRoot.resolve(configFolder);
        JsonNode app = read(dir.resolve("app.json"), warnings);
        JsonNode templates = read(dir.resolve("templates.json"), warnings);
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
        return new ObsidianSettings(List.copyOf(filters), attachments, linkFormat, newFileFolder,
                tf == null || trimSlashes(tf).isEmpty() ? null : trimSlashes(tf),
                app.path("newFileLocation").asText("root").equals("current"), dailyNotes(dir, warnings));
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

    /** True for a note inside the templates folder. */
    public boolean isTemplate(String path) {
        return templatesFolder != null
                && path.toLowerCase(Locale.ROOT).startsWith(templatesFolder.toLowerCase(Locale.ROOT) + "/");
    }
}
