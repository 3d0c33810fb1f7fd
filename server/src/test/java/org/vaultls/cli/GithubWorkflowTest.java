package org.vaultls.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.TestVault;
import org.yaml.snakeyaml.Yaml;

/**
 * The GitHub Actions workflow that docs/ci.md recommends ({@code docs/github-workflow.yml}), run the
 * way a runner runs it: each step's {@code run:} script goes to {@code bash -eo pipefail} in a
 * checkout (a copy of the vault the workflow names), with the workflow's {@code env}, and a
 * {@code java} on PATH that runs {@link Main} from the classes under test in place of
 * {@code java -jar vault-ls.jar}. GitHub only attaches an annotation or a code scanning alert to a
 * file named relative to the repository root, so that is what the tests check, finding by finding,
 * against the golden report of test-vault.
 */
class GithubWorkflowTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORKFLOW = REPO.resolve("docs/github-workflow.yml");
    private static final Pattern GOLDEN = Pattern.compile("^(.+?\\.md):(\\d+):(\\d+): (\\w+) ([\\w-]+): (.*)$");
    private static final Pattern ANNOTATION = Pattern.compile(
            "^::(error|warning|notice) file=([^,]*),line=(\\d+),col=(\\d+),endLine=\\d+,endColumn=\\d+,title=([^,:]*)::(.*)$");

    @TempDir
    Path workspace;
    @TempDir
    Path tools;

    private Map<String, Object> workflow;
    private Map<String, String> env;

    /** A finding of golden/test-vault.txt: vault-relative path, 1-based line and UTF-16 column. */
    record Golden(String path, int line, int col, String severity, String code, String message) {
    }

    /** One {@code ::warning file=...::message} line, properties decoded. */
    record Annotation(String level, String file, int line, int col, String title, String message) {
    }

    /** A step's exit code, output, and the jars its {@code java -jar} calls named. */
    record StepRun(int exit, String out, String err, List<String> jars) {
    }

    @BeforeEach
    void checkOut() throws IOException {
        try (Reader r = Files.newBufferedReader(WORKFLOW, StandardCharsets.UTF_8)) {
            workflow = new Yaml().load(r);
        }
        env = new LinkedHashMap<>();
        map(workflow.get("env")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        for (Object job : map(workflow.get("jobs")).values()) {
            map(map(job).get("env")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        }
        String vault = env.get("VAULT");
        assertTrue(vault != null && !vault.isBlank(), "the workflow names its vault in env.VAULT");
        copyTree(REPO.resolve(vault), workspace.resolve(vault));
    }

    @Test
    void checkStepAnnotatesEveryGoldenFindingOnItsFileFromTheRepositoryRoot() throws Exception {
        Map<String, Object> step = step(s -> String.valueOf(s.get("run")).contains("--format github"));
        StepRun run = run(step);

        assertEquals(1, run.exit(), "test-vault has warnings, so the step fails the job; stderr: " + run.err());
        assertEquals(List.of(builtJar()), run.jars(), "the step runs the jar the build step makes");
        List<Annotation> annotations = annotations(run.out());
        List<Golden> golden = golden();
        assertEquals(golden.size(), annotations.size(), run.out());
        String vault = env.get("VAULT");
        for (Golden g : golden) {
            Annotation expected = new Annotation(level(g.severity()), vault + "/" + g.path(), g.line(), g.col(),
                    "vault-ls " + g.code(), g.message());
            assertTrue(annotations.contains(expected), "no annotation " + expected + " in\n" + run.out());
        }
        for (Annotation a : annotations) {
            assertTrue(Files.isRegularFile(workspace.resolve(a.file())), a.file() + " is not a file of the checkout");
        }
        assertTrue(annotations.contains(new Annotation("warning", "test-vault/Projects/Skerry Migration.md", 17, 4,
                "vault-ls broken-link", "No attachment named 'missing-diagram.png' in the vault")), run.out());
        assertTrue(annotations.stream().anyMatch(a -> a.file().equals("test-vault/Projects/Skerry Migration.md")
                && a.line() == 8 && a.title().equals("vault-ls empty-frontmatter-field")), run.out());
    }

    @Test
    void sarifStepWritesTheUploadedFileWithLocationsFromTheRepositoryRoot() throws Exception {
        assumeTrue(onPath("jq"), "jq is not installed (GitHub's ubuntu runners have it)");
        Map<String, Object> step = step(s -> String.valueOf(s.get("run")).contains("--format sarif"));
        Map<String, Object> upload = step(s -> String.valueOf(s.get("uses")).startsWith("github/codeql-action/upload-sarif"));
        StepRun run = run(step);

        assertEquals(0, run.exit(), "stderr: " + run.err());
        assertEquals(List.of(builtJar()), run.jars());
        Path sarif = workspace.resolve(String.valueOf(map(upload.get("with")).get("sarif_file")));
        assertTrue(Files.isRegularFile(sarif), "the SARIF step writes the file the upload step sends: " + sarif);
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).at("/runs/0/results");
        TreeSet<String> reported = new TreeSet<>();
        for (JsonNode r : results) {
            JsonNode loc = r.at("/locations/0/physicalLocation");
            String file = decode(loc.at("/artifactLocation/uri").asText());
            reported.add(file + ":" + loc.at("/region/startLine").asInt() + " " + r.path("ruleId").asText());
            assertTrue(Files.isRegularFile(workspace.resolve(file)), file + " is not a file of the checkout");
            for (JsonNode rel : r.path("relatedLocations")) {
                String other = decode(rel.at("/physicalLocation/artifactLocation/uri").asText());
                assertTrue(Files.isRegularFile(workspace.resolve(other)), other + " is not a file of the checkout");
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        for (Golden g : golden()) {
            expected.add(env.get("VAULT") + "/" + g.path() + ":" + g.line() + " " + g.code());
        }
        assertEquals(expected, reported);
    }

    @Test
    void workflowGrantsTheSecurityEventsWritePermissionThatSarifUploadNeeds() {
        assertEquals("write", map(workflow.get("permissions")).get("security-events"));
        step(s -> String.valueOf(s.get("uses")).startsWith("actions/setup-java"));
        step(s -> String.valueOf(s.get("run")).matches("(?s)mvn .*\\bpackage\\b.*"));
    }

    // --- running steps -------------------------------------------------------------------------

    private StepRun run(Map<String, Object> step) throws Exception {
        Path jars = tools.resolve("jars.txt");
        Files.deleteIfExists(jars);
        Files.createFile(jars);
        Path shim = tools.resolve("bin/java");
        Files.createDirectories(shim.getParent());
        Files.writeString(shim, """
                #!/bin/sh
                # java -jar JAR ARGS...: runs org.vaultls.cli.Main from the classes under test instead
                if [ "$1" != "-jar" ]; then echo "java stand-in: expected -jar, got $*" >&2; exit 3; fi
                printf '%s\\n' "$2" >> "$VAULT_LS_TEST_JARS"
                shift 2
                exec "$VAULT_LS_TEST_JAVA" -cp "$VAULT_LS_TEST_CP" org.vaultls.cli.Main "$@"
                """);
        assertTrue(shim.toFile().setExecutable(true));

        ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                String.valueOf(step.get("run")));
        pb.directory(workspace.toFile());
        Map<String, String> e = pb.environment();
        e.putAll(env);
        map(step.get("env")).forEach((k, v) -> e.put(k, String.valueOf(v)));
        e.put("PATH", shim.getParent() + File.pathSeparator + System.getenv("PATH"));
        e.put("GITHUB_WORKSPACE", workspace.toString());
        e.put("VAULT_LS_TODAY", GoldenTestVaultTest.TODAY); // the golden report's day: no overdue-task hints
        e.put("VAULT_LS_TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        e.put("VAULT_LS_TEST_CP", System.getProperty("java.class.path"));
        e.put("VAULT_LS_TEST_JARS", jars.toString());
        Path out = tools.resolve("out.txt");
        Path err = tools.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("step '" + step.get("name") + "' did not finish in 90 s");
        }
        return new StepRun(p.exitValue(), Files.readString(out), Files.readString(err), Files.readAllLines(jars));
    }

    /** The jar {@code mvn package} makes: {@code server/target/<finalName>.jar} (tests run in server/). */
    private static String builtJar() throws IOException {
        Matcher m = Pattern.compile("<finalName>([^<]+)</finalName>").matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "server/pom.xml names its jar");
        return "server/target/" + m.group(1) + ".jar";
    }

    // --- reading -------------------------------------------------------------------------------

    private Map<String, Object> step(Predicate<Map<String, Object>> which) {
        List<Map<String, Object>> found = new ArrayList<>();
        for (Object job : map(workflow.get("jobs")).values()) {
            Object steps = map(job).get("steps");
            if (steps instanceof List<?> list) {
                list.stream().map(GithubWorkflowTest::map).filter(which).forEach(found::add);
            }
        }
        assertEquals(1, found.size(), "expected exactly one such step in " + WORKFLOW + ": " + found);
        return found.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    }

    private static List<Golden> golden() throws IOException {
        List<Golden> out = new ArrayList<>();
        for (String line : Files.readAllLines(TestVault.resource("golden/test-vault.txt"), StandardCharsets.UTF_8)) {
            Matcher m = GOLDEN.matcher(line);
            if (m.matches()) {
                out.add(new Golden(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4),
                        m.group(5), m.group(6)));
            }
        }
        assertTrue(out.size() > 10, "golden report parsed");
        return out;
    }

    private static List<Annotation> annotations(String out) {
        List<Annotation> list = new ArrayList<>();
        for (String line : out.lines().toList()) {
            Matcher m = ANNOTATION.matcher(line);
            assertTrue(m.matches(), "not a workflow command: " + line);
            list.add(new Annotation(m.group(1), unescape(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)), unescape(m.group(5)), unescape(m.group(6))));
        }
        return list;
    }

    /** GitHub's workflow command escapes: {@code %25 %0D %0A %3A %2C}. */
    private static String unescape(String s) {
        return s.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",").replace("%25", "%");
    }

    private static String level(String severity) {
        return switch (severity) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "notice";
        };
    }

    private static String decode(String uri) {
        return URI.create(uri).getPath();
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
