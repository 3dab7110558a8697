package app.arv.mail;

import app.arv.persistence.identity.Language;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailTemplatesTest {

    private static final Map<String, String> VALUES = Map.of("recipient", "boss@acme.example", "organization", "Acme",
            "consoleUrl", "https://ar.example.com/console/");
    private final MailTemplates templates = new MailTemplates();

    @Test
    void everyMailHasItsTemplatesInEveryLanguageArvSpeaks() {
        for (MailKind kind : MailKind.values()) {
            for (Language language : Language.values()) {
                String suffix = language == Language.fallback() ? "" : "_" + language.tag();
                for (String type : new String[]{".ftl", ".ftlh"}) {
                    assertThat(MailTemplates.class.getResource("templates/" + kind.template() + suffix + type))
                            .as(kind + " in " + language + " (" + type + ")").isNotNull();
                }
            }
        }
    }

    @Test
    void anEnglishMailHasItsSubjectTextAndHtml() {
        RenderedMail mail = templates.render(MailKind.TEST_MAIL, Locale.ENGLISH, VALUES);

        assertThat(mail.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(mail.subject()).isEqualTo("ARV test mail");
        assertThat(mail.text()).contains("sent to boss@acme.example", "Open ARV: https://ar.example.com/console/")
                .doesNotContain("<");
        assertThat(mail.html()).contains("<html lang=\"en\">", "<title>ARV test mail</title>",
                "href=\"https://ar.example.com/console/\"");
    }

    @Test
    void aRussianReaderGetsTheRussianTemplatesWhateverTheRegion() {
        RenderedMail mail = templates.render(MailKind.TEST_MAIL, Locale.forLanguageTag("ru-RU"), VALUES);

        assertThat(mail.locale().getLanguage()).isEqualTo("ru");
        assertThat(mail.subject()).isEqualTo("Тестовое письмо ARV");
        assertThat(mail.text()).contains("Здравствуйте", "«Acme»");
        assertThat(mail.html()).contains("<html lang=\"ru\">", "Открыть ARV");
    }

    @Test
    void aLanguageWithoutTemplatesGetsEnglish() {
        RenderedMail mail = templates.render(MailKind.TEST_MAIL, Locale.GERMAN, VALUES);

        assertThat(mail.locale()).isEqualTo(Locale.ENGLISH);
        assertThat(mail.subject()).isEqualTo("ARV test mail");
    }

    @Test
    void theFirstPreferredLanguageArvWritesInIsChosen() {
        assertThat(MailTemplates.languageFor(java.util.List.of(Locale.GERMAN, Locale.forLanguageTag("ru-RU"), Locale.ENGLISH)))
                .isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(MailTemplates.languageFor(java.util.List.of(Locale.GERMAN))).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void valuesAreEscapedInHtmlAndLeftAsTheyAreInText() {
        Map<String, String> hostile = Map.of("recipient", "boss@acme.example", "organization", "<script>x</script> & Co",
                "consoleUrl", "https://ar.example.com/console/");

        RenderedMail mail = templates.render(MailKind.TEST_MAIL, Locale.ENGLISH, hostile);

        assertThat(mail.html()).contains("&lt;script&gt;x&lt;/script&gt; &amp; Co").doesNotContain("<script>");
        assertThat(mail.text()).contains("<script>x</script> & Co");
    }

    @Test
    void aMissingValueIsAnErrorNotABlank() {
        assertThatThrownBy(() -> templates.render(MailKind.TEST_MAIL, Locale.ENGLISH, Map.of("recipient", "a@b.example")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test-mail.ftl");
    }

    @Test
    void anInvitationNamesTheOrganizationTheRoleAndTheLinkInBothLanguages() {
        Map<String, String> values = Map.of("recipient", "new@acme.example", "organization", "Acme", "inviter", "boss@acme.example",
                "role", "ADMIN", "link", "https://ar.example.com/console/#/invitation?token=abc", "hours", "72");

        RenderedMail english = templates.render(MailKind.INVITATION, Locale.ENGLISH, values);
        RenderedMail russian = templates.render(MailKind.INVITATION, Locale.forLanguageTag("ru"), values);

        assertThat(english.subject()).isEqualTo("You are invited to Acme on ARV");
        assertThat(english.text()).contains("boss@acme.example invites you", "as an administrator", "#/invitation?token=abc", "72 hours");
        assertThat(russian.text()).contains("приглашает вас", "как администратора", "#/invitation?token=abc");
        assertThat(russian.html()).contains("href=\"https://ar.example.com/console/#/invitation?token=abc\"");
    }

    @Test
    void aSignupVerificationCarriesItsLinkInBothLanguages() {
        Map<String, String> values = Map.of("recipient", "new@acme.example", "organization", "Acme",
                "link", "https://ar.example.com/console/#/signup/verify?token=abc", "hours", "24");

        RenderedMail english = templates.render(MailKind.SIGNUP_VERIFICATION, Locale.ENGLISH, values);
        RenderedMail russian = templates.render(MailKind.SIGNUP_VERIFICATION, Locale.forLanguageTag("ru"), values);

        assertThat(english.text()).contains("#/signup/verify?token=abc", "24 hours", "Acme");
        assertThat(russian.subject()).startsWith("Подтвердите адрес");
        assertThat(russian.html()).contains("#/signup/verify?token=abc");
    }
}
