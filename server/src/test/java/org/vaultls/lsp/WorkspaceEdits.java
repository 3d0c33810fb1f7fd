package org.vaultls.lsp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.CreateFile;
import org.eclipse.lsp4j.RenameFile;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.vaultls.text.LineMap;

/** Applies a workspace edit to files on disk, as an editor would. */
final class WorkspaceEdits {
    private WorkspaceEdits() {
    }

    static void apply(WorkspaceEdit edit) throws IOException {
        if (edit.getDocumentChanges() != null) {
            for (Either<TextDocumentEdit, ResourceOperation> op : edit.getDocumentChanges()) {
                if (op.isLeft()) {
                    List<TextEdit> edits = new ArrayList<>();
                    op.getLeft().getEdits().forEach(e -> edits.add(e.getLeft()));
                    applyText(VaultSession.path(op.getLeft().getTextDocument().getUri()), edits);
                } else if (op.getRight() instanceof RenameFile r) {
                    Path to = VaultSession.path(r.getNewUri());
                    Files.createDirectories(to.getParent());
                    Files.move(VaultSession.path(r.getOldUri()), to);
                } else if (op.getRight() instanceof CreateFile c) {
                    Path p = VaultSession.path(c.getUri());
                    boolean overwrite = c.getOptions() != null && Boolean.TRUE.equals(c.getOptions().getOverwrite());
                    boolean ignore = c.getOptions() != null && Boolean.TRUE.equals(c.getOptions().getIgnoreIfExists());
                    if (Files.exists(p) && !overwrite) {
                        if (ignore) {
                            continue;
                        }
                        throw new IOException("create of an existing file " + p); // as an editor refuses it
                    }
                    Files.createDirectories(p.getParent());
                    Files.writeString(p, "");
                }
            }
        }
        if (edit.getChanges() != null) {
            for (Map.Entry<String, List<TextEdit>> e : edit.getChanges().entrySet()) {
                applyText(VaultSession.path(e.getKey()), e.getValue());
            }
        }
    }

    static String applyTo(String text, List<TextEdit> edits) {
        LineMap lines = new LineMap(text);
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt((TextEdit e) -> lines.offset(LspConvert.pos(e.getRange().getStart())))
                .reversed());
        StringBuilder sb = new StringBuilder(text);
        for (TextEdit e : sorted) {
            int s = lines.offset(LspConvert.pos(e.getRange().getStart()));
            int end = lines.offset(LspConvert.pos(e.getRange().getEnd()));
            sb.replace(s, end, e.getNewText());
        }
        return sb.toString();
    }

    private static void applyText(Path file, List<TextEdit> edits) throws IOException {
        Files.writeString(file, applyTo(Files.readString(file), edits));
    }
}
