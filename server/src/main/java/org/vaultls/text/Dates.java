package org.vaultls.text;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Obsidian, the Tasks plugin and Dataview write them: {@code YYYY-MM-DD}, optionally with a
 * time ({@code T10:30}, {@code  10:30:15}, a zone). One reading of a date for every check and card, so
 * a date the invalid-date check accepts is the date the overdue and stale-contact checks compare.
 */
public final class Dates {
    private static final Logger LOG = Logger.getLogger(Dates.class.getName());
    /** A whole value shaped like a date, with an optional time. */
    public static final Pattern SHAPE = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");
    /** Set to {@code YYYY-MM-DD}, the day the clock of the server and of {@code check} says it is. */
    public static final String TODAY_VARIABLE = "VAULT_LS_TODAY";

    private Dates() {
    }

    /** True when the whole of {@code text} is shaped like a date (whether or not the date exists). */
    public static boolean isDateShaped(String text) {
        return text != null && SHAPE.matcher(text.strip()).matches();
    }

    /**
     * What is wrong with a date-shaped {@code text}: "month 13 does not exist", "February 30 does not
     * exist", "February has 28 days in 2025"; empty when it is a real date or is not date-shaped.
     */
    public static Optional<String> problem(String text) {
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (month < 1 || month > 12) {
            return Optional.of("month " + month + " does not exist");
        }
        String name = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (day < 1 || day > 31) {
            return Optional.of("day " + day + " does not exist");
        }
        int length = Month.of(month).length(Year.isLeap(year));
        if (day > length) {
            if (month == 2 && day == 29) {
                return Optional.of("February has 28 days in " + year);
            }
            if (month == 2) {
                return Optional.of("February " + day + " does not exist");
            }
            return Optional.of(name + " has " + length + " days");
        }
        if (m.group(4) != null) {
            int hour = Integer.parseInt(m.group(4));
            int minute = Integer.parseInt(m.group(5));
            int second = m.group(6) != null ? Integer.parseInt(m.group(6)) : 0;
            if (hour > 23) {
                return Optional.of("hour " + hour + " does not exist");
            }
            if (minute > 59) {
                return Optional.of("minute " + minute + " does not exist");
            }
            if (second > 59) {
                return Optional.of("second " + second + " does not exist");
            }
        }
        return Optional.empty();
    }

    /** The day of a date-shaped {@code text} that exists; empty otherwise. */
    public static Optional<LocalDate> day(String text) {
        if (text == null || problem(text).isPresent()) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))));
    }

    /** "today", "1 day ago", "12 days ago". */
    public static String ago(long days) {
        return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago";
    }

    /**
     * The clock of the running server and of {@code check}: the system's, unless the environment
     * variable {@value #TODAY_VARIABLE} names a day ({@code 2025-12-20}), so that a CI run or an
     * end-to-end test sees the same overdue tasks every day.
     */
    public static Clock defaultClock() {
        String today = System.getenv(TODAY_VARIABLE);
        if (today != null && !today.isBlank()) {
            Optional<LocalDate> d = day(today);
            if (d.isPresent()) {
                ZoneId zone = ZoneId.systemDefault();
                return Clock.fixed(d.get().atStartOfDay(zone).toInstant(), zone);
            }
            LOG.warning(() -> TODAY_VARIABLE + "='" + today + "' is not a date (YYYY-MM-DD); using the system clock");
        }
        return Clock.systemDefaultZone();
    }
}
