package app.arv.mail;

import java.util.Locale;

/** How the connection to the SMTP server is protected ({@code arv.smtp.tls}), parsed once from the setting. */
public enum SmtpSecurity {
    /** Plain SMTP: only for a server on the same host or network (the run command's local inbox). */
    NONE,
    /** Plain connection upgraded with STARTTLS, which is required: a server that does not offer it is refused. */
    STARTTLS,
    /** TLS from the first byte (SMTPS, usually port 465). */
    TLS;

    public static SmtpSecurity parse(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "none", "false", "off" -> NONE;
            case "starttls", "true", "on" -> STARTTLS;
            case "tls", "ssl", "smtps" -> TLS;
            default -> throw new IllegalStateException("ARV_SMTP_TLS must be none, starttls or tls, got " + setting);
        };
    }
}
