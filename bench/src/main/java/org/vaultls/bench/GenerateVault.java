package org.vaultls.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Writes a deterministic, CRM-shaped synthetic Obsidian vault for benchmarks and tests.
 *
 * <pre>
 * java -cp vault-ls.jar org.vaultls.bench.GenerateVault &lt;outDir&gt; &lt;noteCount&gt; [seed=42]
 * </pre>
 *
 * <p>The vault mirrors the real notes this product is built for: {@code People/} (10%), {@code
 * Customers/} (5%), {@code Projects/} (10%), {@code Meetings/} (45%) and {@code Daily/} (the rest),
 * with YAML frontmatter, contact tables, dataview blocks, {@code @FirstLast} task owners, wikilinks
 * with headings and aliases, and names carrying punctuation. About 1% of all wikilinks are
 * deliberately broken (their target exists nowhere in the vault); only body links are broken,
 * frontmatter links always resolve, and every {@code #heading} named in a link exists.
 * Every base name is unique across the whole vault (case-insensitively), so no link is ambiguous,
 * and every task owner is a generated person.
 *
 * <p>The same arguments always give byte-identical output: all randomness comes from one {@link
 * SplittableRandom} seeded from the command line, consumed in a fixed order, and the timeline ends
 * on a fixed date rather than today. JDK only, so it runs from the shaded jar or compiled alone.
 */
public final class GenerateVault {

    /** The smallest vault that still has at least one note in every folder. */
    public static final int MIN_NOTES = 10;

    public static final long DEFAULT_SEED = 42L;

    /** The last day of the generated timeline; fixed so output never depends on the clock. */
    static final LocalDate LAST_DAY = LocalDate.of(2026, 1, 9);

    /** The vault owner's employer: internal people work here. Plain text, not a note. */
    static final String OWN_COMPANY = "Lumen Systems";

    /** One in this many body links is broken on purpose. */
    private static final int BROKEN_ONE_IN = 80; // ~1.25% of body links, ~1% of all links

    private static final int INTERNAL = -1;
    private static final int UNKNOWN_COMPANY = -2;

    /** What was written: counts by folder, content size and link counts. */
    public record Stats(int notes, int people, int customers, int projects, int meetings, int dailies,
            long bytes, int links, int frontmatterLinks, int brokenLinks, long millis) {

        /** The one-line summary printed to stderr. */
        public String summary(Path outDir) {
            double pct = links == 0 ? 0 : 100.0 * brokenLinks / links;
            return String.format(Locale.ROOT,
                    "generated %d notes in %s (people %d, customers %d, projects %d, meetings %d, daily %d):"
                            + " %d bytes (%.1f MB), %d links (%d in frontmatter), %d broken (%.2f%%), %d ms",
                    notes, outDir, people, customers, projects, meetings, dailies, bytes, bytes / 1e6, links,
                    frontmatterLinks, brokenLinks, pct, millis);
        }
    }

    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: GenerateVault <outDir> <noteCount> [seed=" + DEFAULT_SEED + "]");
            System.exit(2);
        }
        Path outDir = Path.of(args[0]);
        int noteCount;
        long seed;
        try {
            noteCount = Integer.parseInt(args[1]);
            seed = args.length == 3 ? Long.parseLong(args[2]) : DEFAULT_SEED;
        } catch (NumberFormatException e) {
            System.err.println("GenerateVault: noteCount and seed must be integers: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Stats stats = generate(outDir, noteCount, seed);
            System.err.println(stats.summary(outDir));
        } catch (IllegalArgumentException e) {
            System.err.println("GenerateVault: " + e.getMessage());
            System.exit(2);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("GenerateVault: cannot write vault: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Generates a vault of exactly {@code noteCount} notes into {@code outDir}, which must not exist
     * or be empty (stale notes from an earlier run would break determinism).
     */
    public static Stats generate(Path outDir, int noteCount, long seed) throws IOException {
        if (noteCount < MIN_NOTES) {
            throw new IllegalArgumentException("noteCount must be at least " + MIN_NOTES + ", got " + noteCount);
        }
        if (Files.exists(outDir)) {
            if (!Files.isDirectory(outDir)) {
                throw new IllegalArgumentException(outDir + " exists and is not a directory");
            }
            try (Stream<Path> entries = Files.list(outDir)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException(outDir + " is not empty; delete it or pick another directory");
                }
            }
        }
        long start = System.nanoTime();
        GenerateVault g = new GenerateVault(outDir, noteCount, seed);
        g.plan();
        g.write();
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Stats(noteCount, g.people.size(), g.customers.size(), g.projects.size(), g.meetings.size(),
                g.days, g.bytes, g.bodyLinks + g.frontmatterLinks, g.frontmatterLinks, g.brokenLinks, millis);
    }

    // ---------------------------------------------------------------------------------------------
    // Model: planned in full before anything is written, so notes can link to each other both ways.

    private static final class Person {
        String first;
        String name;
        String owner; // "@FirstLast"
        int company; // customer index, INTERNAL or UNKNOWN_COMPANY
        String role; // "" when unknown
        String city;
        final List<Integer> meetings = new ArrayList<>();
        final List<Integer> projects = new ArrayList<>();
    }

    private static final class Customer {
        String name;
        String industry;
        int accountOwner;
        final List<Integer> contacts = new ArrayList<>();
        final List<Integer> projects = new ArrayList<>();
        final List<Integer> meetings = new ArrayList<>();
    }

    private static final class Project {
        String name;
        String kind;
        int customer;
        int owner;
        String status;
        int startDay;
        final List<Integer> stakeholders = new ArrayList<>();
        final List<Integer> meetings = new ArrayList<>();
    }

    private static final class Meeting {
        String name; // file base name: "2025-11-06 - Pricing sync with Northwind"
        String title; // the part after the date
        int day; // index into the daily timeline
        int customer = -1;
        int project = -1;
        String topic;
        final List<Integer> attendees = new ArrayList<>();
    }

    private final Path out;
    private final int noteCount;
    private final SplittableRandom rng;

    private final List<Person> people = new ArrayList<>();
    private final List<Integer> internal = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<Project> projects = new ArrayList<>();
    private final List<Meeting> meetings = new ArrayList<>();
    private int days;
    private LocalDate firstDay;
    private List<List<Integer>> meetingsByDay;
    private NoteWriter writer;

    /** Lower-cased base names of every note, vault-wide; broken links must miss all of them. */
    private final Set<String> names = new HashSet<>();
    /** Lower-cased owner tags, which must be unique too ("Ann Alee" vs "Anna Lee"). */
    private final Set<String> ownerTags = new HashSet<>();

    private long bytes;
    private int bodyLinks;
    private int frontmatterLinks;
    private int brokenLinks;

    private GenerateVault(Path out, int noteCount, long seed) {
        this.out = out;
        this.noteCount = noteCount;
        this.rng = new SplittableRandom(seed);
    }

    private void plan() {
        int nPeople = Math.max(1, Math.round(noteCount * 0.10f));
        int nCustomers = Math.max(1, Math.round(noteCount * 0.05f));
        int nProjects = Math.max(1, Math.round(noteCount * 0.10f));
        int nMeetings = Math.max(1, Math.round(noteCount * 0.45f));
        days = noteCount - nPeople - nCustomers - nProjects - nMeetings;
        firstDay = LAST_DAY.minusDays(days - 1L);
        for (int d = 0; d < days; d++) {
            names.add(day(d).toString());
        }
        planCustomers(nCustomers);
        planPeople(nPeople);
        planProjects(nProjects);
        planMeetings(nMeetings);
    }

    private void planCustomers(int n) {
        for (int i = 0; i < n; i++) {
            Customer c = new Customer();
            String name = null;
            for (int attempt = 0; attempt < 20 && name == null; attempt++) {
                String candidate = rng.nextInt(5) == 0
                        ? pick(COMPANY_PREFIXES)
                        : pick(COMPANY_PREFIXES) + " " + pick(COMPANY_SUFFIXES);
                if (claim(candidate)) {
                    name = candidate;
                }
            }
            String base = pick(COMPANY_PREFIXES) + " " + pick(COMPANY_SUFFIXES);
            for (int k = 0; name == null; k++) {
                String candidate = k < REGIONS.length ? base + " " + REGIONS[k] : base + " " + (k - REGIONS.length + 2);
                if (claim(candidate)) {
                    name = candidate;
                }
            }
            c.name = name;
            c.industry = pick(INDUSTRIES);
            customers.add(c);
        }
    }

    private void planPeople(int n) {
        for (int i = 0; i < n; i++) {
            Person p = new Person();
            p.first = pick(FIRST_NAMES);
            p.name = uniquePersonName(p.first);
            p.owner = "@" + p.name.replace(" ", "");
            int r = rng.nextInt(100);
            if (r < 25 || i == 0) {
                p.company = INTERNAL;
                p.role = pick(INTERNAL_ROLES);
                internal.add(i);
            } else if (r < 35) {
                p.company = UNKNOWN_COMPANY;
                p.role = "";
            } else {
                p.company = rng.nextInt(customers.size());
                p.role = rng.nextInt(5) == 0 ? "" : pick(CUSTOMER_ROLES);
                customers.get(p.company).contacts.add(i);
            }
            p.city = pick(CITIES);
            people.add(p);
        }
        for (Customer c : customers) {
            c.accountOwner = randomInternal();
        }
    }

    /** "First Last", or "First M Last" when that is taken (as a name or as an owner tag). */
    private String uniquePersonName(String first) {
        for (int attempt = 0; ; attempt++) {
            String last = pick(LAST_NAMES);
            if (claimPerson(first + " " + last)) {
                return first + " " + last;
            }
            int initial = rng.nextInt(26);
            for (int k = 0; k < 26; k++) {
                char middle = (char) ('A' + (initial + k) % 26);
                String candidate = first + " " + middle + " " + last;
                if (claimPerson(candidate)) {
                    return candidate;
                }
            }
            if (attempt > 50) { // only for vaults far larger than the name lists were sized for
                for (int k = 2; ; k++) {
                    String candidate = first + " " + last + " " + toLetters(k);
                    if (claimPerson(candidate)) {
                        return candidate;
                    }
                }
            }
        }
    }

    private void planProjects(int n) {
        for (int i = 0; i < n; i++) {
            Project p = new Project();
            p.customer = rng.nextInt(customers.size());
            Customer c = customers.get(p.customer);
            p.kind = pick(PROJECT_KINDS);
            String base = (rng.nextBoolean() ? pick(CODENAMES) : c.name) + " " + p.kind;
            String name = base;
            for (int k = 2; !claim(name); k++) {
                name = base + " Phase " + k;
            }
            p.name = name;
            p.owner = randomInternal();
            p.status = pick(PROJECT_STATUSES);
            p.startDay = rng.nextInt(days);
            Set<Integer> stakeholders = new LinkedHashSet<>();
            stakeholders.add(p.owner);
            int fromCustomer = rng.nextInt(3);
            for (int k = 0; k < fromCustomer && !c.contacts.isEmpty(); k++) {
                stakeholders.add(pick(c.contacts));
            }
            if (rng.nextInt(3) == 0) {
                stakeholders.add(rng.nextInt(people.size()));
            }
            p.stakeholders.addAll(stakeholders);
            for (int s : p.stakeholders) {
                people.get(s).projects.add(i);
            }
            c.projects.add(i);
            projects.add(p);
        }
    }

    private void planMeetings(int n) {
        int[] meetingDays = new int[n];
        for (int i = 0; i < n; i++) {
            meetingDays[i] = rng.nextInt(days);
        }
        Arrays.sort(meetingDays); // so every reverse index below is in date order
        meetingsByDay = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            meetingsByDay.add(new ArrayList<>(2));
        }
        for (int i = 0; i < n; i++) {
            Meeting m = new Meeting();
            m.day = meetingDays[i];
            m.topic = pick(TOPICS);
            Set<Integer> attendees = new LinkedHashSet<>();
            int internalCount = 1 + rng.nextInt(2);
            for (int k = 0; k < internalCount; k++) {
                attendees.add(randomInternal());
            }
            if (rng.nextInt(10) < 7) {
                m.customer = rng.nextInt(customers.size());
                Customer c = customers.get(m.customer);
                int external = 1 + rng.nextInt(3);
                for (int k = 0; k < external; k++) {
                    attendees.add(c.contacts.isEmpty() ? rng.nextInt(people.size()) : pick(c.contacts));
                }
                if (!c.projects.isEmpty() && rng.nextInt(10) < 6) {
                    m.project = pick(c.projects);
                }
            } else {
                int more = rng.nextInt(3);
                for (int k = 0; k < more; k++) {
                    attendees.add(rng.nextInt(people.size()));
                }
                if (rng.nextInt(10) < 3) {
                    m.project = rng.nextInt(projects.size());
                }
            }
            m.attendees.addAll(attendees);
            m.title = meetingTitle(m);
            String date = day(m.day).toString();
            String name = date + " - " + m.title;
            for (int k = 2; !claim(name); k++) {
                name = date + " - " + m.title + " (" + k + ")";
            }
            m.name = name;
            meetings.add(m);
            meetingsByDay.get(m.day).add(i);
            for (int a : m.attendees) {
                people.get(a).meetings.add(i);
            }
            if (m.customer >= 0) {
                customers.get(m.customer).meetings.add(i);
            }
            if (m.project >= 0) {
                projects.get(m.project).meetings.add(i);
            }
        }
    }

    private String meetingTitle(Meeting m) {
        Person a = people.get(m.attendees.get(0));
        Person b = people.get(m.attendees.get(m.attendees.size() - 1));
        String title;
        if (m.customer >= 0) {
            String c = customers.get(m.customer).name;
            String project = m.project >= 0 ? projects.get(m.project).name : null;
            title = switch (rng.nextInt(project == null ? 7 : 9)) {
                case 0 -> "Pricing sync with " + c;
                case 1 -> capitalize(m.topic) + " sync with " + c;
                case 2 -> c + " QBR (Q" + ((day(m.day).getMonthValue() + 2) / 3) + " " + day(m.day).getYear() + ")";
                case 3 -> "Discussed " + m.topic + " & next steps with " + c + "’s team";
                case 4 -> c + " escalation — " + m.topic;
                case 5 -> a.first + " and " + b.first + " aligned on " + m.topic + ", renewal timing and the "
                        + pick(TOPICS) + " plan for " + c;
                case 6 -> "Intro call, " + c + " (" + b.first + ")";
                case 7 -> project + " status review";
                default -> "Kickoff, " + project + " + " + m.topic;
            };
        } else {
            title = switch (rng.nextInt(4)) {
                case 0 -> "Weekly 1-1 with " + b.name;
                case 1 -> "Team planning — " + m.topic;
                case 2 -> a.first + " shared updates on " + m.topic + " and the "
                        + pick(TOPICS) + " backlog; agreed to revisit next week";
                default -> "Internal review of " + m.topic;
            };
        }
        // Long meeting titles are cut at 80 characters mid-word, as in the real vault.
        if (title.length() > 80) {
            title = title.substring(0, 80);
        }
        return title.strip().replaceAll("[ .,&+(—-]+$", "");
    }

    // ---------------------------------------------------------------------------------------------
    // Rendering

    private void write() throws IOException {
        Files.createDirectories(out.resolve(".obsidian"));
        Files.write(out.resolve(".obsidian/app.json"), "{}".getBytes(StandardCharsets.UTF_8));
        Path peopleDir = Files.createDirectories(out.resolve("People"));
        Path customersDir = Files.createDirectories(out.resolve("Customers"));
        Path projectsDir = Files.createDirectories(out.resolve("Projects"));
        Path meetingsDir = Files.createDirectories(out.resolve("Meetings"));
        Path dailyDir = Files.createDirectories(out.resolve("Daily"));
        try (NoteWriter writer = new NoteWriter()) {
            this.writer = writer;
            renderAll(peopleDir, customersDir, projectsDir, meetingsDir, dailyDir);
            writer.finish();
        }
    }

    private void renderAll(Path peopleDir, Path customersDir, Path projectsDir, Path meetingsDir, Path dailyDir)
            throws IOException {
        StringBuilder sb = new StringBuilder(4096);
        for (int i = 0; i < people.size(); i++) {
            sb.setLength(0);
            renderPerson(sb, people.get(i));
            writeNote(peopleDir, people.get(i).name, sb);
        }
        for (Customer c : customers) {
            sb.setLength(0);
            renderCustomer(sb, c);
            writeNote(customersDir, c.name, sb);
        }
        for (Project p : projects) {
            sb.setLength(0);
            renderProject(sb, p);
            writeNote(projectsDir, p.name, sb);
        }
        for (Meeting m : meetings) {
            sb.setLength(0);
            renderMeeting(sb, m);
            writeNote(meetingsDir, m.name, sb);
        }
        for (int d = 0; d < days; d++) {
            sb.setLength(0);
            renderDaily(sb, d);
            writeNote(dailyDir, day(d).toString(), sb);
        }
    }

    private void writeNote(Path dir, String name, StringBuilder content) throws IOException {
        byte[] data = content.toString().getBytes(StandardCharsets.UTF_8);
        writer.write(dir.resolve(name + ".md"), data);
        bytes += data.length;
    }

    /**
     * Writes files on a few threads while the caller renders the next notes. Content is produced in a
     * fixed order on one thread, so only the order of file creation varies, never the bytes.
     */
    private static final class NoteWriter implements AutoCloseable {
        private final ExecutorService pool;
        private final Semaphore inFlight = new Semaphore(4096); // bounds the bytes held in memory
        private final AtomicReference<IOException> failure = new AtomicReference<>();

        NoteWriter() {
            int threads = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
            pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "vault-writer");
                t.setDaemon(true);
                return t;
            });
        }

        void write(Path file, byte[] data) throws IOException {
            rethrowFailure();
            inFlight.acquireUninterruptibly();
            pool.execute(() -> {
                try {
                    Files.write(file, data);
                } catch (IOException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.release();
                }
            });
        }

        void finish() throws IOException {
            pool.shutdown();
            try {
                while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    // keep waiting: a slow disk is not an error
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing notes", e);
            }
            rethrowFailure();
        }

        private void rethrowFailure() throws IOException {
            IOException e = failure.get();
            if (e != null) {
                throw e;
            }
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    private void renderPerson(StringBuilder sb, Person p) {
        LocalDate lastContact = p.meetings.isEmpty()
                ? day(rng.nextInt(days))
                : day(meetings.get(p.meetings.get(p.meetings.size() - 1)).day);
        LocalDate created = lastContact.minusDays(rng.nextInt(400));
        String companyName = companyName(p);
        sb.append("---\n");
        sb.append("type: people\n");
        sb.append("title: ").append(yaml(p.name)).append('\n');
        sb.append("created: '").append(created).append("'\n");
        sb.append("last_contact: '").append(lastContact).append("'\n");
        sb.append("auto_created: ").append(rng.nextBoolean()).append('\n');
        sb.append("tags:\n- type/people\n");
        if (rng.nextInt(3) == 0) {
            sb.append("- needs-review\n");
        }
        if (companyName != null) {
            sb.append("- company/").append(slug(companyName)).append('\n');
        }
        sb.append("---\n\n");
        sb.append("# ").append(p.name).append("\n\n");

        sb.append("## Contact Information\n\n");
        sb.append("| Field | Value |\n|-------|-------|\n");
        sb.append("| **Role** | ").append(p.role).append(" |\n");
        sb.append("| **Company** | ").append(companyName != null ? companyName : "_Unknown_").append(" |\n");
        sb.append("| **Email** | ");
        if (companyName != null && rng.nextBoolean()) {
            sb.append(emailLocal(p.name)).append('@').append(slug(companyName).replace("-", "")).append(".example");
        } else {
            sb.append("_Unknown_");
        }
        sb.append(" |\n");
        sb.append("| **Phone** | _Unknown_ |\n");
        sb.append("| **Location** | ").append(rng.nextBoolean() ? p.city : "_Unknown_").append(" |\n\n");

        sb.append("## Relationship\n\n");
        sb.append(p.company == INTERNAL ? "Colleague at " + OWN_COMPANY + "; " : "")
                .append(pick(RELATIONSHIPS)).append("\n\n");

        if (rng.nextBoolean()) {
            sb.append("## Projects\n\n```dataview\nLIST\nFROM \"Projects\"\n")
                    .append("WHERE contains(file.outlinks, this.file.link)\n```\n\n");
        }
        sb.append("## Open Tasks\n\n```dataview\nTASK\nFROM \"\"\nWHERE !completed AND contains(text, \"")
                .append(p.name).append("\")\nSORT due ASC\n```\n\n");
        sb.append("## Tasks They Own\n\n```dataview\nTASK\nWHERE contains(text, \"").append(p.owner)
                .append("\") AND !completed\nSORT due ASC\n```\n\n");

        sb.append("## Key Facts\n\n");
        int[] kinds = new int[FACT_KINDS];
        for (int k = 0; k < FACT_KINDS; k++) {
            kinds[k] = k;
        }
        int facts = 3 + rng.nextInt(6);
        for (int k = 0; k < facts; k++) { // distinct kinds of fact: partial Fisher-Yates shuffle
            int j = k + rng.nextInt(FACT_KINDS - k);
            int kind = kinds[j];
            kinds[j] = kinds[k];
            sb.append("- ").append(fact(p, kind)).append('\n');
        }
        sb.append('\n');

        sb.append("## Recent Context\n\n");
        int shown = 0;
        for (int k = p.meetings.size() - 1; k >= 0 && shown < 5; k--, shown++) {
            Meeting m = meetings.get(p.meetings.get(k));
            String date = day(m.day).toString();
            sb.append("- ").append(date).append(": ").append(link(m.name)).append(" - ")
                    .append(capitalize(m.topic)).append(" with ")
                    .append(m.customer >= 0 ? customers.get(m.customer).name : "the team").append("...");
            int via = m.attendees.get(0);
            if (people.get(via) != p) {
                sb.append(" (via ").append(people.get(via).name).append(')');
            }
            sb.append('\n');
        }
        int dailyMentions = shown == 0 ? 2 : rng.nextInt(2);
        for (int k = 0; k < dailyMentions; k++) {
            String date = day(rng.nextInt(days)).toString();
            sb.append("- ").append(date).append(": ").append(link(date)).append(" - Mentioned in daily notes\n");
        }
        sb.append('\n');

        if (p.company >= 0) {
            sb.append("## Related Customers\n\n- ").append(link(customers.get(p.company).name)).append("\n\n");
        }
        if (!p.projects.isEmpty()) {
            sb.append("## Related Projects\n\n");
            for (int k = 0; k < Math.min(4, p.projects.size()); k++) {
                sb.append("- ").append(link(projects.get(p.projects.get(k)).name)).append('\n');
            }
            sb.append('\n');
        }
        sb.append("---\n*Last updated: ").append(lastContact).append("*\n");
    }

    private static final int FACT_KINDS = 10;

    private String fact(Person p, int kind) {
        String company = p.company >= 0 ? customers.get(p.company).name : OWN_COMPANY;
        return switch (kind) {
            case 0 -> "Owns the " + pick(TOPICS) + " decision at " + company + ".";
            case 1 -> "Prefers async updates; replies fastest on chat, slower on email.";
            case 2 -> "Previously worked at " + link(pick(customers).name) + " on " + pick(TOPICS) + ".";
            case 3 -> "Budget for " + pick(TOPICS) + " is approved through Q" + (1 + rng.nextInt(4)) + ".";
            case 4 -> p.projects.isEmpty()
                    ? "Wants a written proposal before the next " + pick(TOPICS) + " meeting."
                    : "Sees " + link(projects.get(pick(p.projects)).name) + " as a stepping stone to a broader rollout.";
            case 5 -> "Raised concerns about " + pick(TOPICS) + " (cost, timeline ~" + (2 + rng.nextInt(10))
                    + " weeks).";
            case 6 -> "Works closely with " + personLink(rng.nextInt(people.size())) + ".";
            case 7 -> "Based in " + p.city + "; usually free " + pick(WEEKDAYS) + " mornings.";
            case 8 -> "Champion for " + OWN_COMPANY + " internally; skeptical of " + pick(TOPICS) + ".";
            default -> "Mentioned a " + (10 + rng.nextInt(90)) + "% growth target for " + pick(TOPICS) + ".";
        };
    }

    private void renderCustomer(StringBuilder sb, Customer c) {
        Person owner = people.get(c.accountOwner);
        sb.append("---\n");
        sb.append("type: customer\n");
        sb.append("title: ").append(yaml(c.name)).append('\n');
        sb.append("industry: ").append(yaml(c.industry)).append('\n');
        sb.append("account_owner: ").append(frontmatterLink(owner.name)).append('\n');
        sb.append("created: '").append(day(rng.nextInt(days))).append("'\n");
        sb.append("tags:\n- type/customer\n- industry/").append(slug(c.industry)).append('\n');
        sb.append("---\n\n");
        sb.append("# ").append(c.name).append("\n\n");
        sb.append("## Overview\n\n");
        sb.append("| Field | Value |\n|-------|-------|\n");
        sb.append("| **Industry** | ").append(c.industry).append(" |\n");
        sb.append("| **Stage** | ").append(pick(STAGES)).append(" |\n");
        sb.append("| **Account Owner** | ").append(personLink(c.accountOwner)).append(" |\n");
        sb.append("| **ARR** | ").append(rng.nextInt(4) == 0 ? "_Unknown_" : "$" + (50 + rng.nextInt(950)) + "k")
                .append(" |\n\n");
        sb.append(c.name).append(" is evaluating ").append(pick(TOPICS)).append(" and ").append(pick(TOPICS))
                .append(".\n\n");
        sb.append("## Key Contacts\n\n");
        if (c.contacts.isEmpty()) {
            sb.append("_None yet._\n");
        }
        for (int k = 0; k < Math.min(6, c.contacts.size()); k++) {
            Person p = people.get(c.contacts.get(k));
            sb.append("- ").append(personLink(c.contacts.get(k)));
            if (!p.role.isEmpty()) {
                sb.append(" — ").append(p.role);
            }
            sb.append('\n');
        }
        sb.append('\n');
        if (!c.projects.isEmpty()) {
            sb.append("## Projects\n\n");
            for (int k = 0; k < Math.min(5, c.projects.size()); k++) {
                sb.append("- ").append(link(projects.get(c.projects.get(k)).name)).append('\n');
            }
            sb.append('\n');
        }
        sb.append("## Recent Meetings\n\n");
        for (int k = c.meetings.size() - 1; k >= Math.max(0, c.meetings.size() - 3); k--) {
            sb.append("- ").append(link(meetings.get(c.meetings.get(k)).name)).append('\n');
        }
        sb.append("\n```dataview\nLIST\nFROM \"Meetings\"\nWHERE contains(file.outlinks, this.file.link)\n")
                .append("SORT file.name DESC\n```\n");
    }

    private void renderProject(StringBuilder sb, Project p) {
        Customer c = customers.get(p.customer);
        sb.append("---\n");
        sb.append("type: project\n");
        sb.append("title: ").append(yaml(p.name)).append('\n');
        sb.append("status: ").append(p.status).append('\n');
        sb.append("customer: ").append(frontmatterLink(c.name)).append('\n');
        sb.append("owner: ").append(frontmatterLink(people.get(p.owner).name)).append('\n');
        sb.append("created: '").append(day(p.startDay)).append("'\n");
        sb.append("tags:\n- type/project\n- status/").append(p.status).append('\n');
        sb.append("---\n\n");
        sb.append("# ").append(p.name).append("\n\n");
        sb.append("## Overview\n\n");
        sb.append(p.kind).append(" for ").append(link(c.name))
                .append(", focused on ").append(pick(TOPICS)).append(" and ").append(pick(TOPICS))
                .append(". Led by ").append(personLink(p.owner)).append(".\n\n");
        sb.append("## Tasks\n\n");
        int tasks = 3 + rng.nextInt(6);
        for (int k = 0; k < tasks; k++) {
            int owner = pick(p.stakeholders);
            task(sb, taskText(c, p, owner), owner, p.startDay + rng.nextInt(120));
        }
        sb.append('\n');
        sb.append("## Stakeholders\n\n");
        for (int s : p.stakeholders) {
            sb.append("- ").append(personLink(s)).append('\n');
        }
        sb.append('\n');
        if (!p.meetings.isEmpty()) {
            sb.append("## Related Meetings\n\n");
            for (int k = p.meetings.size() - 1; k >= Math.max(0, p.meetings.size() - 4); k--) {
                sb.append("- ").append(link(meetings.get(p.meetings.get(k)).name)).append('\n');
            }
            sb.append('\n');
        }
        sb.append("## Risks\n\n- ").append(capitalize(pick(TOPICS))).append(" may slip if ")
                .append(pick(TOPICS)).append(" is not resolved.\n");
    }

    private void renderMeeting(StringBuilder sb, Meeting m) {
        String date = day(m.day).toString();
        String customer = m.customer >= 0 ? customers.get(m.customer).name : null;
        String project = m.project >= 0 ? projects.get(m.project).name : null;
        sb.append("---\n");
        sb.append("type: meeting\n");
        sb.append("title: ").append(yaml(m.title)).append('\n');
        sb.append("date: '").append(date).append("'\n");
        sb.append("attendees: [");
        for (int k = 0; k < m.attendees.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(frontmatterLink(people.get(m.attendees.get(k)).name));
        }
        sb.append("]\n");
        if (customer != null) {
            sb.append("customer: ").append(frontmatterLink(customer)).append('\n');
        }
        if (project != null) {
            sb.append("project: ").append(frontmatterLink(project)).append('\n');
        }
        sb.append("tags:\n- type/meeting\n");
        if (customer != null) {
            sb.append("- customer/").append(slug(customer)).append('\n');
        }
        sb.append("---\n\n");
        sb.append("# ").append(m.title).append("\n\n");
        sb.append("**Date:** ").append(link(date));
        if (customer != null) {
            sb.append(" · **Customer:** ").append(link(customer));
        }
        if (project != null) {
            sb.append(" · **Project:** ").append(link(project));
        }
        sb.append("\n**Attendees:** ");
        for (int k = 0; k < m.attendees.size(); k++) {
            sb.append(k == 0 ? "" : ", ").append(personLink(m.attendees.get(k)));
        }
        sb.append("\n\n## Summary\n\n");
        int lead = m.attendees.get(0);
        int other = m.attendees.get(m.attendees.size() - 1);
        sb.append(people.get(lead).first).append(" walked through ").append(m.topic);
        if (customer != null) {
            sb.append(" for ").append(customer);
        }
        sb.append(" and the open questions on ").append(pick(TOPICS)).append(". ");
        sb.append(people.get(other).first).append(" wants ").append(pick(OUTCOMES)).append(".\n\n");

        sb.append("## Discussion\n\n");
        int sections = 1 + rng.nextInt(2);
        for (int s = 0; s < sections; s++) {
            sb.append("### ").append(capitalize(s == 0 ? m.topic : pick(TOPICS))).append("\n\n");
            int bullets = 2 + rng.nextInt(3);
            for (int k = 0; k < bullets; k++) {
                sb.append("- ").append(discussionPoint(m)).append('\n');
            }
            sb.append('\n');
        }

        sb.append("## Action Items\n\n");
        int tasks = 1 + rng.nextInt(3);
        Customer c = m.customer >= 0 ? customers.get(m.customer) : null;
        Project p = m.project >= 0 ? projects.get(m.project) : null;
        for (int k = 0; k < tasks; k++) {
            int owner = pick(m.attendees);
            task(sb, taskText(c, p, owner), owner, m.day + 1 + rng.nextInt(21));
        }
        if (rng.nextBoolean()) {
            sb.append("\n## Decisions\n\n- ✅ ").append(capitalize(pick(DECISIONS))).append(' ')
                    .append(pick(TOPICS)).append(".\n");
        }
    }

    private String discussionPoint(Meeting m) {
        int someone = pick(m.attendees);
        return switch (rng.nextInt(7)) {
            case 0 -> personLink(someone) + " flagged " + pick(TOPICS) + " as a blocker.";
            case 1 -> "Current estimate is ~" + (2 + rng.nextInt(30)) + " weeks for " + pick(TOPICS) + ".";
            case 2 -> m.project >= 0
                    ? "See " + link(projects.get(m.project).name, "Tasks", null) + " for the updated plan."
                    : "No project yet; revisit after " + pick(TOPICS) + ".";
            case 3 -> "Background on " + personLink(someone, "Key Facts") + ".";
            case 4 -> "Follow-up from " + link(day(Math.max(0, m.day - 1 - rng.nextInt(14))).toString()) + ".";
            case 5 -> capitalize(pick(TOPICS)) + " compared with " + pick(TOPICS) + "; no decision yet.";
            default -> "Budget owner is " + people.get(someone).first + "; numbers due by "
                    + day(m.day + 7) + ".";
        };
    }

    private void renderDaily(StringBuilder sb, int d) {
        LocalDate date = day(d);
        sb.append("---\n");
        sb.append("type: daily\n");
        sb.append("title: '").append(date).append("'\n");
        sb.append("created: '").append(date).append("'\n");
        sb.append("tags:\n- type/daily\n");
        sb.append("---\n\n");
        sb.append("# ").append(date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(", ")
                .append(date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)).append(' ')
                .append(date.getDayOfMonth()).append(", ").append(date.getYear()).append("\n\n");
        sb.append("## Meetings\n\n");
        List<Integer> todays = meetingsByDay.get(d);
        if (todays.isEmpty()) {
            sb.append("_No meetings._\n");
        }
        for (int m : todays) {
            sb.append("- ").append(link(meetings.get(m).name)).append('\n');
        }
        sb.append("\n## Tasks\n\n");
        int tasks = 1 + rng.nextInt(3);
        for (int k = 0; k < tasks; k++) {
            int owner = randomInternal();
            Customer c = pick(customers);
            Project p = projects.get(rng.nextInt(projects.size()));
            task(sb, taskText(c, p, owner), owner, d + rng.nextInt(10));
        }
        sb.append("\n## Notes\n\n");
        int notes = 1 + rng.nextInt(3);
        for (int k = 0; k < notes; k++) {
            sb.append("- ").append(switch (rng.nextInt(4)) {
                case 0 -> "Quick call with " + personLink(rng.nextInt(people.size())) + " about " + pick(TOPICS) + ".";
                case 1 -> "Read up on " + pick(TOPICS) + " ahead of the " + link(pick(customers).name) + " review.";
                case 2 -> "Thinking about " + link(projects.get(rng.nextInt(projects.size())).name) + " scope.";
                default -> "Heads-down on " + pick(TOPICS) + ".";
            }).append('\n');
        }
    }

    private String taskText(Customer c, Project p, int owner) {
        int other = rng.nextInt(people.size());
        return switch (rng.nextInt(8)) {
            case 0 -> c != null ? "Send revised pricing to " + link(c.name) : "Send revised pricing draft";
            case 1 -> "Draft " + pick(TOPICS) + " proposal";
            case 2 -> other != owner ? "Schedule follow-up with " + personLink(other) : "Schedule follow-up";
            case 3 -> c != null ? "Share " + pick(TOPICS) + " deck with " + link(c.name) : "Share deck internally";
            case 4 -> p != null ? "Review " + link(p.name) + " timeline" : "Review timeline";
            case 5 -> p != null ? "Update " + link(p.name, "Tasks", "open tasks") : "Update open tasks";
            case 6 -> "Confirm budget for " + pick(TOPICS);
            default -> "Book demo of " + pick(TOPICS) + " for " + personLink(other);
        };
    }

    /** {@code - [ ] text @Owner 📅 due}, about a third of them done ({@code - [x] ... ✅ done}). */
    private void task(StringBuilder sb, String text, int owner, int dueDay) {
        boolean done = rng.nextInt(3) == 0;
        sb.append(done ? "- [x] " : "- [ ] ").append(text).append(' ').append(people.get(owner).owner)
                .append(" 📅 ").append(day(dueDay));
        if (done) {
            sb.append(" ✅ ").append(day(dueDay - rng.nextInt(5)));
        }
        sb.append('\n');
    }

    // ---------------------------------------------------------------------------------------------
    // Links

    private String personLink(int person) {
        return personLink(person, null);
    }

    private String personLink(int person, String heading) {
        Person p = people.get(person);
        // Now and then display just the first name, as people do when typing [[Full Name|First]].
        String alias = heading == null && rng.nextInt(8) == 0 ? p.first : null;
        return link(p.name, heading, alias);
    }

    private String link(String target) {
        return link(target, null, null);
    }

    /** A body wikilink; one in {@value #BROKEN_ONE_IN} points at a name that exists nowhere. */
    private String link(String target, String heading, String alias) {
        bodyLinks++;
        String t = target;
        if (rng.nextInt(BROKEN_ONE_IN) == 0) {
            t = brokenVariant(target);
            brokenLinks++;
        }
        StringBuilder b = new StringBuilder(t.length() + 8).append("[[").append(t);
        if (heading != null) {
            b.append('#').append(heading);
        }
        if (alias != null) {
            b.append('|').append(alias);
        }
        return b.append("]]").toString();
    }

    /** Frontmatter links are quoted YAML strings and always resolve. */
    private String frontmatterLink(String target) {
        frontmatterLinks++;
        return "\"[[" + target.replace("\\", "\\\\").replace("\"", "\\\"") + "]]\"";
    }

    /** A plausible typo or stale name for {@code target} that matches no note in the vault. */
    private String brokenVariant(String target) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate;
            int i = 1 + rng.nextInt(Math.max(1, target.length() - 2));
            switch (rng.nextInt(3)) {
                case 0 -> { // swap two adjacent letters
                    if (i + 1 >= target.length() || !Character.isLetter(target.charAt(i))
                            || !Character.isLetter(target.charAt(i + 1))) {
                        continue;
                    }
                    candidate = target.substring(0, i) + target.charAt(i + 1) + target.charAt(i)
                            + target.substring(i + 2);
                }
                case 1 -> { // drop a letter
                    if (i >= target.length() || !Character.isLetter(target.charAt(i))) {
                        continue;
                    }
                    candidate = target.substring(0, i) + target.substring(i + 1);
                }
                default -> candidate = target + " " + pick(STALE_SUFFIXES); // renamed or deleted since
            }
            if (!candidate.isBlank() && !names.contains(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        for (int k = 1; ; k++) {
            String candidate = target + " (deleted " + k + ")";
            if (!names.contains(candidate.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers

    private boolean claim(String name) {
        return names.add(name.toLowerCase(Locale.ROOT));
    }

    private boolean claimPerson(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String tag = lower.replace(" ", "");
        if (names.contains(lower) || ownerTags.contains(tag)) {
            return false;
        }
        names.add(lower);
        ownerTags.add(tag);
        return true;
    }

    private int randomInternal() {
        return internal.isEmpty() ? rng.nextInt(people.size()) : pick(internal);
    }

    private LocalDate day(int index) {
        return firstDay.plusDays(index);
    }

    private String companyName(Person p) {
        if (p.company == INTERNAL) {
            return OWN_COMPANY;
        }
        return p.company >= 0 ? customers.get(p.company).name : null;
    }

    private <T> T pick(T[] values) {
        return values[rng.nextInt(values.length)];
    }

    private <T> T pick(List<T> values) {
        return values.get(rng.nextInt(values.size()));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** 2 → "B", 27 → "AA": disambiguators for name lists exhausted by huge vaults. */
    private static String toLetters(int k) {
        StringBuilder b = new StringBuilder();
        for (int n = k; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    /** Tag-safe slug: lower-case letters and digits (any script) separated by single hyphens. */
    static String slug(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isLetterOrDigit(ch)) {
                b.append(Character.toLowerCase(ch));
            } else if (ch != '\'' && ch != '’' && b.length() > 0 && b.charAt(b.length() - 1) != '-') {
                b.append('-');
            }
        }
        while (b.length() > 0 && b.charAt(b.length() - 1) == '-') {
            b.setLength(b.length() - 1);
        }
        return b.toString();
    }

    private static String emailLocal(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.toLowerCase(Locale.ROOT).split(" ")) {
            for (int i = 0; i < part.length(); i++) {
                char ch = part.charAt(i);
                if (ch >= 'a' && ch <= 'z') {
                    b.append(ch);
                }
            }
            b.append('.');
        }
        b.setLength(b.length() - 1);
        return b.toString();
    }

    private static final Set<String> YAML_RESERVED =
            Set.of("yes", "no", "on", "off", "true", "false", "null", "y", "n");

    /** A YAML scalar: plain when unambiguous, otherwise single-quoted. */
    static String yaml(String s) {
        if (s.matches("[A-Za-z][A-Za-z0-9 ]*") && !s.endsWith(" ")
                && !YAML_RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            return s;
        }
        return "'" + s.replace("'", "''") + "'";
    }

    // ---------------------------------------------------------------------------------------------
    // Word lists (fictional people and companies)

    private static final String[] FIRST_NAMES = {
        "Ada", "Aisha", "Alan", "Alice", "Amara", "Amir", "Ana", "Andrea", "Anika", "Arjun", "Ava", "Beatriz",
        "Ben", "Bianca", "Björn", "Boris", "Carla", "Carlos", "Chen", "Chiara", "Chidi", "Chloe", "Clara", "Dana",
        "Daniel", "Darius", "Dev", "Diego", "Dmitri", "Elena", "Eli", "Elif", "Emeka", "Emma", "Erik", "Esther",
        "Farah", "Fatima", "Felix", "Fiona", "Gabriel", "Gita", "Grace", "Hana", "Hannah", "Hector", "Hugo", "Ines",
        "Ingrid", "Irene", "Isaac", "Ivan", "Jamal", "Jana", "Javier", "Jin", "João", "Jonas", "José", "Julia",
        "Kai", "Keira", "Kenji", "Kofi", "Lars", "Laura", "Leila", "Lena", "Leo", "Lina", "Lucas", "Luis", "Malik",
        "Marco", "Maria", "Mateo", "Maya", "Mei", "Miguel", "Mina", "Nadia", "Naomi", "Nikhil", "Nils", "Nina",
        "Noah", "Nora", "Olga", "Omar", "Oscar", "Owen", "Paula", "Priya", "Quinn", "Rafael", "Rahul", "Rania",
        "Ravi", "Renée", "Rosa", "Ruth", "Sami", "Sanjay", "Sara", "Sofia", "Sven", "Tariq", "Tessa", "Thea",
        "Theo", "Tomas", "Ulrich", "Uma", "Valentina", "Vera", "Victor", "Wei", "Wren", "Xavier", "Yara", "Yuki",
        "Yusuf", "Zane", "Zara", "Zoë",
    };

    private static final String[] LAST_NAMES = {
        "Abara", "Acheampong", "Adeyemi", "Alvarez", "Andersen", "Barros", "Bauer", "Becker", "Bhatt", "Bianchi",
        "Brennan", "Carvalho", "Castillo", "Chandra", "Chowdhury", "Conti", "Costa", "Dalton", "Delgado",
        "Dimitrov", "Duarte", "Dubois", "Eriksson", "Espinoza", "Everett", "Eze", "Farouk", "Fernandes", "Fischer",
        "Fontaine", "Forsberg", "Gallagher", "García", "Gonzaga", "Grant", "Gupta", "Haddad", "Hansen", "Hartley",
        "Herrera", "Hoffmann", "Horvat", "Ibrahim", "Ivanova", "Iyer", "Jensen", "Jovanovic", "Kapoor", "Kato",
        "Kaur", "Keller", "Khan", "Kim", "Kowalski", "Kruger", "Lambert", "Larsen", "Lindqvist", "Lopez", "Maddox",
        "Mahmoud", "Mendes", "Meyer", "Mishra", "Moreau", "Moyo", "Müller", "Nair", "Nakamura", "Navarro",
        "Nguyen", "Novak", "Nwosu", "Okafor", "Olsen", "Ortega", "Osei", "Park", "Patel", "Pereira", "Petrov",
        "Pillai", "Quintero", "Qureshi", "Rahman", "Ramos", "Reyes", "Rocha", "Rossi", "Sato", "Schmidt", "Sharma",
        "Silva", "Singh", "Sokolov", "Soto", "Suzuki", "Tanaka", "Thakur", "Torres", "Tran", "Ueda", "Usman",
        "Valdez", "Varga", "Vasquez", "Vogel", "Wagner", "Walsh", "Weber", "Wójcik", "Xu", "Yadav", "Yamamoto",
        "Yilmaz", "Zamora", "Zhang", "Zhou", "Zielinski",
    };

    private static final String[] COMPANY_PREFIXES = {
        "Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware", "Proseware", "Woodgrove", "Alpine",
        "Blue Yonder", "Coho", "Lucerne", "Margie’s", "Adatum", "Trey", "Fourth Coffee", "Graphic Design",
        "Humongous", "Southridge", "Wide World", "Relecloud", "Datum", "Lamna", "Nod", "Tasman", "Boreal",
        "Cobalt", "Meridian", "Halcyon", "Ironbark", "Juniper", "Kestrel", "Larkspur", "Mariner", "Nimbus",
        "Obsidian Bay", "Pinecrest", "Quarry", "Redwood", "Saltmarsh", "Tidewater", "Umber", "Vantage", "Westfold",
        "Yarrow", "Zephyr", "Aster", "Bramble", "Cedar & Stone", "Driftwood", "Ember", "Foxglove", "Granite",
        "Harbor", "Indigo", "Jasper", "Keel", "Lodestar", "Monarch", "Nettle", "Orchard", "Paragon", "Quill",
        "Riverbend", "Sable", "Thistle", "Upland", "Verdant", "Willow", "Xylo", "Yellowfin", "Zinnia", "Acorn",
        "Beacon", "Compass", "Delta Nine", "Elmstead", "Fjord", "Glacier", "Highline",
    };

    private static final String[] COMPANY_SUFFIXES = {
        "Bank", "Health", "Logistics", "Energy", "Labs", "Systems", "Media", "Foods", "Airlines", "Insurance",
        "Pharma", "Robotics", "Capital", "Retail", "Telecom", "Analytics", "Motors", "Studios", "Biotech",
        "University", "Research", "Cloud", "Networks", "Semiconductor", "Shipping", "Games", "Security", "Mining",
        "Utilities", "Group", "Traders", "Hospitality", "Aerospace", "Genomics", "Films", "Partners", "Holdings",
        "AI", "Data", "Works",
    };

    private static final String[] REGIONS = {"EMEA", "APAC", "Americas", "Japan", "Nordics", "LATAM"};

    private static final String[] INDUSTRIES = {
        "Financial Services", "Healthcare", "Life Sciences", "Media & Entertainment", "Manufacturing", "Retail",
        "Public Sector", "Higher Education", "Telecommunications", "Energy", "Automotive", "AI Cloud",
    };

    private static final String[] CODENAMES = {
        "Falcon", "Atlas", "Orion", "Phoenix", "Apollo", "Hermes", "Nova", "Vega", "Lyra", "Polaris", "Aurora",
        "Titan", "Kepler", "Cygnus", "Draco", "Helix", "Ion", "Juno", "Kite", "Lumen", "Magellan", "Nebula",
        "Onyx", "Pulsar", "Quasar", "Raven", "Sierra", "Tango", "Umbra", "Vortex", "Wyvern", "Zenith", "Borealis",
        "Comet", "Dynamo", "Echo", "Fathom", "Gemini", "Halo", "Iris", "Jetstream", "Krypton", "Lynx", "Meteor",
        "Nimbus", "Oberon", "Pegasus", "Quartz", "Rigel", "Sirius", "Tesla", "Ursa", "Vulcan", "Wave", "Xenon",
    };

    private static final String[] PROJECT_KINDS = {
        "Data Platform", "Migration", "Pilot", "Rollout", "POC", "Renewal", "Expansion", "Integration",
        "Modernization", "DR Setup", "Lakehouse", "GPU Cluster", "Archive Tier", "S3 Gateway", "Edge Caching",
        "Onboarding", "Security Review", "Cost Optimization", "Benchmark", "Training Pipeline",
        "Inference Platform", "Backup Refresh", "Multi-Site Replication", "Observability", "Tiering v2.1",
        "Capacity Plan", "Partner Program", "Marketplace Listing", "Support Playbook", "Compliance Audit",
    };

    private static final String[] PROJECT_STATUSES = {"active", "active", "active", "planning", "on-hold", "done"};

    private static final String[] STAGES = {"Prospect", "Evaluation", "POC", "Negotiation", "Customer", "Churn risk"};

    private static final String[] TOPICS = {
        "pricing", "renewal terms", "data migration", "security review", "GPU capacity planning", "Q3 roadmap",
        "SSO rollout", "S3 compatibility", "support escalation", "v2.1 rollout", "contract redlines",
        "POC results", "onboarding", "cost per TB", "multi-site replication", "disaster recovery",
        "quota management", "QoS policies", "global namespace", "hardware qualification",
        "marketplace listing", "training throughput", "inference latency", "checkpoint performance",
        "archive tiering", "compliance (SOC 2)", "procurement timeline", "executive sponsorship",
        "reference architecture", "network bandwidth", "capacity forecast", "billing integration",
        "partner enablement", "benchmark plan", "observability dashboards", "hiring plan",
    };

    private static final String[] OUTCOMES = {
        "a revised quote by Friday", "a written plan before committing", "the benchmark numbers first",
        "an executive sponsor on their side", "to pilot on one site before expanding", "references from peers",
        "a clear support model", "a decision before quarter end",
    };

    private static final String[] DECISIONS = {
        "proceed with", "defer", "pilot", "prioritize", "drop", "revisit in a month:",
    };

    private static final String[] STALE_SUFFIXES = {"(old)", "v1", "draft", "(archived)", "notes"};

    private static final String[] INTERNAL_ROLES = {
        "Account Executive", "Solutions Engineer", "Product Manager", "Engineering Manager",
        "Customer Success Manager", "VP Sales", "Field CTO", "Sales Engineer",
    };

    private static final String[] CUSTOMER_ROLES = {
        "CTO", "Head of Infrastructure", "Data Platform Lead", "Procurement Manager", "ML Engineer",
        "Director of IT", "CISO", "Storage Architect", "VP Engineering", "Research Scientist",
    };

    private static final String[] RELATIONSHIPS = {
        "Friendly and direct; prefers short agendas.", "Technical evaluator; wants data before opinions.",
        "Economic buyer; cares about cost and risk.", "Champion; helps navigate internal politics.",
        "Skeptical but fair; needs references.", "_How do you work with this person? What is your dynamic?_",
    };

    private static final String[] CITIES = {
        "Seattle", "Austin", "New York", "London", "Berlin", "Munich", "Paris", "Tel Aviv", "Bengaluru",
        "Singapore", "Tokyo", "Sydney", "Toronto", "São Paulo", "Lagos", "Nairobi", "Stockholm", "Zürich",
    };

    private static final String[] WEEKDAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};
}
