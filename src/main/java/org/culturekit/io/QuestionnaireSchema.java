package org.culturekit.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The questionnaire format's JSON Schema, shipped in the jar ({@code culturekit schema} prints it), as the one
 * source of the keys each part of a questionnaire may have: the loader refuses, and suggests corrections for,
 * exactly the keys the schema does not list, so editors and the loader cannot drift apart.
 */
public final class QuestionnaireSchema {
    /** Where the schema lives on the class path. */
    static final String RESOURCE = "culturekit-questionnaire.schema.json";

    private static final JsonNode SCHEMA = load();

    private QuestionnaireSchema() {}

    /** The schema exactly as shipped, for {@code culturekit schema}. */
    public static String text() {
        try (InputStream in = QuestionnaireSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode load() {
        try {
            return new ObjectMapper().readTree(text());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of the top level ({@code definition} empty) or of a {@code $defs} entry, in schema order. */
    static List<String> keys(String definition) {
        JsonNode node = definition.isEmpty() ? SCHEMA : SCHEMA.path("$defs").path(definition);
        JsonNode properties = node.path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            throw new IllegalStateException("the schema has no properties for '" + definition + "'");
        }
        List<String> keys = new ArrayList<>();
        properties.fieldNames().forEachRemaining(keys::add);
        return List.copyOf(keys);
    }
}
