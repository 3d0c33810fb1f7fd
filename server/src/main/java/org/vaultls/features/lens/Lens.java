package org.vaultls.features.lens;

import java.util.List;
import org.vaultls.features.Location;
import org.vaultls.text.Span;

/**
 * A count shown above a line of a note: {@code title} is what the editor shows, {@code locations}
 * what clicking it lists (the references it counts).
 */
public record Lens(Span span, String title, List<Location> locations) {
    public Lens {
        locations = List.copyOf(locations);
    }
}
