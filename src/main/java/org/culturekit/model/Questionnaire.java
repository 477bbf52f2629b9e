package org.culturekit.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A survey instrument: its scales, items, indices, say-do pairs, segments and reporting rules. Instances are
 * checked by the reader, so every id they reference exists.
 *
 * @param id machine id, {@code [a-z0-9-]+}
 * @param title display title
 * @param version the instrument's version
 * @param language language tag of the item texts
 * @param scales answer scales in file order
 * @param items questions in file order
 * @param indices scored constructs in file order
 * @param sayDo say-do pairs in file order
 * @param enps id of the 0–10 eNPS item, if any
 * @param segments grouping columns in file order
 * @param respondentId the column used for duplicate detection, if any
 * @param comments ids of free-text items
 * @param reporting anonymity thresholds
 */
public record Questionnaire(
        String id,
        String title,
        String version,
        String language,
        List<Scale> scales,
        List<Item> items,
        List<Index> indices,
        List<SayDoPair> sayDo,
        Optional<String> enps,
        List<Segment> segments,
        Optional<String> respondentId,
        List<String> comments,
        Reporting reporting) {

    public Questionnaire {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(language, "language");
        scales = List.copyOf(scales);
        items = List.copyOf(items);
        indices = List.copyOf(indices);
        sayDo = List.copyOf(sayDo);
        Objects.requireNonNull(enps, "enps");
        segments = List.copyOf(segments);
        Objects.requireNonNull(respondentId, "respondentId");
        comments = List.copyOf(comments);
        Objects.requireNonNull(reporting, "reporting");
    }

    /** The item with this id. */
    public Item item(String itemId) {
        return items.get(itemPosition(itemId));
    }

    /** Position of the item with this id in {@link #items()}, the index into {@link Response#answers()}. */
    public int itemPosition(String itemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(itemId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no item " + itemId);
    }

    /** The scale with this id. */
    public Scale scale(String scaleId) {
        return scales.stream()
                .filter(s -> s.id().equals(scaleId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scale " + scaleId));
    }

    /** The scale of the item with this id. */
    public Scale scaleOf(String itemId) {
        return scale(item(itemId).scale());
    }
}
