package org.culturekit.model;

import java.util.Objects;

/**
 * A recommended action shown when an index falls in a band.
 *
 * @param band the label of the band it applies to
 * @param text what leaders or HR can do
 */
public record Action(String band, String text) {
    public Action {
        Objects.requireNonNull(band, "band");
        Objects.requireNonNull(text, "text");
    }
}
