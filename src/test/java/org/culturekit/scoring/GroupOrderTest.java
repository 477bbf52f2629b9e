package org.culturekit.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.culturekit.model.Segment;
import org.junit.jupiter.api.Test;

class GroupOrderTest {
    private static List<String> sorted(java.util.Comparator<String> order, String... labels) {
        List<String> list = new ArrayList<>(List.of(labels));
        list.sort(order);
        return list;
    }

    @Test
    void numbersInLabelsCountAsNumbers() {
        assertEquals(List.of("< 1 year", "1–3 years", "3–10 years", "10+ years"),
                sorted(GroupOrder.NATURAL, "10+ years", "3–10 years", "< 1 year", "1–3 years"));
        assertEquals(List.of("Team 2", "Team 010x", "Team 10"), sorted(GroupOrder.NATURAL, "Team 10", "Team 010x",
                "Team 2"));
        assertEquals(List.of("Sales", "Support", "Floor 2"), sorted(GroupOrder.NATURAL, "Floor 2", "Support", "Sales"));
    }

    @Test
    void aSegmentsValuesMapOrdersItsGroupsAndTheBlankLabelIsLast() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("3", "Senior");
        values.put("1", "Junior");
        values.put("2", "Mid");
        values.put("9", "Junior"); // a second code of a label: its first place counts
        Segment level = new Segment("level", List.of("Level"), List.of(), values);
        assertEquals(List.of("Senior", "Junior", "Mid", "Other", "Intern 2", ""),
                sorted(GroupOrder.of(level), "", "Other", "Mid", "Intern 2", "Junior", "Senior"));
        Segment plain = new Segment("tenure", List.of("Tenure"), List.of(), Map.of());
        assertEquals(List.of("< 1 year", "10+ years", ""), sorted(GroupOrder.of(plain), "", "10+ years", "< 1 year"));
    }
}
