package org.culturekit.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.core.TemplateProcessingTracer;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import freemarker.template.utility.NullArgumentException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.culturekit.model.VisibleText;

/**
 * Renders a {@link ReportModel} through FreeMarker templates, treating every template as untrusted code
 * (docs/templates.md): no class instantiation, no {@code ?api}, no Java members but the model's record
 * accessors, forced auto-escaping, a time limit and an output-size limit.
 *
 * <p>Templates are looked up in the user's template directory first, then in the bundled
 * {@code report-templates/}, file by file.
 */
public final class ReportRenderer {
    /** The bundled templates' location on the class path. */
    static final String BUNDLED = "report-templates";

    /** The template of {@code units/index.html} ({@code report --per-unit}). */
    public static final String UNITS = "units.ftlh";

    /** Every bundled template, for {@code templates export}. */
    public static final List<String> BUNDLED_TEMPLATES =
            List.of("report.ftlh", "report.ftlmd", "print.ftlh", "lib/html.ftlh", "lib/markdown.ftlmd",
                    "lib/print.ftlh", "lib/outcomes.ftlh", "lib/outcomes.ftlmd", "lib/participation.ftlh",
                    "lib/participation.ftlmd", "lib/unit.ftlh", "lib/unit.ftlmd", UNITS);

    /** The most characters a template may produce. */
    public static final long DEFAULT_MAX_OUTPUT = 50L * 1024 * 1024;

    /** How long a template may run. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

    /**
     * How deeply a template's elements (directives, interpolations, text) may nest: the bundled templates nest
     * about a dozen; a macro or function calling itself adds one to three a call.
     */
    static final int MAX_DEPTH = 1000;

    /**
     * The render thread's stack. A function calling itself, the deepest Java stack an element takes, overflowed
     * 1 MB (the usual default) at about 1,800 nested elements and 8 MB at about 17,000, so MAX_DEPTH is
     * reached long before the stack runs out.
     */
    private static final long RENDER_STACK_BYTES = 8L << 20;

    private final Configuration configuration;
    private final long maxOutput;
    private final Duration timeLimit;

    /** A renderer with the default limits; {@code templateDir} may be null. */
    public ReportRenderer(Path templateDir) {
        this(templateDir, DEFAULT_MAX_OUTPUT, DEFAULT_TIME_LIMIT);
    }

    ReportRenderer(Path templateDir, long maxOutput, Duration timeLimit) {
        this.configuration = configure(templateDir);
        this.maxOutput = maxOutput;
        this.timeLimit = timeLimit;
    }

    private static Configuration configure(Path templateDir) {
        Configuration cfg = new VettingConfiguration();
        List<TemplateLoader> loaders = new ArrayList<>();
        if (templateDir != null) {
            if (!Files.isDirectory(templateDir)) {
                throw new RenderException("--template-dir " + templateDir + " is not a directory");
            }
            try {
                // this constructor keeps FreeMarker's canonical-path check: nothing outside the folder loads
                loaders.add(new FileTemplateLoader(templateDir.toFile()));
            } catch (IOException e) {
                throw new RenderException("--template-dir " + templateDir + " cannot be read");
            }
        }
        loaders.add(new ClassTemplateLoader(ReportRenderer.class.getClassLoader(), BUNDLED));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setLocalizedLookup(false);
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setBooleanFormat("c");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setAutoEscapingPolicy(Configuration.FORCE_AUTO_ESCAPING_POLICY);
        cfg.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        TemplateConfiguration markdown = new TemplateConfiguration();
        markdown.setOutputFormat(MarkdownOutputFormat.INSTANCE);
        cfg.setTemplateConfigurations(
                new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("ftlmd"), markdown));
        cfg.setObjectWrapper(new DocumentTextWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35) {
            {
                setMemberAccessPolicy(new ModelOnlyPolicy());
                setDOMNodeSupport(false);
                setJythonSupport(false);
                setExposeFields(false);
            }
        }));
        return cfg;
    }

    /** The text of a bundled template, for copying. */
    public static String bundledSource(String name) {
        if (!BUNDLED_TEMPLATES.contains(name)) {
            throw new IllegalArgumentException("not a bundled template: " + name);
        }
        try (var in = ReportRenderer.class.getClassLoader().getResourceAsStream(BUNDLED + "/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Loads, checks and parses the template of {@code format} now, so that {@link #render} finds it ready; a
     * fault is left for {@code render} to report, where it would have been met anyway.
     */
    public void prepare(ReportFormat format) {
        try {
            template(format.template());
        } catch (RenderException e) {
            // reported by render
        }
        // a template's string == compares the NFKC forms of both sides (FreeMarker 2.3.33 and later): load the
        // normaliser's tables here, before rendering starts, rather than at the first comparison
        Normalizer.normalize("ready", Normalizer.Form.NFKC);
    }

    /** Renders {@code format} (which must have a template) to text. */
    public String render(ReportModel model, ReportFormat format) {
        StringWriter text = new StringWriter();
        render(model, format, text);
        return text.toString();
    }

    /**
     * Renders {@code format} (which must have a template) into {@code out}, which is neither flushed nor closed.
     * On a failure, whatever was written is to be discarded; after the time limit the template may still be
     * running, and writing, until {@code out} refuses it.
     */
    public void render(ReportModel model, ReportFormat format, Writer out) {
        render(model, format.template(), out);
    }

    /** Renders the page {@code units/index.html} into {@code out}, under the same limits as a report. */
    public void render(UnitIndexView index, Writer out) {
        render(index, UNITS, out);
    }

    /** Loads, checks and parses the template of {@code units/index.html} now, as {@link #prepare} does. */
    public void prepareUnits() {
        try {
            template(UNITS);
        } catch (RenderException e) {
            // reported by render
        }
    }

    private void render(Object model, String name, Writer out) {
        Template template = template(name);
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            // a stack with room for MAX_DEPTH nested elements, whatever the JVM's default thread stack size
            Thread thread = new Thread(null, runnable, "culturekit-render", RENDER_STACK_BYTES);
            // FreeMarker cannot be interrupted; a runaway template must not keep the JVM alive
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> result = executor.submit(() -> {
                process(template, model, new LimitedWriter(maxOutput, out));
                return null;
            });
            result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RenderException("template " + name + " ran longer than "
                    + timeLimit.toSeconds() + " s; check it for an endless or very long #list");
        } catch (ExecutionException e) {
            throw explain(name, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while rendering " + name);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * Runs {@code template} with a tracer that keeps where it is, so that a failure FreeMarker cannot locate
     * itself — recursion without end, text that outgrows the heap — is still reported at a line of a template.
     */
    private static void process(Template template, Object model, Writer out)
            throws IOException, TemplateException {
        Environment environment = template.createProcessingEnvironment(Map.of("report", model), out);
        Tracker tracker = new Tracker();
        environment.setTemplateProcessingTracer(tracker);
        try {
            environment.process();
        } catch (StackOverflowError e) {
            // a fallback: MAX_DEPTH stops recursion through macros, functions and includes long before this, but
            // the evaluation of one deeply nested expression takes no elements, only stack
            throw new RenderException(located(tracker.last) + "nests calls too deeply for the stack; check it for "
                    + "a macro or function that calls itself without end");
        } catch (OutOfMemoryError e) {
            // the failed allocation was the template's own (a string doubling, say): once this frame is left,
            // what it built is garbage again, and the run can report it like any other template error
            throw new RenderException(located(tracker.last) + "needs more memory than there is; check it for text "
                    + "that grows without end, such as a string added to itself in a #list");
        }
    }

    private Template template(String name) {
        try {
            return configuration.getTemplate(name);
        } catch (TemplateNotFoundException e) {
            throw new RenderException("template " + name + " was not found in the template directory or the "
                    + "bundled templates");
        } catch (ParseException e) {
            throw new RenderException(located(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber())
                    + firstLine(e.getEditorMessage()));
        } catch (RefusedException e) {
            throw new RenderException("template " + e.where + ": " + e.problem);
        } catch (IOException e) {
            throw new RenderException("template " + name + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static RenderException explain(String name, Throwable thrown) {
        // what the template did wrong may be wrapped, by FreeMarker or by us: the innermost reason tells it best
        TemplateException site = null;
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RenderException known) {
                return known;
            }
            if (cause instanceof OutputTooLargeException tooLarge) {
                return new RenderException("template " + name + " produced more than " + tooLarge.limit
                        + " characters; check it for an endless or very long #list");
            }
            if (cause instanceof OutputFiles.WriteFailure failure) {
                return failure.reported;
            }
            if (cause instanceof TooDeepException tooDeep) {
                return new RenderException(tooDeep.getMessage());
            }
            if (cause instanceof ParseException e) {
                // an included template that does not parse: where in it
                return new RenderException(located(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber())
                        + firstLine(e.getEditorMessage()));
            }
            if (cause instanceof TemplateException e) {
                site = e;
            }
            if (cause instanceof IOException && site != null) {
                // an #include or #import that failed: where it is, then what is wrong with what it names
                String at = located(site.getTemplateSourceName(), site.getLineNumber(), site.getColumnNumber());
                if (cause instanceof RefusedException refused) {
                    return new RenderException(at + "included template " + refused.where + ": " + refused.problem);
                }
                if (cause instanceof TemplateNotFoundException missing) {
                    return new RenderException(at + "included template " + missing.getTemplateName()
                            + " was not found in the template directory or the bundled templates");
                }
                if (cause instanceof MalformedTemplateNameException malformed) {
                    return new RenderException(at + "included template name " + malformed.getTemplateName()
                            + " is not allowed: " + firstLine(malformed.getMalformednessDescription()));
                }
            }
        }
        if (thrown instanceof freemarker.core.InvalidReferenceException e && e.getBlamedExpressionString() != null) {
            // FreeMarker's own message is a paragraph of advice whose first line names nothing: say what is missing
            return new RenderException(located(e.getTemplateSourceName(), e.getLineNumber(), null)
                    + e.getBlamedExpressionString() + " is not defined");
        }
        if (thrown instanceof TemplateException e) {
            return new RenderException(located(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber())
                    + firstLine(e.getMessageWithoutStackTop()));
        }
        if (thrown instanceof NullArgumentException || thrown instanceof IOException) {
            return new RenderException("template " + name + " failed: " + thrown.getClass().getSimpleName());
        }
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(thrown);
    }

    /** The location of {@code element}, or of nothing, as a message starts: {@code template NAME:LINE:COLUMN: }. */
    private static String located(TemplateProcessingTracer.TracedElement element) {
        return element == null ? "template ?: " : located(element.getTemplate().getSourceName(),
                element.getBeginLine(), element.getBeginColumn());
    }

    private static String located(String template, Integer line, Integer column) {
        StringBuilder text = new StringBuilder("template ").append(template == null ? "?" : template);
        if (line != null) {
            text.append(':').append(line);
            if (column != null) {
                text.append(':').append(column);
            }
        }
        return text.append(": ").toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "template error";
        }
        String line = message.strip().lines().findFirst().orElse("template error");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    /**
     * A configuration that vets every template it loads, the entry template and each one it includes or
     * imports, at any depth, before it runs.
     *
     * <ul>
     *   <li>An HTML report's templates are all {@code .ftlh} files in HTML output format, a Markdown report's all
     *       {@code .ftlmd} files in Markdown output format: FreeMarker escapes {@code ${…}} by the format of the
     *       template it is in, so one {@code .ftl} or {@code .txt} include, or one {@code output_format} in an
     *       included template's {@code #ftl} header, would write data unescaped into the report. Which report a
     *       template is loaded for is told by the entry template of the environment loading it.
     *   <li>FreeMarker's FORCE policy still accepts {@code ?no_esc}, {@code <#noautoesc>} and
     *       {@code <#outputformat>}; those, and the built-ins that evaluate strings as code, are refused here on
     *       the parsed template's canonical form, which is the same whichever tag syntax or spacing the author
     *       used.
     *   <li>{@code parse=false} includes are refused: every template is vetted as a template.
     * </ul>
     */
    private static final class VettingConfiguration extends Configuration {
        private static final Pattern FORBIDDEN = Pattern.compile(
                "\\?(no_esc|noEsc|eval|eval_json|evalJson|interpret|new|api|has_api|hasApi)\\b"
                        + "|<#(noautoesc|noAutoEsc|outputformat|outputFormat)\\b");

        VettingConfiguration() {
            super(Configuration.VERSION_2_3_35);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            OutputFormat format = format(name);
            if (!parseAsFTL) {
                throw new RefusedException(name, "is included with parse=false; a report may include or import "
                        + "only templates, and each is escaped like the report");
            }
            Template template;
            try {
                template = super.getTemplate(name, locale, customLookupCondition, encoding, true, ignoreMissing);
            } catch (StackOverflowError e) {
                // the parser descends once for each level of nesting in an expression or directive
                throw new RefusedException(name, "nests too deeply to be read");
            } catch (RuntimeException | IOException e) {
                // the template cache keeps a failed load and, asked for the name again (as render asks after
                // prepare), throws it wrapped in a plain IOException: the first failure is what to report
                Throwable failure = e instanceof ParseException || e.getCause() == null ? e : e.getCause();
                if (failure instanceof SecurityException) {
                    // FileTemplateLoader's canonical-path check: a link or path that leads out of the folder
                    throw new RefusedException(name, "resolves to a file outside the template directory; "
                            + "templates may only include files inside it");
                }
                if (failure instanceof IllegalArgumentException && String.valueOf(failure.getMessage())
                        .contains(Configuration.AUTO_ESCAPING_POLICY_KEY)) {
                    // under the FORCE policy FreeMarker refuses a header format that cannot escape this way (the
                    // .ftlh extension lifts the policy, so an HTML template's header switch is caught in vet)
                    throw switched(name, "one that cannot escape", format);
                }
                if (failure instanceof ParseException parse) {
                    throw parse;
                }
                throw e;
            }
            if (template != null) {
                vet(template, format);
            }
            return template;
        }

        /**
         * The output format every template of the report being rendered must have: the entry template's when a
         * template is loaded as it runs (an include or import), else the one its file extension stands for.
         */
        private static OutputFormat format(String name) throws RefusedException {
            Environment running = Environment.getCurrentEnvironment();
            OutputFormat format = running != null ? running.getMainTemplate().getOutputFormat()
                    : name.endsWith(".ftlmd") ? MarkdownOutputFormat.INSTANCE : HTMLOutputFormat.INSTANCE;
            String extension = format == MarkdownOutputFormat.INSTANCE ? ".ftlmd" : ".ftlh";
            if (!name.endsWith(extension)) {
                throw new RefusedException(name, "is not " + article(format) + " template (" + extension + "); "
                        + article(format) + " report may include or import only " + format.getName()
                        + " templates, so that everything it writes is escaped for " + format.getName());
            }
            return format;
        }

        private static void vet(Template template, OutputFormat format) throws RefusedException {
            String name = template.getName();
            if (template.getOutputFormat() != format) {
                throw switched(name, template.getOutputFormat().getName(), format);
            }
            @SuppressWarnings("deprecation")
            freemarker.core.TemplateElement root = template.getRootTreeNode();
            Matcher forbidden = FORBIDDEN.matcher(root.getCanonicalForm());
            if (forbidden.find()) {
                @SuppressWarnings("deprecation")
                freemarker.core.TemplateElement at = innermost(root);
                throw new RefusedException(name + ":" + at.getBeginLine() + ":" + at.getBeginColumn(),
                        "uses '" + forbidden.group() + "', which report templates may not use: it would turn "
                                + "escaping off or run text as code");
            }
        }

        /** The innermost element of {@code element} whose canonical form has a forbidden construct: where it is. */
        @SuppressWarnings("deprecation")
        private static freemarker.core.TemplateElement innermost(freemarker.core.TemplateElement element) {
            for (var children = element.children(); children.hasMoreElements(); ) {
                var child = (freemarker.core.TemplateElement) children.nextElement();
                if (FORBIDDEN.matcher(child.getCanonicalForm()).find()) {
                    return innermost(child);
                }
            }
            return element;
        }

        private static RefusedException switched(String name, String to, OutputFormat format) {
            return new RefusedException(name, "its #ftl header switches the output format to " + to + "; "
                    + article(format) + " report's templates must all be " + format.getName() + ", so that "
                    + "everything they write is escaped for " + format.getName());
        }

        private static String article(OutputFormat format) {
            return format == HTMLOutputFormat.INSTANCE ? "an HTML" : "a " + format.getName();
        }
    }

    /**
     * A template was refused before it ran.
     *
     * @param where the template's name, with the line (and column) of the fault when known
     * @param problem what is wrong, as a sentence without its subject
     */
    private static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;
        final String where;
        final String problem;

        RefusedException(String where, String problem) {
            super("template " + where + ": " + problem);
            this.where = where;
            this.problem = problem;
        }
    }

    /**
     * Follows the template as it runs: how deeply its elements nest, which bounds recursion by macros,
     * functions and includes (MAX_DEPTH) long before the stack would overflow, and the element entered last,
     * where a failure that carries no location of its own happened.
     */
    private static final class Tracker implements TemplateProcessingTracer {
        private int depth;
        TracedElement last;

        @Override
        public void enterElement(Environment environment, TracedElement element) {
            last = element;
            if (depth == MAX_DEPTH) {
                throw new TooDeepException(located(element) + "nests macros, functions or includes more than "
                        + MAX_DEPTH + " deep; check it for one that calls or includes itself without end");
            }
            depth++;
        }

        @Override
        public void exitElement(Environment environment, TracedElement element) {
            depth--;
        }
    }

    /** A template nested its elements deeper than {@link #MAX_DEPTH}. */
    private static final class TooDeepException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooDeepException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Hands templates every string of the model as a report shows data text ({@link VisibleText#DOCUMENT}):
     * every value a template reads passes here, so no control or bidi character of a comment, a group name or
     * a questionnaire text reaches {@code report.html} or {@code report.md}, whatever the template
     * (docs/templates.md). The model itself keeps the text as read.
     */
    private static final class DocumentTextWrapper extends DefaultObjectWrapper {
        DocumentTextWrapper(DefaultObjectWrapperBuilder settings) {
            super(settings, true);
        }

        @Override
        public TemplateModel wrap(Object object) throws TemplateModelException {
            return super.wrap(object instanceof String text ? VisibleText.DOCUMENT.of(text) : object);
        }
    }

    /** Exposes only the record accessors of the report model's own types; no other Java member. */
    private static final class ModelOnlyPolicy implements MemberAccessPolicy {
        @Override
        public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
            boolean model = contextClass.isRecord()
                    && (contextClass.getName().startsWith(ReportModel.class.getName())
                            || contextClass.getName().startsWith(OutcomesView.class.getName())
                            || contextClass.getName().startsWith(ParticipationView.class.getName())
                            || contextClass.getName().startsWith(UnitView.class.getName())
                            || contextClass.getName().startsWith(UnitIndexView.class.getName()));
            return new ClassMemberAccessPolicy() {
                @Override
                public boolean isMethodExposed(Method method) {
                    return model
                            && method.getParameterCount() == 0
                            && method.getDeclaringClass() == contextClass
                            && isComponent(contextClass, method.getName());
                }

                @Override
                public boolean isConstructorExposed(Constructor<?> constructor) {
                    return false;
                }

                @Override
                public boolean isFieldExposed(Field field) {
                    return false;
                }
            };
        }

        private static boolean isComponent(Class<?> record, String name) {
            for (var component : record.getRecordComponents()) {
                if (component.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return false;
        }
    }

    /** Passes output on and fails once it passes a limit, so a template cannot fill the disk or the heap. */
    private static final class LimitedWriter extends Writer {
        private final long limit;
        private final Writer out;
        private long written;

        LimitedWriter(long limit, Writer out) {
            this.limit = limit;
            this.out = out;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            count(length);
            out.write(buffer, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            count(length);
            out.write(text, offset, length);
        }

        @Override
        public void write(int c) throws IOException {
            count(1);
            out.write(c);
        }

        private void count(int length) throws OutputTooLargeException {
            if (written + length > limit) {
                throw new OutputTooLargeException(limit);
            }
            written += length;
        }

        /** The caller's writer is the caller's to flush and close. */
        @Override
        public void flush() {}

        @Override
        public void close() {}
    }

    /** The output limit was reached. */
    private static final class OutputTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        final long limit;

        OutputTooLargeException(long limit) {
            super("output limit reached");
            this.limit = limit;
        }
    }
}
