package app.arv.mail;

import java.util.Locale;

/** A mail as its recipient will read it: subject, plain text and HTML, in one language. */
public record RenderedMail(Locale locale, String subject, String text, String html) {
}
