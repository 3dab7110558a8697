package app.arv.web.viewer;

import app.arv.persistence.identity.Language;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the viewer page says, in the languages of the print kits: {@code /ar/messages.json}, the one home of the friendly
 * pages' texts ({@link ViewerPageServlet}, before any script runs) and of the messages {@code viewer.js} shows once it
 * runs, which the servlet hands the script inside the page. Two copies had drifted apart: the page over the limit said
 * "Too many requests", the script in the same situation "Too many scans from this network".
 */
final class ViewerMessages {

    static final String PATH = "/ar/messages.json";
    /** The languages the viewer speaks, the first the fallback: every one ARV speaks. */
    static final List<String> LANGUAGES = Language.tags();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    private final JsonObject languages;

    private ViewerMessages(JsonObject languages) {
        this.languages = languages;
    }

    static ViewerMessages of(ServletContext context) {
        try (InputStream json = context.getResourceAsStream(PATH)) {
            if (json == null) {
                throw new IllegalStateException(PATH + " is missing");
            }
            return read(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ViewerMessages read(InputStream json) {
        try (JsonReader reader = Json.createReader(json)) {
            JsonObject languages = reader.readObject();
            for (String language : LANGUAGES) {
                if (!languages.containsKey(language)) {
                    throw new IllegalStateException(PATH + " has no messages in " + language);
                }
            }
            return new ViewerMessages(languages);
        }
    }

    /**
     * The first of the visitor's languages (Accept-Language, most wanted first) the viewer speaks; English when it speaks
     * none of them. A phone set to German, then Russian reads Russian; one set to English, then Russian reads English.
     */
    static String languageOf(Enumeration<Locale> accepted) {
        return Language.firstSpokenOf(Collections.list(accepted)).tag();
    }

    /** The heading of {@code phase} (a key of the dictionary, as {@code viewer.js} names its phases). */
    String title(String language, String phase) {
        return messages(language).getJsonObject(phase).getString("title");
    }

    /** The sentence under the heading of {@code phase}, its {name} placeholders filled from {@code values}. */
    String text(String language, String phase, Map<String, ?> values) {
        Matcher placeholder = PLACEHOLDER.matcher(messages(language).getJsonObject(phase).getString("text"));
        return placeholder.replaceAll(found -> Matcher.quoteReplacement(
                values.containsKey(found.group(1)) ? String.valueOf(values.get(found.group(1))) : found.group()));
    }

    /**
     * The messages of {@code language} as JSON to stand inside the page's {@code <script type="application/json">}
     * element: no "<", so no text can close the element early.
     */
    String embeddable(String language) {
        return messages(language).toString().replace("<", "\\u003c");
    }

    private JsonObject messages(String language) {
        return languages.getJsonObject(language);
    }
}
