package org.vaultls.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.findings.FindingCode;
import org.vaultls.findings.Severity;

/** The {@code .vault-ls.json} settings: what each key does, and how a wrong one is reported and ignored. */
class VaultConfigTest {
    private final List<String> warnings = new ArrayList<>();

    private VaultConfig parse(String json) {
        try {
            return VaultConfig.fromJson(new ObjectMapper().readTree(json), warnings::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void withoutSettingsEverythingHasItsDefault() {
        VaultConfig c = parse("{}");
        assertEquals(List.of(), warnings);
        assertEquals(Optional.of(Severity.WARNING), c.severity(FindingCode.BROKEN_LINK));
        assertEquals(Optional.of(Severity.INFORMATION), c.severity(FindingCode.AMBIGUOUS_LINK));
        assertEquals(Optional.of(Severity.ERROR), c.severity(FindingCode.INVALID_FRONTMATTER));
        assertEquals(Set.of("people", "person"), c.peopleTypes());
        assertEquals(Set.of("type/people"), c.peopleTags());
        assertEquals("Key Facts", c.keyFactsHeading());
        assertEquals(Map.of(), c.requiredFields());
        assertEquals(List.of(), c.ignore());
        assertEquals(".obsidian", c.configFolder());
        assertEquals(Set.of("tags", "aliases", "cssclasses"), c.emptyFieldsAllowed());
        assertEquals(Optional.empty(), c.staleContactDays());
    }

    @Test
    void emptyFieldsAllowedReplacesTheDefaultLowerCased() {
        VaultConfig c = parse("""
                {"emptyFieldsAllowed": ["Tags", "cover"]}
                """);
        assertEquals(List.of(), warnings);
        assertEquals(Set.of("tags", "cover"), c.emptyFieldsAllowed());
        assertEquals(Set.of(), parse("{\"emptyFieldsAllowed\": []}").emptyFieldsAllowed());
    }

    @Test
    void staleContactDaysIsAPositiveWholeNumber() {
        assertEquals(Optional.of(90), parse("{\"staleContactDays\": 90}").staleContactDays());
        assertEquals(List.of(), warnings);
        assertEquals(Optional.empty(), parse("{\"staleContactDays\": -3}").staleContactDays());
        assertEquals(Optional.empty(), parse("{\"staleContactDays\": \"soon\"}").staleContactDays());
        assertEquals(2, warnings.size());
        assertTrue(warnings.get(0).startsWith("staleContactDays must be a whole number"), warnings.get(0));
    }

    @Test
    void anUnknownKeyIsReportedAndTheRestIsRead() {
        VaultConfig c = parse("""
                {"colour": "red", "keyFactsHeading": "Highlights"}
                """);
        assertEquals(List.of("unknown key 'colour' ignored (known: cache, configFolder, emptyFieldsAllowed, ignore,"
                + " keyFactsHeading, people, requiredFields, severity, staleContactDays, unlinkedMentions)"), warnings);
        assertEquals("Highlights", c.keyFactsHeading());
    }

    @Test
    void severityOverridesACodeOrTurnsItOff() {
        VaultConfig c = parse("""
                {"severity": {"broken-link": "error", "alias-link": "Info", "ambiguous-link": "off",
                              "unknown-owner": "none", "broken-block": "hint"}}
                """);
        assertEquals(List.of(), warnings);
        assertEquals(Optional.of(Severity.ERROR), c.severity(FindingCode.BROKEN_LINK));
        assertEquals(Optional.of(Severity.INFORMATION), c.severity(FindingCode.ALIAS_LINK));
        assertEquals(Optional.empty(), c.severity(FindingCode.AMBIGUOUS_LINK));
        assertEquals(Optional.empty(), c.severity(FindingCode.UNKNOWN_OWNER));
        assertEquals(Optional.of(Severity.HINT), c.severity(FindingCode.BROKEN_BLOCK));
        assertEquals(Optional.of(Severity.WARNING), c.severity(FindingCode.BROKEN_HEADING));
    }

    @Test
    void aBadSeverityKeepsTheDefaultWithAWarning() {
        VaultConfig c = parse("""
                {"severity": {"broken-link": "loud", "empty-frontmatter-field": 3, "no-such-code": "error"}}
                """);
        assertEquals(List.of(
                "severity.broken-link: 'loud' is not one of error, warning, information, hint, off; keeping the default",
                "severity.empty-frontmatter-field: '3' is not one of error, warning, information, hint, off;"
                        + " keeping the default",
                "severity: unknown diagnostic code 'no-such-code' ignored"), warnings);
        assertEquals(Optional.of(Severity.WARNING), c.severity(FindingCode.BROKEN_LINK));
        assertEquals(Optional.of(Severity.WARNING), c.severity(FindingCode.EMPTY_FRONTMATTER_FIELD));
    }

    @Test
    void severityMustBeAnObject() {
        VaultConfig c = parse("""
                {"severity": "error"}
                """);
        assertEquals(List.of("severity must be an object of code: level"), warnings);
        assertEquals(Optional.of(Severity.WARNING), c.severity(FindingCode.BROKEN_LINK));
    }

    @Test
    void peopleTypesAndTagsReplaceTheDefaultsLowerCased() {
        VaultConfig c = parse("""
                {"people": {"types": ["Contact", "Person"], "tags": "crm/Person"}}
                """);
        assertEquals(List.of(), warnings);
        assertEquals(Set.of("contact", "person"), c.peopleTypes());
        assertEquals(Set.of("crm/person"), c.peopleTags());
    }

    @Test
    void badPeopleSettingsAreReportedItemByItem() {
        VaultConfig c = parse("""
                {"people": {"types": [1, "contact"], "tags": 5, "kinds": []}}
                """);
        assertEquals(List.of(
                "people: unknown key 'kinds' ignored (known: types, tags)",
                "people.types: ignoring non-string item 1",
                "people.tags must be a list of strings"), warnings);
        assertEquals(Set.of("contact"), c.peopleTypes());
        assertEquals(Set.of("type/people"), c.peopleTags());
    }

    @Test
    void peopleMustBeAnObject() {
        VaultConfig c = parse("""
                {"people": ["person"]}
                """);
        assertEquals(List.of("people must be an object with 'types' and 'tags'"), warnings);
        assertEquals(Set.of("people", "person"), c.peopleTypes());
    }

    @Test
    void theKeyFactsHeadingIsTrimmedAndMustBeText() {
        assertEquals("Highlights", parse("{\"keyFactsHeading\": \"  Highlights \"}").keyFactsHeading());
        assertEquals("Key Facts", parse("{\"keyFactsHeading\": 42}").keyFactsHeading());
        assertEquals("Key Facts", parse("{\"keyFactsHeading\": \" \"}").keyFactsHeading());
        assertEquals(List.of("keyFactsHeading must be a non-empty string; keeping 'Key Facts'",
                "keyFactsHeading must be a non-empty string; keeping 'Key Facts'"), warnings);
    }

    @Test
    void requiredFieldsAreKeyedByLowerCasedType() {
        VaultConfig c = parse("""
                {"requiredFields": {"People": ["title", "last_contact"], "customer": "industry"}}
                """);
        assertEquals(List.of(), warnings);
        assertEquals(Map.of("people", List.of("title", "last_contact"), "customer", List.of("industry")),
                c.requiredFields());
    }

    @Test
    void requiredFieldsMustBeAnObject() {
        VaultConfig c = parse("""
                {"requiredFields": ["title"]}
                """);
        assertEquals(List.of("requiredFields must be an object of type: [keys]"), warnings);
        assertEquals(Map.of(), c.requiredFields());
    }

    @Test
    void ignoreGlobsAndTheConfigFolderAreRead() {
        VaultConfig c = parse("""
                {"ignore": ["Archive/**", "**/drafts/*.md"], "configFolder": ".obsidian-work"}
                """);
        assertEquals(List.of(), warnings);
        assertEquals(List.of("Archive/**", "**/drafts/*.md"), c.ignore());
        assertEquals(".obsidian-work", c.configFolder());
    }

    @Test
    void theConfigFolderMustBeAFolderName() {
        VaultConfig c = parse("""
                {"configFolder": "vault/.obsidian"}
                """);
        assertEquals(List.of("configFolder must be a folder name such as '.obsidian'"), warnings);
        assertEquals(".obsidian", c.configFolder());
    }

    @Test
    void settingsThatAreNotAnObjectAreAllDefaults() {
        VaultConfig c = parse("[1, 2]");
        assertEquals(List.of("settings must be a JSON object; using defaults"), warnings);
        assertEquals("Key Facts", c.keyFactsHeading());
    }

    @Test
    void loadReadsAFileAndNamesItInItsWarnings(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(VaultConfig.FILE_NAME);
        Files.writeString(file, """
                {
                  "severity": {"broken-link": "error"},
                  "shade": "dark"
                }
                """);
        VaultConfig c = VaultConfig.load(file, warnings::add);
        assertEquals(Optional.of(Severity.ERROR), c.severity(FindingCode.BROKEN_LINK));
        assertEquals(List.of(".vault-ls.json: unknown key 'shade' ignored (known: cache, configFolder,"
                + " emptyFieldsAllowed, ignore, keyFactsHeading, people, requiredFields, severity, staleContactDays, unlinkedMentions)"), warnings);
    }

    @Test
    void loadOfAnEmptyFileGivesTheDefaults(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(VaultConfig.FILE_NAME);
        Files.writeString(file, "");
        assertEquals("Key Facts", VaultConfig.load(file, warnings::add).keyFactsHeading());
        assertEquals(List.of(), warnings);
    }

    @Test
    void loadOfMalformedJsonThrowsWithTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(VaultConfig.FILE_NAME);
        Files.writeString(file, """
                {
                  "severity": {"broken-link": "error",}
                }
                """);
        VaultConfig.ConfigException e = assertThrows(VaultConfig.ConfigException.class,
                () -> VaultConfig.load(file, warnings::add));
        assertTrue(e.getMessage().startsWith("config " + file + " is not valid JSON: "), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 2)"), e.getMessage());
    }

    @Test
    void loadOfAMissingFileThrows(@TempDir Path dir) {
        Path file = dir.resolve("nope.json");
        VaultConfig.ConfigException e = assertThrows(VaultConfig.ConfigException.class,
                () -> VaultConfig.load(file, warnings::add));
        assertTrue(e.getMessage().startsWith("cannot read config " + file + ": NoSuchFileException"),
                e.getMessage());
    }

    @Test
    void theStableFormIsTheSameForEqualSettingsAndDiffersForAnyOtherValue() {
        String base = "{\"severity\": {\"broken-link\": \"error\", \"ambiguous-link\": \"off\"},"
                + " \"people\": {\"types\": [\"person\", \"contact\", \"people\"], \"tags\": [\"a\", \"b\"]},"
                + " \"requiredFields\": {\"people\": [\"title\"], \"customer\": [\"industry\"]},"
                + " \"emptyFieldsAllowed\": [\"tags\", \"x\", \"aliases\"]}";
        String reordered = "{\"emptyFieldsAllowed\": [\"x\", \"aliases\", \"tags\"],"
                + " \"requiredFields\": {\"customer\": [\"industry\"], \"people\": [\"title\"]},"
                + " \"people\": {\"tags\": [\"b\", \"a\"], \"types\": [\"contact\", \"people\", \"person\"]},"
                + " \"severity\": {\"ambiguous-link\": \"off\", \"broken-link\": \"error\"}}";
        assertEquals(parse(base).stableForm(), parse(reordered).stableForm());
        List<String> others = List.of("{\"severity\": {\"broken-link\": \"hint\"}}", "{\"people\": {\"types\": [\"x\"]}}",
                "{\"people\": {\"tags\": [\"x\"]}}", "{\"keyFactsHeading\": \"Facts\"}",
                "{\"requiredFields\": {\"people\": [\"email\"]}}", "{\"ignore\": [\"Exports/**\"]}",
                "{\"configFolder\": \".config\"}", "{\"emptyFieldsAllowed\": [\"tags\"]}",
                "{\"staleContactDays\": 30}", "{\"unlinkedMentions\": \"off\"}", "{\"cache\": false}");
        Set<String> forms = new java.util.HashSet<>();
        forms.add(VaultConfig.defaults().stableForm());
        for (String o : others) {
            assertTrue(forms.add(parse(o).stableForm()), "a form of its own: " + o);
        }
    }
}
