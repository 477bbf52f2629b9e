package org.culturekit.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.InvalidSchemaException;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.culturekit.input.Problem;
import org.culturekit.questionnaire.QuestionnaireReader.Format;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves that {@code culturekit-questionnaire.schema.json} accepts exactly what {@link QuestionnaireReader}
 * accepts, file by file over {@code io/schema-corpus/} (its README explains the three folders).
 */
class QuestionnaireSchemaTest {
    private static final String SCHEMA = "culturekit-questionnaire.schema.json";
    private static final String CORPUS = "io/schema-corpus/";
    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    /**
     * A 2020-12 factory that loads nothing but what the library ships on the class path (its meta-schemas);
     * any other {@code $ref} fails loudly instead of reaching for the network.
     */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.schemaLoaders(loaders -> loaders.add(
                    new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Locates errors by JSON pointer, as the loader locates its problems. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .build();

    private static final JsonNode SCHEMA_TREE = schemaTree();
    private static final JsonSchema SCHEMA_VALIDATOR = FACTORY.getSchema(SCHEMA_TREE, CONFIG);

    // --- the schema itself ---------------------------------------------------------------------------

    @Test
    void isValidJsonSchemaOfDraft2020_12() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(META_SCHEMA), CONFIG);

        Set<ValidationMessage> errors = metaSchema.validate(SCHEMA_TREE);

        assertEquals(Set.of(), errors);
        assertEquals(META_SCHEMA, SCHEMA_TREE.path("$schema").asText());
    }

    @Test
    void metaSchemaValidationCatchesABrokenSchema() {
        JsonSchema metaSchema = FACTORY.getSchema(SchemaLocation.of(META_SCHEMA), CONFIG);
        JsonNode broken = read("{\"type\": \"text\", \"minItems\": -1}", Format.JSON);

        Set<String> wrong = metaSchema.validate(broken).stream()
                .map(error -> error.getInstanceLocation().toString())
                .collect(Collectors.toSet());

        assertEquals(Set.of("/type", "/minItems"), wrong);
    }

    @Test
    void refersOnlyToItsOwnDefinitions() {
        List<String> refs = new ArrayList<>();
        collect(SCHEMA_TREE, "$ref", refs);

        assertFalse(refs.isEmpty());
        refs.forEach(ref -> assertTrue(ref.startsWith("#/$defs/"), ref + " would be fetched"));
        refs.forEach(ref -> assertFalse(SCHEMA_TREE.at(ref.substring(1)).isMissingNode(), ref + " is undefined"));
    }

    @Test
    void fetchesNothingFromTheNetwork() {
        JsonNode remote = read("{\"$ref\": \"https://culturekit.org/schema/elsewhere.json\"}", Format.JSON);

        InvalidSchemaException refused = assertThrows(InvalidSchemaException.class,
                () -> FACTORY.getSchema(remote).validate(JSON.nullNode()));

        assertTrue(refused.getMessage().contains("not allowed to be loaded"), refused.getMessage());
    }

    @Test
    void describesEveryProperty() {
        List<String> undescribed = new ArrayList<>();
        forEachProperty(SCHEMA_TREE, "", (path, property) -> {
            if (!property.hasNonNull("description")) {
                undescribed.add(path);
            }
        });

        assertEquals(List.of(), undescribed);
    }

    @Test
    void closesEveryObject() {
        List<String> open = new ArrayList<>();
        forEachObjectSchema(SCHEMA_TREE, "", (path, object) -> {
            if (object.has("properties") && !object.path("additionalProperties").isBoolean()) {
                open.add(path);
            }
        });

        assertEquals(List.of(), open, "every object with named keys needs additionalProperties: false");
    }

    // --- the corpus ----------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void acceptsEveryQuestionnaireTheLoaderAccepts(String file) {
        assertEquals(List.of(), loaderProblems(file), "the loader should accept " + file);
        assertEquals(Set.of(), schemaErrors(file), "the schema should accept " + file);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejectsEveryStructuralMistakeTheLoaderRejects(String file) {
        List<Problem> problems = loaderProblems(file);

        assertEquals(1, problems.size(), file + " should hold exactly one mistake, but the loader found " + problems);
        Problem problem = problems.get(0);
        Set<String> errors = schemaErrors(file).stream()
                .map(error -> error.getInstanceLocation().toString())
                .collect(Collectors.toSet());
        assertFalse(errors.isEmpty(), "the schema should reject " + file + " as the loader does: " + problem);
        // The same mistake, not another: the schema points at the loader's place, into it or at what contains it.
        assertTrue(errors.stream().anyMatch(at -> contains(at, problem.path()) || contains(problem.path(), at)),
                "the schema's errors " + errors + " should point at or around " + problem);
    }

    /**
     * What only the loader can see: a reference to another part of the file, a rule between two values, or how
     * a number was written. The schema accepts these files; this test keeps that gap documented and known.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("beyondSchema")
    void leavesCrossReferencesToTheLoader(String file) {
        assertFalse(loaderProblems(file).isEmpty(), "the loader should reject " + file);
        assertEquals(Set.of(), schemaErrors(file), file + " is beyond JSON Schema; if the schema now catches it,"
                + " move the file to invalid/");
    }

    @Test
    void hasACorpusInBothNotationsWithEnoughCases() {
        assertTrue(valid().count() >= 8, "at least 8 valid files");
        assertTrue(invalid().count() >= 20, "at least 20 invalid files");
        for (Stream<String> folder : List.of(valid(), invalid())) {
            Set<String> extensions = folder.map(f -> f.substring(f.lastIndexOf('.'))).collect(Collectors.toSet());
            assertEquals(Set.of(".json", ".yaml"), extensions);
        }
    }

    @Test
    void validCorpusUsesEveryKeyTheSchemaDescribes() {
        Set<String> described = new TreeSet<>();
        forEachProperty(SCHEMA_TREE, "", (path, property) -> described.add(path));
        Set<String> used = new TreeSet<>();
        valid().forEach(file -> keyPaths(tree(file), "", used));

        described.removeAll(used);

        assertEquals(Set.of(), described, "keys that no valid file uses");
    }

    // --- helpers -------------------------------------------------------------------------------------

    static Stream<String> valid() {
        return corpus("valid");
    }

    static Stream<String> invalid() {
        return corpus("invalid");
    }

    static Stream<String> beyondSchema() {
        return corpus("beyond-schema");
    }

    private static Stream<String> corpus(String folder) {
        try (Stream<Path> files = Files.list(resource(CORPUS + folder))) {
            return files.map(file -> folder + "/" + file.getFileName())
                    .filter(name -> name.endsWith(".yaml") || name.endsWith(".json"))
                    .sorted()
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the JSON pointer {@code outer} is {@code inner} or one of its ancestors. */
    private static boolean contains(String outer, String inner) {
        return inner.equals(outer) || inner.startsWith(outer + "/");
    }

    private static List<Problem> loaderProblems(String file) {
        return QuestionnaireReader.check(resource(CORPUS + file));
    }

    private static Set<ValidationMessage> schemaErrors(String file) {
        return SCHEMA_VALIDATOR.validate(tree(file));
    }

    private static JsonNode tree(String file) {
        try {
            String text = Files.readString(resource(CORPUS + file));
            return read(text, Format.ofFileName(file).orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String text, Format format) {
        try {
            if (format == Format.YAML) {
                // YAML as the loader reads it (YAML 1.2), through the same conversion the bundled files take
                StringWriter json = new StringWriter();
                DocumentParser.yamlToJson("corpus.yaml", new StringReader(text), json);
                text = json.toString();
            }
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode schemaTree() {
        try (InputStream in = QuestionnaireSchemaTest.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                fail(SCHEMA + " is not on the class path");
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        URL url = QuestionnaireSchemaTest.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value of {@code keyword} anywhere in {@code node}. */
    private static void collect(JsonNode node, String keyword, List<String> values) {
        if (node.has(keyword) && node.get(keyword).isTextual()) {
            values.add(node.get(keyword).asText());
        }
        node.forEach(child -> collect(child, keyword, values));
    }

    private interface SchemaVisitor {
        void visit(String path, JsonNode schema);
    }

    /**
     * Visits the schema of each object in the document the schema describes, by the document path where it
     * applies: {@code /items/*} for each item, {@code /scales/*} for each scale. References are followed.
     */
    private static void forEachObjectSchema(JsonNode schema, String path, SchemaVisitor visitor) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("properties") || resolved.path("additionalProperties").isObject()) {
            visitor.visit(path, resolved);
        }
        resolved.path("properties").properties().forEach(
                property -> forEachObjectSchema(property.getValue(), path + "/" + property.getKey(), visitor));
        if (resolved.path("additionalProperties").isObject()) {
            forEachObjectSchema(resolved.get("additionalProperties"), path + "/*", visitor);
        }
        if (resolved.path("items").isObject()) {
            forEachObjectSchema(resolved.get("items"), path + "/*", visitor);
        }
    }

    /** Visits each named property's schema, unresolved so that its own description shows, by document path. */
    private static void forEachProperty(JsonNode schema, String path, SchemaVisitor visitor) {
        forEachObjectSchema(schema, path, (objectPath, object) -> object.path("properties").properties()
                .forEach(property -> visitor.visit(objectPath + "/" + property.getKey(),
                        property.getValue())));
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            resolved = SCHEMA_TREE.at(resolved.get("$ref").asText().substring(1));
        }
        return resolved;
    }

    /** The document path of every key in {@code node}, with list positions and scale ids as {@code *}. */
    private static void keyPaths(JsonNode node, String path, Set<String> paths) {
        if (node.isArray()) {
            node.forEach(element -> keyPaths(element, path + "/*", paths));
        } else if (node.isObject()) {
            boolean byId = Set.of("/scales", "/scales/*/aliases", "/segments/*/values").contains(path);
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String child = path + "/" + (byId ? "*" : entry.getKey());
                paths.add(child);
                keyPaths(entry.getValue(), child, paths);
            }
        }
    }
}
