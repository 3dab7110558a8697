package app.arv.identity.sso;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * E-mail domains as an organization allows them and as a provider's address carries them: lower-case
 * ASCII (IDNA), no trailing dot; matched exactly — allowing {@code example.com} does not admit
 * {@code mail.example.com}, which may be run by someone else. The domains of public mail services can be nobody's.
 */
public final class EmailDomains {

    /**
     * Domains of mail services anybody can get an address at: no organization can own one, so none may claim it (its
     * people would all join that organization). The one list ARV keeps of them.
     */
    private static final Set<String> PUBLIC_MAIL = Set.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
            "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "web.de", "mail.ru",
            "yandex.ru", "ya.ru");

    private static final Pattern DOMAIN = Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9-]{2,63}$");

    private EmailDomains() {
    }

    /** The domain as stored, or empty when the text is not a domain name with at least two labels. */
    public static Optional<String> normalise(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        String d = domain.strip();
        if (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return DOMAIN.matcher(d).matches() ? Optional.of(d) : Optional.empty();
    }

    /** Whether this (normalised) domain is a public mail service's, which no organization may claim. */
    public static boolean isPublicMail(String domain) {
        return PUBLIC_MAIL.contains(domain);
    }

    /** The domain of an address ({@code Ann@Example.COM} → {@code example.com}), if it has a valid one. */
    public static Optional<String> of(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1) {
            return Optional.empty();
        }
        return normalise(email.substring(at + 1));
    }
}
