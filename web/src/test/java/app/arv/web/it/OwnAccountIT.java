package app.arv.web.it;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** A person's own name and language through HTTP (PATCH /me), and the language their mail then arrives in. */
@ExtendWith(ArvServer.class)
class OwnAccountIT {

    @Test
    void aPersonSetsTheirNameAndLanguageAndKeepsWhatTheyLeaveOut() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("name", "  Анна Петрова ", "locale", "ru")).patch("/me").then().statusCode(200)
                .body("name", equalTo("Анна Петрова")).body("locale", equalTo("ru")).body("email", equalTo(tenant.adminEmail()));
        Api.bearer(tenant.adminToken()).body(Map.of("name", "Anna")).patch("/me").then().statusCode(200)
                .body("name", equalTo("Anna")).body("locale", equalTo("ru"));

        Api.bearer(tenant.adminToken()).get("/me/account").then().statusCode(200).body("name", equalTo("Anna")).body("locale", equalTo("ru"));
    }

    @Test
    void aLanguageArvDoesNotWriteIsRefusedAndChangesNothing() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).body(Map.of("locale", "de")).patch("/me").then().statusCode(400)
                .body("code", equalTo("validation_failed"));

        Api.bearer(tenant.adminToken()).get("/me/account").then().statusCode(200).body("locale", nullValue());
    }

    @Test
    void mailArrivesInTheLanguageAPersonChoseWhateverTheRequestPrefers() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        Api.bearer(tenant.adminToken()).body(Map.of("locale", "ru")).patch("/me").then().statusCode(200);

        Api.anonymous().header("Accept-Language", "en").header("X-Forwarded-For", "10.77.0.1")
                .body(Map.of("email", tenant.adminEmail())).post("/auth/password-reset").then().statusCode(202);

        MimeMessage mail = ArvServer.stack().mail().awaitReceived(1, m -> isTo(m, tenant.adminEmail()), Duration.ofSeconds(60)).get(0);
        assertThat(mail.getSubject()).isEqualTo("Сброс пароля ARV");
    }

    @Test
    void anApiKeyHasNoAccountToChange() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminKey()).body(Map.of("name", "Robot")).patch("/me").then().statusCode(403);
    }

    private static boolean isTo(MimeMessage mail, String recipient) {
        try {
            return mail.getAllRecipients() != null && Arrays.stream(mail.getAllRecipients())
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(recipient));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
