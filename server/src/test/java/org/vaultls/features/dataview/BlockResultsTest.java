package org.vaultls.features.dataview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.VaultAssert;
import org.vaultls.features.CancelCheck;
import org.vaultls.index.VaultChange;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/** Results are kept per block and made again only when a change touches the block's inputs. */
class BlockResultsTest {
    static final String ADA = "People/Ada.md";
    static final String PROJECTS_BLOCK = "```dataview\nLIST FROM \"Projects\" WHERE contains(file.outlinks, this.file.link)\n```\n";
    static final String TASKS_BLOCK = "```dataview\nTASK WHERE contains(text, \"@Ada\") AND !completed\n```\n";

    static TestVault vault() {
        return TestVault.of(
                ADA, "# Ada\n\n" + PROJECTS_BLOCK + "\n" + TASKS_BLOCK,
                "Projects/Apollo.md", "# Apollo\n\nOwner: [[Ada]]\n",
                "Projects/Zephyr.md", "# Zephyr\n\nNo owner yet.\n",
                "Daily/2025-12-01.md", "- [ ] call the bank @Ada 📅 2025-12-10\n",
                "Notes/Other.md", "# Other\n\nNothing here.\n");
    }

    private final BlockResults results = new BlockResults(5_000, VaultAssert.clockAt(VaultAssert.TODAY));

    private static VaultChange edit(VaultIndex index, String path, String text) {
        return index.apply(List.of(NoteParser.parse(path, text)), List.of(), List.of(), List.of());
    }

    private static Note ada(VaultIndex index) {
        return index.note(ADA).orElseThrow();
    }

    private BlockResult projects(VaultIndex index) {
        return results.of(index, ada(index), DataviewBlocks.of(ada(index)).get(0));
    }

    private static List<String> paths(BlockResult r) {
        List<String> out = new ArrayList<>();
        r.result().orElseThrow().rows().forEach(row -> out.add(row.path()));
        return out;
    }

    @Test
    void aBlockIsEvaluatedOnceForASnapshot() {
        VaultIndex index = vault().index();
        results.of(index, ada(index), CancelCheck.NEVER);
        results.of(index, ada(index), CancelCheck.NEVER);
        assertEquals(2, results.evaluations(), "two blocks, each evaluated once");
        assertEquals(List.of("Projects/Apollo.md"), paths(projects(index)));
    }

    @Test
    void anEditOutsideTheFromFolderKeepsTheResultOfAFolderQuery() {
        VaultIndex index = vault().index();
        projects(index);
        VaultChange change = edit(index, "Notes/Other.md", "# Other\n\nStill nothing, but longer.\n");
        results.changed(change);
        assertEquals(List.of("Projects/Apollo.md"), paths(projects(change.after())));
        assertEquals(1, results.evaluations(), "the edit was outside \"Projects\"");
    }

    @Test
    void anEditInsideTheFromFolderMakesTheResultAgain() {
        VaultIndex index = vault().index();
        projects(index);
        VaultChange change = edit(index, "Projects/Zephyr.md", "# Zephyr\n\nOwner: [[Ada]]\n");
        results.changed(change);
        assertEquals(List.of("Projects/Apollo.md", "Projects/Zephyr.md"), paths(projects(change.after())));
        assertEquals(2, results.evaluations());
    }

    @Test
    void anEditOfTheBlocksOwnNoteKeepsAResultThatReadsOnlyThePathOfThisAndNoneOfItsRows() {
        VaultIndex index = vault().index();
        projects(index);
        VaultChange change = edit(index, ADA, ada(index).text() + "\nA new line.\n");
        assertFalse(results.changed(change));
        assertEquals(List.of("Projects/Apollo.md"), paths(projects(change.after())));
        assertEquals(1, results.evaluations(), "this.file.link is the same, Ada is not under \"Projects\"");
    }

    @Test
    void anEditOfTheBlocksOwnNoteMakesTheResultAgainWhenItReadsMoreOfThisOrIsAmongTheRows() {
        String role = "```dataview\nLIST FROM \"Projects\" WHERE contains(file.outlinks, this.file.link) AND this.role\n```\n";
        String ownFolder = "```dataview\nLIST FROM \"People\" WHERE contains(file.name, this.file.name)\n```\n";
        String fromLink = "```dataview\nLIST FROM [[Apollo]] WHERE this.file.name\n```\n";
        VaultIndex index = vault().with(ADA, "# Ada\nrole:: lead\n\n" + role + "\n" + ownFolder + "\n" + fromLink)
                .index();
        assertEquals(3, results.of(index, ada(index), CancelCheck.NEVER).size());
        VaultChange change = edit(index, ADA, ada(index).text() + "\nA new line.\n");
        results.changed(change);
        results.of(change.after(), ada(change.after()), CancelCheck.NEVER);
        assertEquals(6, results.evaluations(), "this.role may change; Ada is a row of \"People\"; a link source");
    }

    @Test
    void aTaskQueryWithoutFromDependsOnEveryNote() {
        VaultIndex index = vault().index();
        Note ada = ada(index);
        DataviewBlocks.Block tasks = DataviewBlocks.of(ada).get(1);
        assertEquals(1, results.of(index, ada, tasks).result().orElseThrow().rows().size());
        VaultChange change = edit(index, "Notes/Other.md", "- [ ] review the contract @Ada\n");
        results.changed(change);
        assertEquals(2, results.of(change.after(), ada(change.after()), tasks).result().orElseThrow().rows().size());
        assertEquals(2, results.evaluations());
    }

    @Test
    void aNewNoteAnywhereMakesEveryResultAgain() {
        VaultIndex index = vault().index();
        projects(index);
        VaultChange change = index.apply(List.of(NoteParser.parse("Notes/New.md", "new\n")), List.of(), List.of(),
                List.of());
        results.changed(change);
        projects(change.after());
        assertEquals(2, results.evaluations(), "a new name may change what the rows' links resolve to");
    }

    @Test
    void aTagSourceFollowsTheNotesCarryingTheTagBeforeAndAfterTheEdit() {
        VaultIndex index = vault().with(ADA, "```dataview\nLIST FROM #project\n```\n")
                .with("Projects/Apollo.md", "#project/active\n").index();
        results.of(index, ada(index), CancelCheck.NEVER);
        VaultChange untagged = edit(index, "Notes/Other.md", "# Other\n\nno tag\n");
        results.changed(untagged);
        results.of(untagged.after(), ada(untagged.after()), CancelCheck.NEVER);
        assertEquals(1, results.evaluations(), "a note without the tag does not count");
        VaultChange untagging = edit(untagged.after(), "Projects/Apollo.md", "tag removed\n");
        results.changed(untagging);
        List<BlockResult> after = results.of(untagging.after(), ada(untagging.after()), CancelCheck.NEVER);
        assertEquals(2, results.evaluations(), "the note had the tag before the edit");
        assertTrue(after.get(0).result().orElseThrow().rows().isEmpty());
    }

    @Test
    void aQueryReadingInlinksDependsOnEveryNote() {
        VaultIndex index = vault().with(ADA, "```dataview\nLIST FROM \"Projects\" WHERE length(file.inlinks) > 0\n```\n")
                .index();
        results.of(index, ada(index), CancelCheck.NEVER);
        VaultChange change = edit(index, "Notes/Other.md", "See [[Zephyr]].\n");
        results.changed(change);
        List<BlockResult> after = results.of(change.after(), ada(change.after()), CancelCheck.NEVER);
        assertEquals(2, results.evaluations());
        assertEquals(List.of("Projects/Zephyr.md"), paths(after.get(0)));
    }

    @Test
    void changedSaysWhenAResultOfANoteTheEditDidNotTouchWentStale() {
        VaultIndex index = vault().index();
        results.of(index, ada(index), CancelCheck.NEVER);
        VaultChange own = edit(index, ADA, ada(index).text() + "\nmore\n");
        assertFalse(results.changed(own), "the editor asks again for the note it edits");
        results.of(own.after(), ada(own.after()), CancelCheck.NEVER);
        VaultChange other = edit(own.after(), "Projects/Zephyr.md", "# Zephyr\n\nOwner: [[Ada]]\n");
        assertTrue(results.changed(other), "Ada's lenses read otherwise now");
    }

    @Test
    void aNewDayMakesTheResultAgain() {
        MovableClock clock = new MovableClock(VaultAssert.TODAY);
        BlockResults daily = new BlockResults(5_000, clock);
        VaultIndex index = vault().index();
        daily.of(index, ada(index), CancelCheck.NEVER);
        daily.of(index, ada(index), CancelCheck.NEVER);
        clock.day = VaultAssert.TODAY.plusDays(1);
        daily.of(index, ada(index), CancelCheck.NEVER);
        assertEquals(4, daily.evaluations(), "today moved");
    }

    @Test
    void anEvaluationPastTheCapAnswersStillEvaluatingAndKeepsItsResultForTheNextRequest() {
        List<Runnable> held = new ArrayList<>();
        BlockResults slow = new BlockResults(10, VaultAssert.clockAt(VaultAssert.TODAY), held::add);
        AtomicInteger ready = new AtomicInteger();
        slow.onReady(ready::incrementAndGet);
        VaultIndex index = vault().index();
        DataviewBlocks.Block block = DataviewBlocks.of(ada(index)).get(0);
        BlockResult first = slow.of(index, ada(index), block);
        assertEquals(BlockResult.Kind.TIMED_OUT, first.kind());
        assertTrue(first.error().orElseThrow().startsWith("still evaluating after 10 ms"), first.error().get());
        assertEquals(0, ready.get());
        held.forEach(Runnable::run);
        assertEquals(1, ready.get(), "told once the result is in");
        BlockResult second = slow.of(index, ada(index), block);
        assertTrue(second.isOk());
        assertEquals(1, slow.evaluations());
    }

    @Test
    void aNotesBlocksAreAllHandedToTheEvaluationThreadsBeforeTheFirstIsWaitedFor() {
        List<Runnable> held = new ArrayList<>();
        // runs nothing until two evaluations are in: waiting for the first before handing over the second
        // would time out
        java.util.concurrent.Executor bothOrNothing = r -> {
            synchronized (held) {
                held.add(r);
                if (held.size() == 2) {
                    held.forEach(x -> new Thread(x).start());
                }
            }
        };
        BlockResults sideBySide = new BlockResults(5_000, VaultAssert.clockAt(VaultAssert.TODAY), bothOrNothing);
        VaultIndex index = vault().index();
        List<BlockResult> r = sideBySide.of(index, ada(index), CancelCheck.NEVER);
        assertTrue(r.get(0).isOk(), () -> r.get(0).error().orElse(""));
        assertTrue(r.get(1).isOk(), () -> r.get(1).error().orElse(""));
        assertEquals(List.of("Projects/Apollo.md"), paths(r.get(0)));
        assertEquals(2, sideBySide.evaluations());
    }

    @Test
    void aSyntaxErrorNamesItsLineAndColumnAndADataviewjsBlockIsNotRun() {
        VaultIndex index = TestVault.of("A.md", "```dataview\nLIST\nFROM WHERE\n```\n\n```dataviewjs\ndv.list([])\n```\n")
                .index();
        List<BlockResult> r = results.of(index, index.note("A.md").orElseThrow(), CancelCheck.NEVER);
        assertEquals(BlockResult.Kind.SYNTAX, r.get(0).kind());
        assertTrue(r.get(0).error().orElseThrow().startsWith("syntax error at line 2, column 6: expected "), r.get(0).error().get());
        assertEquals(BlockResult.Kind.JAVASCRIPT, r.get(1).kind());
        assertEquals(0, results.evaluations());
    }

    /** A clock whose day a test moves. */
    static final class MovableClock extends Clock {
        LocalDate day;

        MovableClock(LocalDate day) {
            this.day = day;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return day.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
