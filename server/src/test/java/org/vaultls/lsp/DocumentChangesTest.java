package org.vaultls.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaultls.features.diagnostics.Finding;
import org.vaultls.vault.Note;

/**
 * Keystrokes can come faster than the updater makes snapshots. The updater then takes the latest text
 * of each changed document in one update: a queue of one update per keystroke, each holding its parsed
 * note, grew the heap without bound in a long typing session (issue 8).
 */
class DocumentChangesTest {
    private static final String PATH = "Journal.md";

    /** Holds the updater at the end of the first load, until released: stands for a slow update. */
    private final CountDownLatch updaterBusy = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private VaultSession session;

    private VaultSession start(Path vault) throws Exception {
        Files.writeString(vault.resolve(PATH), "# Journal\n");
        Files.writeString(vault.resolve("Ada Berg.md"), "# Ada Berg\n");
        session = new VaultSession(vault, null, new VaultSession.Sink() {
            @Override
            public void publish(String path, List<Finding> findings) {
            }

            @Override
            public void progress(int done, int total, boolean finished) {
                if (finished) { // on the updater, after the index is ready
                    updaterBusy.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void warn(String message) {
            }
        });
        session.start();
        assertTrue(updaterBusy.await(30, TimeUnit.SECONDS), "the first load finished");
        return session;
    }

    @AfterEach
    void stop() {
        release.countDown();
        if (session != null) {
            session.shutdown();
        }
    }

    @Test
    void textsOfKeystrokesTheUpdaterHasNotTakenYetAreNotKept(@TempDir Path vault) throws Exception {
        start(vault);
        List<WeakReference<String>> typed = new ArrayList<>();
        StringBuilder text = new StringBuilder("# Journal\n\nMet [[");
        for (int i = 0; i < 2000; i++) {
            text.append((char) ('a' + i % 26));
            session.documentChanged(PATH, text.toString());
            typed.add(new WeakReference<>(session.openText(PATH)));
        }
        assertEquals(1, session.documentsWaiting(), "one document changed, however many keystrokes");
        int kept = typed.size();
        for (int attempt = 0; attempt < 50 && kept > 1; attempt++) {
            System.gc();
            Thread.sleep(20);
            kept = (int) typed.stream().filter(r -> r.get() != null).count();
        }
        assertEquals(1, kept, "only the latest text of the document is held while the updater is busy");
        release.countDown();
        awaitIndexedText(text.toString());
    }

    @Test
    void aDocumentClosedAndOpenedAgainWhileTheUpdaterIsBusyKeepsTheEditorsText(@TempDir Path vault)
            throws Exception {
        start(vault);
        session.documentChanged(PATH, "# Journal\n\nfirst [[A");
        session.documentClosed(PATH);
        session.documentChanged(PATH, "# Journal\n\nopened again");
        release.countDown();
        awaitIndexedText("# Journal\n\nopened again");
        Thread.sleep(100); // the close's read of the disk, had it run after, would have replaced it
        assertEquals("# Journal\n\nopened again", session.index().note(PATH).orElseThrow().text());
    }

    @Test
    void aDocumentClosedAfterChangesFallsBackToTheFile(@TempDir Path vault) throws Exception {
        start(vault);
        session.documentChanged(PATH, "# Journal\n\nunsaved");
        session.documentClosed(PATH);
        release.countDown();
        awaitIndexedText("# Journal\n");
    }

    private void awaitIndexedText(String text) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (session.index().note(PATH).map(Note::text).orElse("").equals(text)) {
                return;
            }
            Thread.sleep(10);
        }
        assertEquals(text, session.index().note(PATH).map(Note::text).orElse(null), "the index took the text");
    }
}
