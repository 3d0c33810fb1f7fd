package org.vaultls.index;

import java.util.List;
import java.util.function.Supplier;

/**
 * A snapshot's "did you mean" look-ups: note names, attachment file names and owner tags, each
 * answered by a {@link NameSuggester} built on first use, since most snapshots (one per keystroke)
 * are never asked. A new snapshot takes over the suggesters whose names did not change.
 */
final class Suggestions {
    final Lazy noteNames;
    final Lazy attachmentNames;
    final Lazy ownerTags;

    Suggestions(Supplier<List<String>> noteNames, Supplier<List<String>> attachmentNames,
                Supplier<List<String>> ownerTags) {
        this.noteNames = new Lazy(noteNames);
        this.attachmentNames = new Lazy(attachmentNames);
        this.ownerTags = new Lazy(ownerTags);
    }

    /** One suggester, built from its names when first asked. */
    static final class Lazy {
        private final Supplier<List<String>> names;
        private volatile NameSuggester built;

        private Lazy(Supplier<List<String>> names) {
            this.names = names;
        }

        List<String> closest(String query, int max) {
            NameSuggester s = built;
            if (s == null) {
                synchronized (this) { // once: a check's threads all ask at once, and 100k names take a while
                    s = built;
                    if (s == null) {
                        s = new NameSuggester(names.get());
                        built = s;
                    }
                }
            }
            return s.closest(query, max);
        }

        /** Hands this suggester, if built, to {@code next}, whose names are the same. */
        void shareWith(Lazy next) {
            next.built = built;
        }
    }
}
