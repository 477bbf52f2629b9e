package org.culturekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the README's "Development" section, read off the main sources: which of our packages each
 * package names in an import or a qualified name (a Javadoc link counts too: it is a dependency for a reader).
 *
 * <ul>
 *   <li>Nothing but {@code Main}, the entry point, imports {@code cli}; {@code cli.run} may not either.
 *   <li>{@code model} imports nothing but the JDK and holds records and enums (and {@code FreeText}).
 *   <li>Every other package names only the packages it is allowed to, so dependencies run one way.
 * </ul>
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/culturekit");
    private static final Pattern OURS = Pattern.compile("\\borg\\.culturekit\\.((?:[a-z]+\\.)*[a-z]+)\\.[A-Z]");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+(?:static\\s+)?([\\w.]+)");

    /** For each package, the packages of ours it may use besides itself; {@code cli} may use all. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("input", Set.of("model")),
            Map.entry("questionnaire", Set.of("input", "model")),
            Map.entry("export.ids", Set.of("input")),
            Map.entry("export.table", Set.of("export.ids", "input")),
            Map.entry("export.csv", Set.of("export.table", "export.ids", "input")),
            Map.entry("export.xlsx", Set.of("export.table", "input")),
            Map.entry("export", Set.of("export.csv", "export.xlsx", "export.ids", "export.table", "input", "model")),
            // the parallel reader knows chunks only through export's ChunkedRows, never how they are cut or parsed
            Map.entry("export.parallel", Set.of("export", "input", "model")),
            Map.entry("outcomes", Set.of("export.csv", "export.xlsx", "export.table", "input", "model")),
            Map.entry("scoring.stats", Set.of()),
            Map.entry("scoring", Set.of("scoring.stats", "model")),
            Map.entry("report", Set.of("scoring", "model")),
            Map.entry("cli.run", Set.of("export", "export.ids", "export.parallel", "input", "model", "scoring",
                    "report")));

    @Test
    void nothingOutsideCliImportsCli() throws IOException {
        List<String> offenders = new ArrayList<>();
        uses().forEach((file, packages) -> {
            String own = packageOf(file);
            if (!own.equals("cli") && !own.startsWith("cli.") && !own.isEmpty() && packages.contains("cli")) {
                offenders.add(file);
            }
        });
        assertEquals(List.of(), offenders, "only cli and Main may use org.culturekit.cli");
    }

    @Test
    void modelImportsOnlyTheJdk() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources(MAIN.resolve("model"))) {
            Matcher imported = IMPORT.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (imported.find()) {
                if (!imported.group(1).startsWith("java.")) {
                    offenders.add(MAIN.relativize(file) + ": " + imported.group(1));
                }
            }
        }
        assertEquals(List.of(), offenders, "model holds records and enums on the JDK alone");
        assertEquals(Set.of(), uses().entrySet().stream()
                .filter(e -> packageOf(e.getKey()).equals("model"))
                .flatMap(e -> e.getValue().stream())
                .collect(TreeSet::new, Set::add, Set::addAll), "model uses no other package of ours");
    }

    @Test
    void modelHoldsRecordsAndEnums() throws IOException {
        // FreeText is the one interface: the view of a response's comments that readers provide and scoring reads
        // without their being decoded whole, so it has to live where both may look
        Pattern kind = Pattern.compile("(?m)^public\\s+(?:sealed\\s+|final\\s+|abstract\\s+)*(\\w+)\\s+(\\w+)");
        List<String> offenders = new ArrayList<>();
        for (Path file : sources(MAIN.resolve("model"))) {
            Matcher type = kind.matcher(Files.readString(file, StandardCharsets.UTF_8));
            assertTrue(type.find(), file + " declares a public type");
            boolean allowed = type.group(1).equals("record") || type.group(1).equals("enum")
                    || type.group(2).equals("FreeText");
            if (!allowed) {
                offenders.add(type.group(1) + " " + type.group(2));
            }
        }
        assertEquals(List.of(), offenders, "model holds records and enums only");
    }

    @Test
    void eachPackageUsesOnlyThePackagesBelowIt() throws IOException {
        List<String> offenders = new ArrayList<>();
        uses().forEach((file, packages) -> {
            String own = packageOf(file);
            if (own.isEmpty() || own.equals("cli")) {
                return;
            }
            Set<String> allowed = ALLOWED.get(own);
            assertTrue(allowed != null, "a new package, " + own + ": add its allowed dependencies here and "
                    + "to the README's package list");
            for (String used : packages) {
                if (!used.equals(own) && !allowed.contains(used)) {
                    offenders.add(file + " uses " + used);
                }
            }
        });
        assertEquals(List.of(), offenders, "dependencies between packages run one way (README, Development)");
    }

    @Test
    void theParallelReaderKnowsExportsOnlyThroughTheChunkProtocol() throws IOException {
        // ChunkedRows and its nested interfaces, and the ResponseReader that hands it out and reads in order
        Pattern exportType = Pattern.compile("\\borg\\.culturekit\\.export\\.([A-Z]\\w*)");
        Set<String> named = new TreeSet<>();
        for (Path file : sources(MAIN.resolve("export/parallel"))) {
            Matcher type = exportType.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (type.find()) {
                named.add(type.group(1));
            }
        }
        assertEquals(Set.of("ChunkedRows", "ResponseReader"), named, "export.parallel names no chunker or parser");
    }

    /** For each main source, relative to org/culturekit, the packages of ours it names. */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path file : sources(MAIN)) {
            Set<String> packages = new TreeSet<>();
            Matcher named = OURS.matcher(Files.readString(file, StandardCharsets.UTF_8));
            while (named.find()) {
                packages.add(named.group(1));
            }
            uses.put(MAIN.relativize(file).toString().replace('\\', '/'), packages);
        }
        assertTrue(uses.size() > 50, "the main sources are found from the project folder: " + uses.size());
        return uses;
    }

    /** The package of a source relative to org/culturekit, relative to org.culturekit: "" for Main. */
    private static String packageOf(String file) {
        int slash = file.lastIndexOf('/');
        return slash < 0 ? "" : file.substring(0, slash).replace('/', '.');
    }

    private static List<Path> sources(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
