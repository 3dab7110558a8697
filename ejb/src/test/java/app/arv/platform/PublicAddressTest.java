package app.arv.platform;

import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicAddressTest {

    @Test
    void thePublicUrlLosesItsTrailingSlash() {
        assertThat(new PublicAddress(Optional.of("https://ar.example.com/")).url()).contains("https://ar.example.com");
    }

    @Test
    void aBlankPublicUrlMeansTheRequestsOwnAddress() {
        assertThat(new PublicAddress(Optional.of(" ")).url()).isEmpty();
        assertThat(new PublicAddress(Optional.empty()).url()).isEmpty();
    }

    @Test
    void aPublicUrlThatIsNoHttpUrlIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new PublicAddress(Optional.of("ar.example.com")).url())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ARV_PUBLIC_URL");
    }

    @Test
    void anAnonymousRequestsMailLinksToTheConfiguredAddressWhateverHostItCameBy() {
        PublicAddress configured = new PublicAddress(Optional.of("https://ar.example.com"));

        assertThat(configured.forAnonymousRequest("http://evil.example")).isEqualTo("https://ar.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080/arv", "http://[::1]:8080", "http://127.1.2.3"})
    void withoutAConfiguredAddressAnAnonymousRequestFromThisMachineLinksToItsOwnAddress(String requestBase) {
        assertThat(new PublicAddress(Optional.empty()).forAnonymousRequest(requestBase)).isEqualTo(requestBase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "https://ar.example.com", "http://10.0.0.5:8080", "http://localhost.evil.example",
            "http://127.0.0.1.evil.example"})
    void withoutAConfiguredAddressAnAnonymousRequestByAnyOtherHostIsRefusedAsUnavailable(String requestBase) {
        assertThatThrownBy(() -> new PublicAddress(Optional.empty()).forAnonymousRequest(requestBase))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("public_address_unset");
                });
    }

    @Test
    void aPrintedCodeLeadsToTheConfiguredAddressWhateverAddressTheRequestCameBy() {
        PublicAddress configured = new PublicAddress(Optional.of("https://ar.example.com/"));

        assertThat(configured.forPrintedLink("http://10.0.0.5:8080")).isEqualTo("https://ar.example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:8080/arv", "https://ar.example.com", "https://10.0.0.5:8181"})
    void withoutAConfiguredAddressACodeIsPrintedWithAnAddressItsCameraWorksAt(String requestBase) {
        assertThat(new PublicAddress(Optional.empty()).forPrintedLink(requestBase)).isEqualTo(requestBase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://ar.example.com", "http://10.0.0.5:8080", "http://localhost.evil.example"})
    void withoutAConfiguredAddressAPlainHttpAddressOfAnotherMachineIsNotPrinted(String requestBase) {
        assertThatThrownBy(() -> new PublicAddress(Optional.empty()).forPrintedLink(requestBase))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("public_address_unset");
                    assertThat(e.getMessage()).contains("print codes", "ARV_PUBLIC_URL");
                });
    }
}
