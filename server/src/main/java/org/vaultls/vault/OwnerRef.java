package org.vaultls.vault;

import org.vaultls.text.Span;

/** An {@code @Owner} tag in a task line; {@code name} is without the {@code @}. */
public record OwnerRef(String name, Span span) {
    public OwnerRef {
        name = Shared.of(name);
    }

    @Override
    public String toString() {
        return "@" + name + " " + span;
    }
}
