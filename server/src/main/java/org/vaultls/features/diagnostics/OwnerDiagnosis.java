package org.vaultls.features.diagnostics;

import java.util.List;
import java.util.Optional;
import org.vaultls.index.VaultIndex;
import org.vaultls.vault.OwnerRef;

/**
 * Why an {@code @Owner} tag names no person, and the owner tags it was probably meant to be, ranked
 * closest first: read by the check's message, the hover card and the quick fixes alike.
 *
 * @param owner the tag
 * @param tags owner tags of people close to it (without {@code @}), best first; may be empty
 */
public record OwnerDiagnosis(OwnerRef owner, List<String> tags) {
    public static final int MAX_FIXES = 3;

    public OwnerDiagnosis {
        tags = List.copyOf(tags);
    }

    /** The diagnosis of a tag that no person has; empty when someone has it. */
    public static Optional<OwnerDiagnosis> of(VaultIndex index, OwnerRef owner) {
        if (index.personByOwnerTag(owner.name()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new OwnerDiagnosis(owner, index.similarOwnerTags(owner.name(), MAX_FIXES)));
    }

    /** The tag the check's message names. */
    public Optional<String> best() {
        return tags.isEmpty() ? Optional.empty() : Optional.of(tags.get(0));
    }
}
