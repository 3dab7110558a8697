package app.arv.identity.sso;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailDomainsTest {

    @Test
    void anAddressesDomainIsLowerCase() {
        assertThat(EmailDomains.of("Ann.Lee@Example.COM")).contains("example.com");
    }

    @Test
    void theDomainIsAfterTheLastAt() {
        assertThat(EmailDomains.of("\"a@b\"@acme.example")).contains("acme.example");
    }

    @Test
    void anAddressWithoutADomainHasNone() {
        assertThat(EmailDomains.of("ann@")).isEmpty();
        assertThat(EmailDomains.of("ann")).isEmpty();
        assertThat(EmailDomains.of("@acme.example")).isEmpty();
    }

    @Test
    void anAllowedDomainIsStoredLowerCaseWithoutTrailingDot() {
        assertThat(EmailDomains.normalise(" Acme.Example. ")).contains("acme.example");
    }

    @Test
    void anInternationalDomainIsStoredInItsAsciiForm() {
        assertThat(EmailDomains.normalise("пример.рф")).contains("xn--e1afmkfd.xn--p1ai");
        assertThat(EmailDomains.of("анна@пример.рф")).contains("xn--e1afmkfd.xn--p1ai");
    }

    @Test
    void aSingleLabelOrMalformedNameIsNotADomain() {
        assertThat(EmailDomains.normalise("localhost")).isEmpty();
        assertThat(EmailDomains.normalise("acme..example")).isEmpty();
        assertThat(EmailDomains.normalise("-acme.example")).isEmpty();
        assertThat(EmailDomains.normalise("*.acme.example")).isEmpty();
        assertThat(EmailDomains.normalise("acme.example/path")).isEmpty();
    }

    @Test
    void aSubdomainIsADifferentDomain() {
        assertThat(EmailDomains.of("ann@mail.acme.example")).contains("mail.acme.example");
    }

    @Test
    void aPublicMailServicesDomainIsPublicWhateverItsCaseOnceNormalised() {
        assertThat(EmailDomains.normalise("GMail.com.").map(EmailDomains::isPublicMail)).contains(true);
        assertThat(EmailDomains.isPublicMail("proton.me")).isTrue();
    }

    @Test
    void aCompanysDomainIsNotPublicMailNorIsASubdomainOfAPublicOne() {
        assertThat(EmailDomains.isPublicMail("acme.example")).isFalse();
        assertThat(EmailDomains.isPublicMail("corp.gmail.com")).isFalse();
    }
}
