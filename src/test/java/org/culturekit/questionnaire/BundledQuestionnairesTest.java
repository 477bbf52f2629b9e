package org.culturekit.questionnaire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The JSON copies the build makes of the bundled questionnaires read to exactly what their YAML reads to. */
class BundledQuestionnairesTest {
    @Test
    void eachJsonCopyReadsAsItsYaml() throws IOException {
        for (String id : Questionnaires.BUNDLED) {
            String spec = Questionnaires.BUILTIN + id;
            QuestionnaireReader.Validation fromYaml;
            QuestionnaireReader.Validation fromJson;
            try (InputStream yaml = Questionnaires.bundled(spec); InputStream json = Questionnaires.bundledJson(spec)) {
                assertNotNull(json, "the build wrote " + id + ".json (mvn process-classes)");
                fromYaml = QuestionnaireReader.validate(spec, yaml, QuestionnaireReader.Format.YAML);
                fromJson = QuestionnaireReader.validate(spec, json, QuestionnaireReader.Format.JSON);
            }
            assertTrue(fromYaml.questionnaire().isPresent(), id);
            assertEquals(fromYaml.questionnaire(), fromJson.questionnaire(), id);
            assertEquals(fromYaml.problems(), fromJson.problems(), id);
            assertEquals(fromYaml.warnings(), fromJson.warnings(), id);
            assertEquals(fromYaml.questionnaire(), Questionnaires.validate(spec).questionnaire(), id);
        }
    }
}
