package org.culturekit.questionnaire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The questionnaire format's JSON Schema, shipped in the jar ({@code culturekit schema} prints it), as the one
 * source of the keys each part of a questionnaire may have: the loader refuses, and suggests corrections for,
 * exactly the keys the schema does not list, so editors and the loader cannot drift apart.
 */
public final class QuestionnaireSchema {
    /** Where the schema lives on the class path. */
    static final String RESOURCE = "culturekit-questionnaire.schema.json";

    private static final Node SCHEMA = load();

    private QuestionnaireSchema() {}

    /** The schema exactly as shipped, for {@code culturekit schema}. */
    public static String text() {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open() {
        InputStream in = QuestionnaireSchema.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        return in;
    }

    // The streaming parser that reads questionnaires, not an ObjectMapper: building one costs a cold start
    // about as much as loading the questionnaire itself.
    private static Node load() {
        try (InputStream in = open()) {
            return DocumentParser.parse(RESOURCE, in, QuestionnaireReader.Format.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of the top level ({@code definition} empty) or of a {@code $defs} entry, in schema order. */
    static List<String> keys(String definition) {
        Node node = definition.isEmpty() ? SCHEMA : child(child(SCHEMA, "$defs"), definition);
        if (!(child(node, "properties") instanceof Node.MapNode properties) || properties.entries().isEmpty()) {
            throw new IllegalStateException("the schema has no properties for '" + definition + "'");
        }
        return List.copyOf(properties.entries().keySet());
    }

    private static Node child(Node node, String key) {
        Node.Entry entry = node instanceof Node.MapNode map ? map.entries().get(key) : null;
        return entry == null ? null : entry.value();
    }
}
