package org.culturekit.model;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A named range of an index's 0–100 score: it applies when the score is below {@code below}, or always for
 * the last band.
 *
 * @param below exclusive upper bound on score100, empty for the last (open) band
 * @param label what the band is called in reports
 */
public record Band(OptionalDouble below, String label) {
    public Band {
        Objects.requireNonNull(below, "below");
        Objects.requireNonNull(label, "label");
    }
}
