package org.vaultls.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * A task's marker and its Tasks-plugin dates are read without regexes, and read exactly what the
 * regexes that define them match, on lines made of the characters that matter to them.
 */
class TaskSyntaxTest {
    private static final String[] PARTS = {"-", "*", "+", "1", "12", "123456789", "1234567890", ".", ")", " ", " ",
        "\t", "[", "]", "[ ]", "[x]", "[-]", "[\uD83D\uDE00]", "[\uD83D]", "[\uDE00]", "\u2028", "\u0085", "\u2029",
        "\uFE0F", "\uD83D\uDCC5", "\u23F3", "\uD83D\uDEEB", "\u2795", "\u2705", "\u274C", "\uD83D", "2026-01-02",
        "2026-1-02", "20261-01-02", "9999-99-99", "-01", "a", "task", "@Ada", "\uD83D\uDCC5 2026-01-02",
        "\u2705\uFE0F2026-02-03", "\u23F3 \t 2026-03-04"};

    private static final String[] MARKERS = {"-", "*", "+", "1.", "2)", "123456789.", "1234567890.", "x", "- "};
    private static final String[] STATUS = {" ", "x", "-", "/", "\uD83D\uDE00", "\uD83D", "]", "", "ab", "\n"};

    private static String line(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        int n = rnd.nextInt(9);
        for (int i = 0; i < n; i++) {
            sb.append(PARTS[rnd.nextInt(PARTS.length)]);
        }
        return sb.toString();
    }

    @Test
    void aTaskMarkerEndsWhereTheTaskRegexEnds() {
        SplittableRandom rnd = new SplittableRandom(7);
        int tasks = 0;
        for (int k = 0; k < 200_000; k++) {
            String line = (rnd.nextBoolean() ? MARKERS[rnd.nextInt(MARKERS.length)] + " [" + STATUS[rnd.nextInt(STATUS.length)]
                    + "]" : "") + line(rnd);
            int from = line.isEmpty() ? 0 : rnd.nextInt(Math.min(3, line.length()));
            Matcher m = NoteParser.TASK.matcher(line).region(from, line.length());
            int expected = m.lookingAt() ? m.end() : -1;
            assertEquals(expected, NoteParser.taskMarkerEnd(line, from, line.length()), line);
            if (expected >= 0) {
                assertEquals(m.group(1).charAt(0), line.charAt(line.indexOf('[', from) + 1), line);
                tasks++;
            }
        }
        assertTrue(tasks > 3_000, "tasks among the lines: " + tasks);
    }

    @Test
    void emojiDatesAreWhatTheDateRegexFinds() {
        SplittableRandom rnd = new SplittableRandom(11);
        int dated = 0;
        for (int k = 0; k < 200_000; k++) {
            String line = line(rnd) + line(rnd);
            Map<String, String> expected = new LinkedHashMap<>();
            Matcher d = NoteParser.EMOJI_DATE.matcher(line);
            while (d.find()) {
                expected.putIfAbsent(NoteParser.emojiField(d.group(1)), d.group(2));
            }
            Map<String, String> found = new LinkedHashMap<>();
            NoteParser.emojiDates(line, 0, line.length(), found);
            assertEquals(expected.toString(), found.toString(), line);
            dated += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(dated > 10_000, "lines with dates: " + dated);
    }
}
