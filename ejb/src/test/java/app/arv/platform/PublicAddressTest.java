package app.arv.platform;

import org.junit.jupiter.api.Test;

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
}
