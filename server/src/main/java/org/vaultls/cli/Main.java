package org.vaultls.cli;

import java.io.PrintStream;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Entry point of {@code vault-ls.jar}: with no subcommand (or {@code --stdio}) it is the language
 * server on stdin/stdout; {@code check} is the headless report for CI; {@code query} runs one Dataview
 * query and {@code render} writes a copy of the vault with its dataview blocks rendered.
 */
public final class Main {
    static final String USAGE = String.join("\n",
            "Usage: java -jar vault-ls.jar [--stdio]            language server on stdin/stdout",
            "       java -jar vault-ls.jar check [VAULT_DIR=.] [options]",
            "       java -jar vault-ls.jar query [VAULT_DIR=.] 'DQL' [--from NOTE] [--format text|json|markdown]",
            "       java -jar vault-ls.jar render [VAULT_DIR=.] --out DIR [--force]",
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
            "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.",
            "",
            "query runs one Dataview query (DQL) on the vault and prints its rows; --from NOTE is the note",
            "  `this` stands for; --today YYYY-MM-DD as for check. Exit 0 with rows (even none), 1 on a",
            "  syntax or evaluation error, 2 on usage or I/O error.",
            "render writes a copy of the vault to DIR with every dataview block replaced by its rendered",
            "  markdown and attachments copied; DIR must be outside the vault and empty (or --force, which",
            "  overwrites files and deletes nothing); the vault itself is never written. Exit 0 or 2.");

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
        boolean headless = check || (args.length > 0 && (args[0].equals("query") || args[0].equals("render")));
        PrintStream stdout = System.out;
        // Only the report (check) or the protocol (server) may reach stdout: stray prints go to stderr.
        System.setOut(System.err);
        // check: one line per problem, never a stack trace; server: stack traces on stderr, for bug reports
        configureLogging(Level.WARNING, !headless);
        if (headless) {
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
        if (args.length > 0 && (args[0].equals("query") || args[0].equals("render"))) {
            String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
            try {
                return args[0].equals("query") ? QueryCommand.run(rest, out, err) : RenderCommand.run(rest, out, err);
            } catch (RuntimeException | Error e) {
                err.println("vault-ls: error: " + args[0] + " failed: " + e);
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
