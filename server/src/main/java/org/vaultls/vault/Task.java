package org.vaultls.vault;

import java.util.List;
import java.util.Map;
import org.vaultls.text.Span;

/**
 * A task list item {@code - [ ] text}. {@code status} is the character between the brackets; Obsidian
 * and the Tasks plugin treat {@code x}/{@code X} as done and {@code -} as cancelled, anything else
 * (space, {@code /}, {@code >}...) as still open.
 *
 * @param fields Tasks-plugin emoji dates ({@code due}, {@code scheduled}, {@code start},
 *     {@code created}, {@code done}, {@code cancelled}) and Dataview inline fields ({@code [key:: v]})
 */
public record Task(char status, String text, Span span, List<OwnerRef> owners, Map<String, String> fields) {
    public Task {
        owners = List.copyOf(owners);
        fields = Map.copyOf(fields);
    }

    public boolean isOpen() {
        return status != 'x' && status != 'X' && status != '-';
    }

    @Override
    public String toString() {
        return "TASK [" + status + "] '" + text + "' " + span + (owners.isEmpty() ? "" : " " + owners)
                + (fields.isEmpty() ? "" : " " + new java.util.TreeMap<>(fields));
    }
}
