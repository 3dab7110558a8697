package app.arv.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailAddressTest {

    @Test
    void anOrdinaryAddressIsTakenWithoutTheSpacesAround() {
        assertThat(MailAddress.of("  boss@acme.example ")).contains("boss@acme.example");
    }

    @Test
    void anAddressWhoseDomainNoMailServerTakesIsRefused() {
        // Bean Validation's @Email takes it; Jakarta Mail refuses to send to it.
        assertThat(MailAddress.of("ops@corp_x.com")).isEmpty();
    }

    @Test
    void anAddressWithANameIsRefused() {
        assertThat(MailAddress.of("Boss <boss@acme.example>")).isEmpty();
    }

    @Test
    void twoAddressesAreRefused() {
        assertThat(MailAddress.of("boss@acme.example, ann@acme.example")).isEmpty();
    }

    @Test
    void noAddressIsRefused() {
        assertThat(MailAddress.of("boss at acme")).isEmpty();
        assertThat(MailAddress.of(" ")).isEmpty();
        assertThat(MailAddress.of(null)).isEmpty();
    }
}
