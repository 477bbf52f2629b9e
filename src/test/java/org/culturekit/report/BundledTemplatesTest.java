package org.culturekit.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Lints the bundled templates for the contexts data may never reach (docs/templates.md). */
class BundledTemplatesTest {
    static Stream<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("report-templates"))) {
            List<Path> list = files.filter(f -> f.toString().matches(".*\\.ftl(h|md)$")).sorted().toList();
            assertFalse(list.isEmpty());
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void putsNoDataInScriptsStylesHandlersUrlsOrComments(Path template) throws IOException {
        String source = Files.readString(template, StandardCharsets.UTF_8);
        assertNoInterpolation(source, "(?s)<script.*?</script>", template);
        assertNoInterpolation(source, "(?s)<style.*?</style>", template);
        assertNoInterpolation(source, "(?s)<!--.*?-->", template);
        assertNoInterpolation(source, "(?i)\\son\\w+\\s*=\\s*\"[^\"]*\"", template);
        assertNoInterpolation(source, "(?i)\\s(href|src|style|action|formaction|xlink:href)\\s*=\\s*\"[^\"]*\"",
                template);
        assertFalse(source.matches("(?s).*<script.*"), template + " has a script element");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void usesNoBuiltInThatEvaluatesOrUnescapes(Path template) throws IOException {
        String source = Files.readString(template, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\?(eval|eval_json|interpret|new|api|no_esc)\\b|<#noautoesc").matcher(source);
        assertFalse(m.find(), template + " uses " + (m.find(0) ? m.group() : ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void everyHtmlPageCarriesTheContentSecurityPolicy(Path template) throws IOException {
        String source = Files.readString(template, StandardCharsets.UTF_8);
        if (source.contains("<html")) {
            assertTrue(source.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                    + "style-src 'unsafe-inline'; img-src data:\">"), template.toString());
        }
    }

    private static void assertNoInterpolation(String source, String context, Path template) {
        Matcher m = Pattern.compile(context).matcher(source);
        while (m.find()) {
            // a unit report's links: built of slugs only, which UnitIndexView.safeHref enforces
            String found = m.group().replaceAll("\\$\\{(\\w+\\.)+(href|\\w+Href)}", "");
            assertFalse(found.contains("${"), template + ": data inside " + m.group());
        }
    }
}
