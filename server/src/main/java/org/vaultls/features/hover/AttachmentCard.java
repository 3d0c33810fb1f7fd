package org.vaultls.features.hover;

import java.util.Locale;
import org.vaultls.vault.VaultPaths;

/** The card of an attachment: its file name, kind and vault path. */
final class AttachmentCard {
    private AttachmentCard() {
    }

    static String markdown(String path) {
        String ext = VaultPaths.extension(path);
        String kind = ext.isEmpty() ? "Attachment" : ext.toUpperCase(Locale.ROOT) + " attachment";
        return "### " + Md.text(VaultPaths.fileName(path)) + "\n\n" + kind + " · " + Md.code(path);
    }
}
