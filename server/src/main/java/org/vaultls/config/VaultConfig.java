package org.vaultls.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/**
 * The user's settings for a vault: the keys of {@code .vault-ls.json}, which the language server also
 * accepts as {@code initializationOptions} and {@code vault-ls} settings. An unknown key or a bad value
 * is reported through the warning sink and otherwise ignored, keeping the default.
 *
 * <pre>
 * {
 *   "severity":        { "broken-link": "error", "ambiguous-link": "off" },
 *   "people":          { "types": ["people", "person"], "tags": ["type/people"] },
 *   "keyFactsHeading": "Key Facts",
 *   "requiredFields":  { "people": ["title", "last_contact"] },
 *   "ignore":          ["Archive/**", "**&#47;drafts/*.md"],
 *   "configFolder":    ".obsidian",
 *   "emptyFieldsAllowed": ["tags", "aliases", "cssclasses"],
 *   "staleContactDays": 90,
 *   "unlinkedMentions": "editor",
 *   "cache":           true
 * }
 * </pre>
 */
public final class VaultConfig {
    public static final String FILE_NAME = ".vault-ls.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("severity", "people", "keyFactsHeading", "requiredFields",
            "ignore", "configFolder", "emptyFieldsAllowed", "staleContactDays", "unlinkedMentions", "cache");
    /**
     * Obsidian's own list properties, which its property editor writes empty ({@code tags:}) when a note
     * is made: an empty one is no mistake of the user's.
     */
    public static final List<String> DEFAULT_EMPTY_FIELDS_ALLOWED = List.of("tags", "aliases", "cssclasses");
    /** Editor-side settings that travel in the same section; the server leaves them to the client. */
    private static final Set<String> CLIENT_KEYS = Set.of("java", "server", "trace", "path", "cmd");

    private final Map<FindingCode, Optional<Severity>> severities;
    private final Set<String> peopleTypes;
    private final Set<String> peopleTags;
    private final String keyFactsHeading;
    private final Map<String, List<String>> requiredFields;
    private final List<String> ignore;
    private final String configFolder;
    private final Set<String> emptyFieldsAllowed;
    private final Optional<Integer> staleContactDays;
    private final Mentions unlinkedMentions;
    private final boolean cache;

    /**
     * Where {@code unlinked-mention} is reported: in the editor only (the default, since a vault has
     * many and {@code check} in CI should not fail on them), in the editor and {@code check}, or nowhere.
     */
    public enum Mentions {
        EDITOR("editor"), ALWAYS("always"), OFF("off");

        private final String id;

        Mentions(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** True when mentions are reported to an editor ({@code forEditor}) or to {@code check}. */
        public boolean reportedIn(boolean forEditor) {
            return this == ALWAYS || (this == EDITOR && forEditor);
        }
    }

    private VaultConfig(Map<FindingCode, Optional<Severity>> severities, Set<String> peopleTypes,
                        Set<String> peopleTags, String keyFactsHeading, Map<String, List<String>> requiredFields,
                        List<String> ignore, String configFolder, Set<String> emptyFieldsAllowed,
                        Optional<Integer> staleContactDays, Mentions unlinkedMentions, boolean cache) {
        this.severities = severities;
        this.peopleTypes = peopleTypes;
        this.peopleTags = peopleTags;
        this.keyFactsHeading = keyFactsHeading;
        this.requiredFields = requiredFields;
        this.ignore = ignore;
        this.configFolder = configFolder;
        this.emptyFieldsAllowed = emptyFieldsAllowed;
        this.staleContactDays = staleContactDays;
        this.unlinkedMentions = unlinkedMentions;
        this.cache = cache;
    }

    public static VaultConfig defaults() {
        return fromJson(JSON.createObjectNode(), w -> { });
    }

    /** Raised when a settings file cannot be read or is not JSON at all. */
    public static final class ConfigException extends Exception {
        public ConfigException(String message) {
            super(message);
        }
    }

    /** Reads a settings file; unknown keys and bad values go to {@code warnings}. */
    public static VaultConfig load(Path file, Consumer<String> warnings) throws ConfigException {
        return fromJson(readObject(file), w -> warnings.accept(file.getFileName() + ": " + w));
    }

    /**
     * The JSON object of a settings file (an empty file is an empty object). Anything else is a
     * {@link ConfigException} with a one-line reason: the file cannot be read, is a folder, is not
     * JSON, is nested deeper than Jackson reads (1,000 levels), or is not an object.
     */
    public static JsonNode readObject(Path file) throws ConfigException {
        if (Files.isDirectory(file)) {
            throw new ConfigException("config " + file + " is a folder, not a file");
        }
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("cannot read config " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? " " + e.getMessage() : ""));
        }
        JsonNode node;
        try {
            node = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
        } catch (StreamConstraintsException e) {
            throw new ConfigException("config " + file + " is nested too deeply to read (the limit is "
                    + JSON.getFactory().streamReadConstraints().getMaxNestingDepth() + " levels)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ConfigException("config " + file + " is not valid JSON: " + firstLine(e.getOriginalMessage())
                    + (at != null ? " (line " + at.getLineNr() + ")" : ""));
        } catch (RuntimeException | StackOverflowError e) {
            throw new ConfigException("config " + file + " is not valid JSON: " + e.getClass().getSimpleName());
        }
        if (node == null || node.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw new ConfigException("config " + file + " must be a JSON object of settings, not "
                    + (node.isArray() ? "an array" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        return node;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Builds a configuration from a JSON tree, with defaults for what is absent or wrong. */
    public static VaultConfig fromJson(JsonNode root, Consumer<String> warnings) {
        Map<FindingCode, Optional<Severity>> sev = new EnumMap<>(FindingCode.class);
        Set<String> types = new LinkedHashSet<>(List.of("people", "person"));
        Set<String> tags = new LinkedHashSet<>(List.of("type/people"));
        String keyFacts = "Key Facts";
        Map<String, List<String>> required = new LinkedHashMap<>();
        List<String> ignore = new ArrayList<>();
        String configFolder = ".obsidian";
        Set<String> emptyAllowed = new LinkedHashSet<>(DEFAULT_EMPTY_FIELDS_ALLOWED);
        Optional<Integer> staleDays = Optional.empty();
        if (root == null || root.isNull()) {
            root = JSON.createObjectNode();
        }
        if (!root.isObject()) {
            warnings.accept("settings must be a JSON object; using defaults");
            root = JSON.createObjectNode();
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k) && !CLIENT_KEYS.contains(k)) {
                warnings.accept("unknown key '" + k + "' ignored (known: " + String.join(", ", sorted(KEYS)) + ")");
            }
        }
        JsonNode s = root.path("severity");
        if (s.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Optional<FindingCode> code = FindingCode.byId(e.getKey());
                if (code.isEmpty()) {
                    warnings.accept("severity: unknown diagnostic code '" + e.getKey() + "' ignored");
                    continue;
                }
                String v = e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString();
                if (v.equalsIgnoreCase("off") || v.equalsIgnoreCase("none")) {
                    sev.put(code.get(), Optional.empty());
                } else {
                    Optional<Severity> parsed = Severity.parse(v);
                    if (parsed.isPresent()) {
                        sev.put(code.get(), parsed);
                    } else {
                        warnings.accept("severity." + e.getKey() + ": '" + v
                                + "' is not one of error, warning, information, hint, off; keeping the default");
                    }
                }
            }
        } else if (!s.isMissingNode()) {
            warnings.accept("severity must be an object of code: level");
        }
        JsonNode p = root.path("people");
        if (p.isObject()) {
            p.fieldNames().forEachRemaining(k -> {
                if (!k.equals("types") && !k.equals("tags")) {
                    warnings.accept("people: unknown key '" + k + "' ignored (known: types, tags)");
                }
            });
            stringList(p.path("types"), "people.types", warnings).ifPresent(l -> replace(types, l));
            stringList(p.path("tags"), "people.tags", warnings).ifPresent(l -> replace(tags, l));
        } else if (!p.isMissingNode()) {
            warnings.accept("people must be an object with 'types' and 'tags'");
        }
        JsonNode kf = root.path("keyFactsHeading");
        if (kf.isTextual() && !kf.asText().isBlank()) {
            keyFacts = kf.asText().strip();
        } else if (!kf.isMissingNode()) {
            warnings.accept("keyFactsHeading must be a non-empty string; keeping 'Key Facts'");
        }
        JsonNode rf = root.path("requiredFields");
        if (rf.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = rf.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                stringList(e.getValue(), "requiredFields." + e.getKey(), warnings)
                        .ifPresent(l -> required.put(e.getKey().toLowerCase(Locale.ROOT), List.copyOf(l)));
            }
        } else if (!rf.isMissingNode()) {
            warnings.accept("requiredFields must be an object of type: [keys]");
        }
        stringList(root.path("ignore"), "ignore", warnings).ifPresent(ignore::addAll);
        JsonNode cf = root.path("configFolder");
        if (cf.isTextual() && !cf.asText().isBlank() && !cf.asText().contains("/")) {
            configFolder = cf.asText().strip();
        } else if (!cf.isMissingNode()) {
            warnings.accept("configFolder must be a folder name such as '.obsidian'");
        }
        stringList(root.path("emptyFieldsAllowed"), "emptyFieldsAllowed", warnings)
                .ifPresent(l -> replace(emptyAllowed, l));
        JsonNode stale = root.path("staleContactDays");
        if (stale.isIntegralNumber() && stale.asLong() > 0 && stale.asLong() <= 100_000) {
            staleDays = Optional.of(stale.asInt());
        } else if (!stale.isMissingNode() && !stale.isNull()) {
            warnings.accept("staleContactDays must be a whole number of days above 0; stale-contact stays off");
        }
        Mentions mentions = Mentions.EDITOR;
        JsonNode um = root.path("unlinkedMentions");
        if (um.isTextual()) {
            Optional<Mentions> m = java.util.Arrays.stream(Mentions.values())
                    .filter(x -> x.id().equalsIgnoreCase(um.asText().strip())).findFirst();
            if (m.isPresent()) {
                mentions = m.get();
            } else {
                warnings.accept("unlinkedMentions: '" + um.asText() + "' is not one of editor, always, off; keeping editor");
            }
        } else if (!um.isMissingNode() && !um.isNull()) {
            warnings.accept("unlinkedMentions must be one of editor, always, off; keeping editor");
        }
        boolean cache = true;
        JsonNode c = root.path("cache");
        if (c.isBoolean()) {
            cache = c.asBoolean();
        } else if (!c.isMissingNode() && !c.isNull()) {
            warnings.accept("cache must be true or false; keeping true");
        }
        return new VaultConfig(sev, Set.copyOf(types), Set.copyOf(tags), keyFacts, Map.copyOf(required),
                List.copyOf(ignore), configFolder, Set.copyOf(emptyAllowed), staleDays, mentions, cache);
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    private static void replace(Set<String> target, List<String> values) {
        target.clear();
        values.forEach(v -> target.add(v.toLowerCase(Locale.ROOT)));
    }

    private static Optional<List<String>> stringList(JsonNode n, String name, Consumer<String> warnings) {
        if (n.isMissingNode()) {
            return Optional.empty();
        }
        if (n.isTextual()) {
            return Optional.of(List.of(n.asText()));
        }
        if (n.isArray()) {
            List<String> out = new ArrayList<>();
            for (JsonNode item : n) {
                if (item.isTextual()) {
                    out.add(item.asText());
                } else {
                    warnings.accept(name + ": ignoring non-string item " + item);
                }
            }
            return Optional.of(out);
        }
        warnings.accept(name + " must be a list of strings");
        return Optional.empty();
    }

    /**
     * Every setting in one string that is the same for equal settings in any process (sets and maps
     * sorted, strings JSON-escaped) and differs for any two that differ: a key for what was derived
     * under these settings, such as the editor's stored findings. A new setting must be added here.
     */
    public String stableForm() {
        ObjectNode o = JSON.createObjectNode();
        ObjectNode sev = o.putObject("severity");
        for (FindingCode code : FindingCode.values()) {
            sev.put(code.name(), severity(code).map(Severity::name).orElse("off"));
        }
        sortedArray(o, "peopleTypes", peopleTypes);
        sortedArray(o, "peopleTags", peopleTags);
        o.put("keyFactsHeading", keyFactsHeading);
        ObjectNode req = o.putObject("requiredFields");
        new TreeMap<>(requiredFields).forEach((type, keys) -> keys.forEach(req.putArray(type)::add));
        ignore.forEach(o.putArray("ignore")::add);
        o.put("configFolder", configFolder);
        sortedArray(o, "emptyFieldsAllowed", emptyFieldsAllowed);
        o.put("staleContactDays", staleContactDays.map(String::valueOf).orElse("none"));
        o.put("unlinkedMentions", unlinkedMentions.id());
        o.put("cache", cache);
        return o.toString();
    }

    private static void sortedArray(ObjectNode o, String name, Set<String> values) {
        sorted(values).forEach(o.putArray(name)::add);
    }

    /** The severity a code is reported at, or empty when the user turned it off. */
    public Optional<Severity> severity(FindingCode code) {
        return severities.getOrDefault(code, Optional.of(code.defaultSeverity()));
    }

    /** Lower-cased frontmatter {@code type} values that make a note a person. */
    public Set<String> peopleTypes() {
        return peopleTypes;
    }

    /** Lower-cased tags that make a note a person. */
    public Set<String> peopleTags() {
        return peopleTags;
    }

    public String keyFactsHeading() {
        return keyFactsHeading;
    }

    /** Keys required by lower-cased note {@code type}. */
    public Map<String, List<String>> requiredFields() {
        return requiredFields;
    }

    /** Globs (vault-relative) of files that are not part of the vault. */
    public List<String> ignore() {
        return ignore;
    }

    public String configFolder() {
        return configFolder;
    }

    /**
     * Lower-cased frontmatter keys whose empty value is no finding, unless {@link #requiredFields()}
     * names the key for the note's type.
     */
    public Set<String> emptyFieldsAllowed() {
        return emptyFieldsAllowed;
    }

    /**
     * After how many days without contact a person's {@code last_contact} is reported stale; empty
     * (the default) turns {@code stale-contact} off.
     */
    public Optional<Integer> staleContactDays() {
        return staleContactDays;
    }

    /** Where {@code unlinked-mention} is reported ({@code "unlinkedMentions"}); {@link Mentions#EDITOR} by default. */
    public Mentions unlinkedMentions() {
        return unlinkedMentions;
    }

    /**
     * False when the persistent note cache is off ({@code "cache": false}): every start parses every
     * note. True by default.
     */
    public boolean cache() {
        return cache;
    }
}
