package org.vaultls.vault;

import java.util.List;
import java.util.Optional;
import org.vaultls.text.LineMap;
import org.vaultls.text.Span;

/**
 * One parsed markdown note: immutable, with every element at its exact place in {@link #text()}.
 * {@code path} is vault-relative with {@code /} separators ({@code People/Ada Berg.md}).
 */
public final class Note {

    /** A problem met while reading or parsing the note, reported as a finding by the checks. */
    public record Problem(Kind kind, Span span, String message) {
        /** What went wrong. */
        public enum Kind { INVALID_FRONTMATTER, UNREADABLE, TOO_COMPLEX }
    }

    private final String path;
    private final String text;
    private final LineMap lines;
    private final Frontmatter frontmatter;
    private final List<Link> links;
    private final List<Heading> headings;
    private final List<BlockId> blocks;
    private final List<Tag> tags;
    private final List<Task> tasks;
    private final List<String> aliases;
    private final List<Problem> problems;
    private final String title;
    private final String name;
    private final Regions regions;
    /** {@link Heading#key} of each heading, made when first asked (links into this note ask), then kept. */
    private volatile List<String> headingKeys;

    Note(String path, String text, LineMap lines, Frontmatter frontmatter, List<Link> links, List<Heading> headings,
         List<BlockId> blocks, List<Tag> tags, List<Task> tasks, List<String> aliases, List<Problem> problems) {
        this(path, text, lines, frontmatter, links, headings, blocks, tags, tasks, aliases, problems, Regions.NONE);
    }

    Note(String path, String text, LineMap lines, Frontmatter frontmatter, List<Link> links, List<Heading> headings,
         List<BlockId> blocks, List<Tag> tags, List<Task> tasks, List<String> aliases, List<Problem> problems,
         Regions regions) {
        this.path = path;
        this.text = text;
        this.lines = lines;
        this.frontmatter = frontmatter;
        this.links = List.copyOf(links);
        this.headings = List.copyOf(headings);
        this.blocks = List.copyOf(blocks);
        this.tags = List.copyOf(tags);
        this.tasks = List.copyOf(tasks);
        this.aliases = List.copyOf(aliases);
        this.problems = List.copyOf(problems);
        this.regions = regions;
        this.name = VaultPaths.stem(path);
        this.title = frontmatter == null ? null : frontmatter.string("title").orElse(null);
    }

    /**
     * A note from parts read back from the note cache: the parts a parse of {@code text} made, so the
     * note equals that parse.
     */
    public static Note restore(String path, String text, Frontmatter frontmatter, List<Link> links,
                               List<Heading> headings, List<BlockId> blocks, List<Tag> tags, List<Task> tasks,
                               List<String> aliases, List<Problem> problems, Regions regions) {
        return new Note(path, text, new LineMap(text), frontmatter, links, headings, blocks, tags, tasks, aliases,
                problems, regions);
    }

    public String path() {
        return path;
    }

    /** The file name without {@code .md}: the name Obsidian links by. */
    public String name() {
        return name;
    }

    /** The folder holding the note, "" at the vault root. */
    public String folder() {
        return VaultPaths.parent(path);
    }

    public String text() {
        return text;
    }

    public LineMap lines() {
        return lines;
    }

    public Optional<Frontmatter> frontmatter() {
        return Optional.ofNullable(frontmatter);
    }

    public List<Link> links() {
        return links;
    }

    public List<Heading> headings() {
        return headings;
    }

    /**
     * Obsidian's comparison form ({@link Heading#key}) of each of {@link #headings()}, in the same order:
     * made once per parsed note, since every link into the note is matched against all of them.
     */
    public List<String> headingKeys() {
        List<String> keys = headingKeys;
        if (keys == null) {
            String[] k = new String[headings.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = Heading.key(headings.get(i).text());
            }
            keys = List.of(k);
            headingKeys = keys; // a race makes the same list twice, harmlessly
        }
        return keys;
    }

    public List<BlockId> blocks() {
        return blocks;
    }

    public List<Tag> tags() {
        return tags;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public List<String> aliases() {
        return aliases;
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * The note's region map (frontmatter, code, comments, HTML, dataview), made by the same parse as
     * the rest of this note, so it always describes {@link #text()}.
     */
    public Regions regions() {
        return regions;
    }

    /** The frontmatter {@code title}, else the file name. */
    public String title() {
        return title != null ? title : name; // read once: symbol search asks every note on each request
    }

    /**
     * The lines of the section under {@code heading}: from the line after it to the next heading of
     * the same or a higher level.
     */
    public Span sectionBody(Heading heading) {
        int start = lines.lineStart(heading.span().start().line() + 1);
        int end = text.length();
        boolean after = false;
        for (Heading h : headings) {
            if (h == heading) {
                after = true;
            } else if (after && h.level() <= heading.level()) {
                end = lines.lineStart(h.span().start().line());
                break;
            }
        }
        return lines.span(Math.min(start, end), end);
    }

    @Override
    public String toString() {
        return "Note[" + path + "]";
    }
}
