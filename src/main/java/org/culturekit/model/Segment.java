package org.culturekit.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A demographic or organisational column that splits respondents into groups.
 *
 * @param id unique id
 * @param columns header names that identify its column, in order of preference
 * @param leader values (case-insensitive) that mark a respondent as a leader; empty if the segment has none
 * @param values answer codes mapped to group labels, in the order written; groups are shown in this order
 */
public record Segment(String id, List<String> columns, List<String> leader, Map<String, String> values) {
    public Segment {
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(columns);
        leader = List.copyOf(leader);
        // in the order written: groups are shown in the order of their labels here
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Whether this segment tells leaders from everyone else. */
    public boolean definesLeaders() {
        return !leader.isEmpty();
    }
}
