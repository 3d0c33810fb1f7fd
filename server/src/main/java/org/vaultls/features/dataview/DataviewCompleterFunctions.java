package org.vaultls.features.dataview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Dataview's function library (0.5.x, the functions its reference lists under Constructors, Numeric,
 * Objects, Arrays, Strings and Utility, plus the aliases its evaluator registers): what completion
 * offers, with a signature and a line of what each does, and what the unknown-function check knows.
 * Names are compared ignoring case, as the evaluator looks them up. This says what Dataview has, not what
 * vault-ls evaluates yet: a query using a function outside the engine's part still renders in Obsidian.
 */
final class DataviewCompleterFunctions {
    /** One function: {@code signature} in the reference's style, optional parameters in brackets. */
    record Function(String name, String signature, String summary) {
    }

    private static final Map<String, Function> ALL = new LinkedHashMap<>();

    static {
        // constructors
        add("object", "object(key1, value1, ...)", "An object of the given keys (strings) and values.");
        add("list", "list(value1, value2, ...)", "A list of the given values; array() is the same.");
        add("array", "array(value1, value2, ...)", "A list of the given values; the same as list().");
        add("date", "date(any, [format])", "A date from a string, a date or a link (a daily note's name).");
        add("dur", "dur(any)", "A duration from a string such as \"8 minutes, 4 seconds\".");
        add("number", "number(string)", "The first number in a string, or null.");
        add("string", "string(any)", "Any value as readable text.");
        add("link", "link(path, [display])", "A link to the note at path, shown as display.");
        add("embed", "embed(link, [embed?])", "The link as an embed (or back, with false).");
        add("elink", "elink(url, [display])", "A link to an external URL.");
        add("typeof", "typeof(any)", "The type's name: \"number\", \"string\", \"date\", \"link\", ...");
        // numeric
        add("round", "round(number, [digits])", "The number rounded to digits decimal places (default 0).");
        add("trunc", "trunc(number)", "The number with its fractional part cut off.");
        add("floor", "floor(number)", "The largest integer not above the number.");
        add("ceil", "ceil(number)", "The smallest integer not below the number.");
        add("min", "min(a, b, ...)", "The smallest of the values, or of one list's elements.");
        add("max", "max(a, b, ...)", "The largest of the values, or of one list's elements.");
        add("sum", "sum(array)", "The sum of the numbers in the list.");
        add("product", "product(array)", "The product of the numbers in the list.");
        add("reduce", "reduce(array, operand)", "Folds the list with the operator given as a string (\"+\", \"*\", ...).");
        add("average", "average(array)", "The mean of the numbers in the list.");
        add("minby", "minby(array, function)", "The element for which the function gives the smallest value.");
        add("maxby", "maxby(array, function)", "The element for which the function gives the largest value.");
        // objects, arrays
        add("contains", "contains(object|list|string, value)", "True when the string has the substring, the list "
                + "the element (looking into strings) or the object the key.");
        add("icontains", "icontains(object|list|string, value)", "contains() ignoring case.");
        add("econtains", "econtains(object|list|string, value)", "contains() with exact matches only (no substrings).");
        add("containsword", "containsword(list|string, value)", "True when the text holds value as a whole word.");
        add("extract", "extract(object, key1, key2, ...)", "An object of only the given keys.");
        add("sort", "sort(list)", "The list sorted.");
        add("reverse", "reverse(list)", "The list in reverse order.");
        add("length", "length(object|array)", "The number of fields of an object or elements of a list.");
        add("nonnull", "nonnull(array)", "The list without its null values.");
        add("all", "all(array, [predicate])", "True when every element is truthy (or satisfies the predicate).");
        add("any", "any(array, [predicate])", "True when some element is truthy (or satisfies the predicate).");
        add("none", "none(array, [predicate])", "True when no element is truthy (or satisfies the predicate).");
        add("join", "join(array, [delimiter])", "The elements as one string, separated by delimiter (\", \").");
        add("filter", "filter(array, predicate)", "The elements for which the predicate is true.");
        add("unique", "unique(array)", "The list without duplicates.");
        add("map", "map(array, func)", "Each element passed through func.");
        add("flat", "flat(array, [depth])", "Nested lists flattened, to depth levels (1).");
        add("slice", "slice(array, [start, [end]])", "The part of the list from start to before end.");
        add("firstvalue", "firstvalue(array)", "The first element that is not null.");
        // strings
        add("regextest", "regextest(pattern, string)", "True when the regular expression matches part of the string.");
        add("regexmatch", "regexmatch(pattern, string)", "True when the regular expression matches the whole string.");
        add("regexreplace", "regexreplace(string, pattern, replacement)", "Replaces every match of the regular "
                + "expression.");
        add("replace", "replace(string, pattern, replacement)", "Replaces every occurrence of pattern (plain text).");
        add("lower", "lower(string)", "The string in lower case.");
        add("upper", "upper(string)", "The string in upper case.");
        add("split", "split(string, delimiter, [limit])", "The parts of the string between matches of the "
                + "regular expression delimiter.");
        add("startswith", "startswith(string, prefix)", "True when the string starts with prefix.");
        add("endswith", "endswith(string, suffix)", "True when the string ends with suffix.");
        add("padleft", "padleft(string, length, [padding])", "The string padded on the left to length.");
        add("padright", "padright(string, length, [padding])", "The string padded on the right to length.");
        add("substring", "substring(string, start, [end])", "The part of the string from start to before end.");
        add("truncate", "truncate(string, length, [suffix])", "The string cut to length, ending with suffix (\"...\").");
        // utility
        add("default", "default(field, value)", "value when field is null, else field.");
        add("ldefault", "ldefault(field, value)", "default() applied to the field itself, not to each element.");
        add("choice", "choice(bool, left, right)", "left when bool is truthy, else right.");
        add("striptime", "striptime(date)", "The date at midnight.");
        add("dateformat", "dateformat(date, format)", "The date written with a Luxon format such as \"yyyy-MM-dd\".");
        add("durationformat", "durationformat(duration, format)", "The duration written with a format such as "
                + "\"d 'days'\".");
        add("localtime", "localtime(date)", "The date in the local time zone.");
        add("currencyformat", "currencyformat(number, [currency])", "The number as an amount of currency.");
        add("meta", "meta(link)", "A link's own parts: display, embed, path, subpath, type.");
        add("display", "display(any)", "The value as plain display text, links as their names.");
        add("hash", "hash(seed, [text], [variant])", "A number hashed from the arguments, for a stable shuffle.");
    }

    private DataviewCompleterFunctions() {
    }

    private static void add(String name, String signature, String summary) {
        ALL.put(name, new Function(name, signature, summary));
    }

    /** Every function, in the reference's order. */
    static List<Function> all() {
        return List.copyOf(ALL.values());
    }

    /** The function named {@code name}, ignoring case. */
    static Optional<Function> named(String name) {
        return Optional.ofNullable(ALL.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The known names within two edits of {@code name}, closest first. */
    static List<String> similar(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        List<String> out = new ArrayList<>();
        for (int d = 1; d <= 2 && out.isEmpty(); d++) {
            for (String k : ALL.keySet()) {
                if (distance(n, k) == d) {
                    out.add(k);
                }
            }
        }
        return out;
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 2) {
            return 3;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
