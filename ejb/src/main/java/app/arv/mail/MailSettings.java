package app.arv.mail;

import app.arv.shared.Backoff;
import app.arv.shared.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and how ARV sends e-mail: the SMTP server, the sender, and the outbox's retry, lease and polling
 * rules. Without {@code arv.smtp.host} mails are queued but not sent (the run command always sets one).
 */
@ApplicationScoped
public class MailSettings {

    @Inject
    @ConfigProperty(name = "arv.smtp.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "arv.smtp.port", defaultValue = "587")
    int port;

    @Inject
    @ConfigProperty(name = "arv.smtp.user")
    Optional<String> user;

    @Inject
    @ConfigProperty(name = "arv.smtp.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "arv.smtp.tls", defaultValue = "starttls")
    String tls;

    /** Connecting, and each read or write on the connection; a slow server fails one attempt, not the worker. */
    @Inject
    @ConfigProperty(name = "arv.smtp.timeout", defaultValue = "PT10S")
    Duration timeout;

    @Inject
    @ConfigProperty(name = "arv.mail.from", defaultValue = "ARV <no-reply@arv.local>")
    String from;

    /**
     * Enough attempts, at the default back-off, to outlast an SMTP outage of a night and a weekend day (about 44 h): with
     * eight, a mail was dead two hours into an outage, and every invitation and reset mail of the night with it.
     */
    static final String DEFAULT_MAX_ATTEMPTS = "50";
    static final String DEFAULT_RETRY_BASE = "PT1M";
    static final String DEFAULT_RETRY_MAX = "PT1H";

    @Inject
    @ConfigProperty(name = "arv.mail.max-attempts", defaultValue = DEFAULT_MAX_ATTEMPTS)
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "arv.mail.retry-base", defaultValue = DEFAULT_RETRY_BASE)
    Duration retryBase;

    @Inject
    @ConfigProperty(name = "arv.mail.retry-max", defaultValue = DEFAULT_RETRY_MAX)
    Duration retryMax;

    /**
     * How long a claimed mail belongs to the node that claimed it. Far longer than one send (a few SMTP
     * timeouts): only a node that died mid-send lets it run out, and then another node sends the mail.
     */
    @Inject
    @ConfigProperty(name = "arv.mail.lease", defaultValue = "PT5M")
    Duration lease;

    @Inject
    @ConfigProperty(name = "arv.mail.poll-interval", defaultValue = "PT5S")
    Duration pollInterval;

    /** Sent and dead mails are deleted this long after they were queued: their bodies may carry links with tokens. */
    @Inject
    @ConfigProperty(name = "arv.mail.retention", defaultValue = "P7D")
    Duration retention;

    public MailSettings() {
    }

    /** Settings for a server and outbox rules outside the container (tests). */
    public static MailSettings of(String host, int port, SmtpSecurity security, String from, int maxAttempts,
            Backoff backoff, Duration lease) {
        MailSettings settings = new MailSettings();
        settings.host = Optional.of(host);
        settings.port = port;
        settings.user = Optional.empty();
        settings.password = Optional.empty();
        settings.tls = security.name();
        settings.timeout = Duration.ofSeconds(5);
        settings.from = from;
        settings.maxAttempts = maxAttempts;
        settings.retryBase = backoff.first();
        settings.retryMax = backoff.max();
        settings.lease = lease;
        settings.pollInterval = Duration.ofSeconds(1);
        settings.retention = Duration.ofDays(7);
        return settings;
    }

    /** Whether an SMTP server is configured at all. */
    public boolean sends() {
        return host.filter(h -> !h.isBlank()).isPresent();
    }

    public SmtpSecurity security() {
        return SmtpSecurity.parse(tls);
    }

    public Optional<String> user() {
        return user.filter(u -> !u.isBlank());
    }

    public String password() {
        return password.orElse("");
    }

    /** @throws IllegalStateException when {@code arv.mail.from} is not one address */
    public InternetAddress from() {
        try {
            InternetAddress address = new InternetAddress(from.strip(), true);
            address.validate();
            return address;
        } catch (AddressException e) {
            throw new IllegalStateException("ARV_MAIL_FROM is not an e-mail address: " + from, e);
        }
    }

    public DeliveryPolicy policy() {
        return new DeliveryPolicy(maxAttempts, new Backoff(retryBase, retryMax));
    }

    public Duration lease() {
        return lease;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The longest one send can take: a connect, a few commands and the data, each within the SMTP timeout. */
    public Duration longestSend() {
        return timeout.multipliedBy(4);
    }

    /**
     * @throws IllegalStateException naming the setting when one cannot work: the sender, the TLS mode, the attempts,
     *                               or a lease too short for a send to finish inside it
     */
    public void check() {
        Setting.positive("ARV_MAIL_POLL_INTERVAL", pollInterval);
        Setting.positive("ARV_SMTP_TIMEOUT", timeout);
        Setting.positive("ARV_MAIL_RETRY_BASE", retryBase);
        from();
        security();
        policy();
        if (lease.compareTo(longestSend()) <= 0) {
            throw new IllegalStateException("ARV_MAIL_LEASE (" + lease + ") must be longer than four ARV_SMTP_TIMEOUTs ("
                    + longestSend() + "): a node could not finish a send inside its lease");
        }
    }

    /** Empty: settled mails are kept for ever ({@code PT0S}). */
    public Optional<Duration> retention() {
        return Setting.unlessZero(retention);
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** The Jakarta Mail session properties for this server. */
    Properties sessionProperties() {
        SmtpSecurity security = security();
        String protocol = security == SmtpSecurity.TLS ? "smtps" : "smtp";
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put("mail." + protocol + ".host", host.orElseThrow().strip());
        properties.put("mail." + protocol + ".port", Integer.toString(port));
        properties.put("mail." + protocol + ".connectiontimeout", millis);
        properties.put("mail." + protocol + ".timeout", millis);
        properties.put("mail." + protocol + ".writetimeout", millis);
        properties.put("mail." + protocol + ".auth", Boolean.toString(user().isPresent()));
        properties.put("mail." + protocol + ".from", from().getAddress());
        if (security == SmtpSecurity.STARTTLS) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (security != SmtpSecurity.NONE) {
            properties.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
