package org.vaultls.config;

import java.util.regex.Pattern;

/**
 * Obsidian's core Daily notes plugin, from {@code daily-notes.json}: the folder daily notes go in, the
 * template they start from (a vault path without {@code .md}, or null) and their name format (Moment.js,
 * {@code YYYY-MM-DD} when unset). A link to a missing note named like a date of that format is a daily
 * note not written yet, so it is created there, from the template.
 *
 * @param enabled true when the vault has a {@code daily-notes.json}
 */
public record DailyNotes(boolean enabled, String folder, String template, String format) {
    public static final DailyNotes NONE = new DailyNotes(false, "", null, "YYYY-MM-DD");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** True when {@code name} is a daily note's name: only the default {@code YYYY-MM-DD} format is known. */
    public boolean isDailyName(String name) {
        return enabled && (format.isBlank() || format.equals("YYYY-MM-DD")) && ISO_DATE.matcher(name).matches();
    }
}
