package org.vaultls.dataview;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaultls.text.LineMap;
import org.vaultls.vault.Note;
import org.vaultls.vault.Regions;
import org.vaultls.vault.Task;

/**
 * What Dataview reads from a note's body that the index does not keep: inline fields ({@code key:: value}
 * lines, {@code [key:: value]} and {@code (key:: value)} anywhere in a line) and the list items with their
 * nesting. Code, comments, HTML and the frontmatter hold neither; the note's {@link Regions} map says where
 * those are. Tasks are the index's own {@link Task}s, placed in the list tree by their line.
 */
final class NoteBody {
    /** A whole-line field: optional list bullet and checkbox, then {@code Key:: value}. */
    private static final Pattern LINE_FIELD = Pattern.compile(
            "^\\s*(?:>\\s*)*(?:(?:[-*+]|\\d+[.)])\\s+(?:\\[.\\]\\s+)?)?([^\\[\\]()`:>][^\\[\\]()`:]*?)::\\s*(.*?)\\s*$");
    private static final Pattern BRACKET_FIELD = Pattern.compile("[\\[(]([^\\[\\]()`:]+?)::\\s*([^\\])\\r\\n]*?)\\s*[\\])]");
    private static final Pattern LIST_ITEM = Pattern.compile("^([ \\t]*)(?:>[ \\t]*)*([-*+]|\\d{1,9}[.)])[ \\t]+(.*)$");

    /** One inline field as written: its key, its text, the 0-based line, and whether it was bracketed. */
    record Field(String key, String value, int line, boolean bracketed, int offset) {
    }

    /**
     * One list item: its line (0-based), indentation, text, the index's task when it is one, and the
     * positions (in {@link #items}) of its parent (-1 at the top) and children.
     */
    record Item(int line, int indent, String text, Task task, int parent, List<Integer> children) {
    }

    final List<Field> fields;
    final List<Item> items;

    private NoteBody(List<Field> fields, List<Item> items) {
        this.fields = fields;
        this.items = items;
    }

    static NoteBody of(Note note) {
        String text = note.text();
        LineMap lines = note.lines();
        Regions regions = note.regions();
        List<Field> fields = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        java.util.Map<Integer, Task> tasks = new java.util.HashMap<>();
        for (Task t : note.tasks()) {
            tasks.put(t.span().start().line(), t);
        }
        List<Integer> stack = new ArrayList<>();
        for (int line = 0; line < lines.lineCount(); line++) {
            int start = lines.lineStart(line);
            int end = lines.lineEnd(line);
            if (start >= end) {
                continue; // a blank line inside a list keeps the list going
            }
            Regions.Kind kind = regions.kindAt(start).orElse(null);
            if (kind != null && kind != Regions.Kind.CODE_SPAN && kind != Regions.Kind.INLINE_DATAVIEW) {
                continue; // frontmatter, code blocks, comments, HTML: no fields, no list items
            }
            String s = text.substring(start, end);
            if (s.indexOf("::") >= 0) {
                scanFields(s, start, line, regions, fields);
            }
            Matcher m = LIST_ITEM.matcher(s);
            if (m.matches()) {
                int indent = width(m.group(1));
                while (!stack.isEmpty() && items.get(stack.get(stack.size() - 1)).indent() >= indent) {
                    stack.remove(stack.size() - 1);
                }
                int parent = stack.isEmpty() ? -1 : stack.get(stack.size() - 1);
                Task task = tasks.get(line);
                String itemText = task != null ? task.text() : m.group(3).strip();
                items.add(new Item(line, indent, itemText, task, parent, new ArrayList<>()));
                if (parent >= 0) {
                    items.get(parent).children().add(items.size() - 1);
                }
                stack.add(items.size() - 1);
            } else if (!s.isBlank() && !Character.isWhitespace(s.charAt(0))) {
                stack.clear(); // an unindented paragraph ends the list
            }
        }
        return new NoteBody(fields, items);
    }

    private static void scanFields(String s, int start, int line, Regions regions, List<Field> out) {
        Matcher b = BRACKET_FIELD.matcher(s);
        boolean any = false;
        while (b.find()) {
            if (regions.at(start + b.start()).isEmpty()) {
                out.add(new Field(b.group(1).strip(), b.group(2), line, true, start + b.start()));
                any = true;
            }
        }
        if (any) {
            return;
        }
        Matcher m = LINE_FIELD.matcher(s);
        if (m.matches() && regions.at(start + m.start(1)).isEmpty()) {
            String key = m.group(1).strip();
            if (!key.isEmpty() && !key.contains("http")) {
                out.add(new Field(stripFormatting(key), m.group(2), line, false, start + m.start(1)));
            }
        }
    }

    /** {@code **Key**} and {@code _Key_} name the field {@code Key}, as in Dataview. */
    private static String stripFormatting(String key) {
        String k = key;
        for (String mark : new String[] {"**", "__", "*", "_", "~~", "=="}) {
            if (k.length() > 2 * mark.length() && k.startsWith(mark) && k.endsWith(mark)) {
                k = k.substring(mark.length(), k.length() - mark.length());
            }
        }
        return k.strip();
    }

    private static int width(String ws) {
        int w = 0;
        for (int i = 0; i < ws.length(); i++) {
            w += ws.charAt(i) == '\t' ? 4 : 1;
        }
        return w;
    }
}
