package org.vaultls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a standard stream is a terminal, which Java cannot ask of stderr or stdin alone
 * ({@link System#console()} needs stdin and stdout both). On Linux the answer is where
 * {@code /proc/self/fd/N} points; elsewhere {@code System.console()} stands in. {@code VAULT_LS_TTY}
 * (or the system property {@code vaultls.tty}) overrides both: {@code 1} (every stream a terminal)
 * or {@code 0} (none), for tests and for logs that want no progress line.
 */
final class Terminal {
    static final int STDIN = 0;
    static final int STDERR = 2;

    private Terminal() {
    }

    static boolean isTerminal(int fd) {
        String forced = System.getProperty("vaultls.tty", System.getenv("VAULT_LS_TTY"));
        if (forced != null && !forced.isBlank()) {
            return forced.strip().equals("1") || forced.strip().equalsIgnoreCase("true");
        }
        Path link = Path.of("/proc/self/fd/" + fd);
        if (Files.isDirectory(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(link).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                return false;
            }
        }
        return System.console() != null;
    }

    /**
     * One line of progress on a terminal, rewritten in place ({@code \r}) at most every 100 ms and
     * cleared with spaces before anything else is written, so no tail of it is left behind a shorter line.
     */
    static final class ProgressLine {
        private final PrintStream err;
        private final boolean enabled;
        private int shown;
        private long last;

        ProgressLine(PrintStream err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        synchronized void show(String text, boolean force) {
            if (!enabled) {
                return;
            }
            long now = System.nanoTime();
            if (!force && now - last < 100_000_000L) {
                return;
            }
            last = now;
            String padded = text.length() < shown ? text + " ".repeat(shown - text.length()) : text;
            err.print("\r" + padded);
            err.flush();
            shown = text.length();
        }

        synchronized void clear() {
            if (!enabled || shown == 0) {
                return;
            }
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    /** {@code 1,200}: the count grouped by thousands, as a person reads it. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
