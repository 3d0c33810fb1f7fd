package org.vaultls.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;
import org.vaultls.text.Span;

/** The report formats of {@code check}: each writes the whole report to stdout. */
public enum ReportFormat {
    /** {@code path:line:col: severity code: message}, 1-based, sorted. */
    TEXT {
        @Override
        void write(CheckResult r, PrintStream out) {
            Chunks chunks = new Chunks(out);
            for (Finding f : r.findings()) {
                chunks.sb.append(f.path()).append(':').append(f.span().start().line() + 1).append(':')
                        .append(f.span().start().character() + 1).append(": ").append(f.severity().id()).append(' ')
                        .append(f.code().id()).append(": ").append(f.message()).append(System.lineSeparator());
                chunks.maybeFlush();
            }
            chunks.flush();
        }
    },
    /** One JSON object: findings with 0-based LSP ranges, and a summary. */
    JSON {
        @Override
        void write(CheckResult r, PrintStream out) throws IOException {
            // streamed, not built as a tree and then as one string: a 10k-note report is ~5 MB
            try (JsonGenerator g = MAPPER.getFactory().createGenerator(new PrintStreamWriter(out))) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
                g.writeStartObject();
                g.writeStringField("tool", "vault-ls");
                g.writeStringField("version", org.vaultls.Version.get());
                g.writeStringField("vault", r.vaultRoot().toString());
                g.writeArrayFieldStart("findings");
                for (Finding f : r.findings()) {
                    g.writeStartObject();
                    g.writeStringField("path", f.path());
                    g.writeFieldName("range");
                    range(g, f.span());
                    g.writeStringField("severity", f.severity().id());
                    g.writeStringField("code", f.code().id());
                    g.writeStringField("message", f.message());
                    if (!f.related().isEmpty()) {
                        g.writeArrayFieldStart("related");
                        for (Finding.Related x : f.related()) {
                            g.writeStartObject();
                            g.writeStringField("path", x.path());
                            g.writeStringField("message", x.message());
                            g.writeFieldName("range");
                            range(g, x.span());
                            g.writeEndObject();
                        }
                        g.writeEndArray();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("summary");
                g.writeNumberField("notes", r.notes());
                g.writeNumberField("links", r.links());
                g.writeNumberField("findings", r.findings().size());
                Map<Severity, Integer> counts = counts(r);
                for (Severity s : Severity.values()) {
                    g.writeNumberField(s.id(), counts.get(s));
                }
                g.writeNumberField("millis", r.millis());
                g.writeEndObject();
                g.writeEndObject();
            }
            out.println();
        }
    },
    /** SARIF 2.1.0: one rule per code, locations relative to the vault root. */
    SARIF {
        @Override
        void write(CheckResult r, PrintStream out) throws IOException {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            root.put("version", "2.1.0");
            ObjectNode run = root.putArray("runs").addObject();
            ObjectNode driver = run.putObject("tool").putObject("driver");
            driver.put("name", "vault-ls");
            driver.put("version", org.vaultls.Version.get());
            driver.put("semanticVersion", org.vaultls.Version.get());
            driver.put("informationUri", SarifRules.INFORMATION_URI);
            ArrayNode rules = driver.putArray("rules");
            for (FindingCode c : FindingCode.values()) {
                SarifRules.Rule about = SarifRules.of(c);
                ObjectNode rule = rules.addObject();
                rule.put("id", c.id());
                rule.put("name", camel(c.id()));
                rule.putObject("shortDescription").put("text", c.description());
                rule.putObject("fullDescription").put("text", about.fullDescription());
                rule.putObject("help")
                        .put("text", about.fullDescription() + " Fix: " + about.fix())
                        .put("markdown", "**" + c.id() + "**: " + about.fullDescription() + "\n\n**Fix:** "
                                + about.fix() + "\n\nSee [the diagnostic codes](" + SarifRules.HELP_URI + ").");
                rule.put("helpUri", SarifRules.HELP_URI);
                rule.putObject("defaultConfiguration").put("level", level(c.defaultSeverity()));
                ObjectNode props = rule.putObject("properties");
                props.put("precision", about.precision());
                props.putArray("tags").add("vault").add(c.defaultSeverity() == Severity.HINT ? "maintainability"
                        : "correctness");
            }
            run.putObject("originalUriBaseIds").putObject("VAULTROOT").put("uri", r.vaultRoot().toUri().toString());
            ArrayNode results = run.putArray("results");
            for (Finding f : r.findings()) {
                ObjectNode res = results.addObject();
                res.put("ruleId", f.code().id());
                res.put("ruleIndex", f.code().ordinal());
                res.put("level", level(f.severity()));
                res.putObject("message").put("text", messageLinkingRelated(f));
                ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
                phys.putObject("artifactLocation").put("uri", uri(f.path())).put("uriBaseId", "VAULTROOT");
                ObjectNode region = phys.putObject("region");
                region.put("startLine", f.span().start().line() + 1);
                region.put("startColumn", f.span().start().character() + 1);
                region.put("endLine", f.span().end().line() + 1);
                region.put("endColumn", f.span().end().character() + 1);
                if (!f.related().isEmpty()) {
                    ArrayNode rel = res.putArray("relatedLocations");
                    int id = 1;
                    for (Finding.Related x : f.related()) {
                        ObjectNode loc = rel.addObject();
                        loc.put("id", id++);
                        ObjectNode p = loc.putObject("physicalLocation");
                        p.putObject("artifactLocation").put("uri", uri(x.path())).put("uriBaseId", "VAULTROOT");
                        p.putObject("region").put("startLine", x.span().start().line() + 1);
                        loc.putObject("message").put("text", x.message());
                    }
                }
            }
            out.println(MAPPER.writeValueAsString(root));
        }
    },
    /** GitHub Actions workflow commands: one annotation per finding. */
    GITHUB {
        @Override
        void write(CheckResult r, PrintStream out) {
            Path cwd = Path.of("").toAbsolutePath();
            for (Finding f : r.findings()) {
                Path file = r.vaultRoot().resolve(f.path());
                String shown = file.startsWith(cwd) ? cwd.relativize(file).toString().replace('\\', '/') : f.path();
                String kind = f.severity() == Severity.ERROR ? "error"
                        : f.severity() == Severity.WARNING ? "warning" : "notice";
                Span s = f.span();
                out.println("::" + kind + " file=" + property(shown) + ",line=" + (s.start().line() + 1)
                        + ",col=" + (s.start().character() + 1) + ",endLine=" + (s.end().line() + 1)
                        + ",endColumn=" + (s.end().character() + 1) + ",title=" + property("vault-ls " + f.code().id())
                        + "::" + data(f.message()));
            }
        }
    };

    /**
     * The finding's message, with a sentence that links each related location by its id ({@code
     * [text](1)}): GitHub shows related locations only when the message links them. In such a message,
     * or one holding {@code "]("}, brackets are escaped, since SARIF reads {@code [text](id)} as a link.
     */
    static String messageLinkingRelated(Finding f) {
        if (f.related().isEmpty() && !f.message().contains("](")) {
            return f.message();
        }
        String text = f.message().replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
        if (f.related().isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text);
        sb.append(text.endsWith(".") ? " " : ". ").append(f.related().size() == 1 ? "Candidate: " : "Candidates: ");
        int id = 1;
        for (Finding.Related x : f.related()) {
            if (id > 1) {
                sb.append(", ");
            }
            sb.append('[').append(x.path().replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]"))
                    .append("](").append(id++).append(')');
        }
        return sb.append('.').toString();
    }

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    abstract void write(CheckResult result, PrintStream out) throws IOException;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> parse(String s) {
        for (ReportFormat f : values()) {
            if (f.id().equalsIgnoreCase(s)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    static Map<Severity, Integer> counts(CheckResult r) {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        r.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    private static void range(JsonGenerator g, Span s) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("start");
        g.writeNumberField("line", s.start().line());
        g.writeNumberField("character", s.start().character());
        g.writeEndObject();
        g.writeObjectFieldStart("end");
        g.writeNumberField("line", s.end().line());
        g.writeNumberField("character", s.end().character());
        g.writeEndObject();
        g.writeEndObject();
    }

    /**
     * Text built in chunks of about 64 KB and printed a chunk at a time: {@code System.out} flushes on
     * every line it prints, one write per finding otherwise. Printed through the stream, so its
     * charset is the one the report is encoded in, as with {@code println}.
     */
    private static final class Chunks {
        final StringBuilder sb = new StringBuilder(1 << 17);
        private final PrintStream out;

        Chunks(PrintStream out) {
            this.out = out;
        }

        void maybeFlush() {
            if (sb.length() >= 1 << 16) {
                flush();
            }
        }

        void flush() {
            out.print(sb);
            sb.setLength(0);
        }
    }

    /** The characters a generator writes, printed to the stream (its charset), which it does not close. */
    private static final class PrintStreamWriter extends java.io.Writer {
        private final PrintStream out;

        PrintStreamWriter(PrintStream out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            out.print(len == cbuf.length && off == 0 ? cbuf : java.util.Arrays.copyOfRange(cbuf, off, off + len));
        }

        @Override
        public void write(String str, int off, int len) {
            out.print(str.substring(off, off + len));
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static String level(Severity s) {
        return s == Severity.ERROR ? "error" : s == Severity.WARNING ? "warning" : "note";
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    /** A vault-relative path as a relative URI reference, each segment percent-encoded. */
    static String uri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path.replace(" ", "%20");
        }
    }

    private static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    private static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
