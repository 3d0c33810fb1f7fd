package org.vaultls.cli;

import java.io.PrintStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Entry point of {@code vault-ls.jar}: with no subcommand (or {@code --stdio}) it is the language
 * server on stdin/stdout; {@code check} is the headless report for CI.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "Usage: java -jar vault-ls.jar [--stdio]            language server on stdin/stdout",
            "       java -jar vault-ls.jar check [VAULT_DIR=.] [options]",
            "",
            "check options:",
            "  --format text|json|sarif|github   report format on stdout (default text)",
            "  --fail-on error|warning|information|hint|never",
            "                                    exit 1 when a finding is at or above this (default warning)",
            "  --config FILE                     settings file instead of VAULT_DIR/.vault-ls.json",
            "  --today YYYY-MM-DD                the day overdue tasks and stale contacts are counted from",
            "                                    (default: $VAULT_LS_TODAY, else the system clock)",
            "  --no-cache                        parse every note; neither read nor write the note cache",
            "",
            "  --version                         print the version",
            "  --help                            print this help",
            "",
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.");

    static final String SERVER_ON_TERMINAL = "vault-ls: this is a language server speaking LSP on stdin/stdout;"
            + " run `vault-ls check <vault>` for a report";

    private Main() {
    }

    public static void main(String[] args) {
        boolean check = args.length > 0 && args[0].equals("check");
        boolean server = args.length == 0 || (args.length == 1 && args[0].equals("--stdio"));
        if (check || server) {
            java.util.Optional<Integer> forked = TunedJvm.relaunch(args,
                    check ? TunedJvm.checkOptions() : TunedJvm.serverOptions());
            if (forked.isPresent()) {
                System.exit(forked.get());
            }
        }
        PrintStream stdout = System.out;
        // Only the report (check) or the protocol (server) may reach stdout: stray prints go to stderr.
        System.setOut(System.err);
        // check: one line per problem, never a stack trace; server: stack traces on stderr, for bug reports
        configureLogging(Level.WARNING, !check);
        if (check) {
            Thread.setDefaultUncaughtExceptionHandler((t, e) ->
                    System.err.println("vault-ls: error: " + e + " on thread " + t.getName()));
        }
        int code;
        try {
            code = run(args, stdout, System.err);
        } catch (Throwable t) {
            System.err.println("vault-ls: error: " + t);
            code = 2;
        }
        stdout.flush();
        if (code >= 0) {
            System.exit(code);
        }
        awaitServerExit();
    }

    /**
     * The server's threads are daemons, so the main thread must stay: the server ends the process
     * itself (System.exit) on {@code exit} or when the client goes away.
     */
    private static void awaitServerExit() {
        try {
            new java.util.concurrent.CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs the command line; returns the exit code, or -1 when the server keeps running. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help"))) {
            out.println(USAGE);
            return 0;
        }
        if (args.length > 0 && (args[0].equals("--version") || args[0].equals("-V"))) {
            out.println("vault-ls " + org.vaultls.Version.get());
            return 0;
        }
        if (args.length > 0 && args[0].equals("check")) {
            try {
                return CheckCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            } catch (RuntimeException | Error e) {
                // a bug, not a finding: CI must not read it as exit 1, nor get a stack trace
                err.println("vault-ls: error: check failed: " + e);
                return 2;
            }
        }
        for (String a : args) {
            if (!a.equals("--stdio")) {
                err.println("vault-ls: unknown argument '" + a + "'\n" + USAGE);
                return 2;
            }
        }
        if (Terminal.isTerminal(Terminal.STDIN)) {
            err.println(SERVER_ON_TERMINAL); // someone typed the command: say why nothing happens
        }
        TunedJvm.exitWithLauncher();
        org.vaultls.lsp.ServerLauncher.start(System.in, out, System::exit);
        return -1;
    }

    /**
     * One line per record on stderr: {@code vault-ls: WARNING message}; with {@code stackTraces},
     * a record's exception follows with its stack trace.
     */
    static void configureLogging(Level level, boolean stackTraces) {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) {
            root.removeHandler(h);
        }
        ConsoleHandler h = new ConsoleHandler(); // writes to System.err
        h.setLevel(level);
        h.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord r) {
                String msg = formatMessage(r);
                if (r.getThrown() != null && stackTraces) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    r.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                    msg += ": " + trace.toString().stripTrailing();
                } else if (r.getThrown() != null) {
                    msg += ": " + r.getThrown();
                }
                return "vault-ls: " + r.getLevel() + " " + msg + System.lineSeparator();
            }
        });
        root.addHandler(h);
        root.setLevel(level);
    }
}
