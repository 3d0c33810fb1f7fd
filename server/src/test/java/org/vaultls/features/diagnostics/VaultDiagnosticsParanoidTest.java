package org.vaultls.features.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vaultls.config.ObsidianSettings;
import org.vaultls.config.VaultConfig;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * Feeds random sequences of edits, creations, deletions, renames and attachment changes to an
 * incrementally updated index and its findings, and checks after every step that both equal what a
 * rebuild from scratch gives.
 */
class VaultDiagnosticsParanoidTest {
    private static final List<String> NAMES = List.of("Ada Berg", "Tom Reyes", "Apollo", "Roadmap", "Pricing",
            "2026-01-02", "Northwind");
    private static final List<String> FOLDERS = List.of("", "People/", "Projects/", "Archive/");
    private static final List<String> ATTACHMENTS = List.of("Attachments/chart.png", "spec.pdf");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void incrementalFindingsEqualAFreshRebuildAfterEveryRandomChange(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<String, Note> notes = new LinkedHashMap<>();
        List<String> attachments = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String path = randomPath(rnd);
            notes.put(path, NoteParser.parse(path, randomText(rnd)));
        }
        VaultConfig config = VaultConfig.defaults();
        ObsidianSettings obsidian = ObsidianSettings.defaults();
        VaultIndex index = VaultIndex.build(config, obsidian, notes.values(), attachments);
        VaultDiagnostics diagnostics = new VaultDiagnostics();
        diagnostics.reset(index);
        for (int step = 0; step < 120; step++) {
            List<String> changedNotes = new ArrayList<>();
            List<String> addedAtt = new ArrayList<>();
            List<String> removedAtt = new ArrayList<>();
            List<Note> upserts = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            int op = rnd.nextInt(10);
            String op0;
            if (op < 5 && !notes.isEmpty()) {
                op0 = "edit";
                String path = pick(rnd, new ArrayList<>(notes.keySet()));
                upserts.add(NoteParser.parse(path, randomText(rnd)));
            } else if (op < 7) {
                op0 = "create";
                String path = randomPath(rnd);
                upserts.add(NoteParser.parse(path, randomText(rnd)));
            } else if (op < 8 && !notes.isEmpty()) {
                op0 = "delete";
                removed.add(pick(rnd, new ArrayList<>(notes.keySet())));
            } else if (op < 9 && !notes.isEmpty()) {
                op0 = "rename";
                String from = pick(rnd, new ArrayList<>(notes.keySet()));
                String to = randomPath(rnd);
                if (!to.equals(from)) {
                    removed.add(from);
                    upserts.add(NoteParser.parse(to, notes.get(from).text()));
                }
            } else {
                op0 = "attachment";
                String a = pick(rnd, ATTACHMENTS);
                if (attachments.contains(a)) {
                    removedAtt.add(a);
                } else {
                    addedAtt.add(a);
                }
            }
            removed.forEach(p -> {
                notes.remove(p);
                changedNotes.add(p);
            });
            upserts.forEach(n -> {
                notes.put(n.path(), n);
                changedNotes.add(n.path());
            });
            attachments.removeAll(removedAtt);
            attachments.addAll(addedAtt);
            VaultChange change = index.apply(upserts, removed, addedAtt, removedAtt);
            VaultIndex next = change.after();
            List<String> changedAtt = new ArrayList<>(addedAtt);
            changedAtt.addAll(removedAtt);
            Map<String, List<Finding>> published = new HashMap<>(diagnostics.current());
            diagnostics.update(change).forEach(published::put);
            published.values().removeIf(List::isEmpty);
            index = next;

            VaultIndex fresh = VaultIndex.build(config, obsidian, notes.values(), attachments);
            Map<String, List<Finding>> expected = new TreeMap<>();
            for (Note n : fresh.notes().values()) {
                List<Finding> f = Diagnostics.forNote(fresh, n);
                if (!f.isEmpty()) {
                    expected.put(n.path(), f);
                }
            }
            String where = "seed " + seed + " step " + step + " (" + op0 + " " + changedNotes + changedAtt + ")";
            assertEquals(expected, new TreeMap<>(published), where);
            assertEquals(resolutions(fresh), resolutions(index), where);
            assertEquals(Set.copyOf(fresh.attachments()), Set.copyOf(index.attachments()), where);
            assertEquals(people(fresh), people(index), where);
            for (String alias : List.of("Ada", "Tom", "AB", "Roadmap")) {
                assertEquals(fresh.notesWithAlias(alias), index.notesWithAlias(alias), where);
            }
            for (String name : NAMES) {
                String key = VaultIndex.linkNameKey(name);
                assertEquals(fresh.notesLinkingToName(key), index.notesLinkingToName(key), where + " " + name);
            }
        }
    }

    /** Each person with the tasks they own, as the index answers. */
    private static List<String> people(VaultIndex index) {
        List<String> out = new ArrayList<>();
        index.people().forEach(p -> out.add(p + " owns " + index.tasksOwnedBy(p) + " tag "
                + index.personByOwnerTag(p.ownerTags().get(0)).map(x -> x.path()).orElse("-")));
        return out;
    }

    private static Map<String, String> resolutions(VaultIndex index) {
        Map<String, String> out = new TreeMap<>();
        for (Note n : index.notes().values()) {
            for (Link l : n.links()) {
                out.put(n.path() + "@" + l.span().startOffset(), String.valueOf(index.resolve(n, l)));
            }
        }
        return out;
    }

    private static String randomPath(SplittableRandom rnd) {
        return pick(rnd, FOLDERS) + pick(rnd, NAMES) + ".md";
    }

    private static String randomText(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextBoolean()) {
            sb.append("---\n");
            if (rnd.nextBoolean()) {
                sb.append("type: people\n");
            }
            if (rnd.nextInt(3) == 0) {
                sb.append("aliases: [").append(pick(rnd, List.of("Ada", "Tom", "AB", "Roadmap"))).append("]\n");
            }
            if (rnd.nextInt(4) == 0) {
                sb.append("owner:\n");
            }
            sb.append("---\n");
        }
        sb.append("# ").append(pick(rnd, List.of("Overview", "Key Facts", "Notes"))).append('\n');
        int lines = 1 + rnd.nextInt(5);
        for (int i = 0; i < lines; i++) {
            switch (rnd.nextInt(9)) {
                case 0 -> sb.append("See [[").append(pick(rnd, NAMES)).append("]].\n");
                case 1 -> sb.append("See [[").append(pick(rnd, NAMES)).append('#')
                        .append(pick(rnd, List.of("Overview", "Key Facts", "Missing"))).append("]].\n");
                case 2 -> sb.append("Ref [[").append(pick(rnd, NAMES)).append("#^").append(pick(rnd, List.of("b1", "b2")))
                        .append("]]\n");
                case 3 -> sb.append("- [ ] Do it @").append(pick(rnd, List.of("AdaBerg", "TomReyes", "Ada", "Nobody")))
                        .append('\n');
                case 4 -> sb.append("Para ^").append(pick(rnd, List.of("b1", "b2"))).append("\n\n");
                case 5 -> sb.append("![[").append(pick(rnd, List.of("chart.png", "spec.pdf", "Roadmap"))).append("]]\n");
                case 6 -> sb.append("```dataview\n").append(pick(rnd, List.of("LIST FROM \"People\" OR #rocket",
                        "TABLE stauts FROM \"Archive\"", "TASK WHERE contains(text, \"@AdaBerg\")"))).append("\n```\n");
                case 7 -> sb.append(pick(rnd, List.of("stauts:: x", "#rocket/v2", "plain"))).append('\n');
                default -> sb.append("## ").append(pick(rnd, List.of("Overview", "Key Facts", "Details"))).append('\n');
            }
        }
        return sb.toString();
    }

    private static <T> T pick(SplittableRandom rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }
}
