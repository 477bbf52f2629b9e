package org.culturekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.culturekit.model.VisibleText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What {@code inspect --suggest} prints for a column is a YAML entry that reads back as the column's name. */
class InspectCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"Plain question?", "Say \"hi\"", "C:\\path\\to", "Notes\u001b[31m\u0007\u0000\u202e\u0085",
        "tab\there", "back\\u001B slash"})
    void aSuggestedEntryIsVisibleAndReadsBackAsTheColumn(String column) throws Exception {
        String quoted = InspectCommand.yamlQuoted(column);
        assertEquals(quoted, VisibleText.TERMINAL.of(quoted), "nothing a terminal acts on");
        String yaml = "columns: [\"" + quoted + "\"]\n";
        assertEquals(column, new ObjectMapper(new YAMLFactory()).readTree(yaml).get("columns").get(0).asText());
        assertTrue(!column.contains("\u001b") || quoted.contains("\\u001B"), quoted);
    }
}
