package app.arv.mail;

import app.arv.shared.Backoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSettingsTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMinutes(1), Duration.ofHours(1));

    @Test
    void atTheDefaultsAMailOutlastsAnSmtpOutageOfANight() {
        DeliveryPolicy defaults = new DeliveryPolicy(Integer.parseInt(MailSettings.DEFAULT_MAX_ATTEMPTS),
                new Backoff(Duration.parse(MailSettings.DEFAULT_RETRY_BASE), Duration.parse(MailSettings.DEFAULT_RETRY_MAX)));

        assertThat(defaults.triedFor()).isGreaterThan(Duration.ofHours(36));
    }

    @Test
    void starttlsIsRequiredNotMerelyTried() {
        Properties session = settings(SmtpSecurity.STARTTLS, "ARV <no-reply@arv.local>").sessionProperties();

        assertThat(session).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
    }

    @Test
    void implicitTlsUsesTheSmtpsTransport() {
        Properties session = settings(SmtpSecurity.TLS, "ARV <no-reply@arv.local>").sessionProperties();

        assertThat(session).containsEntry("mail.transport.protocol", "smtps").containsEntry("mail.smtps.port", "2525");
    }

    @Test
    void theTlsSettingIsOneOfThreeWords() {
        assertThat(SmtpSecurity.parse(" STARTTLS ")).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(SmtpSecurity.parse("none")).isEqualTo(SmtpSecurity.NONE);
        assertThatThrownBy(() -> SmtpSecurity.parse("maybe")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ARV_SMTP_TLS");
    }

    @Test
    void aSenderThatIsNoAddressIsRefusedByName() {
        assertThatThrownBy(() -> settings(SmtpSecurity.NONE, "ARV at example").from())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ARV_MAIL_FROM");
    }

    @Test
    void aLeaseTooShortForOneSendIsRefusedByName() {
        MailSettings settings = MailSettings.of("smtp.example.com", 2525, SmtpSecurity.NONE, "ARV <no-reply@arv.local>", 3,
                BACKOFF, Duration.ofSeconds(20));

        assertThatThrownBy(settings::check).isInstanceOf(IllegalStateException.class).hasMessageContaining("ARV_MAIL_LEASE");
    }

    @Test
    void aPollIntervalOfZeroIsRefusedByNameForTheOutboxWouldBeReadOnceAndNeverAgain() {
        MailSettings settings = settings(SmtpSecurity.NONE, "ARV <no-reply@arv.local>");
        settings.pollInterval = Duration.ZERO;

        assertThatThrownBy(settings::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ARV_MAIL_POLL_INTERVAL");
    }

    private static MailSettings settings(SmtpSecurity security, String from) {
        return MailSettings.of("smtp.example.com", 2525, security, from, 3, BACKOFF, Duration.ofMinutes(5));
    }
}
