package app.arv.printkit;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrintKitRulesTest {

    @Test
    void thePublicUrlLosesItsTrailingSlash() {
        assertThat(new PrintKitRules(Optional.of("https://ar.example.com/"), 100).publicUrl()).contains("https://ar.example.com");
    }

    @Test
    void aBlankPublicUrlMeansTheRequestsOwnAddress() {
        assertThat(new PrintKitRules(Optional.of(" "), 100).publicUrl()).isEmpty();
        assertThat(new PrintKitRules(Optional.empty(), 100).publicUrl()).isEmpty();
    }

    @Test
    void aPublicUrlThatIsNoHttpUrlIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new PrintKitRules(Optional.of("ar.example.com"), 100).publicUrl())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ARV_PUBLIC_URL");
    }
}
