package org.vaultls.cli;

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
            for (Finding f : r.findings()) {
                out.println(f.path() + ":" + (f.span().start().line() + 1) + ":" + (f.span().start().character() + 1)
                        + ": " + f.severity().id() + " " + f.code().id() + ": " + f.message());
            }
        }
    },
    /** One JSON object: findings with 0-based LSP ranges, and a summary. */
    JSON {
        @Override
        void write(CheckResult r, PrintStream out) throws IOException {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("tool", "vault-ls");
            root.put("version", org.vaultls.Version.get());
            root.put("vault", r.vaultRoot().toString());
            ArrayNode findings = root.putArray("findings");
            for (Finding f : r.findings()) {
                ObjectNode o = findings.addObject();
                o.put("path", f.path());
                o.set("range", range(f.span()));
                o.put("severity", f.severity().id());
                o.put("code", f.code().id());
                o.put("message", f.message());
                if (!f.related().isEmpty()) {
                    ArrayNode rel = o.putArray("related");
                    for (Finding.Related x : f.related()) {
                        rel.addObject().put("path", x.path()).put("message", x.message()).set("range", range(x.span()));
                    }
                }
            }
            ObjectNode summary = root.putObject("summary");
            summary.put("notes", r.notes());
            summary.put("links", r.links());
            summary.put("findings", r.findings().size());
            Map<Severity, Integer> counts = counts(r);
            for (Severity s : Severity.values()) {
                summary.put(s.id(), counts.get(s));
            }
            summary.put("millis", r.millis());
            out.println(MAPPER.writeValueAsString(root));
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

    private static ObjectNode range(Span s) {
        ObjectNode range = MAPPER.createObjectNode();
        range.putObject("start").put("line", s.start().line()).put("character", s.start().character());
        range.putObject("end").put("line", s.end().line()).put("character", s.end().character());
        return range;
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
