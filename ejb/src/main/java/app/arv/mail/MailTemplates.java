package app.arv.mail;

import app.arv.persistence.identity.Language;
import freemarker.core.Environment;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateScalarModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link MailKind} with FreeMarker in one of the {@link Language}s ARV speaks.
 * FreeMarker picks the template by locale itself ({@code test-mail_ru.ftlh}, falling back to
 * {@code test-mail.ftlh}) and escapes by file type: every value in an {@code .ftlh} template is HTML-escaped
 * unless the template says otherwise, while {@code .ftl} (plain text) is left as written. Templates cannot
 * reach Java classes ({@code ?new} and {@code ?api} are off), so a value is only ever text.
 */
@ApplicationScoped
public class MailTemplates {

    /** The longest subject written, well inside RFC 5322's 998-character line and the outbox's column. */
    public static final int SUBJECT_LENGTH = 200;

    private final Configuration freemarker;

    public MailTemplates() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(MailTemplates.class, "/app/arv/mail/templates");
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setLocalizedLookup(true);
        freemarker.setRecognizeStandardFileExtensions(true);
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
        freemarker.setFallbackOnNullLoopVariable(false);
        freemarker.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        freemarker.setAPIBuiltinEnabled(false);
    }

    /** The language a mail for someone who reads {@code wanted} is written in: theirs if ARV has it, else English. */
    public static Locale languageFor(Locale wanted) {
        return Language.forReader(wanted).locale();
    }

    /** The language for someone whose languages are these, in order of preference: the first ARV has, else English. */
    public static Locale languageFor(List<Locale> preferred) {
        return Language.firstSpokenOf(preferred).locale();
    }

    /**
     * Renders both parts with {@code values} (text only; missing values are an error, not an empty string).
     *
     * @throws IllegalStateException when a template is missing, broken, needs a value not given, or sets no subject
     */
    public RenderedMail render(MailKind kind, Locale wanted, Map<String, String> values) {
        Locale language = languageFor(wanted);
        StringWriter text = new StringWriter();
        Environment textRun = process(kind.template() + ".ftl", language, values, text);
        String subject = subjectOf(textRun, kind);
        StringWriter html = new StringWriter();
        Map<String, Object> htmlValues = new HashMap<>(values);
        htmlValues.put("subject", subject);
        process(kind.template() + ".ftlh", language, htmlValues, html);
        return new RenderedMail(language, subject, text.toString().strip() + "\n", html.toString());
    }

    private Environment process(String name, Locale language, Map<String, ?> values, StringWriter out) {
        try {
            Template template = freemarker.getTemplate(name, language);
            Environment run = template.createProcessingEnvironment(values, out);
            run.setLocale(language);
            run.process();
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException("mail template " + name + " (" + language + ") cannot be read", e);
        } catch (TemplateException e) {
            throw new IllegalStateException("mail template " + name + " (" + language + ") failed: " + e.getMessage(), e);
        }
    }

    /**
     * A subject is a line for a person to read, and a value (a title, a webhook's address of up to 2048 characters)
     * may make it longer than the outbox's column: the mail would then fail the transaction that queued it.
     */
    private static String clipped(String subject) {
        return subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH - 1) + "…";
    }

    private static String subjectOf(Environment run, MailKind kind) {
        try {
            TemplateModel subject = run.getMainNamespace().get("subject");
            if (subject instanceof TemplateScalarModel scalar && !scalar.getAsString().isBlank()) {
                return clipped(scalar.getAsString().strip().replaceAll("\\s+", " "));
            }
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException("mail template " + kind.template() + ".ftl has an unreadable subject", e);
        }
        throw new IllegalStateException("mail template " + kind.template() + ".ftl sets no subject (<#assign subject = ...>)");
    }
}
