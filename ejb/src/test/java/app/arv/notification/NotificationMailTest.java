package app.arv.notification;

import app.arv.mail.MailKind;
import app.arv.mail.MailTemplates;
import app.arv.mail.RenderedMail;
import app.arv.shared.Jsonp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The notification mail: every type renders in both languages whatever details its data lacks, links absolute. */
class NotificationMailTest {

    private final MailTemplates templates = new MailTemplates();

    @ParameterizedTest
    @EnumSource(value = OccurrenceType.class, names = "TEST", mode = EnumSource.Mode.EXCLUDE)
    void everyTypeHasAnEnglishAndARussianMailEvenWithoutDetails(OccurrenceType type) {
        Occurrence bare = new Occurrence(UUID.randomUUID(), type, UUID.randomUUID(), Instant.now(), Jsonp.createObjectBuilder().build());

        for (String language : new String[]{"en", "ru"}) {
            RenderedMail mail = templates.render(MailKind.NOTIFICATION, Locale.forLanguageTag(language),
                    MailChannel.values(bare, "https://ar.example.com"));

            assertThat(mail.subject()).isNotBlank().doesNotContain("ARV notification").doesNotContain("Уведомление ARV");
            assertThat(mail.text()).contains("https://ar.example.com/console/#/");
            assertThat(mail.html()).contains("https://ar.example.com/console/#/");
        }
    }

    @Test
    void aFailedMarkersMailNamesTheVerdictAndEveryReason() {
        UUID content = UUID.randomUUID();
        Occurrence failed = new Occurrence(UUID.randomUUID(), OccurrenceType.MARKER_FAILED, content, Instant.now(),
                Jsonp.createObjectBuilder().add("title", "Anna").add("verdict", "unusable").add("failure", "too plain")
                        .add("reasons", Jsonp.createArrayBuilder().add("few features").add("low contrast")).build());

        RenderedMail mail = templates.render(MailKind.NOTIFICATION, Locale.ENGLISH, MailChannel.values(failed, "https://ar.example.com"));

        assertThat(mail.subject()).isEqualTo("Marker failed: Anna");
        assertThat(mail.text()).contains("too plain", "Verdict: unusable. Reasons: few features; low contrast",
                "https://ar.example.com/console/#/content/" + content);
    }

    @Test
    void aTitleIsEscapedInHtml() {
        String hostile = "<script>alert(1)</script>";
        Occurrence ready = new Occurrence(UUID.randomUUID(), OccurrenceType.MARKER_READY, UUID.randomUUID(), Instant.now(),
                Jsonp.createObjectBuilder().add("title", hostile).build());

        RenderedMail mail = templates.render(MailKind.NOTIFICATION, Locale.ENGLISH, MailChannel.values(ready, "https://ar.example.com"));

        assertThat(mail.html()).doesNotContain(hostile).contains("&lt;script&gt;");
    }

    @Test
    void aSubjectNamingALongAddressIsCutToWhatTheOutboxKeeps() {
        String url = "https://hooks.example.com/" + "a".repeat(1500);
        Occurrence disabled = new Occurrence(UUID.randomUUID(), OccurrenceType.WEBHOOK_DISABLED, UUID.randomUUID(), Instant.now(),
                Jsonp.createObjectBuilder().add("url", url).build());

        RenderedMail mail = templates.render(MailKind.NOTIFICATION, Locale.ENGLISH, MailChannel.values(disabled, "https://ar.example.com"));

        assertThat(mail.subject()).hasSize(MailTemplates.SUBJECT_LENGTH).startsWith("Webhook disabled: https://hooks.example.com/aaa")
                .endsWith("…");
        assertThat(mail.text()).contains(url);
    }
}
