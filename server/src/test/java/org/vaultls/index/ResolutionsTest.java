package org.vaultls.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vaultls.TestVault;
import org.vaultls.vault.Link;
import org.vaultls.vault.Note;
import org.vaultls.vault.NoteParser;

/**
 * A note's link resolutions are kept per note version and shared by the next snapshot while the vault's
 * paths stay the same; they always equal resolving each link afresh.
 */
class ResolutionsTest {
    static final String HUB = "Hub.md";
    static final String HUB_TEXT = """
            ---
            aliases: [Centre]
            ---
            # Hub
            [[Ada]] [[People/Ada|Ada B]] [[Ada#Role]] ![[Ada]] [[Hub]] [[#Top]] [[Centre]] [[Later]] [[logo.png]]
            """;

    static VaultIndex vault() {
        return TestVault.of(
                HUB, HUB_TEXT,
                "People/Ada.md", "# Ada\n## Role\n",
                "Other.md", "# Other\n").index();
    }

    private static List<Resolution> afresh(VaultIndex index, Note n) {
        List<Resolution> out = new ArrayList<>();
        for (Link l : n.links()) {
            out.add(index.resolve(n, l));
        }
        return out;
    }

    private static VaultChange edit(VaultIndex index, String path, String text) {
        return index.apply(List.of(NoteParser.parse(path, text)), List.of(), List.of(), List.of());
    }

    @Test
    void theResolutionsOfANoteAreItsLinksResolvedOneByOne() {
        VaultIndex index = vault();
        Note hub = index.note(HUB).orElseThrow();
        assertEquals(afresh(index, hub), index.resolutions(hub));
        assertEquals(9, index.resolutions(hub).size());
        assertSame(index.resolutions(hub), index.resolutions(hub), "worked out once");
    }

    @Test
    void anEditOfAnotherNoteKeepsThemAndAnEditOfTheNoteMakesThemAgain() {
        VaultIndex index = vault();
        Note hub = index.note(HUB).orElseThrow();
        List<Resolution> before = index.resolutions(hub);
        VaultIndex other = edit(index, "Other.md", "# Other\n[[Hub]]\n").after();
        assertSame(before, other.resolutions(other.note(HUB).orElseThrow()), "same paths, same note");
        VaultIndex edited = edit(other, HUB, HUB_TEXT + "[[Other]]\n").after();
        Note newHub = edited.note(HUB).orElseThrow();
        assertNotSame(before, edited.resolutions(newHub));
        assertEquals(afresh(edited, newHub), edited.resolutions(newHub));
        assertEquals("Other.md", edited.resolutions(newHub).get(9).path());
    }

    @Test
    void aNewNoteOrAttachmentMakesThemAgain() {
        VaultIndex index = vault();
        index.resolutions(index.note(HUB).orElseThrow());
        VaultIndex withNote = edit(index, "Later.md", "# Later\n").after();
        Note hub = withNote.note(HUB).orElseThrow();
        assertEquals("Later.md", withNote.resolutions(hub).get(7).path(), "a broken link that now resolves");
        assertEquals(afresh(withNote, hub), withNote.resolutions(hub));
        VaultIndex withLogo = withNote.apply(List.of(), List.of(), List.of("img/logo.png"), List.of()).after();
        assertEquals("img/logo.png", withLogo.resolutions(hub).get(8).path());
        VaultIndex without = withLogo.apply(List.of(), List.of("People/Ada.md"), List.of(), List.of()).after();
        assertEquals(afresh(without, hub), without.resolutions(hub));
        assertEquals(null, without.resolutions(hub).get(0).path(), "Ada is gone");
    }

    @Test
    void anOlderSnapshotStillAnswersForItsOwnVersionOfAnEditedNote() {
        VaultIndex index = vault();
        Note oldHub = index.note(HUB).orElseThrow();
        VaultIndex edited = edit(index, HUB, "[[Other]]\n").after();
        Note newHub = edited.note(HUB).orElseThrow();
        assertEquals(List.of("Other.md"), edited.resolutions(newHub).stream().map(Resolution::path).toList());
        assertEquals(afresh(index, oldHub), index.resolutions(oldHub));
        assertEquals(List.of("Other.md"), edited.resolutions(newHub).stream().map(Resolution::path).toList());
    }

    @Test
    void aNoteOutsideTheSnapshotIsResolvedButNotKept() {
        VaultIndex index = vault();
        Note draft = NoteParser.parse(HUB, "[[Other]] [[Nowhere]]\n");
        assertEquals(afresh(index, draft), index.resolutions(draft));
        assertNotSame(index.resolutions(draft), index.resolutions(draft), "a draft of a note is not kept");
        Note hub = index.note(HUB).orElseThrow();
        assertEquals(afresh(index, hub), index.resolutions(hub), "the draft did not take the note's place");
    }
}
