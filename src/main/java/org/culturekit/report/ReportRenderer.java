package org.culturekit.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.core.XHTMLOutputFormat;
import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
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

/**
 * Renders a {@link ReportModel} through FreeMarker templates, treating every template as untrusted code
 * (SECURITY.md §1): no class instantiation, no {@code ?api}, no Java members but the model's record
 * accessors, forced auto-escaping, a time limit and an output-size limit.
 *
 * <p>Templates are looked up in the user's template directory first, then in the bundled
 * {@code report-templates/}, file by file.
 */
public final class ReportRenderer {
    /** The bundled templates' location on the class path. */
    static final String BUNDLED = "report-templates";

    /** Every bundled template, for {@code templates export}. */
    public static final List<String> BUNDLED_TEMPLATES =
            List.of("report.ftlh", "report.ftlmd", "lib/html.ftlh", "lib/markdown.ftlmd");

    /** The most characters a template may produce. */
    public static final long DEFAULT_MAX_OUTPUT = 50L * 1024 * 1024;

    /** How long a template may run. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);

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
        cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_35) {
            {
                setMemberAccessPolicy(new ModelOnlyPolicy());
                setDOMNodeSupport(false);
                setJythonSupport(false);
                setExposeFields(false);
            }
        }.build());
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
        // normaliser's tables here rather than at the first comparison while rendering (about 30 ms)
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
        Template template = template(format.template());
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "culturekit-render");
            // FreeMarker cannot be interrupted; a runaway template must not keep the JVM alive
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<?> result = executor.submit(() -> {
                template.process(Map.of("report", model), new LimitedWriter(maxOutput, out));
                return null;
            });
            result.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new RenderException("template " + format.template() + " ran longer than "
                    + timeLimit.toSeconds() + " s; check it for an endless or very long #list");
        } catch (ExecutionException e) {
            throw explain(format.template(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RenderException("interrupted while rendering " + format.template());
        } finally {
            executor.shutdownNow();
        }
    }

    private Template template(String name) {
        try {
            Template template = configuration.getTemplate(name);
            if (name.endsWith(".ftlh")
                    && !(template.getOutputFormat() instanceof HTMLOutputFormat
                            || template.getOutputFormat() instanceof XHTMLOutputFormat)) {
                throw new RenderException("template " + name + " switches its output format to "
                        + template.getOutputFormat().getName() + "; HTML templates must stay HTML");
            }
            if (name.endsWith(".ftlmd") && template.getOutputFormat() != MarkdownOutputFormat.INSTANCE) {
                throw new RenderException("template " + name + " switches its output format to "
                        + template.getOutputFormat().getName() + "; Markdown templates must stay Markdown");
            }
            return template;
        } catch (TemplateNotFoundException e) {
            throw new RenderException("template " + name + " was not found in the template directory or the "
                    + "bundled templates");
        } catch (ParseException e) {
            throw new RenderException(located(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber())
                    + firstLine(e.getEditorMessage()));
        } catch (RefusedException e) {
            throw new RenderException(e.getMessage());
        } catch (IOException e) {
            throw new RenderException("template " + name + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static RenderException explain(String name, Throwable cause) {
        if (cause instanceof OutputTooLargeException tooLarge) {
            return new RenderException("template " + name + " produced more than " + tooLarge.limit
                    + " characters; check it for an endless or very long #list");
        }
        if (cause instanceof RefusedException refused) {
            return new RenderException(refused.getMessage());
        }
        if (cause instanceof OutputFiles.WriteFailure failure) {
            return failure.reported;
        }
        if (cause instanceof ParseException e) {
            return new RenderException(located(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber())
                    + firstLine(e.getEditorMessage()));
        }
        if (cause instanceof TemplateException e) {
            return new RenderException(located(e.getTemplateSourceName(), e.getLineNumber(), e.getColumnNumber())
                    + firstLine(e.getMessageWithoutStackTop()));
        }
        if (cause instanceof NullArgumentException || cause instanceof IOException) {
            return new RenderException("template " + name + " failed: " + cause.getClass().getSimpleName());
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        throw new IllegalStateException(cause);
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
     * imports, before it runs. FreeMarker's FORCE policy stops {@code output_format} switches in the header but
     * still accepts {@code ?no_esc}, {@code <#noautoesc>} and {@code <#outputformat>}; those, and the built-ins
     * that evaluate strings as code, are refused here on the parsed template's canonical form, which is the
     * same whichever tag syntax or spacing the author used.
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
            Template template;
            try {
                template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            } catch (SecurityException e) {
                // FileTemplateLoader's canonical-path check: a link or path that leads out of the folder
                throw new RefusedException("template " + name + " resolves to a file outside the template "
                        + "directory; templates may only include files inside it");
            }
            if (template != null) {
                @SuppressWarnings("deprecation")
                String canonical = template.getRootTreeNode().getCanonicalForm();
                Matcher forbidden = FORBIDDEN.matcher(canonical);
                if (forbidden.find()) {
                    throw new RefusedException("template " + name + " uses '" + forbidden.group()
                            + "', which report templates may not use: it would turn escaping off or run text as "
                            + "code");
                }
            }
            return template;
        }
    }

    /** A template was refused before it ran. */
    private static final class RefusedException extends IOException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message) {
            super(message);
        }
    }

    /** Exposes only the record accessors of the report model's own types; no other Java member. */
    private static final class ModelOnlyPolicy implements MemberAccessPolicy {
        @Override
        public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
            boolean model = contextClass.isRecord()
                    && contextClass.getName().startsWith(ReportModel.class.getName());
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
